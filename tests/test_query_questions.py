"""Every example question of the query issue, and many more phrasings of the same kinds.

Each case says the intent, the subject (kind and text or resolved name), the reference
and the facts the question must yield. Facts not listed may be present; facts listed
must match exactly.
"""

from __future__ import annotations

from datetime import date

import pytest

from ordina.query import InMemoryLexicon, parse_question
from ordina.query import intents as I

TODAY = date(2026, 5, 4)

LEX = InMemoryLexicon.from_names(
    people=[("2", "Mario Rossi"), ("1", "Laura Bianchi"), ("3", "Giovanni Verdi"),
            ("4", "Anna Neri"), ("12", "Paolo Galli"), ("15", "Roberto Galli"),
            ("18", "Elisa Costa"), ("30", "Niccolò D'Angelo")],
    units=[("17", "Area Tecnica"), ("14", "Area Finanziaria"), ("10", "Area Amministrativa"),
           ("21", "Servizio Polizia municipale"), ("16", "Servizio Tributi")],
)


def ask(text: str):
    return parse_question(text, LEX, TODAY)


# (question, intent, subject (kind, name-or-text) or None, ref, facts)
CASES: list[tuple[str, str, tuple[str, str] | None, str | None, dict]] = [
    # ---------------------------------------------------------------- issue examples
    ("può Mario Rossi accettare l'incarico 12?", I.EXTERNAL_ASSIGNMENT,
     ("person", "Mario Rossi"), None, {"assignment_id": "12"}),
    ("can employee Rossi accept this incarico?", I.EXTERNAL_ASSIGNMENT,
     ("person", "Mario Rossi"), None, {}),
    ("chi sostituisce l'area tecnica?", I.SUBSTITUTE, ("unit", "Area Tecnica"), None, {}),
    ("who substitutes area Finanziaria?", I.SUBSTITUTE, ("unit", "Area Finanziaria"), None, {}),
    ("chi sostituisce il segretario il 3 marzo 2027?", I.SUBSTITUTE,
     ("office", "Segretario comunale"), None, {"date": date(2027, 3, 3)}),
    ("obblighi di Bianchi", I.OBLIGATIONS, ("person", "Laura Bianchi"), None, {}),
    ("incompatibilità di Verdi", I.INCOMPATIBILITY, ("person", "Giovanni Verdi"), None, {}),
    ("chi autorizza le ferie di Neri?", I.COMPETENT, ("person", "Anna Neri"), None,
     {"matter": "ferie"}),
    ("chi autorizza le missioni del segretario?", I.COMPETENT,
     ("office", "Segretario comunale"), None, {"matter": "missioni"}),
    ("incarichi in scadenza", I.EXPIRING_ASSIGNMENTS, None, None, {}),
    ("art. 88 c. 3", I.ARTICLE, None, "art. 88 c. 3", {}),
    ("cosa dice l'articolo 89?", I.ARTICLE, None, "art. 89", {}),
    ("chi cita l'allegato G?", I.CITED_BY, None, "all. G", {}),
    ("cerca patrocinio legale", I.SEARCH, None, None, {}),
    ("show article 17", I.ARTICLE, None, "art. 17", {}),
    ("un dipendente a tempo pieno può fare l'amministratore di una srl?",
     I.EXTERNAL_ASSIGNMENT, ("generic", "dipendente"), None,
     {"part_time_percent": 100.0, "activity_kind": "amministratore_societa",
      "client_type": "societa"}),
    ("posso fare volontariato gratuito?", I.EXTERNAL_ASSIGNMENT, ("self", "io"), None,
     {"activity_kind": "volontariato", "paid": False}),
    ("un agente di polizia municipale può chiedere il part-time?", I.PART_TIME,
     ("generic", "agente di polizia municipale"), None, {"profile": "polizia_municipale"}),
    ("un dipendente al 40% di part-time può fare il libero professionista?",
     I.EXTERNAL_ASSIGNMENT, ("generic", "dipendente"), None,
     {"part_time_percent": 40.0, "activity_kind": "libero_professionale"}),
    ("il cugino dell'assessore può avere un contratto a tempo determinato ex art. 110?",
     I.FIXED_TERM_CONTRACT, ("generic", "cugino dell'assessore"), None,
     {"kinship": "cugino", "kinship_degree": 4, "kinship_kind": "parentela",
      "related_to": "assessore"}),
    (("incarico da 1.500 euro, retribuzione base 24.000, già autorizzati 4.000 quest'anno: "
     "è ammesso?"), I.EXTERNAL_ASSIGNMENT, None, None,
     {"compensation": 1500.0, "annual_base_salary": 24000.0,
      "already_authorised_this_year": 4000.0, "paid": True}),
    ("sono assunto da 3 anni, posso chiedere la mobilità in uscita?", I.MOBILITY_OUT,
     ("self", "io"), None, {"years_of_service": 3.0}),
    ("graduazione 80 e Pmax 16.000: quanto è la retribuzione di posizione?", I.POSITION_PAY,
     None, None, {"graduation_G": 80.0, "pmax": 16000.0}),
    # ---------------------------------------------------------------- regulation
    ("art. 87 c. 1 lett. d", I.ARTICLE, None, "art. 87 c. 1 lett. d", {}),
    ("articolo 88 comma 3", I.ARTICLE, None, "art. 88 c. 3", {}),
    ("Art 88, comma 3", I.ARTICLE, None, "art. 88 c. 3", {}),
    ("ART. 88 C. 3", I.ARTICLE, None, "art. 88 c. 3", {}),
    ("art.88 c.3", I.ARTICLE, None, "art. 88 c. 3", {}),
    ("art. 87, comma 2, lettera d)", I.ARTICLE, None, "art. 87 c. 2 lett. d", {}),
    ("comma 3 dell'articolo 88", I.ARTICLE, None, "art. 88 c. 3", {}),
    ("mostra l'art. 17", I.ARTICLE, None, "art. 17", {}),
    ("testo dell'allegato D", I.ARTICLE, None, "all. D", {}),
    ("all. D", I.ARTICLE, None, "all. D", {}),
    ("what does article 89 say?", I.ARTICLE, None, "art. 89", {}),
    ("cosa prevede l’articolo 80 sul part-time?", I.ARTICLE, None, "art. 80", {}),
    ("annex G", I.ARTICLE, None, "all. G", {}),
    ("articolo 14", I.ARTICLE, None, "art. 14", {}),
    ("chi richiama l'art. 13?", I.CITED_BY, None, "art. 13", {}),
    ("quali articoli citano l'allegato D?", I.CITED_BY, None, "all. D", {}),
    ("dove è citato l'art. 88?", I.CITED_BY, None, "art. 88", {}),
    ("what cites article 17?", I.CITED_BY, None, "art. 17", {}),
    ("who cites annex G?", I.CITED_BY, None, "all. G", {}),
    ("cosa cita l'art. 88?", I.REFS, None, "art. 88", {}),
    ("riferimenti dell'articolo 14", I.REFS, None, "art. 14", {}),
    ("what does article 88 cite?", I.REFS, None, "art. 88", {}),
    ("quali norme richiama l'art. 87?", I.REFS, None, "art. 87", {}),
    ("search legal aid", I.SEARCH, None, None, {}),
    ("trova mansioni superiori", I.SEARCH, None, None, {}),
    ("Cerca: buoni pasto", I.SEARCH, None, None, {}),
    ("dove si parla di telelavoro?", I.SEARCH, None, None, {}),
    # ---------------------------------------------------------------- substitutions
    ("chi sostituisce Rossi?", I.SUBSTITUTE, ("person", "Mario Rossi"), None, {}),
    ("se Rossi è in ferie chi lo sostituisce?", I.SUBSTITUTE, ("person", "Mario Rossi"),
     None, {"absence_kind": "ferie"}),
    ("chi fa le veci del segretario?", I.SUBSTITUTE, ("office", "Segretario comunale"),
     None, {}),
    ("sostituto del responsabile dell'area finanziaria", I.SUBSTITUTE,
     ("unit", "Area Finanziaria"), None, {}),
    ("who replaces Rossi on 12/03/2026?", I.SUBSTITUTE, ("person", "Mario Rossi"), None,
     {"date": date(2026, 3, 12)}),
    ("chi sostituirà il segretario domani?", I.SUBSTITUTE, ("office", "Segretario comunale"),
     None, {"date": date(2026, 5, 5)}),
    ("CHI SOSTITUISCE L'AREA TECNICA IL 1/8/2026", I.SUBSTITUTE, ("unit", "Area Tecnica"),
     None, {"date": date(2026, 8, 1)}),
    ("chi sostituisce il vice segretario?", I.SUBSTITUTE, ("office", "Vice Segretario"),
     None, {}),
    # ---------------------------------------------------------------- competence
    ("chi è competente per i procedimenti disciplinari di Rossi?", I.COMPETENT,
     ("person", "Mario Rossi"), None, {"matter": "disciplinare"}),
    ("who authorises Neri's leave?", I.COMPETENT, ("person", "Anna Neri"), None,
     {"matter": "ferie"}),
    ("who approves the missions of the secretary?", I.COMPETENT,
     ("office", "Segretario comunale"), None, {"matter": "missioni"}),
    ("a chi chiedo le ferie?", I.COMPETENT, ("self", "io"), None, {"matter": "ferie"}),
    ("chi autorizza la formazione di Verdi?", I.COMPETENT, ("person", "Giovanni Verdi"),
     None, {"matter": "formazione"}),
    ("chi decide sull'autorizzazione agli incarichi di Bianchi?", I.COMPETENT,
     ("person", "Laura Bianchi"), None, {"matter": "autorizzazioni"}),
    ("chi autorizza l'incarico esterno di un titolare di posizione organizzativa?",
     I.COMPETENT, None, None, {"matter": "autorizzazioni", "is_po_holder": True}),
    ("chi convoca la conferenza dei responsabili?", I.COMPETENT, None, None,
     {"matter": "conferenza"}),
    ("chi pubblica le determinazioni?", I.COMPETENT, None, None, {"matter": "pubblicazione"}),
    # ---------------------------------------------------------------- obligations etc.
    ("quali sono gli obblighi di Laura Bianchi?", I.OBLIGATIONS,
     ("person", "Laura Bianchi"), None, {}),
    ("obligations of Bianchi", I.OBLIGATIONS, ("person", "Laura Bianchi"), None, {}),
    ("doveri del segretario", I.OBLIGATIONS, ("office", "Segretario comunale"), None, {}),
    ("obblighi di bianchi", I.OBLIGATIONS, ("person", "Laura Bianchi"), None, {}),
    ("Verdi ha incompatibilità?", I.INCOMPATIBILITY, ("person", "Giovanni Verdi"), None, {}),
    ("incompatibilities of Verdi", I.INCOMPATIBILITY, ("person", "Giovanni Verdi"), None, {}),
    ("quali incarichi scadono entro 30 giorni?", I.EXPIRING_ASSIGNMENTS, None, None, {}),
    ("expiring assignments", I.EXPIRING_ASSIGNMENTS, None, None, {}),
    ("contratti in scadenza a marzo 2027", I.EXPIRING_ASSIGNMENTS, None, None,
     {"date": date(2027, 3, 1)}),
    ("chi è il responsabile dell'area tecnica?", I.WHO, ("unit", "Area Tecnica"), None, {}),
    ("chi è Rossi?", I.WHO, ("person", "Mario Rossi"), None, {}),
    ("who is the secretary?", I.WHO, ("office", "Segretario comunale"), None, {}),
    # ---------------------------------------------------------------- external assignments
    ("posso insegnare all'università?", I.EXTERNAL_ASSIGNMENT, ("self", "io"), None,
     {"activity_kind": "docenza", "client_type": "universita"}),
    ("un dipendente può fare il consulente per un fornitore del Comune?",
     I.EXTERNAL_ASSIGNMENT, ("generic", "dipendente"), None,
     {"activity_kind": "consulenza_occasionale", "client_relation": "fornitore"}),
    ("Rossi può fare l'amministratore di condominio?", I.EXTERNAL_ASSIGNMENT,
     ("person", "Mario Rossi"), None, {"activity_kind": "amministratore_condominio"}),
    ("posso fare l'arbitro in una controversia privata a pagamento?", I.EXTERNAL_ASSIGNMENT,
     ("self", "io"), None, {"activity_kind": "arbitrato", "paid": True}),
    ("un dipendente part-time al 30% può aprire un negozio?", I.EXTERNAL_ASSIGNMENT,
     ("generic", "dipendente"), None, {"part_time_percent": 30.0,
                                       "activity_kind": "commerciale"}),
    ("can a full-time employee be a board member of a company?", I.EXTERNAL_ASSIGNMENT,
     ("generic", "employee"), None, {"part_time_percent": 100.0,
                                     "activity_kind": "amministratore_societa",
                                     "client_type": "societa"}),
    ("may I teach at a university for 2.000 €?", I.EXTERNAL_ASSIGNMENT, ("self", "io"),
     None, {"activity_kind": "docenza", "client_type": "universita", "compensation": 2000.0}),
    ("posso scrivere un libro?", I.EXTERNAL_ASSIGNMENT, ("self", "io"), None,
     {"activity_kind": "pubblicazione"}),
    ("è consentito partecipare a un convegno come relatore con solo rimborso spese?",
     I.EXTERNAL_ASSIGNMENT, None, None, {"activity_kind": "convegni", "expenses_only": True}),
    (("incarico di docenza occasionale per un ente pubblico, compenso 800 euro: serve "
     "l'autorizzazione?"), I.EXTERNAL_ASSIGNMENT, None, None,
     {"activity_kind": "docenza", "client_type": "ente_pubblico", "compensation": 800.0,
      "occasional": True, "paid": True}),
    ("può un titolare di EQ fare il revisore dei conti di un altro comune?",
     I.EXTERNAL_ASSIGNMENT, None, None,
     {"is_po_holder": True, "activity_kind": "cda_pubblico",
      "client_type": "pubblica_amministrazione"}),
    ("un vigile può fare il rilevatore istat?", I.EXTERNAL_ASSIGNMENT,
     ("generic", "vigile"), None, {"profile": "polizia_municipale",
                                   "activity_kind": "rilevazione_statistica"}),
    ("posso lavorare per una società che ha un contenzioso con il comune?",
     I.EXTERNAL_ASSIGNMENT, ("self", "io"), None,
     {"client_type": "societa", "client_relation": "contenzioso"}),
    (("incarico da € 3.000 per una srl, stipendio 30mila, già autorizzati 2.500 euro: "
     "è consentito?"), I.EXTERNAL_ASSIGNMENT, None, None,
     {"compensation": 3000.0, "annual_base_salary": 30000.0,
      "already_authorised_this_year": 2500.0, "client_type": "societa"}),
    ("Rossi può fare il libero professionista fuori dall'orario di lavoro?",
     I.EXTERNAL_ASSIGNMENT, ("person", "Mario Rossi"), None,
     {"activity_kind": "libero_professionale", "interferes_with_service": False}),
    ("posso fare un'attività abituale di consulenza?", I.EXTERNAL_ASSIGNMENT, ("self", "io"),
     None, {"occasional": False}),
    ("posso accettare un incarico gratuito da un'associazione di volontariato?",
     I.EXTERNAL_ASSIGNMENT, ("self", "io"), None, {"paid": False,
                                                   "client_type": "associazione"}),
    ("posso fare il commissario di concorso in un altro comune?", I.EXTERNAL_ASSIGNMENT,
     ("self", "io"), None, {"activity_kind": "commissione_concorso",
                            "client_type": "pubblica_amministrazione"}),
    ("incarico da 1500 euro, retribuzione base 24000 e già autorizzati 4000 euro quest'anno",
     I.EXTERNAL_ASSIGNMENT, None, None,
     {"compensation": 1500.0, "annual_base_salary": 24000.0,
      "already_authorised_this_year": 4000.0}),
    ("incarico da 1.500,00 €, retribuzione base € 24.000", I.EXTERNAL_ASSIGNMENT, None,
     None, {"compensation": 1500.0, "annual_base_salary": 24000.0}),
    ("can I work as a freelancer with a 30% part-time?", I.EXTERNAL_ASSIGNMENT,
     ("self", "io"), None, {"activity_kind": "libero_professionale",
                            "part_time_percent": 30.0}),
    ("a titolo gratuito posso fare docenza?", I.EXTERNAL_ASSIGNMENT, ("self", "io"), None,
     {"activity_kind": "docenza", "paid": False}),
    # ---------------------------------------------------------------- part-time, contracts
    ("posso chiedere il part-time?", I.PART_TIME, ("self", "io"), None, {}),
    ("un responsabile di area può avere il part-time al 50%?", I.PART_TIME, None, None,
     {"is_area_head": True, "part_time_percent": 50.0}),
    ("can a municipal police officer work part-time?", I.PART_TIME,
     ("generic", "municipal police"), None, {"profile": "polizia_municipale"}),
    ("Bianchi può passare a tempo parziale?", I.PART_TIME, ("person", "Laura Bianchi"), None,
     {}),
    ("il figlio del cugino del sindaco può avere un contratto a tempo determinato?",
     I.FIXED_TERM_CONTRACT, ("generic", "figlio del cugino del sindaco"), None,
     {"kinship": "figlio_del_cugino", "kinship_degree": 5, "related_to": "sindaco"}),
    ("la moglie del fratello del sindaco può avere un contratto ex art. 110?",
     I.FIXED_TERM_CONTRACT, None, None,
     {"kinship": "cognato", "kinship_degree": 2, "kinship_kind": "affinita",
      "related_to": "sindaco"}),
    ("can the mayor's cousin get a fixed-term contract?", I.FIXED_TERM_CONTRACT, None, None,
     {"kinship": "cugino", "related_to": "sindaco"}),
    ("il convivente di un consigliere può avere un incarico a tempo determinato?",
     I.FIXED_TERM_CONTRACT, None, None,
     {"kinship": "convivente", "kinship_kind": "convivenza", "related_to": "consigliere"}),
    (("3 contratti a tempo determinato su una dotazione organica di 11 posti: posso farne un "
     "altro?"), I.FIXED_TERM_CONTRACT, None, None,
     {"fixed_term_count": 3, "staff_establishment": 11}),
    # ---------------------------------------------------------------- mobility
    ("Rossi può chiedere il nulla osta per la mobilità dopo 4 anni di servizio?",
     I.MOBILITY_OUT, ("person", "Mario Rossi"), None, {"years_of_service": 4.0}),
    ("can I transfer to another administration after 6 years?", I.MOBILITY_OUT,
     ("self", "io"), None, {"years_of_service": 6.0}),
    ("lavoro qui da sei mesi, posso andare in mobilità?", I.MOBILITY_OUT, ("self", "io"),
     None, {"years_of_service": 0.5}),
    ("mobilità: esperienza 30, colloquio 40, trattamento economico 10: è idoneo?",
     I.MOBILITY_RANKING, None, None,
     {"experience_points": 30.0, "interview_points": 40.0, "salary_points": 10.0}),
    ("con 72/100 si può assumere per mobilità?", I.MOBILITY_RANKING, None, None,
     {"total_points": 72.0}),
    ("graduatoria di mobilità con 58 punti", I.MOBILITY_RANKING, None, None,
     {"total_points": 58.0}),
    # ---------------------------------------------------------------- calculators
    ("retribuzione di posizione con G 70,70 e Pmax 12.911,42", I.POSITION_PAY, None, None,
     {"graduation_G": 70.7, "pmax": 12911.42}),
    ("position allowance with graduation 80 and Pmax 16000", I.POSITION_PAY, None, None,
     {"graduation_G": 80.0, "pmax": 16000.0}),
    ("una PO con 58 punti prende la retribuzione di risultato?", I.EVALUATION, None, None,
     {"evaluation_score": 58.0, "is_po_holder": True, "evaluated_role": "po"}),
    ("con 72/100 spetta l'indennità di risultato al segretario?", I.EVALUATION,
     ("office", "Segretario comunale"), None,
     {"evaluation_score": 72.0, "evaluated_role": "segretario"}),
    ("rimborso chilometrico per 120 km con benzina a 1,85 €", I.MILEAGE, None, None,
     {"km": 120.0, "petrol_price": 1.85}),
    ("quanto mi spetta per 80 km col mezzo proprio?", I.MILEAGE, ("self", "io"), None,
     {"km": 80.0}),
    ("mileage for 50 km, petrol 1.9 euro", I.MILEAGE, None, None,
     {"km": 50.0, "petrol_price": 1.9}),
    ("richiesta di autorizzazione presentata il 12/03/2026: entro quando va data risposta?",
     I.DEADLINE, None, None, {"deadline_kind": "risposta_autorizzazione",
                              "request_date": date(2026, 3, 12)}),
    ("quando scade la diffida notificata il 1 aprile 2026?", I.DEADLINE, None, None,
     {"deadline_kind": "diffida", "start_date": date(2026, 4, 1)}),
    # a deadline without a date is a rule look-up: the comma that states it (art. 4 c. 6)
    ("entro quando va segnalato il conflitto di interessi?", I.LOOKUP, None, None, {}),
    ("richiesta presentata 40 giorni fa: entro quando va data risposta?", I.DEADLINE, None,
     None, {"request_date": date(2026, 3, 25)}),
    ("mansioni superiori per 8 mesi a un C1 su un posto vacante di D1", I.HIGHER_DUTIES,
     None, None, {"category": "C1", "target_category": "D1", "higher_duties_months": 8,
                  "absence_kind": "vacanza"}),
    ("un C1 può essere nominato responsabile di area?", I.AREA_HEAD_APPOINTMENT, None, None,
     {"category": "C1", "area": "istruttori"}),
    ("posso nominare Verdi responsabile dell'area tecnica per 6 mesi?",
     I.AREA_HEAD_APPOINTMENT, ("person", "Giovanni Verdi"), None,
     {"assignment_years": 0.5}),
    ("contratto di collaborazione da 8.000 euro: serve la procedura comparativa?",
     I.COLLABORATION, None, None, {"contract_amount": 8000.0}),
    ("va mandato alla Corte dei conti un incarico da 6.000 €?", I.COLLABORATION, None, None,
     {"contract_amount": 6000.0}),
    ("composizione del nucleo di valutazione", I.EVALUATION_BOARD, None, None, {}),
    # who / how many without figures: what the rule says (art. 37 c. 1, art. 30 c. 2)
    ("chi fa parte del nucleo?", I.LOOKUP, None, None, {}),
    ("a quanti dipendenti spetta il bonus delle eccellenze?", I.LOOKUP, None, None, {}),
    ("progressione economica orizzontale", I.ECONOMIC_PROGRESSION, None, None, {}),
    ("progressioni verticali: riserva del 50%", I.CAREER_PROGRESSION, None, None, {}),
    # ---------------------------------------------------------------- categories and areas
    ("un dipendente di categoria D può essere responsabile di area?",
     I.AREA_HEAD_APPOINTMENT, ("generic", "dipendente"), None, {"area": "funzionari"}),
    ("un istruttore può chiedere il part-time?", I.PART_TIME, None, None,
     {"area": "istruttori"}),
]


@pytest.mark.parametrize(("text", "intent", "subject", "ref", "facts"), CASES,
                         ids=[c[0][:60] for c in CASES])
def test_question(text, intent, subject, ref, facts) -> None:
    query = ask(text)
    assert query.intent == intent, query
    assert not query.fallback
    if ref is not None:
        assert query.ref == ref
    if subject is not None:
        assert query.subject is not None, query
        kind, expected = subject
        assert query.subject.kind == kind, query.subject
        assert expected in (query.subject.name, query.subject.text), query.subject
    for name, value in facts.items():
        assert name in query.facts, (name, query.facts)
        got = query.facts[name]
        if isinstance(value, float):
            assert got == pytest.approx(value), (name, got)
        else:
            assert got == value, (name, got)


def test_within_so_many_days_is_a_period_from_the_day_asked() -> None:
    # an expiring list reads its window from the period (ordina's incarichi_in_scadenza)
    facts = ask("quali incarichi scadono entro 30 giorni?").facts
    assert (facts["period_end"] - facts["date"]).days == 30


def test_search_text_is_what_follows_the_command() -> None:
    assert ask("cerca patrocinio legale").search_text == "patrocinio legale"
    assert ask("search legal aid").search_text == "legal aid"
    assert ask("Cerca: buoni pasto").search_text == "buoni pasto"


def test_resolved_names_carry_the_database_key() -> None:
    query = ask("può Mario Rossi accettare l'incarico 12?")
    assert query.subject is not None and query.subject.key == "2"


def test_accents_apostrophes_and_case_do_not_matter() -> None:
    forms = ["può Rossi accettare l'incarico 12?", "puo' Rossi accettare l’incarico 12?",
             "PUÒ ROSSI ACCETTARE L'INCARICO 12?", "puo rossi accettare lincarico 12"]
    for text in forms[:3]:
        query = ask(text)
        assert query.intent == I.EXTERNAL_ASSIGNMENT, text
        assert query.subject is not None and query.subject.name == "Mario Rossi", text
    assert ask("incompatibilita di Verdi").intent == I.INCOMPATIBILITY
    assert ask("incompatibilità di Verdi").intent == I.INCOMPATIBILITY
    assert ask("INCOMPATIBILITÀ DI VERDI").intent == I.INCOMPATIBILITY


def test_accented_names_resolve_without_accents() -> None:
    query = ask("obblighi di Niccolo D'Angelo")
    assert query.subject is not None and query.subject.name == "Niccolò D'Angelo"
    query = ask("obblighi di niccolò d’angelo")
    assert query.subject is not None and query.subject.name == "Niccolò D'Angelo"


def test_ambiguous_nipote_is_asked_back() -> None:
    query = ask("il nipote del sindaco può avere un contratto a tempo determinato?")
    assert query.intent == I.FIXED_TERM_CONTRACT
    assert "kinship" not in query.facts
    clar = [c for c in query.clarifications if c.fact == "kinship"]
    assert clar and set(clar[0].options) == {"nipote_di_nonno", "nipote_di_zio"}
    assert "nipote" in clar[0].question


def test_a_one_letter_typo_of_one_person_resolves_and_says_so() -> None:
    # issue 10: "intendi …?" only when really ambiguous; one letter off one person resolves
    query = ask("obblighi di Rosi")
    assert query.intent == I.OBLIGATIONS
    assert query.subject is not None and query.subject.text == "Rosi"
    assert query.subject.name == "Mario Rossi"
    clar = [c for c in query.clarifications if c.fact == "subject"]
    assert clar and not clar[0].options and "Ho inteso «Rosi» come Mario Rossi" in clar[0].question


def test_a_farther_name_gets_a_suggestion() -> None:
    query = ask("obblighi di Rossini")
    clar = [c for c in query.clarifications if c.fact == "subject"]
    assert query.subject is not None and query.subject.name is None
    assert clar and "Mario Rossi" in clar[0].options and "intendi" in clar[0].question


def test_two_people_with_the_same_surname_are_asked_back() -> None:
    query = ask("chi sostituisce Galli?")
    clar = [c for c in query.clarifications if c.fact == "subject"]
    assert clar and set(clar[0].options) == {"Paolo Galli", "Roberto Galli"}


def test_lowercase_common_words_are_not_surnames() -> None:
    query = ask("quanto costa un incarico da 500 euro?")
    assert query.subject is None or query.subject.name != "Elisa Costa"


def test_questions_like_no_example_are_looked_up_in_the_text() -> None:
    query = ask("quanto costa un caffè alla macchinetta?")
    assert query.intent == I.LOOKUP and query.fallback
    assert query.search_text and "caff" in query.search_text


def test_missing_subject_is_asked() -> None:
    query = ask("chi sostituisce?")
    assert query.intent == I.SUBSTITUTE
    assert any(c.fact == "subject" for c in query.clarifications)


def test_impossible_date_is_asked_back() -> None:
    query = ask("chi sostituisce il segretario il 31/02/2027?")
    assert query.intent == I.SUBSTITUTE
    assert any(c.fact == "date" for c in query.clarifications)
    assert query.as_of is None


def test_external_law_reference_is_not_a_regulation_reference() -> None:
    query = ask("cosa dice l'art. 53 del d.lgs. 165/2001?")
    assert query.ref is None


def test_today_and_relative_dates() -> None:
    assert ask("chi sostituisce il segretario oggi?").as_of == TODAY
    assert ask("chi sostituisce il segretario ieri?").as_of == date(2026, 5, 3)
    assert ask("chi sostituiva il segretario 40 giorni fa?").intent == I.SUBSTITUTE


def test_query_json_is_serialisable() -> None:
    import json

    data = ask("chi sostituisce il segretario il 3 marzo 2027?").to_json()
    assert json.loads(json.dumps(data))["as_of"] == "2027-03-03"


SEG_LEX = InMemoryLexicon.from_names(units=[("4", "Ufficio del Segretario")])


@pytest.mark.parametrize("text", ["obblighi del segretario",
                                  "chi autorizza le missioni del segretario?"])
def test_segretario_is_the_office_not_his_unit(text: str) -> None:
    subject = parse_question(text, SEG_LEX, TODAY).subject
    assert subject is not None
    assert (subject.kind, subject.key) == ("office", "segretario")


def test_ufficio_del_segretario_is_still_the_unit() -> None:
    subject = parse_question("obblighi dell'ufficio del segretario", SEG_LEX, TODAY).subject
    assert subject is not None
    assert (subject.kind, subject.name) == ("unit", "Ufficio del Segretario")


@pytest.mark.parametrize("salary", ["retribuzione 24.000 €", "stipendio 24.000",
                                    "retribuzione base 24.000"])
def test_bare_retribuzione_is_the_annual_base_salary(salary: str) -> None:
    query = ask(f"posso accettare un incarico da 1.500 euro con {salary}?")
    assert query.facts.get("annual_base_salary") == 24000
    assert query.facts.get("compensation") == 1500


@pytest.mark.parametrize("text", [
    "mobilità: esperienza 30, colloquio 40, trattamento 10",
    "mobilità: 30 di esperienza, 40 di colloquio e 10 di trattamento",
])
def test_mobility_points_are_the_three_art_50_items(text: str) -> None:
    query = ask(text)
    assert query.intent == I.MOBILITY_RANKING
    assert query.facts["experience_points"] == 30
    assert query.facts["interview_points"] == 40
    assert query.facts["salary_points"] == 10
    assert "total_points" not in query.facts


@pytest.mark.parametrize("text", ["chi è competente per la maternità di Neri?",
                                  "chi concede l'aspettativa a Neri?",
                                  "chi è competente per la malattia di Neri?"])
def test_art_81_c_2_absences_are_not_holidays(text: str) -> None:
    query = ask(text)
    assert query.intent == I.COMPETENT
    assert query.facts["matter"] == "assenze"


def test_holidays_stay_ferie() -> None:
    assert ask("chi autorizza le ferie di Neri?").facts["matter"] == "ferie"


@pytest.mark.parametrize("text", [
    "Was it lawful to give Giorgio Ferrari higher duties to cover Chiara Romano's holiday?",
    "Where are business trips and mileage regulated?",
    "Supervision duty, 60 km in my own car, petrol at 1.80 euro per litre: reimbursement?",
])
def test_english_questions_with_few_english_cue_words_are_english(text: str) -> None:
    assert parse_question(text).lang == "en"
