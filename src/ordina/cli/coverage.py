"""``ordina coverage``: every prescriptive comma and the checks and scenarios that implement it."""

from __future__ import annotations

import argparse
import sys

from ordina.cli.terminal import add_format_option


def register(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Add ``ordina coverage`` to the CLI."""
    p = subparsers.add_parser(
        "coverage", parents=parents, help="quali commi prescrittivi sono coperti da verifiche",
        description="Elenca ogni comma prescrittivo del regolamento con le verifiche e gli "
                    "scenari che lo attuano, e il totale dei commi coperti.",
    )
    p.add_argument("--missing", action="store_true", help="solo i commi non coperti")
    p.add_argument("--checks", action="append", default=[], metavar="DIR",
                   help="cartella con verifiche proprie del Comune")
    add_format_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``ordina coverage``."""
    import json

    from ordina.engine.coverage import coverage_report
    from ordina.engine.registry import default_registry, make_registry

    registry = make_registry(args.checks) if args.checks else default_registry()
    report = coverage_report(registry)
    if args.json or args.format == "json":
        payload = report.to_json()
        if args.missing:
            payload["commi"] = [c for c in payload["commi"] if not c["checks"]]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    from ordina.cli.terminal import show_table

    rows = [("✔" if c.checks else "·", c.citation, ", ".join(c.checks) or "nessuna verifica",
             c.scenarios or "") for c in report.commi if not (args.missing and c.checks)]
    n = len(report.commi)
    totals = (f"Commi prescrittivi: {n}; coperti da verifiche o ricerche: {report.covered} "
              f"({report.covered * 100 // max(n, 1)}%); con scenari: {report.tested} "
              f"({report.tested * 100 // max(n, 1)}%).")
    show_table(args, None, ("", "Comma", "Verifiche", "Scenari"), rows, after=totals)
    return 0
