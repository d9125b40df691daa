"""``ordina check``: the whole-Comune audit, the list of checks, the scenario files."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Add ``ordina check`` to the CLI."""
    p = subparsers.add_parser(
        "check", parents=parents, help="verifiche di conformità: audit dell'intero Comune",
        description="Esegue le verifiche del regolamento. Con --all controlla ogni persona, "
                    "incarico, ufficio, unità e contratto del database alla data --as-of e "
                    "scrive i rilievi (gravità, chi o cosa, esito, citazioni, motivazione).",
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument("--all", action="store_true", help="audit dell'intero Comune")
    what.add_argument("--list", action="store_true", help="elenca le verifiche caricate")
    what.add_argument("--scenarios", action="store_true",
                      help="esegue i file di scenario (YAML) accanto alle verifiche")
    p.add_argument("--format", choices=("md", "json"), default=None,
                   help="formato del rapporto (predefinito md; json come --json)")
    p.add_argument("--only", action="append", default=[], metavar="ID",
                   help="solo queste verifiche (id o prefisso, es. incarichi_esterni)")
    p.add_argument("--checks", action="append", default=[], metavar="DIR",
                   help="cartella con verifiche proprie del Comune (anche ORDINA_CHECKS_DIR)")
    p.add_argument("--no-trace", action="store_true", help="rapporto senza motivazioni")
    p.set_defaults(run=run)


def _registry(args: argparse.Namespace):  # -> Registry
    from ordina.engine.registry import default_registry, make_registry

    return make_registry(args.checks) if args.checks else default_registry()


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _list(args: argparse.Namespace) -> int:
    import json

    registry = _registry(args)
    rows = [{"id": c.id, "title": c.title, "intents": list(c.intents),
             "audit": list(c.audit), "citations": list(c.all_citations())}
            for c in registry.checks]
    rows += [{"id": lk.id, "title": lk.title, "intents": list(lk.intents), "audit": [],
              "citations": list(lk.citations)} for lk in registry.lookups]
    if args.json or args.format == "json":
        _write(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    lines = [f"{len(registry.checks)} verifiche e {len(registry.lookups)} ricerche caricate:"]
    for row in rows:
        lines.append(f"- {row['id']}: {row['title']} ({', '.join(row['citations'][:4])}"
                     + ("…" if len(row["citations"]) > 4 else "") + ")")
    _write("\n".join(lines))
    return 0


def _scenarios(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ordina.engine.scenarios import failures, load_scenarios, run_scenario, scenario_files
    from ordina.plugins import builtin_checks_dir, extra_dirs

    registry = _registry(args)
    folders = [builtin_checks_dir(), *extra_dirs([Path(d) for d in args.checks])]
    total, bad = 0, []
    for folder in folders:
        for path in scenario_files(folder):
            for scenario in load_scenarios(path):
                total += 1
                problems = failures(scenario, run_scenario(scenario, registry))
                if problems:
                    bad.append(f"FALLITO {scenario.label}: " + "; ".join(problems))
    _write("\n".join([*bad, f"{total - len(bad)} scenari su {total} superati."]))
    return 1 if bad else 0


def run(args: argparse.Namespace) -> int:
    """Run ``ordina check``."""
    import json

    from ordina.cli.common import as_of
    from ordina.errors import UserError

    if args.list:
        return _list(args)
    if args.scenarios:
        return _scenarios(args)
    if not args.all:
        raise UserError("indicare cosa verificare: --all (audit), --list o --scenarios")
    from ordina.cli.storedb import open_store
    from ordina.cli.terminal import output_kind, show_markdown
    from ordina.engine.audit import run_audit
    from ordina.engine.context import Context

    ctx = Context(as_of=as_of(args), db=open_store(args), registry=_registry(args))
    report = run_audit(ctx, args.only)
    if args.json or args.format == "json":
        _write(json.dumps(report.to_json(), ensure_ascii=False, indent=2, default=str))
    elif args.format is None and output_kind(args) == "rich":  # a person at a terminal
        show_markdown(args, None, report.to_markdown(with_trace=not args.no_trace))
    else:  # the report is a Markdown document (piped, saved, --format md)
        _write(report.to_markdown(with_trace=not args.no_trace))
    return 0
