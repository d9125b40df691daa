"""Whom a question about duties or incompatibilities is about, resolved on a date.

"obblighi di Bianchi" names a person; "obblighi del datore di lavoro" an office, whose
holder on the date is the person; "obblighi dell'Area Tecnica" a unit, whose head is;
"quali sono i miei obblighi?" or "obblighi di un responsabile di area" nobody in
particular: the answer is then about the role, without names. Shared by the lookups of
``checks/obblighi.py`` and ``checks/incompatibilita.py``; nothing here decides a rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ordina.engine.offices import holders, offices_held
from ordina.store.holders import is_employed, unit_name_and_kind

#: Office keys of the query vocabulary that the store spells differently.
QUERY_OFFICE_TO_STORE = {"datore_di_lavoro": "datore_lavoro"}

#: Offices a unit's head holds, most specific first (``vocab.HEAD_OFFICES``).
_HEAD_OFFICES = ("responsabile_area", "dirigente", "responsabile_servizio",
                 "responsabile_ufficio", "responsabile_progetto", "coordinatore_dipartimento",
                 "direttore_generale")


@dataclass(frozen=True)
class Whom:
    """The person (or the role) a question is about.

    :param person_id: ``people.id``, or None when the question is about a role in general.
    :param name: ``Mario Rossi``, or how the role was named (``un dipendente``).
    :param office: the store office code when the question names an office or a unit
        (``datore_lavoro``, ``responsabile_area``): the answer is then about that office.
    :param unit_id: the unit of that office, when known.
    :param problem: an Italian sentence when the subject could not be resolved.
    :param generic: True for a role in general ("un responsabile di area"), False when a
        named office simply has no holder on the date.
    """

    person_id: int | None
    name: str
    office: str | None = None
    unit_id: int | None = None
    problem: str | None = None
    generic: bool = False


_employed = is_employed


def _person(db: Any, text: str, key: str | None, on: date) -> Whom:
    from ordina.engine.offices import person_name
    from ordina.store.queries import find_people, suggest_people

    if key and str(key).isdigit():
        return Whom(int(key), person_name(db, int(key)))
    people = find_people(db, text, limit=6)
    if len(people) > 1:
        active = [p for p in people if offices_held(db, p.id, on) or _employed(db, p.id, on)]
        people = active or people
    if len(people) == 1:
        return Whom(people[0].id, people[0].name)
    if people:
        names = ", ".join(p.name for p in people)
        return Whom(None, text, problem=f"Più persone corrispondono a «{text}» ({names}): "
                                        "indica nome e cognome.")
    hint = suggest_people(db, text)
    return Whom(None, text, problem=f"Nessuna persona corrisponde a «{text}»"
                + (f"; forse cercavi: {', '.join(hint)}." if hint else "."))


def _office(db: Any, key: str, label: str, on: date) -> Whom:
    office = QUERY_OFFICE_TO_STORE.get(key, key)
    if office == "responsabile_area":  # five Areas: the role in general, unless a unit is named
        return Whom(None, label, office, generic=True)
    found = holders(db, office, on)
    if not found:
        return Whom(None, label, office)
    if len({h.person_id for h in found}) > 1:  # several hold it: the office in general
        return Whom(None, label, office, generic=True)
    return Whom(found[0].person_id, found[0].name, office, found[0].unit_id)


def _unit(db: Any, text: str, key: str | None, on: date) -> Whom:
    from ordina.store.queries import find_units

    unit_id = int(key) if key and str(key).isdigit() else None
    if unit_id is None:
        units = find_units(db, text, on=on, limit=1)
        if not units:
            return Whom(None, text, problem=f"Nessuna unità corrisponde a «{text}».")
        unit_id = units[0].id
    unit_name, kind = unit_name_and_kind(db, unit_id) or (text, None)
    for office in _HEAD_OFFICES:
        found = holders(db, office, on, unit_id, interim=False)
        if found:
            return Whom(found[0].person_id, found[0].name, office, unit_id)
    office = "responsabile_area" if kind == "area" else None
    return Whom(None, f"il responsabile di {unit_name}", office, unit_id,
                problem=f"{unit_name}: nessun responsabile titolare al "
                        f"{on.strftime('%d/%m/%Y')}.")


def _office_key(text: str) -> str:
    """The office key of the query vocabulary whose longest synonym ``text`` contains."""
    from ordina.query.vocabulary import OFFICES

    low = text.lower().replace("’", "'")
    found = [(len(word), key) for key, (_label, words) in OFFICES.items() for word in words
             if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", low)]
    return max(found)[1] if found else ""


def resolve_whom(db: Any, query: Any, on: date) -> Whom:
    """Whom ``query`` is about on ``on`` (see the module docstring)."""
    subject = getattr(query, "subject", None)
    facts = getattr(query, "facts", None) or {}
    if db is not None and facts.get("profile") == "segretario":
        return _office(db, "segretario", "il Segretario", on)
    if subject is None:
        return Whom(None, "un dipendente", generic=True)
    kind = str(getattr(subject, "kind", "person"))
    text = str(getattr(subject, "name", None) or getattr(subject, "text", "") or "").strip()
    key = getattr(subject, "key", None)
    if kind in ("self", "generic") or db is None:
        return Whom(None, "un dipendente" if kind in ("self", "generic") else text,
                    QUERY_OFFICE_TO_STORE.get(str(key), key) if kind == "office" else None,
                    generic=True)
    if kind == "office":
        return _office(db, str(key or _office_key(text)), text, on)
    if kind == "unit":
        return _unit(db, getattr(subject, "text", text), key, on)
    return _person(db, text, key, on)
