"""Questions on the Nucleo di valutazione (art. 37-38) answered from the facts they state:
a member's citizenship, degree and years of experience, a third member, a meeting with
one member present."""

from __future__ import annotations

from datetime import date

import pytest

from ordina.ask import answer_question
from ordina.query import parse_question

ON = date(2026, 11, 23)


@pytest.mark.parametrize(("question", "facts"), [
    ("un cittadino svizzero può far parte del nucleo?", {"member_citizenship": "altra"}),
    ("una cittadina francese può entrare nel nucleo?", {"member_citizenship": "ue"}),
    ("candidato: laurea in giurisprudenza, 3 anni di esperienza nel controllo di gestione",
     {"member_degree": "giurisprudenza", "member_experience_years": 3.0}),
    ("un laureato in lettere può essere nominato nel nucleo?", {"member_degree": "altra"}),
    ("possiamo aggiungere un terzo componente esterno al nucleo?",
     {"nucleo_third_member": True}),
    ("alla seduta del nucleo c'è solo il presidente: è valida?",
     {"nucleo_single_present": True}),
])
def test_the_member_and_meeting_facts_are_read_from_the_question(
        question: str, facts: dict[str, object]) -> None:
    read = parse_question(question).facts
    assert {k: read.get(k) for k in facts} == facts


@pytest.mark.parametrize(("question", "verdict", "cite"), [
    ("un cittadino svizzero può far parte del nucleo di valutazione?", "vietato",
     "art. 37 c. 5 lett. a"),
    (("Il sindaco vorrebbe nominare nel nucleo un laureato in giurisprudenza con 3 anni di "
     "esperienza nel controllo di gestione. Ha i requisiti?"), "vietato", "art. 37 c. 5 lett. c"),
    (("un laureato in lettere, senza titoli post universitari, può essere nominato nel nucleo "
     "di valutazione?"), "vietato", "art. 37 c. 5 lett. b"),
    ("possiamo aggiungere un terzo componente esterno al nucleo di valutazione?", "vietato",
     "art. 37 c. 1"),
    (("alla riunione del nucleo si è presentato un solo componente, possiamo tenere lo stesso "
     "la seduta?"), "vietato", "art. 38 c. 4"),
])
def test_a_stated_case_gets_the_verdict_of_its_comma(question: str, verdict: str,
                                                     cite: str) -> None:
    answer = answer_question(question, None, ON)
    assert answer.verdict == verdict
    assert answer.citations[0] == cite


def test_an_eu_member_with_the_degree_and_the_years_is_not_barred() -> None:
    answer = answer_question("una cittadina francese laureata in economia con 8 anni di "
                             "esperienza nel controllo di gestione può entrare nel nucleo?",
                             None, ON)
    assert answer.verdict == "consentito"


def test_a_members_fee_is_weighed_against_the_auditors_on_record(tmp_path) -> None:
    from store_fixtures import demo_db

    # the demo's revisore dei conti (office 39) is paid 6.500 €: 7.000 € for a member of the
    # Nucleo is over the cap of art. 38 c. 7, 6.000 € is within it
    db = demo_db(tmp_path / "demo.db")
    over = answer_question("possiamo portare il compenso della Marchi come componente del "
                           "nucleo a 7.000 euro?", db, ON)
    assert (over.verdict, over.citations[0]) == ("vietato", "art. 38 c. 7")
    assert "6.500 (dal database" in over.answer
    within = answer_question("possiamo portare il compenso della Marchi come componente del "
                             "nucleo a 6.000 euro?", db, ON)
    assert (within.verdict, within.citations[0]) == ("consentito", "art. 38 c. 7")
