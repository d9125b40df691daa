"""``ordina receipt N``: the execution receipt of a register entry, and its recheck."""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers, parents) -> None:
    """Add the ``receipt`` subcommand."""
    p = subparsers.add_parser(
        "receipt", parents=parents, help="ricevuta di una decisione registrata (JSON)",
        description="Stampa in JSON la ricevuta della voce N del registro: impronte del "
                    "regolamento e degli emendamenti, versione di ordina, verifiche, fatti con "
                    "la fonte, motivazione, data, chi ha deciso. Con --recheck riesegue la "
                    "decisione con i fatti e il testo registrati e con quelli di oggi.",
    )
    p.add_argument("number", metavar="N", help="numero della voce")
    p.add_argument("--recheck", action="store_true",
                   help="riesegue con i fatti registrati e con quelli di oggi (o --as-of)")
    p.set_defaults(run=run)


def _describe(rerun) -> list[str]:
    from ordina.cli.register import _unique

    same = "stesso esito" if rerun.same else "ESITO DIVERSO"
    lines = [(f"{rerun.label[:1].upper()}{rerun.label[1:]}: {same} — verifiche «{rerun.verdict}»"
              f" (alla decisione: «{rerun.recorded_verdict}»; deciso: {rerun.recorded_outcome}).")]
    lines += [f"  {n}" for n in rerun.notes]
    if rerun.norme:
        lines.append("  Norme cambiate nel testo:")
        lines += [f"  - {c.describe()}" for c in _unique(rerun.norme)]
    if rerun.facts_changed:
        lines.append("  Fatti cambiati:")
        lines += [f"  - {f}" for f in rerun.facts_changed]
    if not rerun.same:
        changed = {c.norma.cite for c in rerun.norme}
        steps = [st for st in rerun.outcome.trace if st.citation in changed
                 and not st.step.startswith("Verifica «")]
        lines.append("  Perché: " + ("; ".join(f"{st.step} ({st.citation})" for st in steps)
                                     or rerun.outcome.answer.split("\n\n")[0]))
    return lines


def run(args: argparse.Namespace) -> int:
    """Print the receipt, or the two reruns with ``--recheck``."""
    from ordina.cli.common import as_of, emit
    from ordina.cli.storedb import open_store
    from ordina.errors import UserError
    from ordina.register.book import receipt_of
    from ordina.store.decisions import decision

    if not str(args.number).isdigit():
        raise UserError(f"numero di voce non valido: '{args.number}' (es. 'ordina receipt 1')")
    db = open_store(args)
    row = decision(db, int(args.number))
    if row is None:
        raise UserError(f"la voce n. {args.number} non è nel registro delle decisioni "
                        "(vedi 'ordina register')")
    if not args.recheck:
        json.dump(receipt_of(row), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from ordina.engine.registry import default_registry
    from ordina.register.recheck import recheck_recorded, recheck_today

    registry = default_registry(db)
    first = recheck_recorded(row, registry)
    second = recheck_today(db, row, registry, as_of(args))
    text = "\n".join([f"Voce n. {row.id}: {row.subject}", *_describe(first), *_describe(second)])
    emit(args, {"entry": row.id, "recorded": first.to_json(), "today": second.to_json()}, text)
    return 0
