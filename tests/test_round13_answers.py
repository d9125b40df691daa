"""Questions of the thirteenth round, asked as ``ordina ask`` asks them, on the demo Comune.

Each expectation is worked out by hand from the regulation's text and the demo rows (as of
23/11/2026); the comments say which rows and words. None of these questions is in
``regulation/esiti.yaml``, ``regulation/domande.yaml`` nor in the question banks.
"""

from __future__ import annotations

from datetime import date

import pytest
from store_fixtures import demo_db

from ordina.ask import answer_question
from ordina.engine.answering import NO_CHECK_ANSWERS, NO_CHECK_APPLIES

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("round13") / "demo.db")


def ask(db, text: str, on: date = ON):
    return answer_question(text, db, on)


# ------------------------------------------------- a unit asked about outside its life
# units: «Unità di progetto PNRR», valid [2026-01-15, 2028-01-01), Determinazione del
# Segretario n. 3/2026, headed by Paola Greco; art. 11 c. 1: project units are temporary
@pytest.mark.parametrize(("text", "words"), [
    ("chi guida l'unità di progetto PNRR a marzo 2028?",
     ["prevista fino al 31/12/2027", "non esiste più"]),
    ("chi era a capo dell'unità di progetto PNRR il 10 gennaio 2026?",
     ["istituita dal 15/01/2026", "non esisteva ancora"]),
    ("who leads the PNRR project unit in March 2028?",
     ["until 31/12/2027", "from 01/03/2028 to 31/03/2028", "no longer exists"]),
])
def test_a_unit_outside_its_life_says_so(db, text: str, words: list[str]) -> None:
    result = ask(db, text)
    assert result.citations == ["art. 11 c. 1"]
    for word in words:
        assert word in result.answer
    assert "Greco" not in result.answer  # nobody heads a unit that does not exist


def test_a_temporary_units_head_comes_with_its_end(db) -> None:
    result = ask(db, "chi è il responsabile dell'unità PNRR?")
    assert "**Paola Greco**" in result.answer
    assert "L'unità è prevista fino al 31/12/2027" in result.answer


def test_a_period_across_the_units_start_is_answered_in_parts(db) -> None:
    result = ask(db, "chi dirige l'unità di progetto PNRR a gennaio 2026?")
    assert "**dal 01/01/2026 al 14/01/2026**" in result.answer
    assert "**dal 15/01/2026 al 31/01/2026**" in result.answer
    before, after = result.answer.split("**dal 15/01/2026")
    assert "Greco" not in before and "Greco" in after


# ---------------------------------------------------------- office holders and their term
# offices: the three members of the Nucleo appointed until 31/12/2026; the stay until
# renewal (art. 38 c. 1) is said once the term is over (tests/test_round10_answers.py)
def test_the_nucleos_members_come_with_their_term(db) -> None:
    result = ask(db, "chi fa parte del nucleo di valutazione adesso?")
    assert "Esposito" in result.answer and "Marchi" in result.answer
    assert "nominati fino al 31/12/2026" in result.answer
    assert "restano in carica fino al rinnovo" not in result.answer
    assert len(result.citations) <= 5


# ------------------------------------------------------ a look-up is not told "no check"
@pytest.mark.parametrize(("text", "cite"), [
    ("se nel nucleo di valutazione c'è parità di voti, quale voto conta di più?",
     "art. 38 c. 4"),  # «In caso di parità nelle deliberazioni, prevale il voto del presidente»
])
def test_a_look_up_ends_without_the_no_check_line(db, text: str, cite: str) -> None:
    result = ask(db, text)
    assert result.citations[0] == cite
    assert "presidente" in result.answer
    assert NO_CHECK_APPLIES not in result.answer and NO_CHECK_ANSWERS not in result.answer


# ------------------------------------------------------------------ what ends, and when
# external_assignments: incarico 11 (Conti, condominio) authorised to 31/12/2026;
# incarico 16 (Greco, docenza all'Unione) requested, still unanswered, to 14/02/2027
def test_by_the_end_of_the_year_means_31_december(db) -> None:
    result = ask(db, "quali incarichi esterni dei dipendenti finiscono entro fine anno?")
    assert "dal 23/11/2026 al 31/12/2026" in result.answer
    assert "incarico 11" in result.answer and "incarico 16" not in result.answer
    assert result.citations == ["art. 88 c. 5 lett. d"]


def test_a_request_still_unanswered_is_listed_as_such(db) -> None:
    result = ask(db, "incarichi extra istituzionali che terminano entro marzo 2027")
    line = next(row for row in result.answer.splitlines() if "incarico 16" in row)
    assert "14/02/2027" in line
    assert "richiesta ancora senza risposta, art. 88 c. 6" in line


def test_the_staffs_outside_jobs_in_english(db) -> None:
    result = ask(db, "which outside assignments of the staff end by the end of the year?")
    assert "incarico 11" in result.answer and "Conti" in result.answer
    assert "art. 88 c. 5 lett. d" in result.citations


# --------------------------------------------------------------------------- the registers
# external_assignments «comunicato»: 10 (Neri, 10/10/2025), 15 (Lodi, from 2025, open),
# 17 (Ferrari, from 2018, open); «autorizzato» in 2026: 7 and 9 (Rossi), 11 (Conti)
def test_the_incarichi_only_communicated_all_of_them(db) -> None:
    result = ask(db, "quali incarichi extra sono stati soltanto comunicati al comune?")
    assert result.citations == ["art. 89 c. 1"]
    for row in ("incarico 10", "incarico 15", "incarico 17"):
        assert row in result.answer
    assert "incarico 11" not in result.answer  # authorised, not communicated


def test_a_register_read_for_the_person_named(db) -> None:
    result = ask(db, "quali incarichi sono stati autorizzati a Rossi nel corso del 2026?")
    assert "dal 01/01/2026 al 31/12/2026" in result.answer  # «nel corso del 2026»
    assert "incarico 7" in result.answer and "incarico 9" in result.answer
    assert "Conti" not in result.answer
    mine = ask(db, "quali incarichi extra sono stati soltanto comunicati da Ferrari?")
    assert "incarico 17" in mine.answer and "Lodi" not in mine.answer


# ------------------------------------------------------------ the words around a date
def test_the_day_of_a_move_is_not_the_day_of_hiring() -> None:
    from ordina.query.api import parse_question

    moved = parse_question("Marino è andato via in mobilità ad aprile 2026, aveva gli anni "
                           "di servizio richiesti?")
    assert moved.facts.get("date") == date(2026, 4, 1)
    assert "hire_date" not in moved.facts
    hired = parse_question("sono stato assunto il 1 marzo 2022, posso chiedere la mobilità?")
    assert hired.facts.get("hire_date") == date(2022, 3, 1)


def test_on_what_grounds_is_a_look_up(db) -> None:
    # collaborations: 2026/2 Serra, affidamento diretto for urgency (art. 66 c. 1 lett. b)
    result = ask(db, "su che base è stato affidato direttamente l'incarico a Paolo Serra?")
    assert result.verdict is None
    assert "art. 66 c. 1 lett. b" in result.citations
    assert "urgenza" in result.answer
