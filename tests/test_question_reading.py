"""What a question says, read as a user means it: conditions the case misses, duties one
may not refuse, facts stated both ways, figures that count something else, the rule asked
in general, and the rows a named person or unit brings (demo Comune, 23/11/2026)."""

from __future__ import annotations

from datetime import date

import pytest
from store_fixtures import demo_db

from ordina.answerers.lookup import _clause_verdict, requirement_unmet, text_verdict
from ordina.ask import answer_question
from ordina.query import parse_question
from ordina.query.surface import stated_facts
from ordina.query.wording import question_form

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_db(tmp_path_factory.mktemp("reading") / "demo.db")


# ---------------------------------------------------------------- conditions in the text
def test_a_case_with_what_the_requirements_exclude_is_barred() -> None:
    lead = "In ogni caso per l'ammissione alla selezione per il conferimento dell'incarico occorre:"
    clause = "non essere sottoposto a procedimenti penali;"
    rare = {"proced", "penal", "sottopost"}.__contains__
    assert requirement_unmet("il candidato ha un procedimento penale aperto: è ammesso?",
                             [clause], lead, rare) == "vietato"
    assert requirement_unmet("il candidato è incensurato: è ammesso?", [clause], lead,
                             rare) is None


def test_a_negation_reaches_across_or_but_not_past_an_article() -> None:
    staff = ("Detti uffici possono essere costituiti con collaboratori a tempo determinato, "
             "permanendo la condizione che l'Ente non sia strutturalmente deficitario o in "
             "dissesto dichiarato.")
    rare = {"dissest", "staff", "deficitar", "condizion", "modific"}.__contains__
    assert requirement_unmet("il comune è in dissesto: posso prendere collaboratori nello "
                             "staff?", [staff], None, rare) == "vietato"
    deserted = "a patto che non vengano modificate le condizioni previste dall'avviso"
    assert requirement_unmet("posso affidare direttamente alle stesse condizioni?",
                             [deserted], None, rare) is None


def test_what_the_lead_in_lets_go_without_is_no_missing_requirement() -> None:
    """Art. 66 c. 1 lett. a: «senza l'esperimento di procedure di selezione» in the lead-in;
    "senza rifare la selezione" meets the rule, it does not miss one of its conditions."""
    lead = ("il responsabile competente può conferire gli incarichi in via diretta, senza "
            "l'esperimento di procedure di selezione, quando ricorra una delle seguenti "
            "situazioni:")
    point = ("quando non abbiano avuto esito positivo le procedure comparative, a patto che non "
             "vengano modificate le condizioni previste dall'avviso di selezione;")
    rare = {"selezion", "rifar", "condizion", "avvis", "desert"}.__contains__
    asked = "la comparativa è andata deserta: possiamo affidarlo senza rifare la selezione?"
    assert requirement_unmet(asked, [point], lead, rare) is None
    assert requirement_unmet(asked, [point], None, rare) == "vietato"  # the lead-in decides


def test_a_word_the_clause_both_wants_and_excludes_decides_nothing() -> None:
    """Art. 78 c. 1: «a tutela dei propri diritti ed interessi … a condizione che non sussista
    conflitto di interessi». "No conflict of interest" meets the condition (in English too:
    the negation reaches as far as written, then the words are put in Italian)."""
    clause = ("L'Ente, anche a tutela dei propri diritti ed interessi, assumerà a proprio "
              "carico, a condizione che non sussista conflitto di interessi, ogni onere di "
              "difesa.")
    rare = {"interess", "conflitt", "difes", "oner"}.__contains__
    for asked in ("there is no conflict of interest: does the Comune pay for my defence?",
                  "non c'è conflitto di interessi: il comune paga la difesa?"):
        assert requirement_unmet(asked, [clause], None, rare) is None, asked
    assert requirement_unmet("c'è un conflitto di interessi: il comune paga la difesa?",
                             [clause], None, rare) == "vietato"


def test_a_negation_that_states_the_condition_met_does_not_turn_the_answer(db) -> None:
    """«a condizione che non sussista conflitto di interessi»: "non c'è conflitto di
    interessi" says the condition is met; "non posso?" would turn the answer, and gives none."""
    got = answer_question("sono sotto processo penale per fatti di servizio e non c'è conflitto "
                          "di interessi: posso avere le spese di difesa a carico del comune?",
                          db, ON)
    assert got.verdict == "consentito" and got.citations[0] == "art. 78 c. 1"
    clause = ("L'Ente assumerà a proprio carico, a condizione che non sussista conflitto di "
              "interessi, ogni onere di difesa.")
    rare = {"interess", "conflitt", "difes", "oner"}.__contains__
    assert text_verdict("nessun conflitto di interessi: l'ente si fa carico della difesa?",
                        clause, clause, None, rare) == "consentito"
    assert text_verdict("l'ente non si fa carico della difesa?", clause, clause, None,
                        rare) is None


def test_a_deserted_procedure_and_a_direct_award_are_read_from_the_question(db) -> None:
    got = answer_question("La procedura comparativa per un incarico di consulenza è andata "
                          "deserta. Possiamo affidarlo direttamente, alle stesse condizioni "
                          "dell'avviso?", db, ON)
    # art. 66 c. 1 lett. a: «quando non abbiano avuto esito positivo le procedure
    # comparative …, a patto che non vengano modificate le condizioni previste dall'avviso»
    assert got.verdict == "consentito"
    assert got.citations[0] == "art. 66 c. 1 lett. a"
    # the internal check of art. 63 is what a concrete case still needs; the procedure is not
    assert "ricognizione interna" in got.answer
    assert "Com'è andata la procedura" not in got.answer


def test_a_collaboration_named_by_its_contractor_is_read_from_the_register(db) -> None:
    """«Studio Legale Ferraro» is collaboration 2026/1 (4.800 €, comparativa): its facts are
    the database's, not asked."""
    got = answer_question("il contratto di collaborazione di Paolo Serra è già efficace?",
                          db, ON)
    assert got.verdict == "vietato" and "art. 71 c. 1" in got.citations  # no publication
    assert "collaborazione 2026/2 (Paolo Serra)" in got.answer
    other = answer_question("il contratto di collaborazione dello Studio Legale Ferraro è "
                            "efficace?", db, ON)
    assert other.verdict != "vietato"
    assert "collaborazione 2026/1 (Studio Legale Ferraro)" in other.answer
    assert not any("pubblicat" in m.question for m in other.missing)


def test_a_ban_described_by_a_negation_does_not_reach_the_case_it_negates() -> None:
    clause = ("L'incarico non può essere attribuito a coloro che hanno avuto incarichi di "
              "collaborazione remunerata e non occasionale con partiti politici.")
    rare = {"occasional", "remuner", "partit"}.__contains__
    assert text_verdict("ho avuto una collaborazione occasionale con un partito: posso avere "
                        "l'incarico?", clause, clause, None, rare) is None
    assert text_verdict("ho avuto una collaborazione pagata con un partito: posso avere "
                        "l'incarico?", clause, clause, None, rare) == "vietato"


def test_asking_for_both_of_what_allows_one_only_is_barred() -> None:
    clause = ("I dipendenti destinatari del bonus, se destinatari anche del premio per "
              "l'innovazione, dovranno optare per uno solo tra questi benefici.")
    assert text_verdict("posso prendere sia il bonus sia il premio?", clause) == "vietato"
    assert text_verdict("posso prendere il bonus?", clause) is None


def test_the_modal_verb_is_not_what_a_clause_is_about() -> None:
    comma = ("Gli incarichi possono essere conferiti solo in via straordinaria. Non devono "
             "riguardare attività generiche o riconducibili alle attività di tipo ordinario.")
    assert text_verdict("posso dare un incarico per le attività ordinarie dell'ufficio?",
                        comma, comma) == "vietato"


def test_a_count_of_people_is_compared_with_the_bound(db) -> None:
    result = answer_question("posso ammettere 12 candidati al colloquio?", db, ON)
    assert result.verdict == "vietato" and "art. 65 c. 3" in result.citations
    assert "dieci" in result.answer


def test_the_text_decides_what_the_checks_leave_open_even_in_another_titolo(db) -> None:
    result = answer_question("il comune è in dissesto: si possono prendere collaboratori a "
                             "tempo determinato per lo staff del sindaco?", db, ON)
    assert result.verdict == "vietato" and result.citations[0] == "art. 74 c. 2"


def test_a_missing_authorisation_asks_for_it_rather_than_barring() -> None:
    clause = "L'uso del mezzo proprio è ammesso previa autorizzazione del responsabile."
    rare = {"mezz", "propri", "autorizz"}.__contains__
    assert requirement_unmet("posso usare il mezzo proprio senza autorizzazione?", [clause],
                             None, rare) == "autorizzazione"


def test_a_case_lacking_a_required_title_is_barred_in_the_answer(db) -> None:
    result = answer_question("un candidato senza titolo di studio post universitario può "
                             "essere nominato nel nucleo di valutazione?", db, ON)
    assert result.verdict == "vietato"
    assert any(c.startswith("art. 37 c. 5") for c in result.citations)


def test_a_duty_cannot_be_refused(db) -> None:
    result = answer_question("posso rifiutarmi di fornire informazioni al nucleo di "
                             "valutazione?", db, ON)
    assert result.verdict == "vietato" and "art. 39 c. 2" in result.citations


def test_an_apostrophe_e_is_the_verb() -> None:
    assert _clause_verdict("E’ esclusa la possibilità di corrispondere rimborsi") == "vietato"
    assert _clause_verdict("il dipendente ha diritto al rimborso delle spese legali") == \
        "consentito"


# ---------------------------------------------------------------- what the words state
def test_a_boolean_stated_both_ways_is_not_read() -> None:
    facts = stated_facts("direzione lavori di un'opera in un altro comune finanziata dal "
                         "nostro ente")
    assert "public_works_in_territory" not in facts
    assert stated_facts("opera finanziata dal nostro ente")["public_works_in_territory"] is True


def test_a_relation_is_read_with_words_between_its_own() -> None:
    query = parse_question("la Lodi può accettare un incarico da una società che ha una causa "
                           "in corso con il comune?")
    assert query.facts.get("client_relation") == "contenzioso"


def test_a_figure_that_counts_something_else_is_no_score() -> None:
    query = parse_question("nella scheda di valutazione possiamo usare 4 fattori invece di 8?")
    assert "evaluation_score" not in query.facts
    for text in ("vorrei valutare le PO solo su 4 fattori invece degli 8 della scheda: si può?",
                 "posso usare 4 fattori anziché gli 8 previsti nella valutazione?"):
        assert "evaluation_score" not in parse_question(text).facts, text
    assert parse_question("ho preso 62 nella valutazione: mi spetta il risultato?"
                          ).facts["evaluation_score"] == 62


def test_the_question_after_a_premise_keeps_its_form() -> None:
    assert question_form("se coprissimo il posto con una mobilità, chi farebbe la "
                         "selezione?") == "chi"
    assert question_form("posso dare le sue mansioni a un collega per la durata "
                         "dell'assenza?") == "sino"
    assert question_form("il sindaco può revocare il vice segretario?") == "sino"
    assert question_form("per il profilo può essere richiesta l'iscrizione a quale albo?") \
        is None


def test_a_who_question_never_carries_a_checks_verdict(db) -> None:
    result = answer_question("se coprissimo un posto con una mobilità in entrata, chi farebbe "
                             "la selezione?", db, ON)
    assert result.verdict is None


# ---------------------------------------------------------------- the rule, not a case
def test_a_general_question_gets_the_rule_not_a_list_of_facts(db) -> None:
    result = answer_question("le mansioni superiori svolte per un periodo danno diritto alla "
                             "categoria superiore in modo definitivo?", db, ON)
    assert result.verdict != "dati_mancanti"
    assert "art. 13 c. 3" in result.citations


def test_direction_of_the_comunes_own_works_is_barred(db) -> None:
    result = answer_question("sono a tempo pieno: posso fare la direzione lavori di un'opera "
                             "pubblica finanziata dal comune?", db, ON)
    assert result.verdict == "vietato" and "art. 87 c. 1 lett. l" in result.citations


# ---------------------------------------------------------------- the rows
def test_the_facts_read_from_the_rows_are_shown_with_their_source(db) -> None:
    result = answer_question("Giovanni Verdi può fare il collaudo di un'opera pubblica?", db, ON)
    assert "percentuale del rapporto di lavoro = 100 (dal database" in result.answer


def test_a_card_gives_the_weekly_hours_and_the_years_absences(db) -> None:
    result = answer_question("chi è Giorgio Ferrari?", db, ON)
    assert "part-time 50% (18 ore settimanali su 36)" in result.answer
    assert "art. 79 c. 1" in result.citations
    conti = answer_question("chi è Antonio Conti?", db, ON)
    assert "malattia dal 09/02/2026 al 13/02/2026" in conti.answer


def test_the_unit_someone_heads_is_the_unit_even_named_like_a_profile(db) -> None:
    result = answer_question("chi è il responsabile della polizia municipale?", db, ON)
    assert "Davide Ricci" in result.answer


def test_an_ended_higher_duty_is_not_read_into_a_new_one(db) -> None:
    # Ferrari (B1) held higher duties in August: standing in for Verdi (D1) is another case
    result = answer_question("Could Giorgio Ferrari be given higher duties to stand in for "
                             "Verdi while he is off sick?", db, ON)
    assert result.verdict != "consentito"
    assert "riga 2" not in result.answer


def test_a_named_persons_scorecard_is_read_for_the_year_asked(db) -> None:
    # Verdi (card F): 64 in 2023, 60 in 2024, 58 in 2025; art. 22 c. 2 wants more than 60
    latest = answer_question("Verdi ha diritto alla retribuzione di risultato per il 2025?",
                             db, ON)
    assert latest.verdict == "vietato" and "art. 22 c. 2" in latest.citations
    assert "Valutazione 2025 (scheda dell'allegato F): 58 punti" in latest.answer
    assert "(dal database (valutazioni di Giovanni Verdi))" in latest.answer
    earlier = answer_question("Verdi aveva diritto al risultato nel 2023?", db, ON)
    assert "Valutazione 2023" in earlier.answer and "64 punti" in earlier.answer
    assert "spetta" in earlier.answer and earlier.verdict != "vietato"


def test_a_question_on_a_comma_the_regulation_lacks_is_answered_plainly(db) -> None:
    result = answer_question("cosa dice l'art. 2 comma 9?", db, ON)
    assert result.answer.startswith("Il regolamento non ha un art. 2 c. 9.")
    assert result.citations and all(c.startswith("art. 2 c.") for c in result.citations)


def test_a_year_in_the_question_is_no_amount(db) -> None:
    # "la pesatura 2026" once became Pmax € 2.026,00
    query = parse_question("quanto dovrebbe essere la retribuzione di posizione della Bianchi "
                           "secondo la pesatura 2026?")
    assert "pmax" not in query.facts
    result = answer_question("quanto dovrebbe essere la retribuzione di posizione della "
                             "Bianchi secondo la pesatura 2026?", db, ON)
    assert "13.096,00" in result.answer and "art. 16 c. 2" in result.citations


def test_an_ufficio_without_its_own_head_answers_to_its_servizio(db) -> None:
    result = answer_question("chi è il capo dell'ufficio contratti?", db, ON)
    assert "Silvia Lodi" in result.answer and "art. 9 c. 5" in result.citations


def test_an_activity_named_by_what_one_does_routes_to_the_outside_job(db) -> None:
    # "difendere in causa" is the patrocinio of art. 87 c. 1 lett. m, "gestire un bar" is
    # the commercial activity of lett. a: both are questions on an outside job
    defend = "il Galli può difendere in causa un cittadino residente nel comune?"
    for question, cite in ((defend, "art. 87 c. 1 lett. m"),
                           ("il Rossi può gestire un bar?", "art. 87 c. 1 lett. a")):
        result = answer_question(question, db, ON)
        assert result.intent == "external_assignment", question
        assert any(c.startswith(cite) for c in result.citations), (question, result.citations)


def test_who_holds_an_office_asked_with_chi_fa_and_a_place(db) -> None:
    for question in ("chi fa il responsabile della prevenzione della corruzione nel comune?",
                     "chi è il responsabile della prevenzione della corruzione nel comune?"):
        result = answer_question(question, db, ON)
        assert result.intent == "who" and "Francesco Esposito" in result.answer, question


def test_a_card_on_the_last_day_of_the_calendar_does_not_break(db) -> None:
    # the year's absences run to 1 January of the next year: none is built past 9999
    result = answer_question("chi è Mario Rossi?", db, date(9999, 12, 31))
    assert "**Mario Rossi**" in result.answer


# ---------------------------------------------------------------- duties and who is asked
def test_a_duty_question_gets_the_comma_not_a_permission(db) -> None:
    result = answer_question("consulenza da 8.000 euro: la dobbiamo mandare alla Corte dei "
                             "conti?", db, ON)
    assert result.verdict is None
    assert result.citations[0] == "art. 72 c. 4"
    assert "vi rientra" in result.answer and "5.000" in result.answer


def test_asking_whether_an_authorisation_is_needed_is_still_a_decision(db) -> None:
    result = answer_question("devo chiedere l'autorizzazione per fare volontariato gratuito "
                             "in una onlus?", db, ON)
    assert result.verdict == "comunicazione"


def test_a_profile_named_is_who_is_asked_about_not_what(db) -> None:
    result = answer_question("Does the municipal police officer job profile require a "
                             "specific driving licence?", db, ON)
    assert result.intent != "part_time" and result.verdict is None


def test_mobilita_volontaria_is_no_volunteering(db) -> None:
    result = answer_question("sono la Lodi, per il volontariato che faccio nel tempo libero "
                             "mi serviva l'autorizzazione?", db, ON)
    assert result.intent != "mobility_out"


def test_the_head_a_comma_names_is_found_for_the_unit_asked(db) -> None:
    result = answer_question("chi può affidare una collaborazione esterna per l'area tecnica?",
                             db, ON)
    assert result.citations[0] == "art. 61 c. 1"
    assert "Al 23/11/2026 il Responsabile dell'Area Tecnica è **Giovanni Verdi**" in \
        result.answer


def test_a_head_just_back_is_named_with_the_interim_that_ended(db) -> None:
    result = answer_question("il 15 settembre 2027 chi sarà il responsabile dell'area servizi "
                             "sociali?", db, ON)
    assert "la dirige **Anna Neri** (rientro il 01/09/2027 da congedo parentale; fino ad " \
           "allora ad interim **Laura Bianchi**, art. 17 c. 1)" in result.answer
    assert "art. 17 c. 1" in result.citations


def test_who_works_in_a_unit_lists_its_staff_and_its_units(db) -> None:
    result = answer_question("quante persone sono assegnate all'area amministrativa e chi "
                             "sono?", db, ON)
    assert result.answer.startswith("Area Amministrativa al 23/11/2026: 3 dipendenti "
                                    "(dal database): **Laura Bianchi** (D1); **Silvia Lodi**")
    assert "Chiara Romano** (C, Servizio Personale)" in result.answer
    assert result.citations[0] == "art. 9 c. 6"
    english = answer_question("How many employees does the finance department have?", db, ON)
    assert "1 employee (from the database): **Mario Rossi** (D1)" in english.answer


def test_a_request_named_by_its_date_is_the_incarico_on_record(db) -> None:
    result = answer_question("Alla richiesta di Verdi del 1° ottobre nessuno ha risposto: vale "
                             "come autorizzazione?", db, ON)
    assert result.answer.startswith("Ho inteso l'incarico 13 del database")
    assert result.verdict == "vietato" and "art. 88 c. 6" in result.citations
    assert "31/10/2026" in result.answer


def test_the_appointment_on_record_brings_its_term(db) -> None:
    result = answer_question("Il decreto che nomina Verdi responsabile dell'area tecnica fino "
                             "al 2030 è regolare?", db, ON)
    assert result.verdict == "vietato" and result.citations[0] == "art. 14 c. 3"
    assert "mandato del Sindaco fino al 09/06/2029" in result.answer
    new = answer_question("Verdi potrebbe diventare responsabile del personale?", db, ON)
    assert "09/06/2029" not in new.answer


def test_the_titolo_of_a_named_article_comes_from_the_structure(db) -> None:
    result = answer_question("l'art. 46 di cosa parla e in che titolo sta?", db, ON)
    assert result.citations[:2] == ["art. 46", "titolo IV"]
    assert "Albo pretorio" in result.answer


def test_volunteering_is_not_stemmed_as_voluntary() -> None:
    from ordina.corpus.textutil import stems

    assert stems("volontariato volontaria") == ["volontariat", "volontar"]


def test_the_comuni_consultant_is_no_outside_job_of_the_asker(db) -> None:
    result = answer_question("il consulente è in ritardo per colpa sua: posso concedergli una "
                             "proroga del contratto?", db, ON)
    assert result.intent != "external_assignment"
    assert parse_question("posso fare il consulente per una ditta?").facts.get(
        "activity_kind") == "consulenza_occasionale"


def test_what_kind_of_asks_which_not_whether(db) -> None:
    assert question_form("per il volontariato che tipo di comunicazione devo fare?") == "come"
    result = answer_question("per il volontariato che tipo di comunicazione devo fare?", db, ON)
    assert result.verdict is None  # a check's "comunicazione" is no answer to "which kind"


def test_a_case_older_than_the_window_a_ban_looks_back_on_is_not_barred() -> None:
    clause = ("L'incarico non può essere attribuito a coloro che attualmente o negli ultimi 2 "
              "anni hanno rivestito incarichi direttivi in organizzazioni sindacali.")
    assert text_verdict("ho lasciato il direttivo del sindacato tre anni fa: posso avere "
                        "l'incarico?", clause) is None
    assert text_verdict("ho lasciato il direttivo del sindacato un anno fa: posso avere "
                        "l'incarico?", clause) == "vietato"


def test_a_common_word_after_di_is_no_name(db) -> None:
    # "matrimonio" is not Luca Marino: a lowercase word is a name only one letter off a person
    answer = answer_question("chi provvede alle pubblicazioni di matrimonio all'albo online?",
                             db, ON)
    assert "Marino" not in answer.answer
    assert "art. 46 c. 3" in answer.citations and "Stato Civile" in answer.answer
    # a lowercase surname one letter off is still read, and said
    typo = answer_question("obblighi di rosi", db, ON)
    assert "Ho inteso «rosi» come Mario Rossi" in typo.answer


def test_from_when_asks_a_date() -> None:
    assert question_form("da quando sono efficaci i contratti di collaborazione?") == "termine"
    assert question_form("since when is the contract effective?") == "termine"
    assert question_form("a partire da quando decorre?") == "termine"


def test_from_when_is_answered_by_the_comma_not_by_the_checks_questions(db) -> None:
    answer = answer_question("da quando sono efficaci i contratti di collaborazione e "
                             "consulenza?", db, ON)
    assert answer.verdict is None and "art. 71 c. 1" in answer.citations
    assert "pubblicazione" in answer.answer.lower()


def test_a_figure_asked_of_the_text_is_not_a_check_computation(db) -> None:
    # "punteggio massimo" is no remaining annual cap: no record is named, and the comma
    # holding the question answers it
    answer = answer_question("qual è il punteggio massimo nella valutazione del segretario?",
                             db, ON)
    assert "art. 21 c. 5" in answer.citations and "100" in answer.answer


def test_a_list_of_the_records_stays_a_list_of_the_records(db) -> None:
    answer = answer_question("incarichi in scadenza", db, ON)
    assert answer.answer.startswith("**In scadenza nei 90 giorni dal 23/11/2026**")


def test_the_segretario_named_as_an_office_is_no_unit_of_the_database(db) -> None:
    # "del segretario" is the office: the question asks the rule, not who stands in
    answer = answer_question("nella valutazione del segretario quanti punti vale la funzione "
                             "di rogito?", db, ON)
    assert answer.intent != "substitute" and answer.citations[0].startswith("all. E")
    assert "Fino a 4 punti" in answer.answer


def test_a_maximum_of_points_asks_a_count() -> None:
    assert question_form("max punti per lo stato di attuazione degli obiettivi?") == "quanti"
    assert question_form("maximum points for the interview?") == "quanti"


def test_a_salary_stated_in_the_question_gets_its_cap_without_a_name(db) -> None:
    answer = answer_question("My basic gross salary is 22,500 euros: how much can I earn at "
                             "most per year from authorised jobs?", db, ON)
    assert "at most **4.500 €** a year" in answer.answer and "art. 88 c. 3" in answer.citations


def test_position_pay_with_an_english_pmax(db) -> None:
    answer = answer_question("Position grading 80 and Pmax 12,911.42 euros: what is the "
                             "position pay?", db, ON)
    assert "10.329,14" in answer.answer


def test_an_incarico_authorised_on_record_may_go_on(db) -> None:
    # Conti's incarico 11 (condominium) is authorised for 2026: the authorisation the rule
    # asks for is there
    answer = answer_question("il Conti può continuare a fare l'amministratore del condominio "
                             "dove abita?", db, ON)
    assert answer.verdict == "consentito" and "art. 87 c. 2 lett. m" in answer.citations
    assert "è già **autorizzato**" in answer.answer
    # asked of the form it needs, the rule still answers
    form = answer_question("il Conti doveva chiedere l'autorizzazione per fare l'amministratore "
                           "del condominio?", db, ON)
    assert form.verdict == "autorizzazione"
    # outside the authorised period, the authorisation does not cover it
    later = answer_question("il Conti può continuare a fare l'amministratore del condominio "
                            "dove abita?", db, date(2027, 3, 1))
    assert later.verdict != "consentito"


def test_a_request_waiting_since_a_past_day_is_answered_for_today(db) -> None:
    answer = answer_question("la richiesta del Verdi è ferma dal 1 ottobre, nessuno ha "
                             "risposto: a questo punto si intende accolta?", db, ON)
    # Verdi's request 13 is with Edil Esempio S.r.l. (privato): silence is a refusal
    assert answer.verdict == "vietato"
    assert "Al 23/11/2026 **1** richiesta" in answer.answer
    assert "si intende **respinta**" in answer.answer


def test_expired_requests_are_the_requests_past_their_term() -> None:
    assert parse_question("quali richieste sono scadute?").intent == "overdue_requests"
    assert parse_question("incarichi in scadenza").intent == "expiring_assignments"


def test_a_titolo_named_by_what_it_is_about(db) -> None:
    answer = answer_question("Quali articoli compongono il titolo sugli incarichi esterni dei "
                             "dipendenti?", db, ON)
    assert answer.citations[:3] == ["titolo IX", "art. 85", "art. 91"]
    english = answer_question("which articles are in the title on mobility?", db, ON)
    assert english.citations[0] == "titolo V" and "art. 50 to art. 52" in english.answer


def test_a_statement_asked_as_a_question_is_a_yes_or_no() -> None:
    assert question_form("il Galli con la valutazione 2025 prende il risultato?") == "sino"
    assert question_form("il contratto art. 110 del Galli va bene?") == "sino"
    assert question_form("quanto prende il Galli?") == "quanto"
    assert question_form("chi ha diritto al bonus?") == "chi"


def test_a_result_allowance_asked_yes_or_no_gets_its_verdict(db) -> None:
    answer = answer_question("il Galli (vigilanza) con la valutazione 2025 prende il risultato?",
                             db, ON)
    assert answer.verdict == "consentito" and "78" in answer.answer


def test_figures_followed_by_their_label_are_bound_to_it(db) -> None:
    answer = answer_question("Nella mobilità in entrata un candidato prende 30 punti per "
                             "l'esperienza, 40 al colloquio e 5 per il trattamento economico. "
                             "Si può procedere all'assunzione?", db, ON)
    # 30 + 40 + 5 = 75, and art. 50 c. 5 asks for more than 75
    assert answer.verdict == "vietato" and "con 75 centesimi" in answer.answer
    assert "art. 50 c. 5" in answer.citations


def test_an_answer_from_the_text_says_whose_case_it_is(db) -> None:
    answer = answer_question("Verdi got exactly 60 points for 2024. Does that earn him the "
                             "result allowance?", db, ON)
    # Verdi's own card: a PO holder (from the rows), weighed on allegato F, said in English
    assert answer.answer.startswith("Score **60** out of 100. The result allowance is not due")
    assert "(Giovanni Verdi)" in answer.answer
    assert answer.verdict == "vietato" and "art. 22 c. 2" in answer.citations


def test_the_readings_notes_are_said_in_english_for_an_english_question() -> None:
    from ordina.query.notes import note_in

    assert note_in("Ho inteso «Ferari» come Giorgio Ferrari (matr. M011).", "en") == \
        "I took «Ferari» to be Giorgio Ferrari (matr. M011)."
    assert note_in("Ci sono 2 persone che si chiamano «Lodi»: intendi Silvia Lodi o Maria "
                   "Lodi?", "en") == ("There are 2 people called «Lodi»: do you mean Silvia "
                                      "Lodi or Maria Lodi?")
    italian = "Ho inteso «Ferari» come Giorgio Ferrari."
    assert note_in(italian, "it") == italian


def test_when_a_contract_ends_is_read_from_its_row(db) -> None:
    # Galli's art. 110 contract runs to 2029-06-10 (exclusive end): last day 09/06/2029;
    # art. 53 c. 4 ties it to the Sindaco's mandate. "quando finisce" asks a date, no verdict
    result = answer_question("quando finisce il contratto a tempo determinato del comandante "
                             "Paolo Galli?", db, ON)
    assert result.verdict is None
    assert "09/06/2029" in result.answer and "art. 53 c. 4" in result.citations
    assert "Paolo Galli" in result.answer


def test_from_when_is_no_yes_or_no_question() -> None:
    from ordina.query.wording import question_form

    assert question_form("sono la Greco, da quando potrò chiedere la mobilità in uscita?") \
        == "termine"
    assert question_form("quando finisce il contratto del Galli?") == "termine"
    assert question_form("posso fare il volontario quando sono in ferie?") == "sino"


def test_from_when_mobility_out_is_the_fifth_anniversary(db) -> None:
    # Greco: permanent since 02/01/2023; art. 51 c. 1 asks five years: from 02/01/2028
    for question in ("sono la Greco, da quando potrò chiedere la mobilità in uscita?",
                     ("I'm Paola Greco: from what date will I be able to ask for outgoing "
                      "mobility to another council?")):
        result = answer_question(question, db, ON)
        assert result.verdict is None, question
        assert "**02/01/2028**" in result.answer and result.citations == ["art. 51 c. 1"]


def test_two_invited_are_fewer_than_the_three_required(db) -> None:
    # art. 64 c. 4: the letter of invitation goes «ad almeno tre soggetti»
    result = answer_question("For Lucia Bassi's feasibility study on the square we ran a market "
                             "survey and invited two people. Was that enough?", db, ON)
    assert result.verdict == "vietato" and "art. 64 c. 4" in result.citations


def test_an_authorisation_does_not_reach_past_its_end(db) -> None:
    # incarico 11 (Conti's own condominium) is authorised for 2026 (to 2027-01-01,
    # exclusive): for 2027 a new authorisation is due (art. 87 c. 2 lett. m, art. 88 c. 1)
    later = answer_question("sono Antonio Conti, l'amministrazione del condominio dove abito "
                            "vorrei continuarla anche nel 2027: devo fare qualcosa?", db, ON)
    assert later.verdict == "autorizzazione"
    assert "dal 01/01/2027 ne serve una nuova" in later.answer
    now = answer_question("il Conti può continuare a fare l'amministratore del condominio?",
                          db, ON)
    assert now.verdict == "consentito" and "vale fino al 31/12/2026" in now.answer


def test_bare_figures_asked_as_a_total_are_summed() -> None:
    query = parse_question("nella mia valutazione ho preso 30, 25 e 15: che punteggio ho in "
                           "totale?")
    assert query.facts.get("evaluation_score") == 70
    # with no total asked, the first figure alone is the score
    assert parse_question("ho preso 62 nella valutazione: mi spetta il risultato?"
                          ).facts["evaluation_score"] == 62


def test_a_part_timers_card_gives_the_act_and_cites_art_80(db) -> None:
    # Ferrari: part-time 50% since det. n. 88/2018 (employments row 11)
    result = answer_question("il Ferrari lavora a tempo pieno?", db, ON)
    assert "part-time 50%" in result.answer and "det. n. 88/2018" in result.answer
    assert "art. 80 c. 2" in result.citations


# ---------------------------------------------------------------- a rare pair of words
def test_a_comma_holding_the_questions_rare_pair_answers_with_its_verdict() -> None:
    answer = answer_question("si puo fare ricorso gerarchico al segretario contro una "
                             "determina del resp. di area?", None, ON)
    assert (answer.verdict, answer.citations[0]) == ("vietato", "art. 45 c. 8")


def test_figures_and_references_are_no_rare_pair() -> None:
    from ordina.answerers.lookup import _holds_a_rare_pair
    from ordina.corpus import load_corpus

    corpus = load_corpus()
    by_citation = {u.citation: u for u in corpus.units.values()}
    assert _holds_a_rare_pair("ricorso gerarchico?", corpus, by_citation["art. 45 c. 8"])
    assert not _holds_a_rare_pair("consulenza da 7.000 euro?", corpus,
                                  by_citation["art. 72 c. 4"])


# ---------------------------------------------------------------- a point and its lead-in
def test_a_point_takes_the_verdict_its_lead_in_gives() -> None:
    # art. 89 c. 1 trattino 3 is "pubblicazione di articoli o libri", under "non è
    # necessaria l'autorizzazione ed è sufficiente la semplice comunicazione"
    answer = answer_question("sto per pubblicare un libro con un piccolo editore: devo "
                             "chiedere l'autorizzazione?", None, ON)
    assert (answer.verdict, answer.citations[0]) == ("comunicazione", "art. 89 c. 1 trattino 3")


def test_a_lead_in_with_a_condition_of_its_own_lends_no_verdict() -> None:
    # art. 87 c. 2: "può essere concessa l'autorizzazione …, sempre che abbiano carattere
    # occasionale": the point alone does not say the case is occasional
    point = "partecipazione a consigli di amministrazione di società a partecipazione pubblica"
    lead = ("A tali dipendenti può essere concessa l'autorizzazione allo svolgimento dei "
            "seguenti incarichi, sempre che gli stessi abbiano carattere occasionale:")
    assert text_verdict("posso entrare nel consiglio di una partecipata?", point, point,
                        lead) is None
    assert text_verdict("devo chiedere l'autorizzazione per pubblicare un libro?",
                        "pubblicazione di articoli o libri;",
                        "pubblicazione di articoli o libri;",
                        "Per lo svolgimento dei seguenti incarichi non è necessaria "
                        "l'autorizzazione ed è sufficiente la semplice comunicazione "
                        "tempestiva:") == "comunicazione"
    # the lead-in says which form: it answers a question on the form, not any yes/no
    assert text_verdict("posso pubblicare un libro?", "pubblicazione di articoli o libri;",
                        "pubblicazione di articoli o libri;",
                        "Per lo svolgimento dei seguenti incarichi non è necessaria "
                        "l'autorizzazione ed è sufficiente la semplice comunicazione "
                        "tempestiva:") is None


@pytest.mark.parametrize(("text", "form"), [
    ("sono resp. di area: se non seguo le direttive della giunta cosa rischio?", None),
    ("sono la Greco, posso fare la docenza?", "sino"),
    ("sono la Greco, da quando sono in servizio?", "termine"),
    ("I'm a PO holder. Can I switch to part-time?", "sino"),
])
def test_who_asks_said_first_does_not_make_a_yes_or_no(text: str, form: str | None) -> None:
    # "sono …:" opens like "sono consentiti…?", but it says who asks: the rest is the question
    assert question_form(text) == form


def test_a_fact_asked_of_the_text_is_not_answered_by_the_facts_a_check_asks() -> None:
    # "di quanti mesi al massimo…?" asks the figure of art. 13 c. 1 trattino 1 (another 6
    # months once the selection has started), not the facts of a case of higher duties
    answer = answer_question("una collega fa le mansioni superiori su posto vacante da 6 mesi "
                             "e adesso e partito il concorso: di quanti mesi al massimo "
                             "possiamo prorogare?", None, ON)
    assert answer.verdict != "dati_mancanti" and not answer.missing
    assert answer.citations[0].startswith("art. 13 c. 1")


@pytest.mark.parametrize(("text", "category", "target"), [
    (("Una dipendente di categoria D sarà in congedo di maternità per cinque mesi. Possiamo "
     "affidare le sue mansioni superiori a un dipendente di categoria C per tutta l'assenza?"),
     "C1", "D1"),
    ("mansioni superiori a un cat. B: la collega di cat. D è in aspettativa", "B1", "D1"),
])
def test_of_two_categories_the_higher_is_the_duties(text: str, category: str,
                                                     target: str) -> None:
    facts = parse_question(text).facts
    assert (facts.get("category"), facts.get("target_category")) == (category, target)


def test_a_c_covering_an_absent_d_for_her_whole_leave_is_allowed() -> None:
    # art. 13 c. 1 trattino 2: the next category up, for the length of a leave with the post
    # kept
    answer = answer_question("Una dipendente di categoria D sarà in congedo di maternità per "
                             "cinque mesi. Possiamo affidare le sue mansioni, come mansioni "
                             "superiori, a un dipendente di categoria C per tutta l'assenza?",
                             None, ON)
    assert (answer.verdict, answer.citations[0]) == ("consentito", "art. 13 c. 1 trattino 2")


def test_no_answer_to_the_segretarios_check_is_its_outcome_with_the_days() -> None:
    # art. 63 c. 3: the Segretario's check of the staff within, unanswered for 20 days; the
    # «professionalità interne» are what it checks, not staff the Comune is said to have
    facts = parse_question("il segretario ha mandato agli altri resp. la richiesta di verifica "
                           "delle professionalita' interne 20 giorni fa e nessuno ha risposto. "
                           "posso dare l'incarico esterno?").facts
    assert facts.get("internal_check_outcome") == "nessuna_risposta"
    assert facts.get("internal_check_days_waited") == 20
    assert "internal_professional_available" not in facts and "request_answered" not in facts


def test_an_english_salary_label_gives_the_cap() -> None:
    # art. 88 c. 3: one fifth of 26.500 € is 5.300 €
    answer = answer_question("My basic gross pay is 26,500 euros a year. What's the most I can "
                             "earn in total from authorised outside assignments in a year?",
                             None, ON)
    assert "5.300 €" in answer.answer and answer.citations == ["art. 88 c. 3"]


@pytest.mark.parametrize(("text", "cite"), [
    # the thesaurus: «togliere l'incarico» is the revoca of art. 14 c. 5, «ritirata» that of
    # an authorisation (art. 88 c. 7), «da quando vale» the entrata in vigore (art. 94 c. 1)
    (("per quali motivi il sindaco può togliere a un responsabile l'incarico prima della "
     "scadenza?"), "art. 14 c. 5"),
    ("da quando vale questo regolamento?", "art. 94 c. 1"),
])
def test_everyday_words_reach_the_regulations_term(db, text: str, cite: str) -> None:
    assert answer_question(text, db, ON).citations[0] == cite


def test_the_duties_of_the_one_stood_in_for_are_of_their_category(db) -> None:
    """Art. 13 c. 1: only the category immediately above. Standing in for Verdi (D1) is
    duties of category D, two above Ferrari's B1; the Romano (C3) is one above the Lodi's B3."""
    far = answer_question("Could Giorgio Ferrari be given higher duties to stand in for Verdi "
                          "while he is off sick?", db, ON)
    assert far.verdict == "vietato" and "art. 13 c. 1" in far.citations
    assert "categoria delle mansioni = D1" in far.answer
    assert "replaced person" not in far.answer  # the key of the row is not a fact to show
    near = answer_question("la Lodi può fare le mansioni superiori al posto della Romano in "
                           "maternità?", db, ON)
    assert near.verdict == "consentito" and "categoria delle mansioni = C3" in near.answer


def test_a_trip_in_the_region_is_no_activity_delegated_by_the_region(db) -> None:
    """Art. 76 c. 7 lett. c: the refund at 1/5 of a litre for activities delegated by the
    Region; a trip "in regione" says where, not on whose behalf."""
    trip = answer_question("devo andare in trasferta in regione, posso usare la mia macchina "
                           "invece del treno?", db, ON)
    assert "Fondo Unico Regionale" not in trip.answer
    assert [m.fact for m in trip.missing][:1] == ["own_vehicle_authorised"]


def test_a_mobility_candidates_score_is_the_rankings_total(db) -> None:
    """Art. 50 c. 5: hired only above 75 points; "scored 74" in a mobility question is the
    ranking's total, not an evaluation score."""
    got = answer_question("The best mobility candidate scored 74. Can we hire him?", db, ON)
    assert got.intent == "mobility_ranking" and got.verdict == "vietato"
    assert "art. 50 c. 5" in got.citations


def test_a_first_cousin_of_an_assessore_is_barred(db) -> None:
    """Art. 54 c. 2: relatives up to the fourth degree; «cugino primo» is the first cousin, of
    the fourth degree, and «di un assessore» names the office."""
    got = answer_question("il sindaco vuole dare un incarico a termine ex art 110 al cugino "
                          "primo di un assessore. si puo?", db, ON)
    assert got.verdict == "vietato" and "art. 54 c. 2" in got.citations
    assert "quarto grado" in got.answer


def test_a_part_time_request_is_authorised_with_the_quota_a_condition(db) -> None:
    """Art. 80 c. 2: the responsabile authorises it unless grave reasons or a conflict; the
    quota of art. 80 c. 1 is a condition the office checks, not the first question."""
    got = answer_question("sono istruttore amministrativo a tempo pieno, posso chiedere il "
                          "part-time al 50%?", db, ON)
    assert got.verdict == "autorizzazione" and "art. 80 c. 2" in got.citations
    assert "contingente del part-time esaurito (art. 80 c. 1)" in got.answer
    bar = answer_question("Sono il Ferrari, sono part-time al 50% e lavoro anche come "
                          "dipendente al Bar Centrale. Mi serve l'autorizzazione?", db, ON)
    assert bar.verdict == "comunicazione" and "art. 87 c. 3" in bar.citations


def test_a_short_gloss_in_brackets_is_a_word_of_the_phrase(db) -> None:
    """«sono PO (EQ) dell'area tecnica» states a Responsabile di Area (art. 80 c. 4)."""
    assert parse_question("sono PO (EQ) dell'area tecnica: posso?").facts["is_area_head"] is True
    got = answer_question("sono PO (EQ) dell'area tecnica, posso ridurmi l'orario in part-time "
                          "al 70%?", db, ON)
    assert got.verdict == "vietato" and "art. 80 c. 4" in got.citations
