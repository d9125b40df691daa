"""How the units sit inside one another (art. 9), read from the demo's units on a date."""

from __future__ import annotations

from datetime import date

import pytest
from store_fixtures import demo_db

from ordina.ask import answer_question
from ordina.query.wording import asks_the_parts

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("orgchart") / "demo.db")


def test_the_areas_of_the_comune_with_their_servizi(db) -> None:
    got = answer_question("quante aree ha il comune e quali sono?", db, ON)
    assert "5 Aree" in got.answer and "**Area Vigilanza**: Servizio Polizia municipale" in got.answer
    assert "Unità di progetto PNRR (art. 11 c. 1)" in got.answer  # outside the Areas
    assert "art. 9 c. 2" in got.citations
    english = answer_question("How many Areas does the Comune have, and which are they?", db,
                              ON)
    assert "the Comune has 5 Areas" in english.answer


def test_a_unit_says_where_it_sits_and_what_it_holds(db) -> None:
    office = answer_question("l'Ufficio Contratti sotto quale servizio sta?", db, ON)
    assert "Area Amministrativa → Servizio Segreteria e Affari generali" in office.answer
    assert "art. 9 c. 5" in office.citations
    area = answer_question("quali servizi fanno parte dell'area finanziaria?", db, ON)
    assert "2 servizi: Servizio Ragioneria, Servizio Tributi" in area.answer


def test_a_project_unit_that_has_ended_is_not_listed(db) -> None:
    got = answer_question("quante aree ha il comune e quali sono?", db, date(2028, 2, 1))
    assert "PNRR" not in got.answer  # the unit ran until 31/12/2027


@pytest.mark.parametrize(("text", "asks"), [
    ("quali servizi ci sono nell'area tecnica?", True),
    ("di quale area fa parte il servizio tributi?", True),
    ("which services make up the finance area?", True),
    ("chi dirige l'area tecnica?", False),
    ("quanti giorni di ferie mi spettano?", False),
])
def test_what_asks_the_parts(text: str, asks: bool) -> None:
    assert asks_the_parts(text) is asks
