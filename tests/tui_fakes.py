"""A stand-in answerer for app tests: fixed answers, a real interview, no engine needed.

It follows the ``ordina.ask.answer_question(text, db, as_of, facts)`` signature and the
Answer contract, so the app is tested against the contract, not an implementation.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ordina.answer import Answer, Missing, TraceStep

CALLS: list[tuple[str, dict[str, Any]]] = []


def fake_answerer(text: str, db: Any, as_of: date, facts: dict[str, Any]) -> Answer:
    """Answers "art. 88 c. 3" and interviews "srl" questions (part time, then paid)."""
    CALLS.append((text, dict(facts)))
    if "srl" in text:
        return _srl(text, facts)
    if "88" in text:
        return Answer(
            query=text, intent="article", verdict=None,
            answer="Gli incarichi autorizzati non possono superare **un quinto** del "
                   "trattamento economico fondamentale lordo.",
            citations=["art. 88 c. 3"],
            trace=[TraceStep("Cercato il comma richiesto", "art. 88 c. 3")],
        )
    return Answer(query=text, intent="search", answer="Nessun risultato per la domanda.")


def _srl(text: str, facts: dict[str, Any]) -> Answer:
    percent = facts.get("part_time_percent")
    if percent is None:
        return Answer(
            query=text, intent="external_assignment", verdict="dati_mancanti",
            answer="Serve sapere il regime orario del dipendente.",
            citations=["art. 87 c. 1 lett. d"],
            missing=[Missing("part_time_percent", "Qual è la percentuale del part-time?"),
                     Missing("paid", "L'incarico è retribuito?")],
        )
    if percent > 50:
        return Answer(
            query=text, intent="external_assignment", verdict="vietato",
            answer="Vietato ai dipendenti a tempo pieno o con part-time oltre il 50%.",
            citations=["art. 87 c. 1 lett. d"],
            trace=[TraceStep(f"Part-time al {percent:g}% (> 50%)", "art. 87 c. 1"),
                   TraceStep("Cariche in società a fine di lucro vietate",
                             "art. 87 c. 1 lett. d")],
        )
    if "paid" not in facts:
        return Answer(
            query=text, intent="external_assignment", verdict="dati_mancanti",
            answer="Con part-time fino al 50% decide il compenso.",
            citations=["art. 87 c. 3"],
            missing=[Missing("paid", "L'incarico è retribuito?")],
        )
    verdict = "autorizzazione" if facts["paid"] else "comunicazione"
    return Answer(query=text, intent="external_assignment", verdict=verdict,
                  answer="Consentito con le regole del part-time.", citations=["art. 87 c. 3"])


def aio(test):
    """Run an async test function with asyncio (no pytest async plugin is needed)."""
    import asyncio
    import functools

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper
