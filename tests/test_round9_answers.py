"""Questions of the ninth round, asked as ``ordina ask`` asks them, on the demo Comune.

Each expectation is worked out by hand from the demo rows (as of 23/11/2026) and the text;
the comments say which rows and which words.
"""

from __future__ import annotations

from datetime import date

import pytest
from store_fixtures import demo_db

from ordina.ask import answer_question
from ordina.query import intents as I
from ordina.query import parse_question
from ordina.query.lexicon import store_lexicon
from ordina.query.wording import question_form

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("round9") / "demo.db")


def ask(db, text: str, on: date = ON):
    return answer_question(text, db, on)


# ------------------------------------------------------------ contracts that end (art. 53 c. 4)
def test_a_fixed_term_contract_is_among_the_contracts_that_end(db) -> None:
    # employments #12: Paolo Galli, art110, valid_to 2029-06-10 (the day after the last one);
    # art. 53 c. 4: fixed-term contracts end with the new Sindaco's taking office
    result = ask(db, "quali contratti a tempo determinato finiscono entro il 2029?")
    assert result.intent == I.ENDING_CONTRACTS
    assert "Paolo Galli" in result.answer and "09/06/2029" in result.answer
    assert "cessa il 10/06/2029" in result.answer
    assert "art. 53 c. 4" in result.citations


def test_a_named_person_s_contract_end_is_found_however_far(db) -> None:
    result = ask(db, "When does Paolo Galli's fixed-term contract at the Area Vigilanza end?")
    assert "09/06/2029" in result.answer
    assert "art. 53 c. 4" in result.citations


def test_an_open_ended_contract_is_never_listed_as_ending(db) -> None:
    # Rossi (employments #2) is tempo indeterminato with no valid_to
    result = ask(db, "quali contratti a tempo determinato finiscono entro il 2029?")
    assert "Mario Rossi" not in result.answer


# --------------------------------------------------------------------- absences (art. 81 c. 2)
def test_when_a_named_absence_ends(db) -> None:
    # absences: Neri, maternità 2026-09-01 .. 2027-02-01 (exclusive) -> last day 31/01/2027
    result = ask(db, "quando finisce la maternità della Neri?")
    assert result.intent == I.ABSENCES
    assert "Anna Neri" in result.answer and "31/01/2027" in result.answer
    assert "art. 81 c. 2" in result.citations


# ---------------------------------------------------------- remaining cap, the other reading
def test_the_remaining_cap_gives_the_figure_under_the_other_reading(db) -> None:
    # 4.600 cap; counted n. 9 (1.000) -> 3.600; counting also n. 7 (1.500, a docenza
    # authorised on record though art. 89 exempts it) -> 2.100
    result = ask(db, "quanto può ancora guadagnare Rossi nel 2026 con incarichi autorizzati?")
    assert "**3.600 €**" in result.answer
    assert "contando anche questo" in result.answer and "2.100 €" in result.answer


def test_a_day_to_come_is_not_the_date_of_a_request() -> None:
    query = parse_question("il Comune di Lontano mi vuole in commissione di concorso a "
                           "dicembre 2026 per 1.800 euro: posso accettare?", today=ON)
    assert query.intent == I.EXTERNAL_ASSIGNMENT
    assert "request_date" not in query.facts
    assert query.facts.get("compensation") == 1800.0


def test_a_future_job_within_the_cap_needs_the_authorisation(db) -> None:
    # n. 9 (1.000) + 1.800 = 2.800 <= 4.600: no question on a request that does not exist
    result = ask(db, "Sono Rossi, il Comune di Lontano mi vuole commissario di concorso a "
                     "dicembre 2026 per 1.800 euro: posso accettare?")
    assert result.verdict == "autorizzazione"
    assert "request_answered" not in [m.fact for m in result.missing]


# ------------------------------------------------------------------ who decides, who stands in
def test_who_authorises_a_head_s_training_course_in_english(db) -> None:
    # Verdi heads the Area Tecnica: art. 75 c. 5, the Segretario (offices: Esposito)
    for text in ("Who has to sign off on Verdi attending a training course?",
                 "Who authorises Verdi's training course?"):
        result = ask(db, text)
        assert "art. 75 c. 5" in result.citations, text
        assert "Esposito" in result.answer, text


def test_who_signs_for_an_absent_head(db) -> None:
    # Verdi: malattia to 04/12/2026, no interim for the Area Tecnica: art. 17 c. 3, the Sindaco
    result = ask(db, "Verdi è in malattia: chi firma per l'ufficio tecnico la prossima settimana?")
    assert result.intent == I.SUBSTITUTE
    assert "Sindaco" in result.answer and "art. 17 c. 3" in result.answer


def test_a_decision_names_the_holder_of_the_office_it_cites(db) -> None:
    # Rossi is D1: art. 51 c. 1, the Segretario's opinion; the Segretario is Esposito
    result = ask(db, "Sono Mario Rossi della ragioneria e vorrei chiedere la mobilità verso un "
                     "altro comune: di chi serve il parere favorevole qui da noi?")
    assert "art. 51 c. 1" in result.citations
    assert "Segretario comunale: **Francesco Esposito**" in result.answer


# ------------------------------------------------------------------------ reading the question
def test_a_formality_asked_after_the_premise_is_a_yes_no_question() -> None:
    text = ("la Regione vorrebbe nominare la Bianchi commissario ad acta in un altro comune, "
            "con compenso. che le serve?")
    assert question_form(text) == "sino"
    assert question_form("cosa serve per la mobilità?") != "sino"


def test_the_maximum_position_pay_is_pmax() -> None:
    # allegato D: P = G x Pmax / 100 = 80 x 12.911,42 / 100 = 10.329,14
    query = parse_question("graduazione PO: G = 80 e la retribuzione massima di posizione è "
                           "12.911,42 euro: a quanto ammonta la retribuzione di posizione?")
    assert query.facts.get("pmax") == 12911.42
    assert "annual_base_salary" not in query.facts


def test_the_position_pay_is_computed_from_g_and_pmax(db) -> None:
    result = ask(db, "graduazione PO: G = 80 e la retribuzione massima di posizione del "
                     "contratto è 12.911,42 euro: a quanto ammonta la retribuzione di posizione?")
    assert "10.329,14" in result.answer


def test_a_share_of_the_figure_the_question_names(db) -> None:
    # art. 17 c. 2: «25% dell'indennità di posizione», of 10.000 € -> 2.500 €
    result = ask(db, "ho l'interim di un'altra area, la mia indennita di posizione è 10.000 "
                     "euro: al massimo quanto puo arrivare la mia retribuzione di risultato "
                     "compresa la maggiorazione?")
    assert "art. 17 c. 2" in result.citations
    assert "2.500,00" in result.answer


def test_a_capitalised_common_word_still_routes(db) -> None:
    # "Bar Centrale" is a bar: an outside job, not a name to drop
    query = parse_question("sono Ferrari dell'uff. tecnico, oltre al comune lavoro al Bar "
                           "Centrale: devo chiedere l'autorizzazione?", store_lexicon(db),
                           today=ON)
    assert query.intent == I.EXTERNAL_ASSIGNMENT


def test_an_article_of_another_law_with_a_question_is_a_rule_look_up(db) -> None:
    # art. 110 is the TUEL's (the regulation has 94 articles): art. 53 c. 4 answers
    result = ask(db, "quando cessa il contratto art. 110 se cambia il sindaco?")
    assert result.kind != "search"
    assert "art. 53 c. 4" in result.citations


def test_a_permission_given_previa_motivazione_is_a_verdict(db) -> None:
    # art. 10 c. 4: «possono attribuire …, in via eccezionale e previa adeguata motivazione»
    result = ask(db, "il resp. area può dare al responsabile del procedimento il potere di "
                     "adottare atti a rilevanza esterna?")
    assert result.verdict == "consentito"
    assert "art. 10 c. 4" in result.citations
    assert "previa adeguata motivazione" in result.answer


def test_a_new_fee_is_set_against_the_room_left(db) -> None:
    # one fifth of 30.000 = 6.000; 4.500 already authorised + 2.000 new = 6.500 > 6.000
    from test_db_grounded_answers import ask_as

    query, result = ask_as(db, I.REMAINING_CAP, "stipendio base 30.000 euro, già autorizzati "
                                                "4.500 euro, ne chiedo uno nuovo da 2.000 euro: "
                                                "quanto mi resta?")
    assert query.facts["compensation"] == 2000.0
    assert "4.500 € + 2.000 € = 6.500 € > 6.000 €" in result.answer
    assert "**1.500 €**" in result.answer


def test_authorised_incarichi_with_an_amount_are_what_is_already_authorised() -> None:
    query = parse_question("Una dipendente con trattamento economico fondamentale lordo di "
                           "30.000 euro ha già incarichi autorizzati quest'anno per 4.500 euro e "
                           "ne chiede uno nuovo da 2.000 euro. Rientra nel limite?", today=ON)
    assert query.facts.get("already_authorised_this_year") == 4500.0
    assert query.facts.get("compensation") == 2000.0


def test_the_regulation_s_misspelling_is_found(db) -> None:
    # art. 24 c. 8 writes «perfomance»: a question's «performance» finds it
    result = ask(db, "sono stata in maternità 5 mesi quest'anno, mi conta nella valutazione "
                     "della performance individuale?")
    assert "art. 24 c. 8" in result.citations
    assert "non sono considerati" in result.answer


def test_a_chained_share_is_computed(db) -> None:
    # art. 36 c. 1: up to half of 40.000 to the fund (20.000), «di cui la metà» (10.000)
    result = ask(db, "col piano di razionalizzazione abbiamo risparmiato 40.000 euro: quanto al "
                     "massimo va nel fondo decentrato e quanto di questo si distribuisce con le "
                     "fasce di merito?")
    assert "20.000,00" in result.answer and "10.000,00" in result.answer


def test_a_contract_named_by_its_contractor_is_said_and_no_employee_is_guessed(db) -> None:
    # collaborations #1: 2026/1 Studio Legale Ferraro, 05/02/2026 .. 2027-01-01 (exclusive);
    # «Ferraro» is one letter from the employee Ferrari, who is not meant
    result = ask(db, "The Ferraro legal consultancy runs out at the end of the year: can we "
                     "simply renew it for 2027?")
    assert result.verdict == "vietato" and "art. 68 c. 3" in result.citations
    assert "collaboration 2026/1 of the register" in result.answer
    assert "31/12/2026" in result.answer
    assert "Ferrari" not in result.answer


@pytest.mark.parametrize("text", [
    "A resident has asked Paolo Galli to represent him in court for a fee. Can he accept?",
    "il Galli, che è avvocato, può difendere in causa un cittadino residente a Esempio?",
])
def test_defending_a_resident_in_court_is_barred(db, text: str) -> None:
    # art. 87 c. 1 lett. m: patrocinio for subjects of the territory; Galli is full time
    result = ask(db, text)
    assert result.verdict == "vietato"
    assert "art. 87 c. 1 lett. m" in result.citations


def test_a_person_s_card_shows_the_higher_duties_in_course(db) -> None:
    # higher_duties #1: Greco (B3), category C on the vacant post, 2026-05-01 .. 2027-05-01
    result = ask(db, "chi è la Greco?")
    assert "mansioni superiori di categoria C" in result.answer
    assert "30/04/2027" in result.answer and "n. 21/2026" in result.answer
    assert "art. 13 c. 1" in result.citations
