"""Answer one question: parse it, then hand it to the answerer of its intent.

This is the one dispatcher of ``ordina ask``, the TUI and ``serve``: the answerers are
registered by intent in :mod:`ordina.answerers` (the regulation's text, its structure, rule
look-ups, the checks and the database's look-ups). Parsing never opens the database; an
answerer opens it only when it needs it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ordina.answer import Answer, Missing
from ordina.answerers import Env, answerer_for
from ordina.answerers.regulation import EXAMPLE_QUESTIONS, closest_examples
from ordina.query import intents as I
from ordina.query.model import Query

#: Intents whose answer is a computation from figures in the question or the database.
CALCULATIONS = frozenset({I.POSITION_PAY, I.EVALUATION, I.EXCELLENCE_BONUS,
                          I.ECONOMIC_PROGRESSION, I.CAREER_PROGRESSION, I.MILEAGE, I.DEADLINE,
                          I.MOBILITY_RANKING, I.REMAINING_CAP, I.OVERDUE_REQUESTS,
                          I.ENDING_CONTRACTS, I.UNIT_HEADS, I.EXPIRING_ASSIGNMENTS})

#: How the answer names the intent of "se intendevi…", in Italian and English.
_ALTERNATIVE_NAMES = {
    I.LOOKUP: ("che cosa dice il regolamento", "what the regulation says"),
    I.STRUCTURE: ("dove lo regola il regolamento", "where the regulation deals with it"),
}

__all__ = ["EXAMPLE_QUESTIONS", "answer_query", "answer_question", "closest_examples"]


def answer_question(text: str, db: Any = None, as_of: date | None = None,
                    cli_facts: dict[str, Any] | None = None, *, lexicon: Any = None,
                    interview: Any = None) -> Answer:
    """Parse ``text`` and answer it.

    :param text: the question as typed.
    :param db: the personnel database (sqlite_utils.Database), a function that opens it
        (called only when the question needs it), or None.
    :param as_of: the reference date (default today).
    :param cli_facts: facts from ``--fact``, already parsed by :mod:`ordina.facts`.
    :param lexicon: names to resolve; default: read from ``db`` when given.
    :param interview: optional callback asking missing facts (see ``ordina.engine``).
    :raises ordina.errors.UserError: empty or oversized question, unknown reference.
    """
    from ordina.query import parse_question

    as_of = as_of or date.today()
    env = db if isinstance(db, Env) else Env(db, as_of)
    if lexicon is None and db is not None:
        from ordina.query.lexicon import LazyLexicon, store_lexicon

        lexicon = LazyLexicon(lambda: store_lexicon(env.db()))
    query = parse_question(text, lexicon, today=as_of)
    return answer_query(query, env, as_of, cli_facts or {}, interview=interview)


def answer_query(query: Query, db: Any, as_of: date, cli_facts: dict[str, Any],
                 interview: Any = None) -> Answer:
    """Answer an already parsed :class:`Query` (``db`` as in :func:`answer_question`)."""
    env = db if isinstance(db, Env) else Env(db, as_of)
    env.as_of, env.cli_facts, env.interview = as_of, dict(cli_facts), interview
    result = answerer_for(query.intent)(query, env)
    result = _with_clarifications(result, query)
    if result.kind is None:
        result.kind = _kind(result)
    if query.alternative:
        result.answer += _alternative_note(query)
    return result


def _kind(result: Answer) -> str:
    """lookup, decision, structure, search or calculation, when the answerer did not say."""
    if result.intent in CALCULATIONS:
        return "calculation"
    if result.verdict is not None:
        return "decision"
    if result.intent == I.SEARCH:
        return "search"
    return "lookup"


def _alternative_note(query: Query) -> str:
    """'Se intendevi…': the other plausible reading, with a way to ask it."""
    english = query.lang == "en"
    alt = query.alternative or ""
    name = _ALTERNATIVE_NAMES.get(alt)
    if name is None:
        label = ("a decision on the case: give the facts" if english
                 else "una decisione sul caso: indica i fatti")
    else:
        label = name[1] if english else name[0]
    if english:
        return f"\n\nIf you meant {label}, rephrase the question."
    return f"\n\nSe intendevi {label}, riformula la domanda."


def _with_clarifications(result: Answer, query: Query) -> Answer:
    """Put the query's own questions ("nipote" is ambiguous) in front of the engine's."""
    questions = [c for c in query.clarifications if c.fact != "subject" or not c.options]
    if not questions:
        return result
    notes = "\n".join(f"- {c.question}" for c in questions)
    result.answer = f"{notes}\n\n{result.answer}".strip()
    for clar in questions:
        if clar.fact == "subject":
            continue
        for i, miss in enumerate(result.missing):
            if miss.fact == clar.fact:
                result.missing[i] = Missing(clar.fact, clar.question)
                break
        else:
            if result.verdict == "dati_mancanti":
                result.missing.insert(0, Missing(clar.fact, clar.question))
    return result
