"""Organigramma: chi è una persona, chi dirige un'unità, chi ricopre un ufficio a una data.

«Chi è la Neri?», «who heads the technical area?», «chi è il Vice Segretario a marzo?» are
answered from the database as of the date of the question, by :mod:`ordina.directory` (the
plain look-ups, which decide nothing). Registered here like every other answer, so the
router finds the examples below and ``ordina ask --json`` says ``"kind": "lookup"``. The
Responsabili di Area are appointed by the Sindaco (art. 14 c. 1); an absent one may be
replaced ad interim (art. 17 c. 1).
"""

from __future__ import annotations

from typing import Any

from ordina.directory import answer_lookup
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import question_date
from ordina.hookspecs import hookimpl


def who(query: Any, ctx: Context) -> Outcome:
    """The person, unit or office of the question, as the database has it on the date."""
    if ctx.db is None:
        return Outcome(None, "Per sapere chi è chi serve il database del personale.",
                       ("art. 14 c. 1",))
    found = answer_lookup(query, ctx.db, question_date(query, ctx))
    if found is None:
        return Outcome(None, "Di chi parli? Indica una persona, un'area o un ufficio.",
                       ("art. 14 c. 1",))
    return Outcome(None, found.answer, tuple(found.citations))


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
