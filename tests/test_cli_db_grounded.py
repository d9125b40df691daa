"""``ordina ask --json`` on the demo database: dates, names, rows and art. 54, as users type them."""

from __future__ import annotations

import json
import sqlite3

import pytest
from store_fixtures import ask_json


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return str(tmp_path_factory.mktemp("cli") / "demo.db")




def test_a_period_split_where_the_substitute_changes(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "chi sostituisce il segretario dal 25 febbraio al 15 "
                                     "marzo 2027?")
    assert data["intent"] == "substitute" and data["kind"] == "lookup"
    assert "**dal 01/03/2027 al 08/03/2027**" in data["answer"]
    assert "Laura Bianchi" in data["answer"] and "art. 7 c. 1" in data["citations"]


def test_an_english_unit_name(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "who is the head of the technical area?")
    assert data["kind"] == "lookup" and "Area Tecnica" in data["answer"]
    assert "Giovanni Verdi" in data["answer"]


def test_higher_duties_read_from_the_row(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "Ferrari può avere le mansioni superiori per sostituire "
                                     "la Romano?")
    assert data["verdict"] == "vietato" and data["missing"] == []
    assert "dal database" in data["answer"]


def test_spouse_of_an_employee_is_not_refused(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "il coniuge di un dipendente può essere assunto a tempo "
                                     "determinato?")
    assert data["verdict"] != "vietato"


def test_namesakes_on_a_big_comune_list_ten_and_count_the_rest(run_ordina, tmp_path) -> None:
    db = str(tmp_path / "big.db")
    assert run_ordina("demo", "--scale", "3000", "--seed", "1", db=db).returncode == 0
    surname, count = sqlite3.connect(db).execute(
        "SELECT surname, COUNT(*) c FROM people GROUP BY surname ORDER BY c DESC").fetchone()
    done = run_ordina("ask", f"chi è {surname}?", "--json", "--as-of", "2026-11-23", db=db)
    assert done.returncode == 0, done.stderr.decode()
    answer = json.loads(done.stdout)["answer"]
    assert f"Ci sono {count} persone" in answer
    assert answer.count("(matr. ") == 10
    assert f"altre {count - 10} persone" in answer
