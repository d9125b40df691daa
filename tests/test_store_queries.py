"""As-of queries over the demo Comune."""

from __future__ import annotations

from datetime import date

import pytest
from store_fixtures import ON, demo_db, pid

from ordina.store import queries as q


@pytest.fixture(scope="module")
def db():
    return demo_db()


def test_find_people_accent_and_case_insensitive(db):
    assert [p.name for p in q.find_people(db, "MARIO rossi")] == ["Mario Rossi"]
    assert q.find_people(db, "Rosi") == []
    assert q.suggest_people(db, "Rosi")[0] == "Rossi"
    assert q.find_people(db, "Nerì")[0].surname == "Neri"


def test_find_units(db):
    assert q.find_units(db, "area tecnica")[0].code == "AREA-TEC"
    assert q.find_units(db, "finanziaria")[0].code == "AREA-FIN"
    assert "Area Tecnica" in q.suggest_units(db, "area tecnca")


def test_head_interim_and_absence(db):
    soc = q.unit_by_code(db, "AREA-SOC").id
    neri, bianchi = pid(db, "Anna Neri"), pid(db, "Laura Bianchi")
    assert q.unit_head(db, soc, ON).person_id == neri
    assert q.is_absent(db, neri, ON)
    assert q.interim_for(db, soc, ON).person_id == bianchi
    assert q.acting_head(db, soc, ON).person_id == bianchi
    # before the leave there is no interim and Neri acts
    before = date(2026, 8, 1)
    assert q.interim_for(db, soc, before) is None
    assert q.acting_head(db, soc, before).person_id == neri


def test_periods_are_half_open(db):
    tec = pid(db, "Giovanni Verdi")
    assert q.is_absent(db, tec, date(2026, 11, 16))
    assert q.is_absent(db, tec, date(2026, 12, 4))
    assert not q.is_absent(db, tec, date(2026, 12, 5))
    assert not q.is_absent(db, tec, date(2026, 11, 15))


def test_segretario_substitution_data(db):
    day = date(2027, 3, 3)
    seg = q.office_holders(db, "segretario", day)[0]
    assert q.is_absent(db, seg.person_id, day)
    assert q.office_holders(db, "vice_segretario", day)[0].person_name == "Laura Bianchi"


def test_assignment_12_and_yearly_list(db):
    a = q.assignment(db, 12)
    assert a.person_name == "Mario Rossi" and a.status == "in_attesa"
    assert a.client_type == "pa" and a.compensation_cents == 280000
    authorised = q.external_assignments(db, person_id=a.person_id, year=2026,
                                        status="autorizzato")
    assert sum(x.compensation_cents for x in authorised) == 250000
    assert q.employment(db, a.person_id, ON).salary_cents == 2300000


def test_vacant_post_and_higher_duties(db):
    vacant = q.vacant_posts(db, ON)
    assert [p.code for p in vacant] == ["DO-06"]
    duties = q.higher_duties(db, on=ON)
    assert [(d.category, d.reason, d.post_id) for d in duties] == [("C", "vacanza", vacant[0].id)]


def test_employment_history_and_supervisor(db):
    marino = pid(db, "Luca Marino")
    assert q.employment(db, marino, ON) is None
    assert q.employment(db, marino, date(2026, 3, 31)).category == "C"
    ricci = pid(db, "Davide Ricci")
    assert q.supervisor(db, ricci, ON).person_name == "Paolo Galli"
    job = q.employment(db, ricci, ON)
    assert job.profile == "Agente di polizia municipale" and job.full_time
    assert q.part_time_requests(db, person_id=ricci)[0].status == "in_attesa"


def test_evaluations_and_grading(db):
    evals = q.evaluations(db, pid(db, "Giovanni Verdi"), year=2025)
    assert evals[0].scheme == "F" and evals[0].total == 58
    soc = q.unit_by_code(db, "AREA-SOC").id
    grades = q.position_grading(db, soc, 2026)
    assert grades["A1"] == 90 and len(grades) == 9


def test_past_roles_and_ente(db):
    roles = q.past_roles(db, pid(db, "Laura Bianchi"))
    assert roles[0].kind == "sindacato" and roles[0].valid_to == "2025-04-01"
    assert q.ente(db)["nome"] == "Comune di Esempio"
