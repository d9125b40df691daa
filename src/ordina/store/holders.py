"""Who holds which office on a date, who is absent, who is employed: the rows behind
``engine/offices.py`` and ``engine/persona.py``.

Each function names what it returns. Periods are ``[valid_from, valid_to)``; a public
export has no absences nor employments, and the functions say so by returning "nobody"
(no absence, not employed) rather than failing: the engine states what it cannot know.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any, NamedTuple


class HolderRow(NamedTuple):
    """One office held: person, name, office, unit, act, ad interim, since and until (ISO
    dates, ``until`` the first day it no longer runs)."""

    person_id: int
    name: str
    office: str
    unit_id: int | None
    unit_name: str | None
    act: str | None
    ad_interim: bool
    since: str | None
    until: str | None = None


_HOLDER_SQL = (
    "SELECT o.person_id, p.given_name || ' ' || p.surname, o.office, o.unit_id, u.name, "
    "o.act, o.ad_interim, o.valid_from, o.valid_to FROM offices o JOIN people p ON p.id = o.person_id "
    "LEFT JOIN units u ON u.id = o.unit_id WHERE o.valid_from <= :on "
    "AND (o.valid_to IS NULL OR o.valid_to > :on)")


def _holders(db: Any, where: str, params: dict[str, Any], order: str) -> list[HolderRow]:
    rows = db.conn.execute(f"{_HOLDER_SQL}{where} ORDER BY {order}", params)
    return [HolderRow(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], r[8]) for r in rows]


def holders_of_office(db: Any, office: str, on: date, unit_id: int | None = None,
                      interim: bool | None = None) -> list[HolderRow]:
    """Holders of ``office`` on ``on``, titular first, newest appointment first."""
    where = " AND o.office = :office"
    params: dict[str, Any] = {"office": office, "on": on.isoformat()}
    if unit_id is not None:
        where += " AND o.unit_id = :unit"
        params["unit"] = unit_id
    if interim is not None:
        where += " AND o.ad_interim = :interim"
        params["interim"] = int(interim)
    return _holders(db, where, params, "o.ad_interim, o.valid_from DESC, o.id")


def offices_of_person(db: Any, person_id: int, on: date) -> list[HolderRow]:
    """Every office ``person_id`` holds on ``on``, titular first."""
    return _holders(db, " AND o.person_id = :pid", {"pid": person_id, "on": on.isoformat()},
                    "o.ad_interim, o.id")


def full_name(db: Any, person_id: int) -> str | None:
    """``Laura Bianchi``, or None when there is no such person."""
    row = db.conn.execute("SELECT given_name, surname FROM people WHERE id = ?",
                          (person_id,)).fetchone()
    return f"{row[0]} {row[1]}" if row else None


def absence_on(db: Any, person_id: int, on: date) -> tuple[str, str | None] | None:
    """``(kind, valid_to)`` of the person's absence on ``on``; None when present or unknown."""
    try:
        row = db.conn.execute(
            "SELECT kind, valid_to FROM absences WHERE person_id = :pid AND valid_from <= :on "
            "AND (valid_to IS NULL OR valid_to > :on) ORDER BY valid_from LIMIT 1",
            {"pid": person_id, "on": on.isoformat()}).fetchone()
    except sqlite3.OperationalError:  # a public export has no absences table
        return None
    return (row[0], row[1]) if row else None


def is_employed(db: Any, person_id: int, on: date) -> bool:
    """Whether the person works for the Comune on ``on`` (False on a public export)."""
    try:
        return db.conn.execute(
            "SELECT 1 FROM employments WHERE person_id = :pid AND valid_from <= :on "
            "AND (valid_to IS NULL OR valid_to > :on)",
            {"pid": person_id, "on": on.isoformat()}).fetchone() is not None
    except sqlite3.OperationalError:  # public export without employments
        return False


def unit_name_and_kind(db: Any, unit_id: int) -> tuple[str, str] | None:
    """``(name, kind)`` of a unit, or None."""
    row = db.conn.execute("SELECT name, kind FROM units WHERE id = ?", (unit_id,)).fetchone()
    return (row[0], row[1]) if row else None
