"""Questions of the tenth round, asked as ``ordina ask`` asks them, on the demo Comune.

Each expectation is worked out by hand from the regulation's text and the demo rows (as of
23/11/2026); the comments say which words and which rows. None of these questions is in
``regulation/domande.yaml`` nor in the question banks.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_fixtures import demo_db

from ordina.answerers.comma_questions import Example, QuestionIndex, load_examples
from ordina.answerers.lookup import permits_what_is_asked
from ordina.ask import answer_question
from ordina.corpus import load_corpus
from ordina.corpus.retrieve import Term
from ordina.query.periods import find_period

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("round10") / "demo.db")


def ask(db, text: str, on: date = ON):
    return answer_question(text, db, on)


# ------------------------------------------------------ the questions each comma answers
def test_every_example_cites_a_unit_of_the_corpus() -> None:
    corpus = load_corpus()
    examples = load_examples()
    assert len(examples) > 1000
    assert all(corpus.by_citation(e.citation) is not None for e in examples)


def test_an_example_sharing_the_question_s_rare_words_is_alike() -> None:
    index = QuestionIndex([
        Example("art. 67 c. 4", "chi iscrive gli esperti nelle liste?",
                (Term({"iscriv"}), Term({"espert"}), Term({"list"}))),
        Example("art. 88 c. 6", "entro quanti giorni rispondono?",
                (Term({"giorn"}), Term({"rispond"}))),
    ])
    alike = index.alike([Term({"iscriv"}), Term({"list"}), Term({"accredit"})])
    assert set(alike) == {"art. 67 c. 4"}
    assert 0.5 < alike["art. 67 c. 4"][0] <= 1.0


def test_one_shared_word_is_not_enough() -> None:
    index = QuestionIndex([Example("art. 88 c. 6", "entro quanti giorni rispondono?",
                                   (Term({"giorn"}), Term({"rispond"})))])
    assert index.alike([Term({"giorn"}), Term({"feri"})]) == {}


def test_a_question_term_meets_one_example_term_only() -> None:
    # "entra" twice in the question (a word and a concept) counts once against the example
    index = QuestionIndex([Example("art. 94", "quando entra in vigore?",
                                   (Term({"entra"}), Term({"vigor"})))])
    score = index.alike([Term({"entra"}), Term({"entra", "entrat"}), Term({"vigor"})])
    assert score["art. 94"][0] <= 1.0


def test_a_question_in_other_words_finds_the_comma_that_answers_it(db) -> None:
    # art. 67 c. 4: «La iscrizione nelle liste avviene sulla base di un provvedimento motivato
    # del responsabile del personale»; the question never says "iscrizione" nor "personale"
    result = ask(db, "chi decide chi entra nelle liste degli esperti accreditati?")
    assert result.citations[0] == "art. 67 c. 4"
    assert "responsabile del personale" in result.answer


# ----------------------------------------------------------------------- periods by name
@pytest.mark.parametrize(("text", "start", "end"), [
    ("quali incarichi finiscono entro fine anno?", ON, date(2026, 12, 31)),
    ("by the end of the year", ON, date(2026, 12, 31)),
    ("nel primo trimestre 2027", date(2027, 1, 1), date(2027, 3, 31)),
    ("in the first quarter of 2027", date(2027, 1, 1), date(2027, 3, 31)),
    ("Q2 2027", date(2027, 4, 1), date(2027, 6, 30)),
    ("nel secondo semestre del 2027", date(2027, 7, 1), date(2027, 12, 31)),
    ("nell'ultimo trimestre", ON, date(2026, 12, 31)),
])
def test_parts_of_the_year_by_name(text: str, start: date, end: date) -> None:
    found = find_period(text, ON)
    assert found is not None and (found.start, found.end) == (start, end)


def test_no_third_semester() -> None:
    assert find_period("i dati del terzo semestre", ON) is None


@given(number=st.integers(1, 4), year=st.integers(2000, 2100),
       words=st.sampled_from(["trimestre", "quarter"]))
def test_every_quarter_spans_three_months_of_its_year(number: int, year: int, words: str) -> None:
    ordinal = {1: "primo", 2: "secondo", 3: "terzo", 4: "quarto"}[number] if words == \
        "trimestre" else {1: "first", 2: "second", 3: "third", 4: "fourth"}[number]
    found = find_period(f"nel {ordinal} {words} {year}", date(1999, 1, 1))
    assert found is not None
    assert found.start == date(year, 3 * number - 2, 1)
    assert found.end.year == year and found.end.month == 3 * number


# --------------------------------------------------------- the Nucleo stays until renewed
def test_the_nucleo_s_members_stay_in_office_until_it_is_renewed(db) -> None:
    # offices #19, #37, #38: Esposito (presidente), Marchi, Pellegrini, valid_to 2027-01-01,
    # no later appointment; art. 38 c. 1: «restano in carica fino al rinnovo del nucleo»
    result = ask(db, "a febbraio 2027 chi compone il nucleo di valutazione?")
    assert "Giovanna Marchi" in result.answer and "Enrico Pellegrini" in result.answer
    assert "restano in carica fino al rinnovo" in result.answer
    assert "31/12/2026" in result.answer


def test_the_nucleo_today_needs_no_renewal_note(db) -> None:
    result = ask(db, "chi compone il nucleo di valutazione?")
    assert "Giovanna Marchi" in result.answer
    assert "restano in carica fino al rinnovo" not in result.answer


# ------------------------------------------------------------- verdicts read from the text
def test_going_without_what_the_text_says_is_not_needed_is_allowed(db) -> None:
    # art. 58 c. 2: the single docenza «non comporta l'utilizzo delle procedure comparative»
    result = ask(db, "posso evitare la procedura comparativa per affidare una singola docenza?")
    assert result.verdict == "consentito"
    assert "art. 58 c. 2" in result.citations


def test_competition_with_the_comune_bars_the_part_time(db) -> None:
    # art. 80 c. 2: refused for an activity «in concorrenza con quella del Comune»
    result = ask(db, "chiedo il part-time per lavorare in un'agenzia in concorrenza con il "
                     "comune: me lo concedono?")
    assert result.verdict == "vietato"
    assert "art. 80 c. 2" in result.citations


def test_a_share_of_part_time_is_no_permission_to_get_it(db) -> None:
    # art. 87 c. 3 permits outside work «in part time fino al 50%»; getting a part-time is
    # art. 80 (authorised by the responsabile, never for vigili nor Responsabili di Area)
    result = ask(db, "posso avere il part-time al 50%?")
    assert result.verdict != "consentito"
    assert any(c.startswith("art. 80") for c in result.citations)


def test_what_a_clause_permits_must_be_what_is_asked() -> None:
    clause = ("I dipendenti in part time fino al 50% possono svolgere attività professionale "
              "e di lavoro subordinato")
    assert not permits_what_is_asked("posso avere il part-time al 50%?", clause)
    assert permits_what_is_asked("posso svolgere un'attività professionale?", clause)
    assert permits_what_is_asked("qualcosa?", "Il dipendente comunica l'incarico.")


def test_a_duty_asked_with_va_is_compared_with_the_threshold(db) -> None:
    # art. 72 c. 4: consulenze «aventi importo di spesa superiore a 5.000 euro» go to the Corte
    result = ask(db, "una consulenza da 4.800 euro va trasmessa alla Corte dei conti?")
    assert result.citations[0] == "art. 72 c. 4"
    assert "non vi rientra" in result.answer


def test_a_check_that_wants_a_person_is_no_dead_end(db) -> None:
    # art. 91 c. 1-2: the warning (diffida) and, after 30 days, the sanction
    result = ask(db, "What sanction applies if the employee has not ended the incompatibility "
                     "30 days after the formal warning?")
    assert result.citations and result.citations[0].startswith("art. 91")
    assert "art. 91 c. 2" in result.citations


def test_a_question_only_an_example_shares_words_with_does_not_crash() -> None:
    from ordina.answerers.lookup import find, question_form

    for text in ("e che requisiti deve avere la persona?", "bylaws?", "zzz qqq?"):
        found = find(load_corpus(), text, question_form(text))
        assert all(f.unit.citation for f in found)


# ------------------------------------------------------- whose relative (art. 54 c. 2)
def test_the_wife_of_an_ordinary_employee_is_not_barred(db) -> None:
    # offices: Mario Rossi (people #2) holds no political office; art. 54 c. 2 bars the
    # relatives of the Sindaco, assessori and consiglieri only
    result = ask(db, "Mario Rossi's wife has applied for a fixed-term art. 110 post. Does "
                     "art. 54 stand in the way?")
    assert result.verdict == "consentito"
    assert "art. 54 c. 2" in result.citations
    assert "Mario Rossi non ricopre cariche politiche" in result.answer


def test_the_son_of_the_sindaco_named_is_barred(db) -> None:
    # offices #1: Alberto Sala, sindaco 2024-06-10 .. 2029-06-10
    result = ask(db, "il figlio di Sala può avere un contratto ex art. 110?")
    assert result.verdict == "vietato"
    assert "Alberto Sala è sindaco" in result.answer


def test_a_person_named_with_their_own_kin_is_the_case(db) -> None:
    # Paolo Galli is himself the nephew of the vicesindaco Roberto Galli (family_links 1-3):
    # the kinship words speak of him, not of a relative of his
    result = ask(db, "il contratto art. 110 del Galli Paolo va bene, visto che è nipote del "
                     "vicesindaco?")
    assert result.verdict == "vietato"


def test_a_wife_mentioned_beside_the_person_does_not_make_the_case_hers(db) -> None:
    from ordina.query import parse_question
    from ordina.query.lexicon import store_lexicon

    query = parse_question("il Rossi può gestire un bar insieme alla moglie?",
                           store_lexicon(db), today=ON)
    assert not query.relative_of_subject
    query = parse_question("la moglie del Rossi può avere un contratto art. 110?",
                           store_lexicon(db), today=ON)
    assert query.relative_of_subject


# ------------------------------------------------ the Comune's own figures (art. 14 c. 9)
def test_the_comune_s_population_decides_the_sindaco_s_powers(db) -> None:
    # ente: abitanti 4200; art. 14 c. 9: «nei comuni con popolazione inferiore a 5.000
    # abitanti» the Sindaco may take on the technical-management acts
    result = ask(db, "nel nostro comune il Sindaco può avocare a sé gli atti di natura "
                     "tecnico gestionale?")
    assert result.verdict == "consentito"
    assert result.citations[0] == "art. 14 c. 9"
    assert "4200 abitanti (del Comune, dal database" in result.answer


def test_a_population_stated_in_the_question_wins(db) -> None:
    result = ask(db, "siamo un comune di 6.000 abitanti: il sindaco può avocare a sé gli atti "
                     "tecnico gestionali?")
    assert result.verdict == "vietato"
    assert "(dalla domanda)" in result.answer


# ------------------------------------------------- the named person's rows after the rule
def test_a_rule_look_up_naming_a_person_adds_their_rows(db) -> None:
    # external_assignments #14: Davide Ricci, tiro a segno, requested 15/11/2026, pending;
    # art. 88 c. 6: 30 days, then «negativa» for activities with private parties
    result = ask(db, "cosa succede se il comune non risponde a Ricci sulla sua richiesta?")
    assert result.citations[0] == "art. 88 c. 6"
    assert "Dal database, per Davide Ricci" in result.answer
    assert "15/12/2026" in result.answer and "respinta" in result.answer


def test_a_typo_in_the_name_of_a_look_up_is_said(db) -> None:
    # employments: Giorgio Ferrari part-time 50%, 18 of 36 hours
    result = ask(db, "How many hours a week does Ferari work?")
    assert "I took «Ferari» to be Giorgio Ferrari" in result.answer
    assert "18 of 36 hours" in result.answer


def test_a_look_up_naming_nobody_reads_no_names(db) -> None:
    from ordina.query import parse_question
    from ordina.query.lexicon import store_lexicon

    query = parse_question("chi presiede il nucleo di valutazione?", store_lexicon(db),
                           today=ON)
    assert query.subject is None


def test_every_record_intent_is_a_known_intent() -> None:
    from ordina.answerers.records import RECORDS_OF_A_RULE, record_intent
    from ordina.query import intents

    known = {v for k, v in vars(intents).items() if k.isupper() and isinstance(v, str)}
    assert set(RECORDS_OF_A_RULE.values()) <= known
    assert record_intent("art. 81 c. 2") == intents.ABSENCES
    assert record_intent("art. 88 c. 6") == intents.OVERDUE_REQUESTS
    assert record_intent("art. 8 c. 1") is None
    corpus = load_corpus()
    assert all(corpus.by_citation(c) is not None for c in RECORDS_OF_A_RULE)


def test_a_comma_like_the_question_s_examples_gives_its_verdict(db) -> None:
    # art. 61 c. 2: the incarichi «non devono riguardare … attività di tipo ordinario»;
    # art. 70 c. 3: the collaborator's work cannot «consistere nello svolgimento di compiti
    # ordinari»: either comma bars it
    result = ask(db, "posso affidare a un collaboratore esterno il lavoro ordinario del mio "
                     "ufficio?")
    assert result.verdict == "vietato"
    assert result.citations[0] in ("art. 61 c. 2", "art. 70 c. 3")


def test_an_example_sharing_one_rare_verb_gives_no_verdict_of_another_matter(db) -> None:
    # «rinnovare» is in the collaborations' rule (art. 68 c. 3: «non è ammesso di regola il
    # rinnovo»), which says nothing of the Nucleo's members
    result = ask(db, "il nucleo scade il 1° gennaio: possiamo rinnovare il Pellegrini?")
    assert not (result.verdict == "vietato" and result.citations[:1] == ["art. 68 c. 3"])


def test_a_former_employee_s_card_cites_the_mobility_that_ended_it(db) -> None:
    # employments: Luca Marino, Servizio Ragioneria until 2026-04-01, «Mobilità in uscita,
    # determinazione n. 40/2026» (art. 51 c. 1)
    result = ask(db, "Marino è ancora in servizio?")
    assert "31/03/2026" in result.answer
    assert result.citations == ["art. 51 c. 1"]


def test_the_one_the_duties_are_given_to_is_the_subject(db) -> None:
    # «affidare alla Lodi … per sostituirla»: the Lodi takes the duties, the Romano is away
    # with the right to keep her post (sickness): art. 13 c. 1 trattino 2
    result = ask(db, "Se a marzo 2027 la Romano si ammalasse, potremmo affidare alla Lodi le "
                     "mansioni superiori per sostituirla?")
    assert "Silvia Lodi" in result.answer
    assert result.verdict != "vietato"
    assert any(c.startswith("art. 13 c. 1") for c in result.citations)


def test_falling_ill_is_an_absence_for_sickness() -> None:
    from ordina.query import parse_question

    query = parse_question("se il collega si ammalasse, posso fare le mansioni superiori?",
                           None, today=ON)
    assert query.facts.get("absence_kind") == "malattia"


def test_a_rule_question_naming_someone_stays_a_rule_look_up(db) -> None:
    # external_assignments #12: Mario Rossi, Consorzio Acque Esempio (a public body),
    # requested 10/11/2026: 30 days, then «positiva» (art. 88 c. 6)
    result = ask(db, "Se il comune non risponde alla richiesta n. 12 di Rossi, che cosa "
                     "succede e da quando?")
    assert result.citations[0] == "art. 88 c. 6"
    assert "10/12/2026" in result.answer and "accolta" in result.answer


def test_an_english_answer_says_from_the_database_in_english(db) -> None:
    result = ask(db, "Mario Rossi's wife has applied for a fixed-term art. 110 post. Does "
                     "art. 54 stand in the way?")
    assert "From the database: " in result.answer and "\nDal database: " not in result.answer


def test_the_comune_s_figures_without_a_usable_row() -> None:
    import sqlite3

    from ordina.answerers.comune import comune_figures

    class NoEnte:  # a public copy: the ente table is missing
        conn = sqlite3.connect(":memory:")

    assert comune_figures(None) == ()
    assert comune_figures(NoEnte()) == ()
