"""The database's rows about the person a rule look-up names.

"Entro che giorno dobbiamo rispondere a Ricci?" is answered by art. 88 c. 6 (30 days); the
office wants Ricci's own request, with its day. A comma whose rule a record answer applies
to a person is mapped here to the intent of that answer; the look-up adds it after the
text, said as from the database.
"""

from __future__ import annotations

from dataclasses import replace

from ordina.answer import Answer
from ordina.answerers import Env
from ordina.query import intents as I
from ordina.query.model import Query

#: A comma (or an article, cited whole) -> the record answer that applies its rule to a
#: person: the 30-day answer term (art. 88 c. 6), the annual cap (art. 88 c. 3), the end of
#: fixed-term contracts (art. 53 c. 4) and collaborations (art. 68 c. 3), absences (art. 81),
#: and the person's own card for the rules on duties, hours and part-time.
RECORDS_OF_A_RULE: dict[str, str] = {
    "art. 88 c. 6": I.OVERDUE_REQUESTS, "art. 88 c. 3": I.REMAINING_CAP,
    "art. 53 c. 4": I.ENDING_CONTRACTS, "art. 68 c. 3": I.ENDING_CONTRACTS,
    "art. 81": I.ABSENCES, "art. 13": I.WHO, "art. 79": I.WHO, "art. 80": I.WHO,
    "art. 51": I.WHO,
}


def record_intent(citation: str) -> str | None:
    """The record answer for ``citation`` or the unit holding it, if any."""
    words = citation.split()
    for n in range(len(words), 1, -1):
        found = RECORDS_OF_A_RULE.get(" ".join(words[:n]))
        if found is not None:
            return found
    return None


def records_note(query: Query, env: Env, citation: str) -> tuple[str, list[str], str | None]:
    """The rows of the person the question names that the comma's rule applies to, as a
    paragraph, the citations that answer rests on ("" when there are none), and the verdict
    the rows give a yes/no question (a request's silence, art. 88 c. 6), if any."""
    subject = query.subject
    intent = record_intent(citation)
    if (intent is None or subject is None or subject.kind != "person" or not subject.key
            or env.db() is None):
        return "", [], None
    from ordina.answerers.engine import answer_with_checks

    found: Answer = answer_with_checks(replace(query, intent=intent), env)
    text = found.answer.strip()
    if not text or found.missing or subject.name and subject.name not in text:
        return "", [], None  # nothing about them, or a question back: the text alone answers
    head = (f"From the database, for {subject.name}:" if query.lang == "en" else
            f"Dal database, per {subject.name}:")
    verdict = found.verdict if found.verdict not in (None, "dati_mancanti") else None
    return f"{head}\n{text}", found.citations, verdict
