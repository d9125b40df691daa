"""Who is absent on a day or in a period (checks/assenze.py), as the personnel office asks.

The demo's rows (``store/demo.py``): Anna Neri on maternity leave 01/09/2026-31/01/2027, then
parental leave to 31/08/2027, her Area held ad interim by Laura Bianchi; Giovanni Verdi off
sick 16/11/2026-04/12/2026 with nobody ad interim; Mario Rossi on holiday
21/12/2026-06/01/2027. Expected names are read from those rows, not from the output.
"""

from __future__ import annotations

from datetime import date

import pytest
from store_fixtures import ask_json, demo_db

from ordina.ask import answer_question
from ordina.store.office_queries import absences_between

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("absences") / "demo.db")


def test_today_lists_who_is_away_and_the_interim(db) -> None:
    answer = answer_question("chi è assente oggi tra i dipendenti?", db, ON)
    assert answer.intent == "absences" and answer.verdict is None
    assert "**Anna Neri**" in answer.answer and "**Giovanni Verdi**" in answer.answer
    assert "ad interim **Laura Bianchi**" in answer.answer
    assert "Mario Rossi" not in answer.answer  # his holiday starts on 21/12
    # maternity and sickness are the personnel office's (c. 2); the interim art. 17 c. 1, and
    # Verdi's Area, with nobody ad interim, is for the Sindaco to cover (c. 3)
    assert answer.citations == ["art. 81 c. 2", "art. 17 c. 1", "art. 17 c. 3"]


def test_a_holiday_period_and_only_the_heads(db) -> None:
    answer = answer_question("a Natale quali responsabili di area mancano?", db, ON)
    assert "**Mario Rossi**" in answer.answer and "ferie dal 21/12/2026 al 06/01/2027" in answer.answer
    assert "art. 81 c. 1" in answer.citations  # holidays are granted by the responsabili


def test_english_period(db) -> None:
    answer = answer_question("Who is off work from 10 to 20 June 2027?", db, ON)
    assert answer.answer.startswith("**Absent from 10/06/2027 to 20/06/2027**")
    assert "**Anna Neri**" in answer.answer and "Verdi" not in answer.answer


def test_overlap_is_inclusive_of_first_and_last_day(db) -> None:
    from ordina.db import connect

    conn = connect(db) if not hasattr(db, "conn") else db
    names = {a.name for a in absences_between(conn, date(2026, 12, 4), date(2026, 12, 4))}
    assert "Giovanni Verdi" in names  # his last day of sickness
    assert "Giovanni Verdi" not in {
        a.name for a in absences_between(conn, date(2026, 12, 5), date(2026, 12, 5))}


def test_cli_json(run_ordina, tmp_path) -> None:
    data = ask_json(run_ordina, str(tmp_path / "demo.db"), "chi è in ferie la settimana prossima?")
    assert data["intent"] == "absences" and data["kind"] == "calculation"
    assert data["verdict"] is None and data["citations"]
