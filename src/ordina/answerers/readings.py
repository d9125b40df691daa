"""An ambiguous word whose readings all give the same answer needs no question back.

"il nipote dell'assessore può avere un contratto ex art. 110?": «nipote» is a grandchild
(2nd degree) or a nephew (3rd degree), and art. 54 c. 2 bars relatives up to the 4th degree
either way. Each reading is answered; when all give the same decided verdict, that answer is
given, saying both readings were tried. Otherwise the question is asked, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ordina.answer import Answer
from ordina.query.kinship import compose
from ordina.query.model import Query

#: Undecided answers: a reading that leaves the verdict open is not an agreement.
_UNDECIDED = (None, "dati_mancanti")


def agreeing_answer(query: Query, answer: Callable[[Query], Answer]) -> Answer | None:
    """The answer every reading of the query's ambiguous kinship word gives, or None."""
    clar = next((c for c in query.clarifications if c.fact == "kinship" and c.options), None)
    if clar is None:
        return None
    others = [c for c in query.clarifications if c is not clar]
    results = []
    for option in clar.options:
        facts = {**query.facts, **compose([option]).facts()}
        results.append(answer(replace(query, facts=facts, clarifications=others)))
    verdicts = {r.verdict for r in results}
    if len(verdicts) != 1 or next(iter(verdicts)) in _UNDECIDED:
        return None
    first = results[0]
    english = query.lang == "en"
    note = ("Both readings of the ambiguous word were tried and give the same answer: "
            if english else "Ho provato entrambe le letture della parola ambigua, con lo "
                            "stesso esito: ")
    readings = " / ".join(_label(o) for o in clar.options)
    first.answer = f"{note}{readings}.\n\n{first.answer}"
    first.citations = list(dict.fromkeys(c for r in results for c in r.citations))[:5]
    return first


def _label(option: str) -> str:
    from ordina import facts

    label, degree, _kind = facts.KINSHIP.get(option, (option, 0, ""))
    return f"{label}, {degree}° grado" if degree else label
