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


#: Answers that mean "I do not know": the fact stays unknown and the interview goes on.
UNKNOWN_WORDS = frozenset({"", "non so", "non lo so", "forse", "boh", "?", "nonso", "n/d"})

#: What a typed value looks like, by fact type (shown beside the question).
_HINTS = {"bool": "sì / no / non so", "percent": "percentuale, es. 50",
          "amount": "euro, es. 1.500", "number": "numero", "int": "numero intero",
          "date": "GG/MM/AAAA", "str": "testo"}


def allowed_answers(fact) -> str:
    """The answers a fact accepts, as the prompt shows them ("sì / no / non so")."""
    if fact is None:
        return "testo, o Invio per non so"
    if fact.type == "choice":
        return " / ".join(fact.labels.get(c, c) for c in fact.choices) + " / non so"
    hint = _HINTS.get(fact.type, "testo")
    return hint if fact.type == "bool" else f"{hint}; Invio per non so"


def _ask_fact(missing):
    """Ask one fact on the terminal: its value, or None for "non so" (also Invio alone)."""
    import sys

    from ordina.errors import UserError
    from ordina.facts import FACTS, normalise_word, parse_value

    fact = FACTS.get(missing.fact)
    while True:
        sys.stderr.write(f"{missing.question} [{allowed_answers(fact)}] ")
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line:  # end of input: nothing more to say
            sys.stderr.write("\n")
            return None
        if not sys.stdin.isatty():
            sys.stderr.write(line if line.endswith("\n") else line + "\n")  # echo piped
        line = line.strip()
        if normalise_word(line) in UNKNOWN_WORDS:
            return None
        if fact is None:
            return line
        try:
            return parse_value(fact, line)
        except UserError as exc:
            sys.stderr.write(f"{exc}\n")


#: The most questions one interview asks (every missing fact, at most).
MAX_QUESTIONS = 20


def interview(text: str, open_db, on, stated: dict):
    """Answer, ask the first missing fact, answer again: until no fact that can change
    the answer is left to ask. "Non so" skips a fact and goes on with the next."""
    from ordina.ask import answer_question

    facts, skipped = dict(stated), set()
    result = answer_question(text, open_db, on, facts)
    for _ in range(MAX_QUESTIONS):
        pending = [m for m in result.missing if m.fact not in skipped and m.fact not in facts]
        if not pending:  # a permitted bound still lists the facts that may lighten it
            break
        value = _ask_fact(pending[0])
        if value is None:
            skipped.add(pending[0].fact)
            continue
        facts[pending[0].fact] = value
        result = answer_question(text, open_db, on, facts)
    return result


class _Once:
    """Opens the database on the first call only (an interview answers several times)."""

    def __init__(self, opener) -> None:
        self._opener, self._db = opener, None

    def __call__(self):
        if self._db is None:
            self._db = self._opener()
        return self._db


def run(args: argparse.Namespace) -> int:
    """Parse, answer, print (Markdown text, or the JSON contract with ``--json``)."""
    from ordina.ask import answer_question
    from ordina.cli.common import as_of
    from ordina.facts import parse_assignments
    from ordina.query.api import check_text

    text = check_text(" ".join(args.question))
    stated = parse_assignments(args.fact)
    # the database is opened only if the question needs it (not for "art. 88 c. 3")
    database = _Once(lambda: _open(args))
    if args.interview:
        result = interview(text, database, as_of(args), stated)
    else:
        result = answer_question(text, database, as_of(args), stated)
    show(args, result)
    return 0


def show(args: argparse.Namespace, result) -> None:
    """The answer for people: the verdict, the answer's Markdown, the references."""
    from ordina.answer import VERDICT_LABELS, VERDICT_LABELS_EN
    from ordina.cli.terminal import show_markdown

    english = getattr(result, "lang", "it") == "en"
    labels = VERDICT_LABELS_EN if english else VERDICT_LABELS
    verdict = labels.get(result.verdict, result.verdict).upper() if result.verdict else ""
    refs = "References: " if english else "Riferimenti: "
    footer = refs + "; ".join(result.citations) if result.citations else ""
    show_markdown(args, result.to_json(), result.answer, verdict=result.verdict,
                  verdict_text=verdict, footer=footer,
                  outcome_word="Outcome" if english else "Esito")
