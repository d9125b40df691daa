"""``ordina ask QUESTION``: answer a question in Italian or English.

Imports stay inside :func:`run`: the cold path of ``ordina ask`` must stay under 0.5 s
and never import Textual.
"""

from __future__ import annotations

import argparse

from ordina.cli.terminal import add_format_option


def register(subparsers, parents) -> None:
    """Add the ``ask`` subcommand."""
    p = subparsers.add_parser(
        "ask", parents=parents, help="fai una domanda (in italiano o in inglese)",
        description="Risponde a una domanda sul regolamento o sul personale, citando i commi: "
                    "'art. 88 c. 3', 'chi sostituisce il segretario il 3 marzo 2027?', "
                    "'un dipendente al 40% di part-time può fare il libero professionista?'. "
                    "I fatti mancanti si danno con --fact NOME=VALORE (elenco: 'ordina facts').",
    )
    p.add_argument("question", nargs="*", metavar="DOMANDA",
                   help="la domanda, tra virgolette o no")
    p.add_argument("--fact", "-f", action="append", default=[], metavar="NOME=VALORE",
                   help="un fatto noto, es. part_time_percent=40 (ripetibile)")
    p.add_argument("--interview", action="store_true",
                   help="chiedi a voce i fatti mancanti, uno alla volta, dal più decisivo")
    add_format_option(p)
    p.set_defaults(run=run)


def _open(args: argparse.Namespace):  # -> sqlite_utils.Database
    """The database, with the personnel schema (and the demo on the default database)."""
    try:
        from ordina.cli.storedb import open_store
    except ImportError:
        from ordina.cli.common import open_db
        from ordina.store import ensure_demo, ensure_schema

        db = open_db(args)
        ensure_schema(db)
        if not getattr(args, "db", None):
            ensure_demo(db)
        return db
    return open_store(args)


def _interviewer():
    """Ask each missing fact on the terminal; an empty answer stops the interview."""
    import sys

    from ordina.errors import UserError
    from ordina.facts import FACTS, parse_value

    def ask(missing):
        fact = FACTS.get(missing.fact)
        while True:
            sys.stderr.write(f"{missing.question} ")
            sys.stderr.flush()
            line = sys.stdin.readline()
            if not sys.stdin.isatty():
                sys.stderr.write(line if line.endswith("\n") else line + "\n")  # echo piped
            line = line.strip()
            if not line:
                return None
            if fact is None:
                return line
            try:
                return parse_value(fact, line)
            except UserError as exc:
                sys.stderr.write(f"{exc}\n")

    return ask


def run(args: argparse.Namespace) -> int:
    """Parse, answer, print (Markdown text, or the JSON contract with ``--json``)."""
    from ordina.ask import answer_question
    from ordina.cli.common import as_of
    from ordina.facts import parse_assignments
    from ordina.query.api import check_text

    text = check_text(" ".join(args.question))
    stated = parse_assignments(args.fact)
    interview = _interviewer() if args.interview else None
    # the database is opened only if the question needs it (not for "art. 88 c. 3")
    result = answer_question(text, lambda: _open(args), as_of(args), stated,
                             interview=interview)
    show(args, result)
    return 0


def show(args: argparse.Namespace, result) -> None:
    """The answer for people: the verdict, the answer's Markdown, the references."""
    from ordina.answer import VERDICT_LABELS
    from ordina.cli.terminal import show_markdown

    verdict = VERDICT_LABELS.get(result.verdict, result.verdict).upper() if result.verdict \
        else ""
    footer = "Riferimenti: " + "; ".join(result.citations) if result.citations else ""
    show_markdown(args, result.to_json(), result.answer, verdict=result.verdict,
                  verdict_text=verdict, footer=footer)
