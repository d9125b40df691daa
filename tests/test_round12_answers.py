"""Questions of the twelfth round, asked as ``ordina ask`` asks them, on the demo Comune.

Each expectation is worked out by hand from the regulation's text and the demo rows (as of
23/11/2026); the comments say which words. None of these questions is in
``regulation/esiti.yaml``, ``regulation/domande.yaml`` nor in the question banks.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_fixtures import demo_db

from ordina.ask import answer_question
from ordina.query.parts import second_question

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("round12") / "demo.db")


def ask(db, text: str, on: date = ON):
    return answer_question(text, db, on)


# ------------------------------------------------------- a question that asks two things
@pytest.mark.parametrize(("text", "parts"), [
    ("chi presiede il nucleo e da quanti membri è composto?",
     ("chi presiede il nucleo", "da quanti membri è composto?")),
    ("chi mi dà l'ok per le ferie? e c'entra il segretario?",
     ("chi mi dà l'ok per le ferie?", "c'entra il segretario?")),
    ("Who chairs the evaluation unit and how many members does it have?",
     ("Who chairs the evaluation unit", "how many members does it have?")),
])
def test_two_parts_are_told_apart(text: str, parts: tuple[str, str]) -> None:
    assert second_question(text) == parts


@pytest.mark.parametrize("text", [
    "un dipendente in ferie e che chiede il part-time può?",  # a relative clause
    "posso fare il revisore dei conti in un altro comune?",
    "ferie e permessi?",
])
def test_one_question_stays_one(text: str) -> None:
    assert second_question(text) is None


@given(st.text(max_size=120))
def test_parts_are_pieces_of_the_question(text: str) -> None:
    parts = second_question(text)
    if parts is not None:
        first, second = parts
        assert first in text and second in text
        assert text.index(first) < text.rindex(second)


def test_each_part_cites_its_own_comma(db) -> None:
    # art. 37 c. 1: «composto dal presidente e da uno o due componenti»; c. 2: «Il ruolo di
    # presidente è ricoperto dal Segretario»
    a = ask(db, "da quanti membri è fatto il nucleo di valutazione e chi lo presiede?")
    assert {"art. 37 c. 1", "art. 37 c. 2"} <= set(a.citations)
    assert "uno o due componenti" in a.answer and "Segretario" in a.answer


def test_a_point_that_adds_nothing_cites_its_whole_list(db) -> None:
    # art. 62 c. 2 lists the presupposti of an external incarico, lett. a) to h); "come deve
    # essere la prestazione" is held by the lead-in and lett. e alike: the list is cited
    a = ask(db, "com'è che deve essere la prestazione di un incarico esterno?")
    assert a.citations[0] == "art. 62 c. 2"
    assert "temporanea" in a.answer


# ------------------------------------------------ a named collaboration, from its record
def test_a_named_collaboration_shows_its_record(db) -> None:
    # collaborations row 2026/3: Lucia Bassi, 20/05/2026 → valid_to 2026-09-30 (the day
    # after the last): ended by 23/11/2026
    a = ask(db, "la collaborazione con la Bassi è ancora in corso?")
    assert "collaborazione 2026/3 (Lucia Bassi)" in a.answer
    assert "dal 20/05/2026 al 29/09/2026: conclusa al 23/11/2026" in a.answer


def test_the_notice_days_are_counted_from_the_record(db) -> None:
    # 2026/1: notice 10/01/2026, closing 26/01/2026 = 16 days (art. 64 c. 2 asks at least 10)
    a = ask(db, "quanti giorni è rimasto aperto l'avviso per lo Studio Ferraro?")
    assert "(16 giorni)" in a.answer and "art. 64 c. 2" in a.citations


def test_the_case_of_a_direct_assignment_is_cited(db) -> None:
    # 2026/2 (Paolo Serra): procedure «diretta», direct_reason «b» = art. 66 c. 1 lett. b
    a = ask(db, "con quale motivazione l'incarico a Paolo Serra è stato conferito in via diretta?")
    assert a.citations[0] == "art. 66 c. 1 lett. b"
    assert "particolare urgenza" in a.answer


def test_a_contractor_not_on_record_adds_no_card(db) -> None:
    a = ask(db, "la collaborazione con lo Studio Bianconi è ancora in corso?")
    assert "Dal database, collaborazione" not in a.answer


# ------------------------------------------------------ durations and what does not happen
def test_a_year_bound_is_read_from_its_article() -> None:
    from ordina.answerers.thresholds import threshold_verdict

    # art. 14 c. 3: «non può essere inferiore all'anno»: 6 mesi is below, 2 anni is not
    rule = ("La durata è fissata nel provvedimento di conferimento; non può essere inferiore "
            "all’anno e comunque non può superare la durata del mandato amministrativo del Sindaco.")
    assert threshold_verdict("incarico di PO per 6 mesi?", rule)[0] == "vietato"
    assert threshold_verdict("incarico di PO per 18 mesi?", rule)[0] == "consentito"
    assert threshold_verdict("incarico di PO per 2 anni?", rule)[0] == "consentito"


@given(st.integers(min_value=1, max_value=240))
def test_months_and_years_compare_alike(months: int) -> None:
    from ordina.answerers.thresholds import threshold_verdict

    found = threshold_verdict(f"dura {months} mesi?", "non può essere inferiore a 2 anni")
    assert found is not None
    assert (found[0] == "consentito") == (months >= 24)


def test_a_six_month_po_appointment_is_barred(db) -> None:
    a = ask(db, "possiamo dare a un istruttore direttivo un incarico di PO per soli 6 mesi?")
    assert a.verdict == "vietato" and "art. 14 c. 3" in a.citations


def test_monthly_payment_of_a_collaborator_is_barred(db) -> None:
    # art. 68 c. 5: the payment «comunque non avviene con cadenza mensile»
    a = ask(db, "possiamo pagare il collaboratore esterno a rate mensili?")
    assert a.verdict == "vietato" and a.citations[0] == "art. 68 c. 5"


# ------------------------------------------------- names are searched in the rows, not the text
def test_the_commi_are_searched_without_the_names(db) -> None:
    from ordina.answerers.lookup import searched_text
    from ordina.query import parse_question
    from ordina.query.lexicon import store_lexicon

    query = parse_question("la richiesta della Paola Greco per il tiro a segno va autorizzata?",
                           store_lexicon(db), today=ON)
    assert query.names == ("Paola Greco",)
    assert "Greco" not in searched_text(query) and "tiro a segno" in searched_text(query)


def test_parsing_without_a_lexicon_names_nobody() -> None:
    from ordina.query import parse_question

    assert parse_question("la Greco può fare l'istruttore di tiro?", None, today=ON).names == ()


# ----------------------------------------------------- where a matter is regulated, by title
@pytest.mark.parametrize(("text", "titolo"), [
    # titolo IX: «INCARICHI ESTERNI AL PERSONALE DIPENDENTE E AI TITOLARI DI POSIZIONE
    # ORGANIZZATIVA»; titolo VII is the Comune's own collaborations
    ("in quale titolo si parla degli incarichi esterni dei dipendenti?", "titolo IX"),
    ("in quale titolo è disciplinata la mobilità?", "titolo V"),
])
def test_the_titolo_whose_heading_names_the_matter(db, text: str, titolo: str) -> None:
    a = ask(db, text)
    assert a.kind == "structure" and titolo in a.citations
    assert f"**{titolo}**" in a.answer


# ------------------------------------------- a comma asked about, when the checks leave it open
def _open_case(text: str, **changes):
    from dataclasses import replace

    from ordina.answer import Answer, Missing
    from ordina.query import parse_question

    query = replace(parse_question(text, None, today=ON), intent="external_assignment",
                    **changes)
    left_open = Answer(query=text, intent="external_assignment", answer="Mancano dati.",
                       verdict="dati_mancanti", citations=["art. 87 c. 3"],
                       missing=[Missing("part_time_percent", "Qual è la percentuale?")])
    return query, left_open


def test_the_comma_a_question_is_about_answers_when_the_checks_cannot(db) -> None:
    from ordina.answerers import Env
    from ordina.answerers.engine import _a_comma_asked_so

    # art. 68 c. 5: the payment «comunque non avviene con cadenza mensile»; the checks of
    # outside jobs (art. 87) wanted a part-time share that has nothing to do with it
    query, left_open = _open_case("possiamo pagare il collaboratore esterno ogni mese?")
    found = _a_comma_asked_so(query, Env(db, ON), left_open)
    assert found is not None and found.citations[0] == "art. 68 c. 5"
    assert "Qual è la percentuale?" in found.answer  # the checks' question, for a real case


def test_a_case_with_a_day_stays_with_the_checks(db) -> None:
    from ordina.answerers import Env
    from ordina.answerers.engine import _a_comma_asked_so

    query, left_open = _open_case("possiamo pagare il collaboratore esterno ogni mese "
                                  "dal 1 marzo 2027?")
    assert _a_comma_asked_so(query, Env(db, ON), left_open) is None


# --------------------------------------------------------- who approves, asked in English
def test_time_off_asked_in_english_is_the_holidays_matter(db) -> None:
    # art. 81 c. 1: the heads' holidays are authorised by the Segretario; Verdi heads the
    # Area Tecnica, the Segretario on the day is Francesco Esposito
    a = ask(db, "Giovanni Verdi would like some days off in August. Who approves them?")
    assert "art. 81 c. 1" in a.citations and "Esposito" in a.answer



def test_a_job_as_an_employee_in_english_is_subordinate_work(db) -> None:
    # art. 87 c. 1 lett. c bars the full-timer from «assunzioni alle dipendenze di privati»
    # (Bianchi: 100% on record)
    a = ask(db, "Laura Bianchi wants to work as an employee at a private bakery on Saturdays: "
                "is that allowed?")
    assert a.verdict == "vietato" and "art. 87 c. 1 lett. c" in a.citations


@pytest.mark.parametrize("text", ["I'm an employee at the Comune: can I teach a course?",
                                  "sono dipendente del comune, posso insegnare?"])
def test_being_the_comunes_employee_is_no_second_job(text: str) -> None:
    from ordina.query import parse_question

    facts = parse_question(text, None, today=ON).facts
    assert getattr(facts.get("activity_kind"), "value", facts.get("activity_kind")) \
        != "lavoro_subordinato"


# ----------------------------------------------------- a conflict of interest from the rows
def test_a_cohabitant_on_record_is_a_conflict_to_abstain_from(db) -> None:
    # family_links: Paola Greco and Davide Ricci «convivente» since 2024; art. 4 c. 6: who
    # handles a procedure «deve astenersi in caso di conflitto di interessi»
    a = ask(db, "può la Greco esaminare la richiesta di sussidio che ha presentato Davide Ricci?")
    assert a.verdict == "vietato" and a.citations == ["art. 4 c. 6"]
    assert "convivente" in a.answer and "DPR 62/2013" in a.answer


def test_the_conflict_in_english(db) -> None:
    a = ask(db, "May Paola Greco handle the benefit application filed by Davide Ricci?")
    assert a.verdict == "vietato" and "must abstain" in a.answer


def test_two_people_with_no_link_are_no_conflict(db) -> None:
    from ordina.answerers import Env
    from ordina.answerers.conflicts import conflict_answer
    from ordina.query import parse_question
    from ordina.query.lexicon import store_lexicon

    query = parse_question("può la Greco esaminare la richiesta di Mario Rossi?",
                           store_lexicon(db), today=ON)
    assert len(query.names) == 2 and conflict_answer(query, Env(db, ON)) is None


def test_a_database_without_family_links_asks_no_conflict(tmp_path) -> None:
    # a copy of the database without the personal tables: the question is answered from
    # the text, and nothing fails
    copy = demo_db(tmp_path / "senza_legami.db")
    copy.conn.execute("DROP TABLE family_links")
    a = answer_question("può la Greco esaminare la richiesta di sussidio che ha presentato "
                        "Davide Ricci?", copy, ON)
    assert a.verdict != "vietato" and "convivente" not in a.answer
