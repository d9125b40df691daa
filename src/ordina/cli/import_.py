"""``ordina import FILE... [--table T]``: load spreadsheets into the personnel database."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``import`` subcommand."""
    p = subparsers.add_parser(
        "import", parents=parents, help="importa fogli CSV o XLSX del personale",
        description="Importa uno o più file CSV o XLSX del personale. Le intestazioni si "
                    "scrivono come le esportano i gestionali ('Matricola', 'Cognome e nome', "
                    "'Codice fiscale', 'Qualifica', 'Servizio', '% part-time'...), senza badare "
                    "a maiuscole e accenti. La tabella è detta dal nome del file o del foglio, "
                    "da --table o, se no, dalle intestazioni. Gli esempi di ogni tabella, con "
                    "le colonne e i valori ammessi: 'ordina import --template CARTELLA' "
                    "(li copia dal pacchetto installato). Tutti i problemi vengono elencati con "
                    "file, riga e colonna; se ce n'è anche uno solo il database resta com'era. "
                    "Reimportare lo stesso file non cambia nulla.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="file .csv o .xlsx")
    p.add_argument("--table", metavar="T", help="tabella di destinazione, es. persone")
    p.add_argument("--map", action="append", default=[], metavar="COLONNA=CAMPO",
                   help="a quale campo va una colonna del file, es. --map \"Qualifica=profilo\" "
                        "(ripetibile)")
    p.add_argument("--strict", action="store_true",
                   help="una colonna sconosciuta è un errore (di norma è ignorata e segnalata)")
    p.add_argument("--dry-run", action="store_true",
                   help="mostra cosa verrebbe aggiunto, cambiato o lasciato com'è, senza scrivere")
    p.add_argument("--template", metavar="CARTELLA",
                   help="scrive in CARTELLA un CSV e un XLSX di esempio per ogni tabella")
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
    from ordina.errors import UserError
    from ordina.store.headers import parse_mapping
    from ordina.store.importer import (
        ImportOptions,
        ImportProblems,
        ImportWarnings,
        import_files,
    )

    if args.template:
        return _template(args)
    if not args.files:
        raise UserError("indica almeno un file da importare (o --template CARTELLA per gli "
                        "esempi)")
    try:
        options = ImportOptions(parse_mapping(args.map), args.strict, args.dry_run,
                                confirm=_ask_unit if sys.stdin.isatty() else None)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    db = open_store(args, demo=False, create=True)
    try:
        report = import_files(db, [Path(f) for f in args.files], args.table,
                              accept_warnings=args.accept_warnings, options=options)
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
    lines = [f"colonna '{header}' di {source}: ignorata (nessun campo corrisponde; "
             "usa --map \"Colonna=campo\")" for source, header in report.ignored]
    if report.dry_run:
        lines.append("prova (--dry-run): nessuna modifica scritta; si avrebbe:")
        lines += [f"  {name}: {t.inserted} da aggiungere, {t.updated} da cambiare, "
                  f"{t.unchanged} invariate" for name, t in report.tables.items()]
    else:
        lines += [f"{name}: {t.inserted} nuove, {t.updated} aggiornate, {t.unchanged} invariate"
                  for name, t in report.tables.items()]
        lines.append("nessuna modifica" if report.changed == 0
                     else f"{report.changed} righe scritte in {report.seconds:.2f} s")
    for warning in report.warnings:
        label = "avviso" if report.dry_run else "avviso accettato"
        print(f"{label}: {warning}", file=sys.stderr)
    emit(args, {"ok": True, "files": report.files, "tables": tables,
                "warnings": [w.__dict__ for w in report.warnings],
                "dry_run": report.dry_run,
                "ignored": [{"file": f, "column": h} for f, h in report.ignored],
                "seconds": round(report.seconds, 3)}, "\n".join(lines))
    return 0


def _ask_unit(written: str, name: str, code: str) -> bool:
    """On a terminal: does the user mean the unit whose name is almost what they wrote?"""
    import sys

    sys.stderr.write(f"unità '{written}' non trovata: intendi '{name}' ({code})? [sì/no] ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().casefold()
    return answer in ("s", "si", "sì", "y", "yes")


def _template(args: argparse.Namespace) -> int:
    """Write the example files of every table into the folder."""
    from pathlib import Path

    from ordina.cli.common import emit
    from ordina.store.templates import write_templates

    written = write_templates(Path(args.template))
    emit(args, {"files": [str(p) for p in written]},
         f"{len(written)} file di esempio in {Path(args.template).resolve()}:\n"
         + "\n".join(f"  {p.name}" for p in written))
    return 0
