"""Who may head the personnel office (art. 14 c. 7): the question, the rows, the two years.

The demo's rows (``store/demo.py``): Laura Bianchi sat on the FP CGIL provincial executive
until 31/03/2025 (row ends 2025-04-01), so on 23/11/2026 she is within the 2 years, and
free of the bar from 01/04/2027; Giovanni Verdi was a councillor of Altrove until
26/05/2019, long past the window.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_fixtures import demo_db

from ordina.ask import answer_question
from ordina.query import parse_question
from ordina.query.surface import stated_facts, within_window

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("hr_head") / "demo.db")


def test_a_union_executive_within_two_years_bars_the_personnel_office(db):
    answer = answer_question("la Bianchi può fare la responsabile del personale dopo essere "
                             "stata nel direttivo della CGIL?", db, ON)
    assert answer.verdict == "vietato"
    assert answer.citations == ["art. 14 c. 7"]
    # the row the verdict rests on, with the day the bar ends
    assert "FP CGIL Esempio" in answer.answer and "01/04/2027" in answer.answer


def test_an_office_ended_long_ago_does_not_bar_it(db):
    answer = answer_question("Verdi potrebbe diventare responsabile del personale? è stato "
                             "consigliere comunale ad Altrove", db, ON)
    assert answer.verdict == "consentito"
    assert "art. 14 c. 7" in answer.citations
    assert "26/05/2019" in answer.answer and "oltre 2 anni" in answer.answer


def test_english_question_routes_to_the_same_rule(db):
    answer = answer_question("I currently sit on the executive board of a political party. "
                             "Can I be put in charge of the HR area?", db, ON)
    assert answer.verdict == "vietato"
    assert answer.citations == ["art. 14 c. 7"]


def test_a_past_office_without_a_time_is_not_read_as_recent():
    # "è stato consigliere": when decides, so the fact is not taken from the words
    assert "political_or_union_office_2y" not in stated_facts(
        "verdi potrebbe diventare responsabile del personale? e stato consigliere comunale")
    assert stated_facts("fino all'anno scorso ero consigliere comunale")[
        "political_or_union_office_2y"] is True
    assert stated_facts("ho lasciato il direttivo di un sindacato 3 anni fa")[
        "political_or_union_office_2y"] is False


def test_the_relative_of_a_councillor_states_no_office_of_the_subject():
    assert "political_or_union_office_2y" not in stated_facts(
        "il fratello del consigliere comunale puo essere nominato responsabile del personale?")


def test_years_ago_is_a_moment_not_the_appointment_length():
    query = parse_question("sono cat. D e ho lasciato il direttivo di un sindacato tre anni fa: "
                           "posso avere l'incarico di resp. delle risorse umane?")
    assert "assignment_years" not in query.facts
    assert query.facts["political_or_union_office_2y"] is False
    assert query.facts["personnel_office"] is True


@given(st.integers(min_value=0, max_value=40), st.sampled_from(["anni", "mesi"]))
def test_within_window_compares_months(n: int, unit: str):
    months = n * 12 if unit == "anni" else n
    assert within_window(f"ero nel direttivo {n} {unit} fa", 24) is (months <= 24)


def test_within_window_present_recent_and_untimed_past():
    assert within_window("e nel direttivo del partito", 24) is True
    assert within_window("currently sits on the union executive", 24) is True
    assert within_window("era nel direttivo del partito", 24) is None


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
       st.integers(min_value=-5, max_value=5))
def test_years_shift_keeps_the_day_but_29_february(day: date, years: int):
    from ordina.engine.dbfacts import _shift_years

    shifted = _shift_years(day, years)
    assert shifted.year == day.year + years and shifted.month == day.month
    assert shifted.day == day.day or (day.month, day.day, shifted.day) == (2, 29, 28)
