"""``ordina check``: the whole-Comune audit, the list of checks, the scenario files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

#: Report formats of ``check --all``.
FORMATS = ("md", "json", "csv", "xlsx", "html")


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
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="formato del rapporto: md (predefinito), json, csv, xlsx, html "
                        "(xlsx richiede -o FILE)")
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="scrive il rapporto in FILE invece che a video")
    p.add_argument("--check", "--only", dest="only", action="append", default=[], metavar="ID",
                   help="solo queste verifiche (id o prefisso, es. incarichi_esterni)")
    p.add_argument("--person", metavar="NOME", default=None,
                   help="solo i soggetti di questa persona (cognome, nome e cognome, matricola)")
    p.add_argument("--unit", metavar="NOME", default=None,
                   help="solo i soggetti di questa unità e di quelle sottostanti")
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


def _check_ids(registry, only: list[str]) -> list[str]:
    """``--check`` values, each an id or a module prefix of a loaded check, else an error."""
    from ordina.errors import UserError

    ids = [c.id for c in registry.checks]
    for wanted in only:
        if not any(i == wanted or i.startswith(wanted + ".") for i in ids):
            from rapidfuzz import process

            near = [m for m, score, _ in process.extract(wanted, ids, limit=3) if score >= 80]
            raise UserError(f"verifica sconosciuta: «{wanted}»"
                            + (f"; forse cercavi: {', '.join(near)}" if near else "")
                            + " (elenco completo: ordina check --list)")
    return only


def _person(db, text: str):  # -> Person
    """The one person ``--person`` names (matricola, surname, full name), else an error."""
    from ordina.errors import UserError
    from ordina.store import queries as q

    found = q.person_by_code(db, text.strip())
    people = [found] if found is not None else q.find_people(db, text, limit=11)
    if len(people) == 1:
        return people[0]
    if people:
        shown = ", ".join(f"{p.name} (matr. {p.code})" for p in people[:10])
        more = f" e altre {len(people) - 10}" if len(people) > 10 else ""
        raise UserError(f"più persone corrispondono a «{text}»: {shown}{more}; indica nome e "
                        "cognome o la matricola")
    hint = q.suggest_people(db, text)
    raise UserError(f"nessuna persona corrisponde a «{text}»"
                    + (f"; forse cercavi: {', '.join(hint)}" if hint else ""))


def _unit(db, text: str, on):  # -> (Unit, set[int])
    """The unit ``--unit`` names and the ids of it and every unit below, else an error."""
    from ordina.errors import UserError
    from ordina.store import queries as q
    from ordina.store.organisation import unit_chart, units_below
    from ordina.store.text import fold

    found = q.unit_by_code(db, text.strip())
    if found is None:
        units = q.find_units(db, text, on=on, limit=11)
        exact = [u for u in units if fold(u.name) == fold(text)]
        if len(exact) == 1 or len(units) == 1:
            found = (exact or units)[0]
        elif units:
            shown = ", ".join(u.name for u in units[:10])
            more = f" e altre {len(units) - 10}" if len(units) > 10 else ""
            raise UserError(f"più unità corrispondono a «{text}»: {shown}{more}; indica il "
                            "nome completo o il codice")
    if found is None:
        hint = q.suggest_units(db, text)
        raise UserError(f"nessuna unità corrisponde a «{text}»"
                        + (f"; forse cercavi: {', '.join(hint)}" if hint else ""))
    return found, units_below(unit_chart(db), found.id)


def _emit(report, args: argparse.Namespace) -> None:
    """Write the report in the chosen format, to ``-o FILE`` or to standard output."""
    import json

    from ordina import audit_output
    from ordina.errors import UserError

    fmt = "json" if args.json and not args.format else (args.format or "md")
    if args.output is None and fmt == "xlsx":
        raise UserError("il formato xlsx va scritto in un file: aggiungi -o FILE.xlsx")
    out = Path(args.output) if args.output else None
    if out is not None and not out.parent.exists():
        raise UserError(f"cartella inesistente: {out.parent}")
    if fmt == "xlsx":
        audit_output.write_xlsx(report, out)  # type: ignore[arg-type]
        sys.stderr.write(f"Rapporto scritto in {out} ({len(report.findings)} rilievi).\n")
        return
    if fmt == "json":
        text = json.dumps(report.to_json(), ensure_ascii=False, indent=2, default=str)
    elif fmt == "csv":
        text = audit_output.to_csv(report)
    elif fmt == "html":
        text = audit_output.to_html(report, with_trace=not args.no_trace)
    else:
        text = report.to_markdown(with_trace=not args.no_trace)
    if out is None and args.format is None and not args.json:
        from ordina.cli.terminal import output_kind, show_markdown

        if output_kind(args) == "rich":  # a person at a terminal: rendered, not raw
            show_markdown(args, None, text)
            return
    if out is None:
        _write(text)
    else:
        out.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        sys.stderr.write(f"Rapporto scritto in {out} ({len(report.findings)} rilievi).\n")


def run(args: argparse.Namespace) -> int:
    """Run ``ordina check``."""
    from ordina.cli.common import as_of
    from ordina.errors import UserError

    if args.list:
        return _list(args)
    if args.scenarios:
        return _scenarios(args)
    if not args.all:
        raise UserError("indicare cosa verificare: --all (audit), --list o --scenarios")
    from ordina.cli.storedb import open_store
    from ordina.engine.audit import run_audit
    from ordina.engine.context import Context

    registry = _registry(args)
    only = _check_ids(registry, args.only)
    on = as_of(args)
    db = open_store(args)
    scope, person, units = [], None, None
    if args.person:
        who = _person(db, args.person)
        person = who.id
        scope.append(f"persona {who.name}")
    if args.unit:
        unit, units = _unit(db, args.unit, on)
        scope.append(f"unità {unit.name} e sottostanti")
    if only:
        scope.append("verifiche " + ", ".join(only))
    ctx = Context(as_of=on, db=db, registry=registry, person=person)
    report = run_audit(ctx, only, units)
    report.scope = "; ".join(scope)
    _emit(report, args)
    return 0
