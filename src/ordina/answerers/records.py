"""The database's rows about the person a rule look-up names.

"Entro che giorno dobbiamo rispondere a Ricci?" is answered by art. 88 c. 6 (30 days); the
office wants Ricci's own request, with its day. A comma whose rule a record answer applies
to a person is mapped here to the intent of that answer; the look-up adds it after the
text, said as from the database.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

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


def collaboration_card(query: Query, env: Env) -> tuple[str, list[str]]:
    """The collaboration contract the question names (by number or contractor), as the
    database holds it: kind, amount, procedure and notice, dates, act and who signed it;
    with the commi its labels come from. ("", []) when it names none."""
    db = env.db()
    if db is None:
        return "", []
    from ordina.engine.answering import contract_named
    from ordina.store.queries import collaboration

    on = query.as_of or env.as_of
    stated = query.facts.get("collaboration_number") if isinstance(query.facts, dict) else None
    number = getattr(stated, "value", stated) or contract_named(db, query.text, on)
    row = collaboration(db, str(number)) if number else None
    if row is None:
        return "", []
    return _card(db, row, on, query.lang == "en")


def _card(db: Any, row: Any, on: date, english: bool) -> tuple[str, list[str]]:
    from ordina.formato import data as day
    from ordina.formato import euro_cents, ultimo_giorno
    from ordina.store import vocab
    from ordina.store.holders import unit_name_and_kind
    from ordina.store.queries import unit_head

    cited: list[str] = []
    parts: list[str] = []

    def labelled(table: dict[str, Any], code: str | None) -> str | None:
        term = table.get(code or "")
        if term is None:
            return code
        cited.append(term.citation)
        return f"{term.label} ({term.citation})"

    kind = labelled(vocab.COLLABORATION_KINDS, row.kind)
    parts.append(", ".join(x for x in (kind, euro_cents(row.amount_cents)
                                       if row.amount_cents is not None else None) if x))
    procedure = labelled(vocab.COLLABORATION_PROCEDURES, row.procedure)
    if procedure:
        if row.procedure == "diretta" and row.direct_reason:
            procedure += (", case: " if english else ", caso: ") + (
                labelled(vocab.DIRECT_REASONS, row.direct_reason) or row.direct_reason)
        if row.invited:
            procedure += f", {row.invited} " + ("invited" if english else "invitati")
        parts.append(procedure)
    if row.notice_date and row.notice_deadline:
        first, last = date.fromisoformat(row.notice_date), date.fromisoformat(row.notice_deadline)
        days = (last - first).days
        parts.append(f"notice of {day(first)}, closing {day(last)} ({days} days)" if english
                     else f"avviso del {day(first)} con termine il {day(last)} ({days} giorni)")
    if row.publication_date:
        parts.append(("published on " if english else "pubblicata il ")
                     + day(date.fromisoformat(row.publication_date)))
    start = date.fromisoformat(row.valid_from) if row.valid_from else None
    end = ultimo_giorno(row.valid_to) if row.valid_to else None
    if start or end:
        span = " ".join(x for x in (
            (("from " if english else "dal ") + day(start)) if start else "",
            (("to " if english else "al ") + day(end)) if end else "") if x)
        state = ("not started yet" if english else "non ancora iniziata") if start and on < start \
            else ("ended" if english else "conclusa") if end and on > end \
            else ("running" if english else "in corso")
        parts.append(f"{span}: {state} " + ("on " if english else "al ") + day(on))
    if row.act or row.unit_id:
        signed = row.act or ""
        unit = unit_name_and_kind(db, row.unit_id) if row.unit_id else None
        if unit is not None:
            head = unit_head(db, row.unit_id, start or on)
            who = f", {'head' if english else 'responsabile'}: {head.person_name}" if head else ""
            signed += f" ({unit[0]}{who})"
        parts.append(("act: " if english else "atto: ") + signed.strip())
    head = (f"From the database, collaboration {row.number} ({row.contractor}), «{row.subject}»:"
            if english else
            f"Dal database, collaborazione {row.number} ({row.contractor}), «{row.subject}»:")
    return head + "\n" + "\n".join(f"- {p}" for p in parts), list(dict.fromkeys(cited))
