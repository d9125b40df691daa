"""``ordina coverage``: every prescriptive comma and the checks and scenarios that implement it."""

from __future__ import annotations

import argparse
import sys


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
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``ordina coverage``."""
    import json

    from ordina.engine.coverage import coverage_report
    from ordina.engine.registry import default_registry, make_registry

    registry = make_registry(args.checks) if args.checks else default_registry()
    report = coverage_report(registry)
    if args.json:
        payload = report.to_json()
        if args.missing:
            payload["commi"] = [c for c in payload["commi"] if not c["checks"]]
        out = json.dumps(payload, ensure_ascii=False, indent=2)
    else:
        out = report.to_text(only_missing=args.missing)
    sys.stdout.write(out + "\n")
    return 0
