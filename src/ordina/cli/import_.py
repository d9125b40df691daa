"""``ordina import FILE... [--table T]``: load spreadsheets into the personnel database."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``import`` subcommand."""
    p = subparsers.add_parser(
        "import", parents=parents, help="importa fogli CSV o XLSX del personale",
        description="Importa uno o più file CSV o XLSX con intestazioni in italiano (vedi il "
                    "README e gli esempi in examples/). Il nome del file (o del foglio) dice "
                    "la tabella, oppure --table. Tutti i problemi vengono elencati con file, "
                    "riga e colonna; se ce n'è anche uno solo il database resta com'era. "
                    "Reimportare lo stesso file non cambia nulla.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="file .csv o .xlsx")
    p.add_argument("--table", metavar="T", help="tabella di destinazione, es. persone")
    p.add_argument("--accept-warnings", action="store_true",
                   help="importa anche con avvisi (caratteri invisibili rimossi, probabili "
                        "doppioni), che vengono elencati")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import, then print what changed (or every problem and exit 2)."""
    import json
    import sys
    from pathlib import Path

    from ordina.cli.common import emit
    from ordina.cli.storedb import open_store
    from ordina.store.importer import ImportProblems, ImportWarnings, import_files

    db = open_store(args, demo=False, create=True)
    try:
        report = import_files(db, [Path(f) for f in args.files], args.table,
                              accept_warnings=args.accept_warnings)
    except ImportProblems as exc:
        if getattr(args, "json", False):
            key = "warnings" if isinstance(exc, ImportWarnings) else "problems"
            json.dump({"ok": False, key: [p.__dict__ for p in exc.problems]},
                      sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            prefix = "avviso: " if isinstance(exc, ImportWarnings) else ""
            for problem in exc.problems:
                print(f"{prefix}{problem}", file=sys.stderr)
        raise
    tables = {name: t.__dict__ for name, t in report.tables.items()}
    lines = [f"{name}: {t.inserted} nuove, {t.updated} aggiornate, {t.unchanged} invariate"
             for name, t in report.tables.items()]
    lines.append("nessuna modifica" if report.changed == 0
                 else f"{report.changed} righe scritte in {report.seconds:.2f} s")
    for warning in report.warnings:
        print(f"avviso accettato: {warning}", file=sys.stderr)
    emit(args, {"ok": True, "files": report.files, "tables": tables,
                "warnings": [w.__dict__ for w in report.warnings],
                "seconds": round(report.seconds, 3)}, "\n".join(lines))
    return 0
