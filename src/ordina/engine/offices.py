"""Who holds an office on a date, and who stands in for them: the data both lookups share.

The rules of substitution (art. 7, 13, 17) live in ``checks/sostituzioni.py`` and are
reached through the ``ordina_substitute`` hook; this module only reads the database
(offices, absences) and carries the result as a :class:`Chain` a trace can print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ordina.answer import TraceStep
from ordina.formato import ultimo_giorno
from ordina.store import holders as store_holders
from ordina.store.organisation import has_table

if TYPE_CHECKING:
    from ordina.engine.context import Context


@dataclass(frozen=True)
class Holder:
    """Someone holding an office on a date."""

    person_id: int
    name: str
    office: str
    unit_id: int | None = None
    unit_name: str | None = None
    act: str | None = None
    ad_interim: bool = False
    since: str | None = None
    """ISO date the appointment runs from."""
    until: str | None = None
    """ISO date it no longer runs from (None: open-ended)."""

    def appointment(self, english: bool = False) -> str:
        """``Decreto sindacale n. 7/2024, dal 01/07/2024``: the act, for an answer; an interim,
        given "per un periodo di tempo determinato" (art. 17 c. 1), with its last day."""
        parts = [self.act] if self.act else []
        if self.since:
            since = date.fromisoformat(self.since).strftime("%d/%m/%Y")
            parts.append(f"since {since}" if english else f"dal {since}")
        if self.ad_interim and self.until:
            last = ultimo_giorno(self.until)
            if self.since:
                parts[-1] += f" to {last:%d/%m/%Y}" if english else f" al {last:%d/%m/%Y}"
            else:
                parts.append(f"until {last:%d/%m/%Y}" if english else f"fino al {last:%d/%m/%Y}")
        return ", ".join(parts) or ("act of appointment not recorded" if english
                                    else "atto di nomina non indicato")


@dataclass
class Chain:
    """Who stands in for someone, step by step.

    :param steps: the reasoning, each step with its comma.
    :param acting: who actually acts on the date (None when nobody: a gap).
    :param gap: what is missing, in Italian, when nobody is found.
    """

    steps: list[TraceStep] = field(default_factory=list)
    acting: Holder | None = None
    gap: str | None = None
    gap_en: str | None = None
    """``gap`` in English, for an English question."""
    present: bool | None = False
    """True in service, False absent, None unknown (a public database has no absences)."""
    """True when the person is in service on the date: the chain says who *would* act."""
    away: str | None = None
    """``assente (malattia) fino al 04/12/2026`` when the person is absent on the date."""
    away_en: str | None = None
    """``away`` in English."""
    irregular: bool = False
    """True when ``acting`` stands in but the regulation does not allow it (``gap`` says why)."""
    fallback: Holder | None = None
    """Who, with nobody appointed, can still act on inertia (the Segretario's substitute power):
    named in the answer, never presented as the substitute."""
    acting_cite: str | None = None
    """The comma that makes ``acting`` the substitute."""


#: Names of units that are feminine and start with a consonant.
_FEMININE = frozenset({"direzione", "sezione", "segreteria", "ragioneria", "polizia", "zona",
                       "struttura", "posizione", "avvocatura", "biblioteca", "farmacia",
                       "giunta", "commissione", "conferenza", "delegazione"})


def articled(unit: str, prep: str = "") -> str:
    """``l'Area Tecnica``; with ``prep="di"``: ``dell'Area``, ``del Servizio``, ``dello Staff``."""
    low = unit[:2].lower()
    if low[:1] in "aeiouàèéìòù":
        return f"dell'{unit}" if prep == "di" else f"l'{unit}"
    if unit.split(" ", 1)[0].lower() in _FEMININE:
        return f"della {unit}" if prep == "di" else f"la {unit}"
    impure = (low[:1] == "s" and low[1:2] not in "aeiou") or low[:1] in "zxy" or low in ("gn",
                                                                                       "ps")
    if prep == "di":
        return f"dello {unit}" if impure else f"del {unit}"
    return f"lo {unit}" if impure else f"il {unit}"


def person_name(db: Any, person_id: int) -> str:
    """``Laura Bianchi``."""
    return store_holders.full_name(db, person_id) or f"persona {person_id}"


def holders(db: Any, office: str, on: date, unit_id: int | None = None,
            interim: bool | None = None) -> list[Holder]:
    """Holders of ``office`` on ``on`` (titular first); optionally of one unit / interim only."""
    return [Holder(*row) for row in store_holders.holders_of_office(db, office, on, unit_id,
                                                                     interim)]


def offices_held(db: Any, person_id: int, on: date) -> list[Holder]:
    """Every office ``person_id`` holds on ``on``."""
    return [Holder(*row) for row in store_holders.offices_of_person(db, person_id, on)]


def absence(db: Any, person_id: int, on: date) -> tuple[str, str | None] | None:
    """``(kind, until)`` of the person's absence on ``on``, or None when present.

    A public database has no absences table: then nobody is known to be absent.
    """
    return store_holders.absence_on(db, person_id, on)


def absences_known(db: Any) -> bool:
    """Whether ``db`` records absences (a public export leaves them out as personal data)."""
    return has_table(db, "absences")


def describe_absence(kind: str, until: str | None, english: bool = False) -> str:
    """``assente per malattia fino al 04/12/2026`` (the last day, periods being half-open);
    English: ``absent (malattia) until 04/12/2026``, the kind as recorded."""
    try:
        from ordina.store.vocab import ABSENCE_KINDS, label

        what = label(ABSENCE_KINDS, kind)
    except ImportError:  # pragma: no cover - the store ships with ordina
        what = kind.replace("_", " ")
    text = f"absent ({what})" if english else f"assente ({what})"
    if until:
        last = ultimo_giorno(until)
        text += f" {'until' if english else 'fino al'} {last.strftime('%d/%m/%Y')}"
    return text


_OFFICE_WORDS = (("vice", "vice_segretario"), ("segretari", "segretario"),
                 ("personale", "responsabile_personale"), ("corruzione", "rpc"),
                 ("rpc", "rpc"), ("sindac", "sindaco"))


def question_date(query: Any, ctx: Context) -> date:
    """The date the question asks about: stated in it, or the context's."""
    when = getattr(query, "as_of", None) or (getattr(query, "facts", None) or {}).get("date")
    return when if isinstance(when, date) else ctx.as_of


def question_end(query: Any, on: date, max_days: int) -> date | None:
    """The last day of the period the question asks ("a dicembre", "dal 10 al 20 giugno"),
    when it comes after ``on`` and within ``max_days``; None when a single day is asked."""
    until = (getattr(query, "facts", None) or {}).get("period_end")
    if isinstance(until, date) and on < until and (until - on).days <= max_days:
        return until
    return None


def resolve_target(db: Any, subject: Any, on: date) -> tuple[str, Any, str] | None:
    """``("persona", id, name)`` or ``("unita", id, name)`` for the subject of a question."""
    from ordina.store.queries import find_people, find_units

    if subject is None:
        return None
    kind = getattr(subject, "kind", "person")
    text = str(getattr(subject, "name", None) or getattr(subject, "text", "") or "")
    key = getattr(subject, "key", None)
    if kind == "office":
        low = text.lower()
        for word, office in _OFFICE_WORDS:
            if word in low or key == office:
                found = holders(db, office, on)
                if found:
                    return ("persona", found[0].person_id, f"{found[0].name}")
                return ("ufficio", office, text)
        return None
    if kind == "unit":
        units = find_units(db, text, on=on, limit=1)
        if key and str(key).isdigit():
            return ("unita", int(key), text)
        return ("unita", units[0].id, units[0].name) if units else None
    if key and str(key).isdigit():
        return ("persona", int(key), person_name(db, int(key)))
    people = find_people(db, text, limit=5)
    if len(people) > 1:
        people = [p for p in people if offices_held(db, p.id, on) or _employed(db, p.id, on)]
    if len(people) == 1:
        return ("persona", people[0].id, people[0].name)
    return None


_employed = store_holders.is_employed


