"""Answers grounded in the database (issue 10): the personnel office's questions, in process.

The new intents (remaining_cap, overdue_requests, ending_contracts, unit_heads) are routed
elsewhere; here the question is parsed by the real front end with the intent fixed, so
facts, dates and names go through the same path as ``ordina ask``. Expected figures are
worked out by hand from the demo rows (see the comments), never copied from the output.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from store_fixtures import demo_db

from ordina.ask import answer_query, answer_question
from ordina.db import connect
from ordina.query import intents as I
from ordina.query import interpret, parse_question
from ordina.query.lexicon import store_lexicon
from ordina.query.periods import MONTHS
from ordina.query.scan import NOT_NAMES
from ordina.store.public import export_public

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("grounded") / "demo.db")


def ask_as(db, intent: str, text: str, on: date = ON, monkeypatch=None):
    """Parse ``text`` with the intent fixed (routing is not under test) and answer it."""
    from ordina.query.wording import question_form

    saved = interpret.route
    interpret.route = lambda *args, **kwargs: interpret.Routing(intent, form=question_form(text))
    try:
        query = parse_question(text, store_lexicon(db), today=on)
    finally:
        interpret.route = saved
    assert query.intent == intent, (text, query.intent)
    return query, answer_query(query, db, on, {})


# ---------------------------------------------------------------- remaining cap (art. 88 c. 3)
def test_remaining_cap_of_rossi_shows_the_sum_and_the_reading(db) -> None:
    # salary 23.000 € -> cap 4.600 €; authorised in 2026: n. 9 (1.000 €); n. 7 is a docenza
    # (art. 89 c. 1 trattino 10, no authorisation needed) and is left out: 4.600 - 1.000
    _, result = ask_as(db, I.REMAINING_CAP,
                       "quanto può ancora guadagnare Rossi con incarichi esterni quest'anno?")
    assert result.kind == "calculation"
    assert "**3.600 €**" in result.answer
    assert "4.600 € − 1.000 € = 3.600 €" in result.answer
    assert "dal database: incarico 9" in result.answer
    assert "non contato: incarico 7" in result.answer
    assert "Lettura usata" in result.answer and "Norma ambigua" in result.answer
    assert "art. 88 c. 3" in result.citations and "art. 89 c. 1 trattino 10" in result.citations


def test_remaining_cap_in_english_of_a_typo(db) -> None:
    query, result = ask_as(db, I.REMAINING_CAP, "how much can Ferari still earn this year?")
    assert query.subject is not None and query.subject.name == "Giorgio Ferrari"
    # part-time 50%: salary 9.650 € -> cap 1.930 €; nothing authorised
    assert "1.930 €" in result.answer and "part-time 50%" in result.answer


# ---------------------------------------------------------------- overdue requests (art. 88 c. 6)
def test_overdue_requests_say_what_silence_means(db) -> None:
    # request 13 of 01/10/2026 (private client): 30 days -> 31/10/2026, past on 23/11/2026
    _, result = ask_as(db, I.OVERDUE_REQUESTS, "quali richieste hanno superato i 30 giorni?")
    assert result.kind == "calculation" and result.citations == ["art. 88 c. 6"]
    late, _, waiting = result.answer.partition("Ancora nei termini")
    assert "incarico 13" in late and "**respinta**" in late and "31/10/2026" in late
    assert "incarico 12" in waiting and "accolta" in waiting  # PA client, due 10/12/2026


def test_overdue_requests_on_a_later_date_are_all_late(db) -> None:
    _, result = ask_as(db, I.OVERDUE_REQUESTS, "richieste scadute al 20 dicembre",
                       on=date(2026, 12, 20))
    assert "**4** richieste" in result.answer
    assert result.answer.count("**accolta**") == 2 and result.answer.count("**respinta**") == 2


# ---------------------------------------------------------------- ending contracts
def test_collaborations_ending_by_march(db) -> None:
    query, result = ask_as(db, I.ENDING_CONTRACTS,
                           "quali collaborazioni scadono entro marzo 2027?")
    assert query.facts["period_end"] == date(2027, 3, 31)
    assert "collaborazione 2026/1" in result.answer and "collaborazione 2026/2" in result.answer
    assert "incarico 11" not in result.answer  # collaborations only
    assert "art. 68 c. 3" in result.citations


def test_incarichi_and_collaborations_ending_next_month(db) -> None:
    _, result = ask_as(db, I.ENDING_CONTRACTS,
                       "incarichi e collaborazioni che finiscono il mese prossimo")
    # next month is December 2026: collaboration 2026/1 and incarico 11 end on 31/12/2026
    assert "dal 01/12/2026 al 31/12/2026" in result.answer
    assert "incarico 11" in result.answer and "collaborazione 2026/1" in result.answer


# ---------------------------------------------------------------- unit heads (art. 14, 17)
def test_unit_heads_on_the_reference_date(db) -> None:
    _, result = ask_as(db, I.UNIT_HEADS, "chi sono i responsabili delle aree oggi?")
    assert result.kind == "calculation"
    assert "ad interim **Laura Bianchi**" in result.answer  # Servizi sociali, Neri away
    assert "Giovanni Verdi (Decreto sindacale n. 14/2025), assente (malattia)" in result.answer
    assert "art. 17 c. 3" in result.citations


def test_unit_heads_over_a_period_say_what_changes(db) -> None:
    _, result = ask_as(db, I.UNIT_HEADS, "responsabili delle aree a dicembre")
    # Verdi back on 05/12/2026 (absence to 04/12), Rossi on holiday from 21/12/2026
    assert "**Dal 05/12/2026 al 20/12/2026** cambia" in result.answer
    assert "**Dal 21/12/2026 al 31/12/2026** cambia" in result.answer


# ---------------------------------------------------------------- dates of who-questions
def test_a_day_next_year_is_the_reference_date(db) -> None:
    result = answer_question("chi sostituisce la Neri il 3 febbraio 2028?", db, ON)
    assert "03/02/2028" in result.answer and result.kind == "lookup"


def test_a_period_is_answered_for_each_part(db) -> None:
    # the Segretario is on holiday from 01/03/2027 to 08/03/2027 (valid_to 09/03)
    result = answer_question("chi sostituisce il segretario dal 25 febbraio al 15 marzo 2027?",
                             db, ON)
    assert "**dal 25/02/2027 al 28/02/2027**" in result.answer
    assert "**dal 01/03/2027 al 08/03/2027**: **Francesco Esposito** è assente" in result.answer
    assert "**dal 09/03/2027 al 15/03/2027**" in result.answer


def test_a_month_already_past_is_next_years(db) -> None:
    query = parse_question("chi sostituisce il segretario a marzo?", store_lexicon(db), today=ON)
    assert query.as_of == date(2027, 3, 1) and query.facts["period_end"] == date(2027, 3, 31)


# ---------------------------------------------------------------- names and units
@pytest.mark.parametrize(("text", "name"), [
    ("chi è la Neri?", "Anna Neri"), ("chi sostituisce il Conti?", "Antonio Conti"),
    ("obblighi della Bianchi", "Laura Bianchi"), ("chi è Laura?", "Laura Bianchi"),
    ("chi è Nerì?", "Anna Neri"), ("chi è Nerri?", "Anna Neri"), ("chi è M004?", "Anna Neri"),
])
def test_people_as_people_write_them(db, text: str, name: str) -> None:
    query = parse_question(text, store_lexicon(db), today=ON)
    assert query.subject is not None and query.subject.name == name
    assert not [c for c in query.clarifications if c.options]


@pytest.mark.parametrize(("text", "unit"), [
    ("chi è il responsabile della technical area?", "Area Tecnica"),
    ("who heads the finance office?", "Area Finanziaria"),
    ("chi dirige l'ufficio tributi?", "Servizio Tributi"),
    ("chi dirige l'ufficio tecnico?", "Area Tecnica"),
    ("who is the head of the personnel office?", "Servizio Personale"),
])
def test_units_in_italian_and_english(db, text: str, unit: str) -> None:
    query = parse_question(text, store_lexicon(db), today=ON)
    assert query.subject is not None and query.subject.kind == "unit"
    assert query.subject.name == unit


def test_namesakes_are_listed_with_matricola_and_unit(db) -> None:
    result = answer_question("chi è Galli?", db, ON)
    assert "Paolo Galli (matr. M012, Area Vigilanza)" in result.answer
    assert "Ci sono 4 persone" in result.answer


def test_a_typo_close_to_several_people_asks(db) -> None:
    query = parse_question("chi è Gali?", store_lexicon(db), today=ON)
    clar = [c for c in query.clarifications if c.options]
    assert clar and "intendi" in clar[0].question and len(clar[0].options) == 4


# ---------------------------------------------------------------- facts from the rows
def test_higher_duties_facts_come_from_the_row(db) -> None:
    # row 2: Ferrari (B) covering Romano (C) on holiday, 03-23/08/2026: art. 13 c. 1 trattino 2
    result = answer_question("Ferrari può avere le mansioni superiori per sostituire Romano?",
                             db, ON)
    assert result.verdict == "vietato"
    assert "motivo della sostituzione = ferie (dal database" in result.answer
    assert not result.missing


def test_a_collaboration_named_by_number_is_read_from_the_database(db) -> None:
    query, result = ask_as(db, I.COLLABORATION, "la collaborazione 2026/3 è regolare?")
    assert query.facts["collaboration_number"] == "2026/3"
    # the market survey invited 2, art. 64 c. 4 asks at least 3
    assert result.verdict == "vietato" and "art. 64 c. 4" in result.citations
    reasons = result.answer + "\n".join(step.step for step in result.trace)
    assert "soggetti invitati = 2 (dal database" in reasons


# ---------------------------------------------------------------- art. 54: kin of whom
def test_spouse_of_an_ordinary_employee_is_not_barred_by_art_54(db) -> None:
    result = answer_question("il coniuge di un dipendente può essere assunto a tempo "
                             "determinato?", db, ON)
    # art. 54 c. 2 names the kin of the Sindaco, Assessori and Consiglieri only: that comma
    # decides, and the Comune's own conditions of art. 53 are stated, not asked
    assert result.verdict == "consentito" and result.citations[0] == "art. 54 c. 2"
    assert "il legame con un dipendente o con un privato non lo fa scattare" in result.answer
    assert "A condizione che" in result.answer


def test_spouse_of_an_assessore_still_is(db) -> None:
    result = answer_question("il coniuge dell'assessore può essere assunto a tempo determinato?",
                             db, ON)
    assert result.verdict == "vietato" and "art. 54 c. 2" in result.citations


# ---------------------------------------------------------------- one home per number
def test_the_new_lookups_reuse_the_one_home_of_their_numbers() -> None:
    from ordina import termini
    from ordina.norma import norme_of
    from ordina.plugins import builtin_checks_dir, import_path

    def load(stem: str):
        return import_path(builtin_checks_dir() / f"{stem}.py", "ordina_checks")

    assert load("tetto_compensi").QUOTA_TETTO is load("doveri").QUOTA_TETTO
    assert load("richieste_autorizzazione").TERMINE is termini.RISPOSTA_AUTORIZZAZIONE
    for stem in ("tetto_compensi", "richieste_autorizzazione", "contratti_in_scadenza",
                 "responsabili_unita", "organigramma"):
        owned = {n: v for n, v in norme_of(load(stem)).items()}
        known = set(map(id, norme_of(load("doveri")).values())) | set(
            map(id, norme_of(termini).values()))
        assert all(id(v) in known for v in owned.values()), stem


def test_scenario_files_with_examples_still_load() -> None:
    import yaml

    from ordina.engine.scenarios import load_scenarios
    from ordina.plugins import builtin_checks_dir

    for stem, intent in (("tetto_compensi", "remaining_cap"), ("sostituzioni", "substitute"),
                         ("organigramma", "who"), ("competenze", "competent")):
        path = builtin_checks_dir() / f"{stem}.yaml"
        examples = yaml.safe_load(path.read_text(encoding="utf-8"))["esempi"][intent]
        assert len(examples) >= 15 and len(set(examples)) == len(examples)
        assert any(e.isascii() and " the " in f" {e} " for e in examples)  # some English
        assert load_scenarios(path)


def test_a_named_incarico_says_its_authorisation_state_from_the_row(db) -> None:
    result = answer_question("l'incarico 11 del Conti è consentito?", db, ON)
    assert "L'incarico 11 risulta già **autorizzato** (dal database" in result.answer
    # the fee on record is a compenso, so "only expenses?" is not asked back
    assert "expenses_only" not in [m.fact for m in result.missing]
    pending = answer_question("può Rossi accettare l'incarico 12?", db, ON)
    assert "incarico 12 è **in attesa di risposta**" in pending.answer
    assert "art. 88 c. 1" not in pending.citations  # context, in the trace only


@given(st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_one_letter_off_a_surname_finds_that_person(db, data) -> None:
    lexicon = store_lexicon(db)
    people = db.conn.execute("SELECT id, given_name || ' ' || surname, surname FROM people "
                             "WHERE length(surname) >= 5").fetchall()
    pid, name, surname = data.draw(st.sampled_from(people))
    pos = data.draw(st.integers(1, len(surname) - 1))
    typo = surname[:pos] + surname[pos + 1:]  # one letter dropped, never the first
    assume(not lexicon.lookup(typo))  # "Marino" -> "Mario" is someone's given name: exact wins
    assume(typo.lower() not in NOT_NAMES)  # "Costa" -> "Cosa" is a word, not a name
    assume(typo.lower() not in MONTHS)  # "Marchi" -> "March" is a month
    query = parse_question(f"chi è {typo}?", lexicon, today=ON)
    clar = [c for c in query.clarifications if c.fact == "subject"]
    if query.subject is not None and query.subject.key == str(pid):
        assert clar and "Ho inteso" in clar[0].question  # resolved, and said so
    else:
        assert query.subject is not None and query.subject.name in (None, name) or clar
        assert any(name in c.options for c in clar), (typo, [c.question for c in clar])


def test_who_heads_a_unit_over_a_period_changes_with_the_interim(db) -> None:
    # Neri on maternity from 01/09/2026, Bianchi ad interim from the same day
    result = answer_question("chi dirige l'area servizi sociali dal 20 agosto al 10 settembre "
                             "2026?", db, ON)
    assert "**dal 20/08/2026 al 31/08/2026**: Area Servizi sociali: la dirige **Anna Neri**" \
        in result.answer
    assert "**dal 01/09/2026 al 10/09/2026**" in result.answer \
        and "ad interim **Laura Bianchi**" in result.answer


def test_during_their_holidays_reads_the_days_from_the_database(db) -> None:
    # Rossi's holidays: 21/12/2026 - 06/01/2027 (valid_to 07/01), nobody ad interim
    result = answer_question("chi sostituisce Rossi durante le sue ferie?", db, ON)
    assert result.answer.startswith("Dal 21/12/2026 al 06/01/2027: **Mario Rossi** è assente")
    assert "nessun sostituto è nominato" in result.answer


def test_the_public_copy_says_what_it_lacks(db, tmp_path) -> None:
    public = tmp_path / "pub.db"
    export_public(db, public)
    pub = connect(public)
    for intent, text in ((I.OVERDUE_REQUESTS, "richieste scadute"),
                         (I.ENDING_CONTRACTS, "collaborazioni che scadono entro marzo"),
                         (I.REMAINING_CAP, "quanto può ancora guadagnare Rossi?")):
        _, result = ask_as(pub, intent, text)
        assert "versione pubblica" in result.answer and "nessun" not in result.answer.lower()
    _, heads = ask_as(pub, I.UNIT_HEADS, "responsabili oggi")
    assert "Mario Rossi" in heads.answer and "non contiene assenze" in heads.answer


def test_ending_incarichi_of_one_person(db) -> None:
    _, result = ask_as(db, I.ENDING_CONTRACTS, "quando finisce l'incarico del Conti nel 2026?")
    assert "incarico 11 di Antonio Conti" in result.answer
    assert "collaborazione" not in result.answer.split("\n", 1)[-1]


# ------------------------------------------- art. 13: whose duties, of which category
def test_the_duties_are_of_the_one_who_stands_in_not_of_the_one_away(db) -> None:
    # Lodi is B3 on the staff; Romano (C3) would be the one away: C is the next category up
    result = answer_question("se la Romano andasse in maternità, la Lodi potrebbe sostituirla "
                             "con le mansioni superiori di categoria C?", db, ON)
    assert result.verdict == "consentito" and result.citations == ["art. 13 c. 1 trattino 2"]
    assert "categoria di inquadramento = B3 (dal database al 23/11/2026 (Silvia Lodi))" \
        in result.answer
    assert "categoria del posto da ricoprire = C1 (dalla domanda)" in result.answer


def test_the_category_after_mansioni_is_the_duties_one() -> None:
    query = parse_question("un dipendente può fare le mansioni superiori di categoria D?")
    assert query.intent == I.HIGHER_DUTIES and query.facts["target_category"] == "D1"
    assert "category" not in query.facts and "area" not in query.facts


def test_extending_to_the_end_of_a_month_counts_from_the_rows_start(db) -> None:
    # Greco's duties run from 01/05/2026 on a vacant post in cover: to 30/09/2027 is 17
    # months, past the 12 of art. 13 c. 1 (the row's own end, 01/05/2027, is within them)
    result = answer_question("possiamo prorogare ancora la Greco in cat. C fino a fine "
                             "settembre 2027?", db, ON)
    assert result.verdict == "vietato" and result.citations == ["art. 13 c. 1 trattino 1"]
    query = parse_question("possiamo prorogare ancora la Greco fino a fine settembre 2027?")
    assert query.facts["higher_duties_until"] == date(2027, 9, 30)


def test_a_request_on_record_names_the_matter(db) -> None:
    # Ricci (Area Vigilanza) has request 14 «Istruttore di tiro a segno» awaiting a decision:
    # "la richiesta del Ricci" is an authorisation (art. 88 c. 1), decided by his area's head
    # Galli, with the personnel office's head Bianchi heard
    answer = answer_question("chi deve valutare la richiesta del Ricci per fare l'istruttore "
                             "di tiro a segno?", db, ON)
    assert answer.citations[:1] == ["art. 88 c. 1"]
    assert "Paolo Galli" in answer.answer and "Laura Bianchi" in answer.answer
    assert any("incarico 14" in step.step for step in answer.trace)
    # Neri's only request (10, a conference) was communicated, not pending: no matter is
    # taken from the database
    other = answer_question("chi deve valutare la richiesta della Neri?", db, ON)
    assert "**Autorizzazioni**" not in other.answer


@pytest.mark.parametrize(("question", "cite", "name"), [
    # Ricci is an agent of the Area Vigilanza: its head Galli evaluates him (art. 20 c. 7)
    ("chi fa la valutazione del Ricci?", "art. 20 c. 7", "Paolo Galli"),
    # Bianchi heads an Area: the Sindaco (Sala) evaluates her (art. 20 c. 4)
    ("chi fa la valutazione della Bianchi?", "art. 20 c. 4", "Alberto Sala"),
    # Greco (Servizio Sociale) covers post 6 of Ragioneria (higher_duties 1): the duties are
    # the Area Finanziaria's, headed by Rossi (art. 13 c. 4), not her own area's
    ("chi doveva disporre le mansioni superiori della Greco?", "art. 13 c. 4", "Mario Rossi"),
    # moving to another Area: the Segretario examines the request (art. 52 c. 3)
    ("il Conti vuole passare all'area amministrativa: chi decide la sua domanda?",
     "art. 52 c. 3", "Francesco Esposito"),
])
def test_who_decides_a_matter_of_a_named_person(db, question: str, cite: str, name: str) -> None:
    answer = answer_question(question, db, ON)
    assert answer.citations[:1] == [cite]
    assert name in answer.answer


@pytest.mark.parametrize(("question", "cite", "name"), [
    # the asker says they head an Area: their training is the Segretario's (art. 75 c. 5),
    # their leave too (art. 81 c. 1), not their own head's
    ("sono resp. di area, chi mi autorizza ad andare a un corso di formazione?",
     "art. 75 c. 5", "Francesco Esposito"),
    ("sono responsabile di area: chi mi autorizza le ferie?", "art. 81 c. 1",
     "Francesco Esposito"),
    # "va in ferie": the absence is the matter; Rossi heads the Area Finanziaria
    ("Rossi va in ferie dal 21 dicembre: chi deve concedergliele?", "art. 81 c. 1",
     "Francesco Esposito"),
])
def test_who_decides_for_the_role_the_asker_states(db, question: str, cite: str,
                                                   name: str) -> None:
    answer = answer_question(question, db, ON)
    assert answer.citations[:1] == [cite]
    assert name in answer.answer


def test_the_evaluation_unit_is_no_matter_of_evaluation(db) -> None:
    # "nucleo di valutazione" names a body, not who evaluates someone: a look-up of art. 37
    answer = answer_question("chi presiede il nucleo di valutazione?", db, ON)
    assert any(c.startswith("art. 37") for c in answer.citations)
    assert "**Valutazione**" not in answer.answer


def test_the_cap_left_of_a_stated_salary(db) -> None:
    # one fifth of 31.000 € is 6.200 €; 4.000 € already authorised leave 2.200 € (art. 88 c. 3)
    answer = answer_question("dip. con fondamentale lordo di 31.000 euro, ha già incarichi "
                             "autorizzati per 4.000 euro quest'anno. quanto gli si può ancora "
                             "autorizzare?", db, ON)
    assert answer.citations == ["art. 88 c. 3"] and "**2.200 €**" in answer.answer
    # no salary and nobody named: the rule itself, not a request for a name only
    rule = answer_question("quanto posso guadagnare al massimo in un anno con gli incarichi "
                           "autorizzati?", db, ON)
    assert "un quinto del trattamento economico fondamentale lordo" in rule.answer
    # a new incarico of 1.500 € on 24.000 € with 3.500 € authorised: 5.000 € > 4.800 €
    new = answer_question("fondamentale lordo 24.000, incarichi già autorizzati quest'anno "
                          "3.500: me ne autorizzano un altro occasionale da 1.500?", db, ON)
    assert new.verdict == "vietato" and "art. 88 c. 3" in new.citations


def test_an_interim_says_until_when_and_who_gives_it(db) -> None:
    # Bianchi is interim head of the Servizi sociali from 01/09/2026 to 2027-09-01 (exclusive:
    # last day 31/08/2027), by decree of the Sindaco (art. 17 c. 3)
    answer = answer_question("Fino a quando dura l'interim sull'area servizi sociali e con quale "
                             "atto è stato conferito?", db, ON)
    assert "dal 01/09/2026 al 31/08/2027" in answer.answer
    assert "Alberto Sala" in answer.answer and "art. 17 c. 3" in answer.citations
    card = answer_question("chi ha dato alla Bianchi l'interim dei servizi sociali e fino a "
                           "quando?", db, ON)
    assert "fino al 31/08/2027" in card.answer and "conferito dal Sindaco" in card.answer


def test_the_comunes_own_name_places_the_client_in_its_territory(db) -> None:
    # ente.nome is "Comune di Esempio": "una ditta di Esempio" is a client of the territory,
    # so a full-time lawyer may not defend it (art. 87 c. 1 lett. m); "di Altrove" says nothing
    here = answer_question("il Galli della vigilanza è avvocato: può difendere in giudizio una "
                           "ditta di Esempio in una causa civile?", db, ON)
    assert (here.verdict, here.citations[0]) == ("vietato", "art. 87 c. 1 lett. m")
    elsewhere = answer_question("il Galli della vigilanza è avvocato: può difendere in giudizio "
                                "una ditta di Altrove in una causa civile?", db, ON)
    assert elsewhere.verdict == "dati_mancanti"
    assert "client_in_territory" in [m.fact for m in elsewhere.missing]
