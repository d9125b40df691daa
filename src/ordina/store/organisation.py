"""The organisation chart read in bulk: whom the audit files each finding under.

Two queries, whatever the size of the Comune: every unit with its parent and kind, and
the unit each employee works in on a date. :func:`area_of` walks the chart in memory, so
a report can group 25,000 people's findings by Area without one query per finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


def has_table(db: Any, name: str) -> bool:
    """Whether the database has table ``name`` (a public export lacks the personal ones)."""
    return db.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                           (name,)).fetchone() is not None


@dataclass(frozen=True)
class UnitNode:
    """A unit of the chart: name, kind (``area``, ``servizio``…) and parent."""

    id: int
    name: str
    kind: str
    parent_id: int | None


def person_names(db: Any) -> dict[int, str]:
    """``people.id -> "Nome Cognome"`` for everyone, in one query (reports name, not codes)."""
    return {pid: f"{given} {surname}" for pid, given, surname in db.conn.execute(
        "SELECT id, given_name, surname FROM people")}


def unit_chart(db: Any) -> dict[int, UnitNode]:
    """Every unit ever defined, by id (dates aside: findings name the units they concern)."""
    return {r[0]: UnitNode(r[0], r[1], r[2], r[3]) for r in db.conn.execute(
        "SELECT id, name, kind, parent_id FROM units")}


def unit_of_employees(db: Any, on: date) -> dict[int, int]:
    """``person_id -> unit_id`` of every employment in force on ``on`` (empty on a public db)."""
    if not has_table(db, "employments"):
        return {}
    return {pid: uid for pid, uid in db.conn.execute(
        "SELECT person_id, unit_id FROM employments WHERE unit_id IS NOT NULL AND "
        "valid_from <= :on AND (valid_to IS NULL OR valid_to > :on)", {"on": on.isoformat()})}


def area_of(chart: dict[int, UnitNode], unit_id: int | None) -> UnitNode | None:
    """The Area containing ``unit_id`` (itself when it is one), None above or outside Areas."""
    seen: set[int] = set()
    while unit_id is not None and unit_id in chart and unit_id not in seen:
        node = chart[unit_id]
        if node.kind == "area":
            return node
        seen.add(unit_id)
        unit_id = node.parent_id
    return None


def units_below(chart: dict[int, UnitNode], unit_id: int) -> set[int]:
    """``unit_id`` and every unit under it."""
    children: dict[int, list[int]] = {}
    for node in chart.values():
        if node.parent_id is not None:
            children.setdefault(node.parent_id, []).append(node.id)
    out, todo = set(), [unit_id]
    while todo:
        uid = todo.pop()
        if uid not in out:
            out.add(uid)
            todo += children.get(uid, [])
    return out


@dataclass(frozen=True)
class ServiceHeads:
    """A Servizio in force on a date, its Area and who heads it (titular or ad interim)."""

    id: int
    name: str
    parent_id: int | None
    heads: tuple[str, ...]


def services_with_heads(db: Any, on: date) -> list[ServiceHeads]:
    """Every Servizio in force on ``on`` with the names of its responsabili on that date."""
    rows = db.conn.execute(
        "SELECT u.id, u.name, u.parent_id, p.given_name || ' ' || p.surname FROM units u "
        "LEFT JOIN offices o ON o.unit_id = u.id AND o.office = 'responsabile_servizio' "
        "AND o.valid_from <= :on AND (o.valid_to IS NULL OR o.valid_to > :on) "
        "LEFT JOIN people p ON p.id = o.person_id WHERE u.kind = 'servizio' "
        "AND u.valid_from <= :on AND (u.valid_to IS NULL OR u.valid_to > :on) "
        "ORDER BY u.id", {"on": on.isoformat()}).fetchall()
    out: dict[int, ServiceHeads] = {}
    for uid, name, parent, head in rows:
        old = out.get(uid)
        heads = (old.heads if old else ()) + ((head,) if head else ())
        out[uid] = ServiceHeads(uid, name, parent, heads)
    return list(out.values())


def units_below_on(db: Any, unit_ids: list[int], on: date) -> list[int]:
    """The units and every unit below them, in force on the date."""
    if not unit_ids:
        return []
    seeds = ",".join(str(int(u)) for u in unit_ids)
    rows = db.conn.execute(
        f"WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id IN ({seeds}) UNION "
        "SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id "
        "WHERE u.valid_from <= :on AND (u.valid_to IS NULL OR u.valid_to > :on)) "
        "SELECT id FROM sub", {"on": on.isoformat()}).fetchall()
    return [r[0] for r in rows]


def employees_of_units(db: Any, unit_ids: list[int], on: date,
                       exclude: int | None = None) -> list[tuple[int, str]]:
    """``(person_id, name)`` of everyone employed on the date in those units, by surname."""
    if not unit_ids:
        return []
    rows = db.conn.execute(
        "SELECT e.person_id, p.given_name || ' ' || p.surname FROM employments e "
        "JOIN people p ON p.id = e.person_id WHERE e.valid_from <= :on AND "
        "(e.valid_to IS NULL OR e.valid_to > :on) AND e.person_id != :me AND e.unit_id IN "
        f"({','.join(str(int(u)) for u in unit_ids)}) ORDER BY p.surname, p.given_name",
        {"on": on.isoformat(), "me": -1 if exclude is None else exclude}).fetchall()
    return [(r[0], r[1]) for r in rows]


def areas_on(db: Any, on: date) -> list[tuple[int, str]]:
    """``(unit_id, name)`` of every Area in force on the date."""
    return [(r[0], r[1]) for r in db.conn.execute(
        "SELECT id, name FROM units WHERE kind = 'area' AND valid_from <= :on "
        "AND (valid_to IS NULL OR valid_to > :on) ORDER BY id", {"on": on.isoformat()})]


def absences_of_kinds_on(db: Any, on: date,
                         kinds: tuple[str, ...]) -> list[tuple[int, str, str | None, str]]:
    """``(person_id, kind, valid_to, name)`` of the absences of ``kinds`` running on the date."""
    marks = ",".join("?" for _ in kinds)
    return [(r[0], r[1], r[2], r[3]) for r in db.conn.execute(
        "SELECT a.person_id, a.kind, a.valid_to, p.given_name || ' ' || p.surname "
        f"FROM absences a JOIN people p ON p.id = a.person_id WHERE a.kind IN ({marks}) "
        "AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?) "
        "ORDER BY p.surname", (*kinds, on.isoformat(), on.isoformat()))]
