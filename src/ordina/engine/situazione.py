"""What the database says about a person's position on a date: what their duties depend on.

The duties of ``checks/obblighi.py`` follow from the offices a person holds (Responsabile
di Area, Segretario, responsabile del personale, Datore di lavoro...), from their
employment (part-time above or up to 50%, base salary) and from what is pending (their
own requests for external assignments, their staff's requests to decide). This module
only reads those facts, as of the date; it decides nothing. On a public database the
personal facts are absent, and :attr:`Situazione.missing` says which.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ordina.engine.offices import Holder, absence, describe_absence, holders, offices_held
from ordina.store import organisation as org


@dataclass
class Situazione:
    """A person's position on a date.

    :param offices: offices held on the date (titular and ad interim).
    :param employment: the employment in force (None when not employed, or unknown).
    :param assignments: all the person's external assignments (Titolo IX).
    :param missing: labels of the personal tables absent from the database.
    """

    db: Any
    on: date
    person_id: int
    name: str
    offices: list[Holder] = field(default_factory=list)
    employment: Any = None
    assignments: list[Any] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def personal(self) -> bool:
        """Whether the database holds personal data (not a public export)."""
        return not self.missing

    def holds(self, *codes: str) -> list[Holder]:
        """The offices of ``codes`` the person holds on the date."""
        return [h for h in self.offices if h.office in codes]

    @property
    def part_time(self) -> int | None:
        """Percentage worked (100 = full time), None when unknown."""
        return self.employment.part_time_pct if self.employment is not None else None

    @property
    def salary(self) -> Decimal | None:
        """Gross annual base salary in euro, None when unknown."""
        cents = self.employment.salary_cents if self.employment is not None else None
        return None if cents is None else Decimal(cents) / 100


def read_situation(db: Any, person_id: int, on: date) -> Situazione:
    """Read ``person_id``'s position as of ``on`` (personal facts only when the db has them)."""
    from ordina.engine.offices import person_name
    from ordina.engine.person_audit import missing_personal_tables
    from ordina.store import queries as q

    out = Situazione(db, on, person_id, person_name(db, person_id),
                     offices=offices_held(db, person_id, on),
                     missing=missing_personal_tables(db))
    if out.personal:
        out.employment = q.employment(db, person_id, on)
        out.assignments = q.external_assignments(db, person_id)
    return out


# ------------------------------------------------------------------ people around them
def one(db: Any, office: str, on: date, unit_id: int | None = None) -> Holder | None:
    """The holder of ``office`` on ``on`` (titular first), or None."""
    found = holders(db, office, on, unit_id)
    return found[0] if found else None


def who(db: Any, holder: Holder | None, on: date) -> str:
    """``Laura Bianchi``, with ``(assente: ...)`` when absent on the date; ``nessuno`` if None."""
    if holder is None:
        return "nessuno al momento"
    away = absence(db, holder.person_id, on)
    return holder.name + (f" ({describe_absence(*away)})" if away else "")


def po_of(db: Any, person_id: int, on: date) -> Holder | None:
    """The Responsabile di Area (titolare di PO) of the person's Area on the date.

    Walks up from the person's unit; a titular who is absent gives way to the ad-interim
    holder when there is one (art. 17). None on a public database or outside any Area.
    """
    from ordina.store import queries as q

    try:
        job = q.employment(db, person_id, on)
    except q.PersonalDataMissing:
        return None
    if job is None or job.unit_id is None:
        return None
    for unit in q.unit_ancestors(db, job.unit_id):
        found = [h for h in holders(db, "responsabile_area", on, unit.id)
                 if h.person_id != person_id]
        if found:
            present = [h for h in found if absence(db, h.person_id, on) is None]
            return present[0] if present else found[0]
    return None


def subtree(db: Any, unit_ids: list[int], on: date) -> list[int]:
    """The units and every unit below them, in force on the date."""
    return org.units_below_on(db, unit_ids, on)


def staff(db: Any, unit_ids: list[int], on: date, exclude: int) -> list[tuple[int, str]]:
    """``(person_id, name)`` of everyone employed on the date in those units and below."""
    return org.employees_of_units(db, subtree(db, unit_ids, on), on, exclude)


def pending_assignments(db: Any, people: list[int] | None, on: date) -> list[Any]:
    """External-assignment requests awaiting a decision, filed by ``on`` (of ``people`` only,
    unless None)."""
    from ordina.store import queries as q

    wanted = None if people is None else set(people)
    return [a for a in q.external_assignments(db, status="in_attesa")
            if (wanted is None or a.person_id in wanted)
            and (a.request_date or "") <= on.isoformat()]


def pending_part_time(db: Any, people: list[int], on: date) -> list[Any]:
    """Part-time requests of ``people`` awaiting a decision, filed by ``on``."""
    from ordina.store import queries as q

    wanted = set(people)
    return [r for r in q.part_time_requests(db, status="in_attesa")
            if r.person_id in wanted and r.request_date <= on.isoformat()]


def po_holders(db: Any, on: date) -> list[int]:
    """Everyone holding a Responsabile di Area office (titolari di PO) on the date."""
    return list(dict.fromkeys(h.person_id for h in holders(db, "responsabile_area", on)))


def uncovered_areas(db: Any, on: date) -> list[str]:
    """Areas whose titular is absent or missing and that have no ad-interim holder (art. 17)."""
    out = []
    for uid, name in org.areas_on(db, on):
        titular = holders(db, "responsabile_area", on, uid, interim=False)
        interim = holders(db, "responsabile_area", on, uid, interim=True)
        if interim:
            continue
        if not titular:
            out.append(f"{name} (posto vacante)")
        elif absence(db, titular[0].person_id, on) is not None:
            away = describe_absence(*absence(db, titular[0].person_id, on))  # type: ignore[misc]
            out.append(f"{name} ({titular[0].name} {away})")
    return out


def absences_of_kinds(db: Any, on: date, kinds: tuple[str, ...]) -> list[str]:
    """``Anna Neri (assente (congedo di maternità) fino al …)`` for absences of ``kinds``."""
    return [f"{name} ({describe_absence(kind, until)})"
            for _pid, kind, until, name in org.absences_of_kinds_on(db, on, kinds)]
