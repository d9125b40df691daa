"""Facts read from the personnel database: bulk and single loads agree, unknown stays unknown."""

from __future__ import annotations

import pytest

from ordina.db import connect
from ordina.engine.dbfacts import PeopleFacts, assignment_facts, assignment_subjects
from ordina.store import REFERENCE_DATE, ensure_demo


@pytest.fixture(scope="module")
def db():
    conn = connect(":memory:")
    ensure_demo(conn)
    return conn


def test_single_person_load_equals_bulk(db) -> None:
    bulk = PeopleFacts(db, REFERENCE_DATE)
    for pid, facts in bulk.facts.items():
        assert PeopleFacts(db, REFERENCE_DATE, [pid]).facts[pid] == facts


def test_kinship_to_political_offices(db) -> None:
    people = PeopleFacts(db, REFERENCE_DATE)
    by_name = {people.names[pid]: f for pid, f in people.facts.items()}
    assert by_name["Paolo Galli"]["kinship"] == "nipote_di_zio"
    assert by_name["Paolo Galli"]["related_to"] == "assessore"
    assert by_name["Silvia Lodi"]["kinship"] == "cognato"
    assert by_name["Mario Rossi"]["kinship"] == "nessuna"


def test_unknown_columns_stay_unknown() -> None:
    facts = assignment_facts({"id": 1, "activity": "consulenza", "client_supplier": None,
                              "client_litigation": False, "client_permit": False,
                              "client_supervised": False, "occasional": None, "paid": True,
                              "status": "in_attesa"})
    assert "client_relation" not in facts and "occasional" not in facts
    assert facts["activity_kind"] == "consulenza_occasionale" and facts["paid"] is True


def test_assignment_cap_counts_the_request_year(db) -> None:
    subjects = {s.key: s for s in assignment_subjects(db, REFERENCE_DATE)}
    twelve = subjects[12].facts
    assert twelve["already_authorised_this_year"] == 2500.0
    assert twelve.fact("compensation").source == "db"


def test_single_assignment_counts_the_others(db) -> None:
    one = assignment_subjects(db, REFERENCE_DATE, ids=[12])[0].facts
    assert one["already_authorised_this_year"] == 2500.0
