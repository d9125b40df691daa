"""``ordina diff DATA1 DATA2``: what amendments changed between two dates."""

from __future__ import annotations

import argparse
import textwrap


def register(subparsers, parents) -> None:
    """Add the ``diff`` subcommand."""
    p = subparsers.add_parser(
        "diff", parents=parents, help="modifiche al regolamento tra due date",
        description="Confronta il testo in vigore a DATA1 con quello in vigore a DATA2 "
                    "(emendamenti in regulation/amendments/) e mostra commi sostituiti, "
                    "inseriti e abrogati, con l'atto che li ha cambiati.",
    )
    p.add_argument("date1", metavar="DATA1", help="prima data (GG/MM/AAAA o AAAA-MM-GG)")
    p.add_argument("date2", metavar="DATA2", help="seconda data")
    p.set_defaults(run=run)


def _block(label: str, text: str) -> list[str]:
    body = textwrap.wrap(" ".join(text.split()), width=88) or [""]
    return [f"  {label} {body[0]}"] + [f"    {line}" for line in body[1:]]


def format_changes(d1, d2, changes) -> str:
    """Changes as readable text, old and new wording of each."""
    span = f"tra il {d1:%d/%m/%Y} e il {d2:%d/%m/%Y}"
    if not changes:
        return f"Nessuna modifica {span}.\n"
    lines = [f"{len(changes)} modifiche {span}", ""]
    for c in changes:
        lines.append(f"{c.citation} – {c.kind}")
        lines += [f"  [{act}]" for act in c.acts]
        if c.before:
            lines += _block("- prima:", c.before)
        if c.after:
            lines += _block("+ ora:  ", c.after)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    """Print the changes, or a JSON object with ``--json``."""
    from ordina.cli.common import emit, open_db, parse_date
    from ordina.corpus import load_corpus
    from ordina.corpus.versions import diff

    d1, d2 = parse_date(args.date1), parse_date(args.date2)
    db = open_db(args)
    changes = diff(load_corpus(d1, db=db), load_corpus(d2, db=db))
    payload = {"from": d1.isoformat(), "to": d2.isoformat(),
               "changes": [c.to_dict() for c in changes]}
    emit(args, payload, format_changes(d1, d2, changes))
    return 0
