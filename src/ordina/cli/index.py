"""``ordina index``: rebuild the regulation index in the database."""

from __future__ import annotations

import argparse


def register(subparsers, parents) -> None:
    """Add the ``index`` subcommand."""
    p = subparsers.add_parser(
        "index", parents=parents, help="ricostruisce l'indice del regolamento",
        description="Rilegge il regolamento e l'organigramma e ricostruisce l'indice nel "
                    "database (di solito non serve: l'indice si crea al primo uso e si "
                    "aggiorna da solo quando cambiano testo o emendamenti). Con --source "
                    "indicizza il regolamento di un altro Comune e segnala, con il numero di "
                    "riga, le parti che non ha saputo leggere. Se qualcosa va storto il "
                    "database resta com'era.",
    )
    p.add_argument("--source", metavar="FILE", help="file di testo UTF-8 del regolamento")
    p.add_argument("--predefinito", action="store_true",
                   help="torna al regolamento fornito con ordina")
    p.set_defaults(run=run)


def _lines(first: int, last: int) -> str:
    return f"riga {first}" if first == last else f"righe {first}-{last}"


def format_report(report) -> str:
    """The build report: counts, lines not read as text, anomalies."""
    from pathlib import Path

    summary = (f"Indice ricostruito da {Path(report.source).name} in {report.seconds:.2f} s: "
               f"{report.articles} articoli, {report.units} parti, {report.refs} rinvii "
               f"({report.unresolved} da verificare con 'ordina lint').")
    lines = [summary]
    runs = report.skipped_ranges()
    if runs:
        lines += ["", "Righe non lette come testo di un articolo:"]
        lines += [f"  {_lines(a, b)}: {reason}" for a, b, reason in runs]
    if report.anomalies:
        lines += ["", "Anomalie di numerazione:"]
        lines += [f"  riga {a.line}: {a.reason}" for a in report.anomalies]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Rebuild and print the report (JSON with ``--json``)."""
    from ordina.cli.common import emit, open_db
    from ordina.corpus.index import build_index, stored_state
    from ordina.errors import UserError

    if args.source and args.predefinito:
        raise UserError("usare --source oppure --predefinito, non entrambi")
    db = open_db(args)
    source = args.source
    if not source and not args.predefinito:
        state = stored_state(db)
        source = state.source if state and state.source else None
    report = build_index(db, source=source)
    emit(args, report.to_dict(), format_report(report))
    return 0
