"""Organigramma: chi è una persona, chi dirige un'unità, chi ricopre un ufficio a una data.

«Chi è la Neri?», «who heads the technical area?», «chi è il Vice Segretario a marzo?» are
answered from the database as of the date of the question, by :mod:`ordina.directory` (the
plain look-ups, which decide nothing). Registered here like every other answer, so the
router finds the examples below and ``ordina ask --json`` says ``"kind": "lookup"``. The
Responsabili di Area are appointed by the Sindaco (art. 14 c. 1); an absent one may be
replaced ad interim (art. 17 c. 1).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ordina.directory import answer_lookup
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import question_date, question_end
from ordina.formato import data
from ordina.hookspecs import hookimpl
from ordina.query.periods import Period, describe, segments

#: The longest period answered day by day.
MAX_PERIOD_DAYS = 92
#: Limits of how an answer is shown, not numbers of the regulation.
NON_NORMATIVI = ('MAX_PERIOD_DAYS',)


def who(query: Any, ctx: Context) -> Outcome:
    """The person, unit or office of the question, as the database has it on the date."""
    if ctx.db is None:
        return Outcome(None, "Per sapere chi è chi serve il database del personale.",
                       ("art. 14 c. 1",))
    on = question_date(query, ctx)
    until = question_end(query, on, MAX_PERIOD_DAYS)
    if until is not None:
        return _over_period(query, ctx, Period(on, until))
    found = answer_lookup(query, ctx.db, on)
    if found is None:
        return Outcome(None, "Di chi parli? Indica una persona, un'area o un ufficio.",
                       ("art. 14 c. 1",))
    return Outcome(None, found.answer, tuple(found.citations))


def _over_period(query: Any, ctx: Context, period: Period) -> Outcome:
    """The answer for each part of the period where it changes ("dal 1 al 4 X, dal 5 Y")."""
    def key(day: date) -> str:
        found = answer_lookup(query, ctx.db, day)
        # only the answer's own "al <day>": other dates in it (an absence "fino al …")
        # are facts, not the day asked
        return found.answer.replace(data(day), "{data}", 1) if found is not None else ""

    parts = segments(period, key)
    cited: list[str] = []
    for first, _last, _body in parts:
        found = answer_lookup(query, ctx.db, first)
        cited += [c for c in (found.citations if found is not None else ()) if c not in cited]
    english = getattr(query, "lang", "it") == "en"
    on_day = "on {data}" if english else "al {data}"
    whole = describe(period.start, period.end, english)
    if len(parts) == 1:
        text = parts[0][2].replace(on_day, whole)
    else:
        text = "\n".join(f"- **{describe(first, last, english)}**: "
                         + body.replace(f" {on_day}", "", 1).replace("{data}", data(first))
                         for first, last, body in parts)
    return Outcome(None, text.replace("{data}", whole), tuple(cited))


CHI_E = Lookup(
    id="organigramma.chi_e",
    title="Chi è una persona, chi dirige un'unità o ricopre un ufficio",
    citations=("art. 14 c. 1", "art. 17 c. 1"),
    intents=("who",),
    run=who,
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """Who is who on a date."""
    return [CHI_E]
