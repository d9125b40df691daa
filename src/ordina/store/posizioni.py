"""What the Comune pays its Responsabili di Area and how the Giunta graded their posts.

Read in bulk for the audit: per titular ``responsabile_area`` appointment in force, the
position allowance it carries, the grades of the unit's latest grading not after the
date's year (allegato D, ``position_gradings``) and the Comune's own Pmax (the ente's
``retribuzione_posizione_max``). Three queries, whatever the number of posts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from ordina.store.organisation import has_table


@dataclass(frozen=True)
class PositionPay:
    """One Area head's appointment: allowance paid, the post's grades, the Comune's Pmax."""

    office_id: int
    unit_id: int | None
    allowance: Decimal | None
    grades: dict[str, float]
    grading_year: int | None
    pmax: Decimal | None


def comune_pmax(db: Any) -> Decimal | None:
    """The Comune's maximum position allowance (``ente.retribuzione_posizione_max``)."""
    if not has_table(db, "ente"):
        return None
    row = db.conn.execute(
        "SELECT value FROM ente WHERE key = 'retribuzione_posizione_max'").fetchone()
    try:
        return Decimal(row[0]) if row and row[0] else None
    except InvalidOperation:
        return None


def area_heads_pay(db: Any, on: date) -> dict[int, PositionPay]:
    """``offices.id -> PositionPay`` for every titular Area head in force on ``on``."""
    columns = {r[1] for r in db.conn.execute("PRAGMA table_info(offices)")}
    if "position_allowance_cents" not in columns:  # a public export leaves pay out
        return {}
    pmax = comune_pmax(db)
    offices = db.conn.execute(
        "SELECT id, unit_id, position_allowance_cents FROM offices "
        "WHERE office = 'responsabile_area' AND ad_interim = 0 AND valid_from <= :on "
        "AND (valid_to IS NULL OR valid_to > :on)", {"on": on.isoformat()}).fetchall()
    grades: dict[int, dict[int, dict[str, float]]] = {}
    if has_table(db, "position_gradings"):
        for uid, year, code, grade in db.conn.execute(
                "SELECT unit_id, year, subparameter, grade FROM position_gradings "
                "WHERE year <= ?", (on.year,)):
            grades.setdefault(uid, {}).setdefault(year, {})[code] = grade
    out = {}
    for oid, uid, cents in offices:
        years = grades.get(uid, {})
        year = max(years) if years else None
        out[oid] = PositionPay(oid, uid, None if cents is None else Decimal(cents) / 100,
                               years.get(year, {}) if year else {}, year, pmax)
    return out
