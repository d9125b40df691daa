"""``ordina ask --json`` on the demo: the personnel office's questions answered from the rows.

Each test is one mechanism, asked as the office types it (demo Comune, 23/11/2026).
"""

from __future__ import annotations

import json

import pytest
from store_fixtures import ask_json


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return str(tmp_path_factory.mktemp("pers") / "demo.db")




def test_an_absent_area_head_without_interim_cites_the_substitution_rule(run_ordina,
                                                                         demo_db) -> None:
    # Rossi in ferie 21/12/2026-06/01/2027, nobody ad interim: art. 17 c. 1 and c. 3
    data = ask_json(run_ordina, demo_db, "chi dirige la Ragioneria a Natale?")
    assert "Mario Rossi" in data["answer"] and "assente (ferie fino al 06/01/2027" in data["answer"]
    assert {"art. 10 c. 3", "art. 17 c. 1", "art. 17 c. 3"} <= set(data["citations"])


def test_an_interim_head_is_named_with_its_act_and_the_absent_titular(run_ordina,
                                                                      demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "who heads social services today?")
    assert "headed ad interim by **Laura Bianchi** (Decreto sindacale n. 12/2026)" in data["answer"]
    assert "titular head **Anna Neri** is absent" in data["answer"]
    assert "art. 17 c. 1" in data["citations"]


def test_an_italian_question_about_the_same_head_is_answered_in_italian(run_ordina,
                                                                        demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "chi dirige i servizi sociali oggi?")
    assert "la dirige ad interim **Laura Bianchi** (Decreto sindacale n. 12/2026)" in data["answer"]
    assert "il titolare **Anna Neri** è assente" in data["answer"]


def test_the_kinship_of_a_candidate_outside_the_staff_is_read(run_ordina, demo_db) -> None:
    # Carlo Galli is not employed; he is the brother of the assessore Roberto Galli
    data = ask_json(run_ordina, demo_db, "Carlo Galli potrebbe essere assunto ex art. 110?")
    assert data["verdict"] == "vietato" and "art. 54 c. 2" in data["citations"]
    assert "fratello" in data["answer"] and "Roberto Galli" in data["answer"]


def test_a_decision_the_same_for_every_namesake_needs_no_question(run_ordina,
                                                                  demo_db) -> None:
    # three Lodi: Silvia (sister-in-law), Maria (wife) and Pietro (father-in-law) of the
    # assessore Roberto Galli: art. 54 c. 2 bars all three, so who is meant does not matter
    data = ask_json(run_ordina, demo_db, "si potrebbe dare alla Lodi un contratto a tempo "
                                     "determinato ex art. 110?")
    assert "per ognuno la risposta è la stessa" in data["answer"]
    assert data["verdict"] == "vietato" and "art. 54 c. 2" in data["citations"]
    for words in ("cognato/cognata, 2° grado", "coniuge", "suocero"):
        assert words in data["answer"]


def test_a_surname_shared_with_relatives_means_the_member_of_staff(run_ordina,
                                                                   demo_db) -> None:
    # only an employee has a cap on authorised incarichi: the one Lodi on the staff
    data = ask_json(run_ordina, demo_db, "quanto è un quinto dello stipendio della Lodi ai fini "
                                     "degli incarichi?")
    assert "Ho inteso «Lodi» come Silvia Lodi" in data["answer"]
    assert "4.080 €" in data["answer"]


def test_who_is_a_shared_surname_still_lists_the_namesakes(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "chi è Lodi?")
    assert "Maria Lodi" in data["answer"] and "Silvia Lodi" in data["answer"]
    assert "Ho inteso" not in data["answer"]


def test_a_pending_request_is_counted_in_the_year_it_runs_under_the_other_reading(
        run_ordina, demo_db) -> None:
    # incarico 12 (2.800 €) was asked in 2026 and runs in 2027: the reading used puts it on
    # 2026; the other reading leaves 4.600 − 2.800 = 1.800 € for 2027
    data = ask_json(run_ordina, demo_db, "se a Rossi autorizzano l'incarico 12, quanto gli resta "
                                     "del tetto per il 2027?")
    assert "pesa sul 2026 (anno della richiesta)" in data["answer"]
    assert "nel 2027 resterebbero 1.800 €" in data["answer"]
    assert "art. 88 c. 3" in data["citations"]


def test_the_cap_of_a_unit_head_is_the_head_s(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "cap for the finance area head's paid outside work in 2026?")
    assert "**Mario Rossi**" in data["answer"] and "4.600 €" in data["answer"]


def test_english_thousands_in_an_amount(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "Chiara Romano has been offered 3,000 euros to sit on "
                                     "another town's exam board in 2027. Can she accept?")
    assert data["verdict"] == "autorizzazione"
    assert "3.000 € + 0 € = 3.000 € ≤ 4.460 €" in data["answer"]


def test_a_waiting_request_says_how_long_it_has_waited_and_the_text_s_word(run_ordina,
                                                                           demo_db) -> None:
    # incarico 13 asked on 01/10/2026: 53 days by 23/11/2026; a private client: «negativa»
    data = ask_json(run_ordina, demo_db, "da quanti giorni aspetta una risposta Verdi per il "
                                     "fotovoltaico?")
    assert "in attesa da 53 giorni" in data["answer"] and "«negativa»" in data["answer"]
    assert data["citations"] == ["art. 88 c. 6"]


def test_how_many_requests_and_whose_is_a_list_not_a_competence(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "quante richieste di autorizzazione sono in attesa e di chi?")
    assert data["intent"] == "overdue_requests"
    for name in ("Mario Rossi", "Giovanni Verdi", "Davide Ricci", "Paola Greco"):
        assert name in data["answer"]


def test_a_unit_s_position_allowance_is_computed_from_its_grading_and_the_pmax(
        run_ordina, demo_db) -> None:
    # Area Finanziaria graded 2026: G = 72,40; Pmax of the Comune 16.000: P = 11.584; paid 11.300
    data = ask_json(run_ordina, demo_db, "quanto dovrebbe prendere di posizione il responsabile "
                                     "della ragioneria?")
    assert data["intent"] == "position_pay" and "all. D" in data["citations"]
    assert "**P = € 11.584,00**" in data["answer"]
    assert "graduazione 2026 dell'Area Finanziaria" in data["answer"]
    assert "Corrisposta: € 11.300,00" in data["answer"] and "manca di € 284,00" in data["answer"]


def test_a_person_s_position_allowance_against_annex_d(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "Is Anna Neri's position allowance consistent with the "
                                     "Comune's own Pmax?")
    assert data["verdict"] is None and "€ 11.312,00" in data["answer"]
    assert "Pmax € 16.000,00 (dal database" in data["answer"]


def test_what_to_do_about_a_numbered_incarico_gives_the_art_91_measures(run_ordina,
                                                                       demo_db) -> None:
    # incarico 13: asked 01/10/2026 to a private client, no answer (refused by silence on
    # 31/10), begun 01/11: "iniziato il 1° novembre" dates the work, not the request
    data = ask_json(run_ordina, demo_db, "cosa deve fare l'ufficio per l'incarico 13 di Verdi, già "
                                     "iniziato il 1° novembre senza risposta?")
    assert data["intent"] == "external_assignment" and data["verdict"] == "vietato"
    assert "entro il 31/10/2026" in data["answer"] and "diffida" in data["answer"]
    assert "art. 91 c. 1" in data["citations"]


def test_an_office_holder_with_term_act_and_who_appointed_them(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "Who is the RSPP and who appointed them?")
    assert data["intent"] == "who" and "art. 83 c. 3" in data["citations"]
    assert "**Marta Villa** (until 31/07/2027" in data["answer"]
    assert "Datore di lavoro" in data["answer"] and "**Giovanni Verdi**" in data["answer"]


def test_who_is_and_an_office_alone_asks_for_its_holder(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "chi è il responsabile della prevenzione della corruzione?")
    assert data["intent"] == "who" and data["citations"] == ["art. 6 c. 5"]
    assert "**Francesco Esposito**" in data["answer"]


def test_when_an_office_s_term_ends(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "quando scade l'incarico dell'RSPP?")
    assert "**Marta Villa**: scade il 31/07/2027" in data["answer"]
    assert "art. 83 c. 3" in data["citations"]


def test_an_office_held_by_many_listed_with_interims(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "chi sono i responsabili di area il 3 febbraio 2027?")
    assert "ad interim, art. 17 c. 1" in data["answer"]
    assert {"art. 10 c. 1", "art. 17 c. 1"} <= set(data["citations"])


def test_a_rule_look_up_names_the_members_of_a_body(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "chi fa parte della delegazione trattante di parte pubblica?")
    assert "art. 77 c. 4" in data["citations"]
    for name in ("Francesco Esposito (presidente)", "Laura Bianchi", "Mario Rossi"):
        assert name in data["answer"]


def test_a_person_s_card_cites_their_unit_and_offices_and_shows_an_absence(run_ordina,
                                                                           demo_db) -> None:
    run_ordina("demo", db=demo_db)
    done = run_ordina("ask", "il giorno dell'Epifania il Rossi è ancora in ferie? chi dirige "
                      "l'area finanziaria?", "--json", "--as-of", "2027-01-06", db=demo_db)
    data = json.loads(done.stdout)
    assert "assente (ferie) fino al 06/01/2027 (dal database: assenze)" in data["answer"]
    assert {"art. 14 c. 1", "art. 17 c. 1"} <= set(data["citations"])
    lodi = ask_json(run_ordina, demo_db, "che incarichi interni ha Silvia Lodi?")
    assert {"art. 9 c. 4", "art. 10 c. 3", "art. 46 c. 2", "art. 46 c. 3"} <= set(
        lodi["citations"])


def test_a_former_employee_s_card_says_when_the_employment_ended(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "Marino è ancora in servizio?")
    assert "rapporto cessato il 31/03/2026 (Mobilità in uscita" in data["answer"]


def test_a_unit_name_one_letter_off_is_resolved_and_said(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "chi dirige l'area servizi socali a gennaio 2027?")
    assert "Ho inteso «area servizi socali» come Area Servizi sociali." in data["answer"]
    assert "ad interim **Laura Bianchi**" in data["answer"]
    assert "fino al 31/01/2027" in data["answer"]


def test_services_without_a_head_cite_who_names_them(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "quali servizi non hanno un responsabile?")
    assert "Servizio Ragioneria" in data["answer"] and "art. 10 c. 3" in data["citations"]


def test_who_is_absent_among_the_heads_on_a_holiday_and_who_stands_in(run_ordina,
                                                                      demo_db) -> None:
    # «Natale» is a day here, not an unknown person
    data = ask_json(run_ordina, demo_db, "chi è assente a Natale tra i responsabili?")
    assert data["answer"].startswith("**Assenti il 25/12/2026 tra i responsabili**")
    assert "**Mario Rossi** (responsabile di Area Finanziaria): ferie" in data["answer"]
    assert "**Anna Neri**" in data["answer"] and "ad interim **Laura Bianchi**" in data["answer"]
    # Rossi's Area has nobody ad interim: who may be named, and by whom
    assert "che individua il Sindaco" in data["answer"]
    assert {"art. 17 c. 1", "art. 17 c. 3"} <= set(data["citations"])


def test_the_incarico_on_record_that_the_question_describes_is_read(run_ordina,
                                                                   demo_db) -> None:
    # Greco's incarico 16: teaching for the Unione dei Comuni (a PA): communication only
    data = ask_json(run_ordina, demo_db, "la Greco deve chiedere l'autorizzazione per la docenza "
                                     "all'Unione dei Comuni?")
    assert data["answer"].startswith("Ho inteso l'incarico 16 del database: Docenza")
    assert "Unione dei Comuni della Valle" in data["answer"]
    assert data["verdict"] == "comunicazione"


def test_a_new_incarico_is_not_taken_for_the_one_on_record(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "la Greco può fare un'altra docenza all'Unione dei Comuni?")
    assert "Ho inteso l'incarico" not in data["answer"]


def test_continuing_a_job_on_record_is_decided_on_its_row(run_ordina, demo_db) -> None:
    # Ferrari, part-time 50%, works at the Bar Centrale (incarico 17): communication only
    data = ask_json(run_ordina, demo_db, "Ferrari può continuare a lavorare al Bar Centrale?")
    assert "Ho inteso l'incarico 17 del database" in data["answer"]
    assert data["verdict"] == "comunicazione" and "art. 87 c. 3" in data["citations"]


def test_a_look_up_on_the_dotazione_organica_names_the_vacant_posts(run_ordina,
                                                                   demo_db) -> None:
    # post DO-06 (Servizio Ragioneria) is vacant since Marino left on 31/03/2026
    data = ask_json(run_ordina, demo_db, "quali posti della dotazione organica sono vacanti?")
    assert "DO-06 Istruttore amministrativo/contabile (C, Servizio Ragioneria)" in data["answer"]
    assert "art. 5 c. 1" in data["citations"]


def test_acting_is_asked_as_who_stands_in(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "Who is acting Segretario on 8 March 2027?")
    assert data["intent"] == "substitute" and "art. 7 c. 1" in data["citations"]
    assert "**Laura Bianchi** acts instead as Vice Segretario" in data["answer"]


def test_years_of_service_say_the_date_they_are_counted_from(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "Paola Greco wants to transfer to another council next "
                                     "year. Can she?")
    assert data["verdict"] == "vietato" and "in servizio dal 02/01/2023" in data["answer"]


def test_an_extension_past_the_twelve_months_of_a_vacant_post_is_barred(run_ordina,
                                                                         demo_db) -> None:
    # Greco covers a vacant post from 01/05/2026 (art. 13 c. 1 trattino 1: 12 months at most,
    # extension included): beyond April 2027 is the 13th month
    data = ask_json(run_ordina, demo_db, "si possono prorogare le mansioni superiori della Greco "
                                     "oltre aprile 2027?")
    assert data["verdict"] == "vietato"
    assert data["citations"][0].startswith("art. 13 c. 1")
    data = ask_json(run_ordina, demo_db, "si possono prorogare le mansioni superiori della Greco "
                                     "fino a marzo 2027?")
    assert data["verdict"] == "consentito"


def test_an_english_question_gets_the_substitution_in_english(run_ordina, demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "who stands in for Verdi next week?")
    assert "**from 30/11/2026 to 04/12/2026**" in data["answer"]
    assert "is absent (malattia) until 04/12/2026 and **no substitute is named**" in data["answer"]
    assert "the Sindaco chooses one" in data["answer"] and "art. 17 c. 3" in data["citations"]
    assert "nessun sostituto" not in data["answer"]


def test_english_overdue_requests_and_remaining_cap_read_english(run_ordina, demo_db) -> None:
    late = ask_json(run_ordina, demo_db, "Which authorisation requests are overdue?")
    assert "the request counts as **refused**" in late["answer"]
    assert "senza risposta" not in late["answer"]
    cap = ask_json(run_ordina, demo_db, "How much can Rossi still earn from outside jobs this year?")
    assert "**Mario Rossi** may still be paid for authorised incarichi up to" in cap["answer"]


def test_an_english_person_card_has_an_english_frame_around_the_records(run_ordina,
                                                                        demo_db) -> None:
    # Rossi: full time, ferie from 21/12/2026; the category, profile, contract and acts stay
    # as the database records them
    rossi = ask_json(run_ordina, demo_db, "Who is Rossi?")["answer"]
    assert ("- category D1 (Area dei Funzionari e dell'Elevata Qualificazione), economic step D3, "
            "Istruttore direttivo contabile, Area Finanziaria, post DO-02 (all. A), contract "
            "tempo indeterminato, full time (36 hours a week)") in rossi
    assert "(Decreto sindacale n. 5/2024, since 01/07/2024, until 09/06/2029 (ends 10/06/2029))" in rossi
    assert ("- other absences in 2026: ferie from 21/12/2026 to 06/01/2027 (from the "
            "database: absences)") in rossi
    for italian in ("ore settimanali", "contratto ", "altre assenze", "dal database"):
        assert italian not in rossi
    # Neri is absent today, and her Area is headed ad interim
    neri = ask_json(run_ordina, demo_db, "Who is Anna Neri?")["answer"]
    assert ("- on 23/11/2026 absent (congedo di maternità) until 31/01/2027 (from the "
            "database: absences)") in neri
    assert "  - Area Servizi sociali: it is headed ad interim by **Laura Bianchi**" in neri
    assert "assente" not in neri and "fino al" not in neri and "la dirige" not in neri
    marino = ask_json(run_ordina, demo_db, "Who is Marino?")["answer"]
    assert "- no longer in service: employment ended on 31/03/2026 (Mobilità in uscita" in marino
    assert "cessato" not in marino


def test_an_italian_person_card_is_unchanged(run_ordina, demo_db) -> None:
    rossi = ask_json(run_ordina, demo_db, "chi è Rossi?")["answer"]
    assert ("- categoria D1 (Area dei Funzionari e dell'Elevata Qualificazione), posizione "
            "economica D3, Istruttore direttivo contabile, Area Finanziaria, posto DO-02 della "
            "dotazione organica (all. A), contratto tempo indeterminato, tempo pieno "
            "(36 ore settimanali)") in rossi
    assert "(Decreto sindacale n. 5/2024, dal 01/07/2024, fino al 09/06/2029 (termine 10/06/2029))" in rossi
    assert "- altre assenze nel 2026: ferie dal 21/12/2026 al 06/01/2027 (dal database: assenze)" \
        in rossi


def test_the_plain_list_of_what_expires_answers_an_english_question_in_english(
        run_ordina, demo_db) -> None:
    # with the organigramma alone, no check lists expiries: the directory's look-up does
    run_ordina("demo", db=demo_db)
    only = {"ORDINA_PLUGINS": "organigramma"}
    done = run_ordina("ask", "Which assignments expire in the next 90 days?", "--json",
                      "--as-of", "2026-11-23", db=demo_db, env=only)
    text = json.loads(done.stdout)["answer"]
    assert text.startswith("Expiring in the 90 days from 23/11/2026:\n")
    assert "- 31/12/2026: incarico esterno n. 11 — Antonio Conti" in text
    assert "In scadenza" not in text and "giorni" not in text
    done = run_ordina("ask", "quali incarichi scadono nei prossimi 90 giorni?", "--json",
                      "--as-of", "2026-11-23", db=demo_db, env=only)
    assert json.loads(done.stdout)["answer"].startswith("In scadenza nei 90 giorni dal 23/11/2026:")


def test_english_duties_have_english_headings_around_the_regulation_s_duties(run_ordina,
                                                                              demo_db) -> None:
    data = ask_json(run_ordina, demo_db, "What are Bianchi's duties?")
    text = data["answer"]
    assert text.startswith("Duties of **Laura Bianchi** on 23/11/2026 (Vice Segretario, "
                           "Comune di Esempio; ")
    assert "tempo indeterminato, full time, category D1):" in text
    area = ("**As Responsabile di Area (Area Amministrativa; Area Servizi sociali ad interim, "
            "art. 17 c. 1)**")
    for heading in ("**As Vice Segretario**", "**As responsabile del personale**", area,
                    "**External assignments (Titolo IX)**", "**Business travel**"):
        assert heading in text
    assert ("Prohibitions and incompatibilities checked on the data: «incompatibilities of "
            "Laura Bianchi».") in text
    for italian in ("Obblighi di", "**Come ", "Incarichi esterni (Titolo IX)", "**Trasferte**",
                    "Divieti e incompatibilità"):
        assert italian not in text
    # the duties are the catalogue's, in Italian, each with its comma
    assert "- Autorizzare le missioni dei dipendenti della propria struttura. (art. 76 c. 2)" in text
    role = ask_json(run_ordina, demo_db, "what are my duties as an employee?")["answer"]
    assert role.startswith("Duties of an employee under the regulation:")
    assert "secondo il regolamento" not in role


def test_italian_duties_keep_their_italian_headings(run_ordina, demo_db) -> None:
    text = ask_json(run_ordina, demo_db, "obblighi di Bianchi")["answer"]
    assert text.startswith("Obblighi di **Laura Bianchi** al 23/11/2026 (Vice Segretario, ")
    assert "tempo indeterminato, tempo pieno, categoria D1):" in text
    assert "**Come Vice Segretario**" in text and "**Trasferte**" in text
    assert "Divieti e incompatibilità verificati sui dati: «incompatibilità di Laura Bianchi»." \
        in text


def test_the_english_remaining_cap_reads_english_to_the_last_line(run_ordina, demo_db) -> None:
    text = ask_json(run_ordina, demo_db, "How much can Rossi still earn from outside work "
                                         "in 2026?")["answer"]
    assert "(from the database: employment of Mario Rossi)" in text
    assert "1.000 € (from the database: incarico 9, Componente di commissione di concorso)" in text
    assert ("- not counted: incarico 7 (Docenza al corso di contabilità pubblica, 1.500 €): "
            "«docenze e ricerca scientifica» need no authorisation, a notice is enough "
            "(art. 89 c. 1 trattino 10)") in text
    assert ("- pending: incarico 12 (Componente del collegio dei revisori del Consorzio Acque "
            "Esempio), 2.800 €, requested on 10/11/2026, to be carried out from 01/01/2027 to "
            "31/12/2027: if authorised, 800 € would be left in 2026; counting instead the year "
            "in which it is carried out, it weighs on 2027 and not on 2026") in text
    # the readings keep the module's Italian words, inside an English frame
    assert "Reading used: «trattamento economico fondamentale lordo spettante» letto come" in text
    assert "The rule is ambiguous: il testo non lo precisa" in text
    for italian in ("dal database", "non contato", "in attesa:", "Lettura usata", "Norma ambigua"):
        assert italian not in text
    other = ask_json(run_ordina, demo_db, "How much can Conti still earn from outside work "
                                          "this year?")["answer"]
    assert ("If instead the year in which the incarichi are carried out is counted, 2026 has "
            "1.200 € and 2.820 € would be left.") in other
    assert "Se invece" not in other


def test_the_italian_remaining_cap_keeps_its_italian_lines(run_ordina, demo_db) -> None:
    text = ask_json(run_ordina, demo_db, "quanto può ancora guadagnare Rossi con incarichi "
                                         "esterni nel 2026?")["answer"]
    assert "(dal database: rapporto di lavoro di Mario Rossi)" in text
    assert ("- non contato: incarico 7 (Docenza al corso di contabilità pubblica, 1.500 €): per "
            "«docenze e ricerca scientifica» non serve l'autorizzazione, basta la comunicazione "
            "(art. 89 c. 1 trattino 10)") in text
    assert "se autorizzato resterebbero 800 € nel 2026" in text
    assert "\nLettura usata: «trattamento economico" in text and "Norma ambigua: " in text
