"""``ordina.store.office_queries`` on the demo rows: periods are last days included."""

from __future__ import annotations

from datetime import date

import pytest

from ordina.db import connect
from ordina.store import ensure_demo
from ordina.store import office_queries as oq

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db():
    database = connect(":memory:")
    ensure_demo(database)
    return database


def test_ending_between_includes_both_ends(db) -> None:
    # collaboration 2026/1: valid_to 2027-01-01, so its last day is 31/12/2026
    assert [e.key for e in oq.ending_between(db, date(2026, 12, 31), date(2026, 12, 31))
            if e.kind == "collaborazione"] == ["2026/1"]
    assert not [e for e in oq.ending_between(db, date(2027, 1, 1), date(2027, 1, 31))
                if e.key == "2026/1"]


def test_unanswered_requests_filed_by_the_date(db) -> None:
    assert [r.id for r in oq.unanswered_requests(db, ON)] == [13, 12, 14, 16]
    assert [r.id for r in oq.unanswered_requests(db, date(2026, 11, 12))] == [13, 12]


def test_assignments_and_salary_of_a_person(db) -> None:
    rossi = oq.assignments_of(db, 2)
    assert [(a.id, a.status) for a in rossi] == [(7, "autorizzato"), (9, "autorizzato"),
                                                  (12, "in_attesa")]
    assert rossi[0].last_day == date(2026, 5, 29)
    assert oq.base_salary_cents(db, 2, ON) == (2300000, 100)
    assert oq.base_salary_cents(db, 14, ON) == (None, None)  # the Sindaco is not employed


def test_unit_heads_and_the_days_they_may_change(db) -> None:
    tecnica = next(u for u in oq.unit_heads(db, ON) if u.unit == "Area Tecnica")
    assert (tecnica.head, tecnica.head_absence, tecnica.interim) == ("Giovanni Verdi",
                                                                   "malattia", None)
    changes = oq.head_changes(db, date(2026, 12, 1), date(2026, 12, 31))
    assert {date(2026, 12, 5), date(2026, 12, 21)} <= changes
