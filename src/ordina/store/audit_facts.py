"""The rows the audit turns into facts, read in bulk (one query per table).

``engine/dbfacts.py`` builds the facts of people, assignments, appointments and contracts
from these functions and never writes SQL itself. ``only`` restricts a query to some
people (the audit of one person); None reads everyone. Periods are ``[valid_from,
valid_to)`` and dates ISO text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ordina.store.organisation import has_table

_CURRENT = "{p}valid_from <= :on AND ({p}valid_to IS NULL OR {p}valid_to > :on)"


def _current(alias: str = "") -> str:
    return _CURRENT.format(p=f"{alias}." if alias else "")


def _among(column: str, only: Iterable[int] | None) -> str:
    if only is None:
        return ""
    return f" AND {column} IN ({','.join(str(int(i)) for i in only) or 'NULL'})"


def _dicts(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


# ------------------------------------------------------------------ people
def names_of_people(db: Any, only: Sequence[int] | None = None) -> dict[int, str]:
    """``person_id -> "Nome Cognome"``."""
    return {pid: f"{given} {surname}" for pid, given, surname in db.conn.execute(
        "SELECT id, given_name, surname FROM people WHERE 1" + _among("id", only))}


def employments_in_force(db: Any, on: date, only: Sequence[int] | None = None) -> list[tuple]:
    """``(person_id, category, economic_position, profile, contract, part_time_pct,
    salary_cents, hire_date)`` of every employment in force on ``on``."""
    return db.conn.execute(
        "SELECT e.person_id, e.category, e.economic_position, e.profile, e.contract, "
        "e.part_time_pct, e.salary_cents, pp.hire_date FROM employments e "
        "LEFT JOIN people_private pp ON pp.person_id = e.person_id "
        f"WHERE {_current('e')}" + _among("e.person_id", only),
        {"on": on.isoformat()}).fetchall()


def offices_in_force(db: Any, on: date, offices: Sequence[str],
                     only: Sequence[int] | None = None) -> list[tuple[int, str]]:
    """``(person_id, office)`` of the given offices held on ``on``."""
    marks = ",".join(f"'{o}'" for o in offices)
    return db.conn.execute(
        f"SELECT person_id, office FROM offices WHERE office IN ({marks}) AND {_current()}"
        + _among("person_id", only), {"on": on.isoformat()}).fetchall()


def authorised_compensation_by_person(db: Any, year: int,
                                      only: Sequence[int] | None = None) -> dict[int, int]:
    """``person_id -> cents`` of the incarichi authorised on requests of ``year``."""
    if not has_table(db, "external_assignments"):
        return {}
    return {pid: total or 0 for pid, total in db.conn.execute(
        "SELECT person_id, SUM(compensation_cents) FROM external_assignments "
        "WHERE status = 'autorizzato' AND substr(COALESCE(request_date, valid_from), 1, 4) = "
        ":year" + _among("person_id", only) + " GROUP BY person_id", {"year": str(year)})}


def authorised_assignments_of_year(db: Any, year: int,
                                   only: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """The incarichi authorised on requests of ``year`` (what the cap of art. 88 c. 3 sums)."""
    if not has_table(db, "external_assignments"):
        return []
    return _dicts(db.conn.execute(
        "SELECT id, person_id, status, compensation_cents, request_date, valid_from, activity, "
        "paid FROM external_assignments WHERE status = 'autorizzato' AND compensation_cents > 0 "
        "AND substr(COALESCE(request_date, valid_from), 1, 4) = :year"
        + _among("person_id", only) + " ORDER BY id", {"year": str(year)}))


def people_with_past_roles(db: Any, on: date, since: date,
                           only: Sequence[int] | None = None) -> set[int] | None:
    """Who held a political or union office between ``since`` and ``on`` (None: no table)."""
    if not has_table(db, "past_roles"):
        return None
    return {pid for pid, in db.conn.execute(
        "SELECT DISTINCT person_id FROM past_roles WHERE valid_from <= :on AND "
        "(valid_to IS NULL OR valid_to > :since)" + _among("person_id", only),
        {"on": on.isoformat(), "since": since.isoformat()})}


def past_roles_by_person(db: Any, only: Sequence[int] | None = None
                         ) -> dict[int, list[tuple[str, str, str, str | None]]]:
    """Every recorded political or union role, per person: ``(organisation, role,
    valid_from, valid_to)`` oldest first (empty without the table)."""
    if not has_table(db, "past_roles"):
        return {}
    out: dict[int, list[tuple[str, str, str, str | None]]] = {}
    for pid, org, role, start, stop in db.conn.execute(
            "SELECT person_id, organisation, COALESCE(role, kind), valid_from, valid_to "
            "FROM past_roles WHERE 1 = 1" + _among("person_id", only)
            + " ORDER BY person_id, valid_from"):
        out.setdefault(pid, []).append((org, role, start, stop))
    return out


def past_roles_in_window(db: Any, person_id: int, moment: date,
                         since: date) -> list[tuple[str, str, str, str | None]]:
    """``(organisation, role, valid_from, valid_to)`` held between ``since`` and ``moment``."""
    return db.conn.execute(
        "SELECT organisation, role, valid_from, valid_to FROM past_roles "
        "WHERE person_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)",
        (person_id, moment.isoformat(), since.isoformat())).fetchall()


# ------------------------------------------------------------------ external assignments
def external_assignment_rows(db: Any, ids: Iterable[int] | None = None,
                             person: int | None = None) -> list[dict[str, Any]]:
    """Every column of the incarichi (all, some ids, or one person's) with the holder's name."""
    if not has_table(db, "external_assignments"):
        return []
    sql = ("SELECT a.*, p.given_name, p.surname FROM external_assignments a "
           "JOIN people p ON p.id = a.person_id")
    if ids is not None:
        sql += f" WHERE a.id IN ({','.join(str(int(i)) for i in ids) or 'NULL'})"
    elif person is not None:
        sql += f" WHERE a.person_id = {int(person)}"
    return _dicts(db.conn.execute(sql + " ORDER BY a.id"))


def assignments_of_people(db: Any, people: set[int]) -> list[dict[str, Any]]:
    """The incarichi of these people, with what the cap of art. 88 c. 3 reads."""
    if not people:
        return []
    return _dicts(db.conn.execute(
        "SELECT id, person_id, status, compensation_cents, request_date, valid_from, "
        "activity, paid FROM external_assignments WHERE person_id IN "
        f"({','.join(str(int(p)) for p in people)})"))


# ------------------------------------------------------------------ the ente
def ente_values(db: Any, *keys: str) -> dict[str, str]:
    """Values of the ``ente`` table for ``keys`` (those present)."""
    if not has_table(db, "ente"):
        return {}
    marks = ",".join("?" for _ in keys)
    return dict(db.conn.execute(f"SELECT key, value FROM ente WHERE key IN ({marks})",
                                keys).fetchall())


def mayor_mandate_end(db: Any, on: date) -> str | None:
    """End (ISO, exclusive) of the Sindaco's office in force on ``on``."""
    row = db.conn.execute(
        "SELECT valid_to FROM offices WHERE office = 'sindaco' AND valid_from <= :on "
        "AND (valid_to IS NULL OR valid_to > :on) ORDER BY valid_from DESC LIMIT 1",
        {"on": on.isoformat()}).fetchone()
    return row[0] if row else None


def posts_in_force_count(db: Any, on: date) -> int:
    """Posts of the dotazione organica in force on ``on``."""
    return db.conn.execute(f"SELECT COUNT(*) FROM posts WHERE {_current()}",
                           {"on": on.isoformat()}).fetchone()[0]


def art110_contracts_in_force(db: Any, on: date,
                              person: int | None = None) -> list[tuple[int, int, str | None]]:
    """``(employment_id, person_id, valid_to)`` of the art. 110 contracts in force."""
    if not has_table(db, "employments"):
        return []
    only = "" if person is None else f" AND person_id = {int(person)}"
    return db.conn.execute(
        f"SELECT id, person_id, valid_to FROM employments WHERE contract = 'art110' "
        f"AND {_current()}{only} ORDER BY id", {"on": on.isoformat()}).fetchall()


# ------------------------------------------------------------------ appointments, contracts
def appointments_in_force(db: Any, on: date, offices: Sequence[str],
                          person: int | None = None) -> list[tuple]:
    """``(office_id, person_id, office, unit_name, valid_from, valid_to, unit_id)`` of the
    titular (not ad interim) appointments to ``offices`` in force on ``on``."""
    only = "" if person is None else f" AND o.person_id = {int(person)}"
    return db.conn.execute(
        "SELECT o.id, o.person_id, o.office, u.name, o.valid_from, o.valid_to, o.unit_id "
        "FROM offices o LEFT JOIN units u ON u.id = o.unit_id WHERE o.ad_interim = 0 AND "
        f"o.office IN ({','.join(repr(x) for x in offices)}) AND {_current('o')}{only} "
        "ORDER BY o.id", {"on": on.isoformat()}).fetchall()


def collaborations_since(db: Any, start: date) -> list[tuple]:
    """``(number, contractor, amount_cents, procedure, notice_date, notice_deadline,
    invited, publication_date, valid_from, direct_reason, unit_id)`` of the collaborations
    running on or after ``start``."""
    if not has_table(db, "collaborations"):
        return []
    return db.conn.execute(
        "SELECT number, contractor, amount_cents, procedure, notice_date, notice_deadline, "
        "invited, publication_date, valid_from, direct_reason, unit_id FROM collaborations "
        "WHERE valid_to IS NULL OR valid_to > :start ORDER BY number",
        {"start": start.isoformat()}).fetchall()


def pending_part_time_requests(db: Any, on: date,
                               person: int | None = None) -> list[tuple[int, int, int, str]]:
    """``(request_id, person_id, percentage, request_date)`` awaiting a decision on ``on``."""
    if not has_table(db, "part_time_requests"):
        return []
    only = "" if person is None else f" AND person_id = {int(person)}"
    return db.conn.execute(
        "SELECT id, person_id, percentage, request_date FROM part_time_requests "
        f"WHERE status = 'in_attesa' AND request_date <= :on{only} ORDER BY id",
        {"on": on.isoformat()}).fetchall()


# ------------------------------------------------------------------ higher duties
def higher_duty_rows(db: Any, on: date, person: int | None = None) -> list[tuple]:
    """``(id, person_id, name, target_category, reason, replaces_person_id, filling_started,
    valid_from, valid_to, holder_category, replaced_absence_kind)`` of the higher duties
    running on ``on`` or during its year (empty on a public export)."""
    if not has_table(db, "higher_duties"):
        return []
    return db.conn.execute(
        "SELECT h.id, h.person_id, p.given_name || ' ' || p.surname, h.category, h.reason, "
        "h.replaces_person_id, h.filling_started, h.valid_from, h.valid_to, "
        "(SELECT COALESCE(e.economic_position, e.category) FROM employments e "
        " WHERE e.person_id = h.person_id AND e.valid_from <= h.valid_from "
        " ORDER BY e.valid_from DESC LIMIT 1), "
        "(SELECT a.kind FROM absences a WHERE a.person_id = h.replaces_person_id "
        " AND a.valid_from <= h.valid_from AND (a.valid_to IS NULL OR a.valid_to > h.valid_from)"
        " LIMIT 1) "
        "FROM higher_duties h JOIN people p ON p.id = h.person_id "
        "WHERE (h.valid_to IS NULL OR h.valid_to > :on OR h.valid_to > :year_start)"
        + ("" if person is None else f" AND h.person_id = {int(person)}"),
        {"on": on.isoformat(), "year_start": f"{on.year}-01-01"}).fetchall()
