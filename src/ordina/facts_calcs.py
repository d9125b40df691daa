"""Facts of the appointment, collaboration, pay, evaluation and deadline checks.

They extend :data:`ordina.facts.FACTS` (which imports this module), so
``--fact``, the interview and the scenario files read them exactly like the core
facts: typed, validated, with the question to ask and the comma that makes them matter.
"""

from __future__ import annotations

from ordina.fact_model import Fact


def _bool(name: str, question: str, description: str, cite: str) -> Fact:
    return Fact(name, "bool", question, description, citation=cite)


def _num(name: str, kind: str, question: str, description: str, cite: str | None,
         minimum: float | None = 0, maximum: float | None = None) -> Fact:
    return Fact(name, kind, question, description, minimum=minimum, maximum=maximum,  # type: ignore[arg-type]
                citation=cite)


def _choice(name: str, labels: dict[str, str], synonyms: dict[str, str], question: str,
            description: str, cite: str | None) -> Fact:
    return Fact(name, "choice", question, description, tuple(labels), dict(labels),
                dict(synonyms), citation=cite)


CITIZENSHIPS: dict[str, str] = {
    "italiana": "cittadinanza italiana",
    "ue": "cittadinanza di un altro Stato dell'Unione europea",
    "altra": "cittadinanza di uno Stato fuori dall'Unione europea",
}

DEGREES: dict[str, str] = {
    "ingegneria_gestionale": "laurea in ingegneria gestionale",
    "economia": "laurea in economia e commercio",
    "scienze_politiche": "laurea in scienze politiche",
    "giurisprudenza": "laurea in giurisprudenza",
    "equivalente": "laurea equivalente a una di queste",
    "altra": "altra laurea",
    "nessuna": "nessuna laurea magistrale, specialistica o quadriennale",
}
DEGREE_SYNONYMS: dict[str, str] = {
    "ingegneria": "ingegneria_gestionale", "economia e commercio": "economia",
    "giurisprudenza": "giurisprudenza", "legge": "giurisprudenza", "scienze politiche":
    "scienze_politiche", "nessuna": "nessuna", "diploma": "nessuna",
}

INTERNAL_CHECK_OUTCOMES: dict[str, str] = {
    "negativo": "nessun'altra Area ha la professionalità (esito negativo)",
    "positivo": "un'altra Area ha la professionalità richiesta (esito positivo)",
    "nessuna_risposta": "nessuna risposta degli altri responsabili",
}

PROCEDURES: dict[str, str] = {
    "comparativa": "procedura comparativa con avviso pubblico (art. 64 c. 2)",
    "indagine_mercato": "indagine di mercato con lettera d'invito (art. 64 c. 4)",
    "diretta": "affidamento diretto senza procedura comparativa (art. 66)",
}
PROCEDURE_SYNONYMS: dict[str, str] = {
    "avviso": "comparativa", "avviso pubblico": "comparativa", "procedura comparativa":
    "comparativa", "selezione": "comparativa", "indagine di mercato": "indagine_mercato",
    "lettera d'invito": "indagine_mercato", "inviti": "indagine_mercato",
    "affidamento diretto": "diretta", "diretto": "diretta", "incarico diretto": "diretta",
}

DIRECT_REASONS: dict[str, str] = {
    "procedura_deserta": "procedura comparativa senza esito positivo, condizioni invariate "
                         "(art. 66 c. 1 lett. a)",
    "urgenza": "particolare urgenza documentata o competenze non comparabili "
               "(art. 66 c. 1 lett. b)",
    "complementare": "prestazione complementare non separabile dall'incarico principale "
                     "(art. 66 c. 1 lett. c)",
    "artistica": "prestazione artistica o culturale non comparabile (art. 66 c. 1 lett. d)",
    "nessuna": "nessuno dei casi dell'art. 66",
}
DIRECT_REASON_SYNONYMS: dict[str, str] = {
    "deserta": "procedura_deserta", "gara deserta": "procedura_deserta",
    "esito negativo": "procedura_deserta", "urgente": "urgenza",
    "complementari": "complementare", "artista": "artistica", "culturale": "artistica",
}

TRIP_PURPOSES: dict[str, str] = {
    "vigilanza": "attività di vigilanza",
    "ispettiva": "attività ispettiva",
    "controllo": "attività di controllo",
    "delega_regione": "attività delegata dalla Regione e finanziata dal Fondo Unico Regionale",
    "altro": "altra attività di servizio",
}
TRIP_SYNONYMS: dict[str, str] = {
    "ispezione": "ispettiva", "sopralluogo": "controllo", "verifica": "controllo",
    "delega regionale": "delega_regione", "delegata dalla regione": "delega_regione",
    "delegate dalla regione": "delega_regione", "per conto della regione": "delega_regione",
    "finanziata dalla regione": "delega_regione", "delega della regione": "delega_regione",
    "fondo unico regionale": "delega_regione", "convegno": "altro", "corso": "altro",
    "riunione": "altro", "formazione": "altro",
    "servizio di controllo": "controllo", "attivita di controllo": "controllo",
    "controllo sul territorio": "controllo", "servizio di vigilanza": "vigilanza",
    "attivita di vigilanza": "vigilanza", "attivita ispettiva": "ispettiva",
    "inspection": "ispettiva", "inspection trip": "ispettiva", "supervision": "vigilanza",
    "supervision duty": "vigilanza", "control duty": "controllo", "checks": "controllo",
}

REGIMES: dict[str, str] = {
    "ordinario": "schede ordinarie degli allegati E, F, G",
    "transitorio": "scala transitoria dell'art. 42",
}

GRADING_CODES = ("A1", "A2", "B1", "B2", "B3", "B4", "C1", "C2", "C3")

CALCS_FACTS: tuple[Fact, ...] = (
    # -- Responsabili di Area (art. 14)
    _bool("personnel_office", "L'incarico è di responsabile della struttura che gestisce le "
          "risorse umane?", "incarico di responsabile del personale (art. 14 c. 7)",
          "art. 14 c. 7"),
    _bool("party_union_collaboration_2y", "Negli ultimi 2 anni ha avuto collaborazioni "
          "retribuite e non occasionali con partiti o sindacati?",
          "collaborazioni con partiti o sindacati negli ultimi 2 anni (art. 14 c. 7)",
          "art. 14 c. 7"),
    _num("mandate_years_left", "number", "Quanti anni mancano alla fine del mandato del "
         "Sindaco?", "durata residua del mandato del Sindaco (art. 14 c. 3)", "art. 14 c. 3",
         maximum=10),
    # -- contratti a tempo determinato (art. 53-54)
    _bool("outside_establishment", "Il posto da coprire è al di fuori della dotazione "
          "organica?", "posto extra dotazione: vale il tetto di legge, non il 20% (art. 53 c. 2)",
          "art. 53 c. 2"),
    _bool("internal_professional_available", "Nel Comune ci sono già professionalità "
          "analoghe a quella cercata?", "professionalità analoghe interne (art. 53 c. 2)",
          "art. 53 c. 2"),
    _bool("ente_in_dissesto", "Il Comune ha dichiarato il dissesto o è strutturalmente "
          "deficitario?", "dissesto o deficitarietà strutturale (art. 53 c. 6)", "art. 53 c. 6"),
    _bool("several_benefits", "La persona è destinataria sia del bonus delle eccellenze sia "
          "del premio per l'innovazione o dell'alta formazione?",
          "destinatario di più benefici (art. 30 c. 4)", "art. 30 c. 4"),
    # -- collaborations in course (art. 68 c. 3)
    _bool("renewal_requested", "Si chiede di rinnovare il contratto di collaborazione alla "
          "scadenza?", "rinnovo del contratto di collaborazione (art. 68 c. 3)", "art. 68 c. 3"),
    _bool("extension_requested", "Si chiede di prorogare la durata del contratto di "
          "collaborazione?", "proroga del contratto di collaborazione (art. 68 c. 3)",
          "art. 68 c. 3"),
    _bool("delay_not_attributable", "Il ritardo non è imputabile al collaboratore?",
          "ritardo non imputabile al collaboratore (art. 68 c. 3)", "art. 68 c. 3"),
    _bool("own_condominium", "Si tratta del condominio in cui il dipendente risiede o ha "
          "una proprietà?", "condominio di residenza o di proprietà (art. 87 c. 2 lett. m)",
          "art. 87 c. 2 lett. m"),
    _bool("staff_office", "Il contratto è per un ufficio di staff del Sindaco o della Giunta?",
          "ufficio di staff degli organi politici (art. 74, non art. 53)", "art. 74 c. 1"),
    # -- part-time (art. 80)
    _bool("part_time_quota_reached", "Il contingente dei posti a part-time è già esaurito?",
          "contingente del part-time raggiunto (art. 80 c. 1)", "art. 80 c. 1"),
    _bool("part_time_conflict", "L'attività che il dipendente vuole svolgere è in contrasto o "
          "in concorrenza con il Comune, o in conflitto di interessi?",
          "attività in contrasto, concorrenza o conflitto con il Comune (art. 80 c. 2)",
          "art. 80 c. 2"),
    _bool("serious_service_reasons", "Ci sono gravi ragioni di servizio che ostano al "
          "part-time?", "gravi ragioni di servizio contrarie (art. 80 c. 2)", "art. 80 c. 2"),
    # -- mobilità (art. 50-51)
    _bool("favourable_opinion", "Il responsabile cui è assegnato (il Segretario per la "
          "categoria D) ha dato parere favorevole?",
          "parere favorevole alla mobilità in uscita (art. 51 c. 1)", "art. 51 c. 1"),
    _bool("salary_initial_position", "Il candidato è nella posizione economica iniziale, "
          "senza RIA né assegni ad personam?",
          "posizione iniziale: solo allora fino a 15 punti (art. 50 c. 4)",
          "art. 50 c. 4 trattino 3"),
    # -- Nucleo di valutazione (art. 37-38)
    _num("nucleo_members", "int", "Quanti componenti, oltre al presidente, conta il Nucleo?",
         "componenti nominati dal Sindaco oltre al presidente (art. 37 c. 1)", "art. 37 c. 1",
         maximum=20),
    _bool("nucleo_third_member", "Il Nucleo avrebbe un terzo componente oltre al presidente?",
          "terzo componente oltre al presidente (art. 37 c. 1: uno o due)", "art. 37 c. 1"),
    _bool("nucleo_single_present", "Alla seduta del Nucleo è presente un solo componente?",
          "seduta con un solo presente (art. 38 c. 2 e c. 4)", "art. 38 c. 4"),
    _bool("nucleo_president_secretary", "Il presidente del Nucleo è il Segretario?",
          "presidenza del Segretario (art. 37 c. 2)", "art. 37 c. 2"),
    _bool("nucleo_associated", "Il Nucleo è costituito in forma associata con altri enti?",
          "Nucleo associato: composizione fissata dalla convenzione (art. 37 c. 3)",
          "art. 37 c. 3"),
    _choice("member_citizenship", CITIZENSHIPS, {"italia": "italiana", "italiano": "italiana",
                                                 "europea": "ue", "comunitaria": "ue",
                                                 "extracomunitaria": "altra"},
            "Qual è la cittadinanza del componente: italiana, UE o altra?",
            "cittadinanza del componente del Nucleo (art. 37 c. 5 lett. a)",
            "art. 37 c. 5 lett. a"),
    _choice("member_degree", DEGREES, DEGREE_SYNONYMS,
            "Che laurea ha il componente (ingegneria gestionale, economia, scienze politiche, "
            "giurisprudenza, equivalente, altra, nessuna)?",
            "laurea del componente del Nucleo (art. 37 c. 5 lett. b)", "art. 37 c. 5 lett. b"),
    _bool("member_postgraduate", "Ha un titolo post-universitario in organizzazione, "
          "management, controllo di gestione o valutazione della performance?",
          "titolo post-universitario alternativo alla laurea (art. 37 c. 5 lett. b)",
          "art. 37 c. 5 lett. b"),
    _num("member_experience_years", "number", "Quanti anni di esperienza ha nel management, "
         "nel controllo di gestione, nella valutazione o in organismi di valutazione?",
         "anni di esperienza del componente (almeno 5, art. 37 c. 5 lett. c)",
         "art. 37 c. 5 lett. c", maximum=60),
    _num("nucleo_compensation", "amount", "Qual è il compenso annuo del componente esterno "
         "del Nucleo (euro)?", "compenso del componente esterno (art. 38 c. 7)", "art. 38 c. 7"),
    _num("auditor_compensation", "amount", "Qual è il compenso annuo del revisore dei conti "
         "(euro)?", "compenso del revisore dei conti, tetto del Nucleo (art. 38 c. 7)",
         "art. 38 c. 7"),
    # -- collaborazioni (Titolo VII)
    _bool("ordinary_activity", "L'incarico riguarda attività generiche o ordinarie?",
          "attività ordinaria o generica (art. 61 c. 2)", "art. 61 c. 2"),
    _bool("in_programme", "L'incarico è nel programma approvato dal Consiglio o riguarda "
          "un'attività obbligatoria per legge?", "programma del Consiglio o obbligo di legge "
          "(art. 59 c. 1, art. 62 c. 2)", "art. 62 c. 2"),
    _bool("within_spending_cap", "La spesa rientra nel tetto annuo fissato nel bilancio?",
          "rispetto del tetto di spesa (art. 60 c. 1, art. 62 c. 2)", "art. 60 c. 1"),
    _bool("specialisation_proven", "L'esperto ha una particolare e comprovata "
          "specializzazione (o iscrizione ad albi, o esperienza nel settore nei casi ammessi)?",
          "specializzazione comprovata (art. 62 c. 1)", "art. 62 c. 1"),
    _bool("highly_qualified_temporary", "La prestazione è temporanea e altamente qualificata?",
          "prestazione temporanea e altamente qualificata (art. 62 c. 2 lett. e)",
          "art. 62 c. 2 lett. e"),
    _bool("terms_predetermined", "Durata, luogo, oggetto e compenso sono stati determinati "
          "prima?", "elementi determinati preventivamente (art. 62 c. 2 lett. f)",
          "art. 62 c. 2 lett. f"),
    _choice("internal_check_outcome", INTERNAL_CHECK_OUTCOMES,
            {"nessuna": "nessuna_risposta", "silenzio": "nessuna_risposta",
             "nessuna risposta": "nessuna_risposta"},
            "Com'è andata la ricognizione interna del Segretario: esito negativo, positivo o "
            "nessuna risposta?", "esito della verifica delle risorse interne (art. 63 c. 3)",
            "art. 63 c. 3"),
    Fact("internal_check_days_waited", "int", "Quanti giorni sono passati dalla richiesta "
         "del Segretario senza risposta?", "giorni trascorsi senza attestazione (art. 63 c. 3)",
         minimum=0, maximum=3650, citation="art. 63 c. 3"),
    Fact("internal_check_request_date", "date", "In che data il Segretario ha chiesto agli "
         "altri responsabili se hanno la professionalità?",
         "data della richiesta di accertamento (art. 63 c. 2 lett. b)", citation="art. 63 c. 3"),
    Fact("conferral_date", "date", "In che data è (o sarà) conferito l'incarico?",
         "data del conferimento dell'incarico di collaborazione", citation="art. 63 c. 3"),
    _bool("internal_check_wait_respected", "Sono decorsi 15 giorni dalla richiesta senza "
          "risposta prima del conferimento?", "attesa di 15 giorni rispettata (art. 63 c. 3)",
          "art. 63 c. 3"),
    _choice("collaboration_procedure", PROCEDURES, PROCEDURE_SYNONYMS,
            "Con quale procedura è scelto il collaboratore: comparativa, indagine di mercato o "
            "affidamento diretto?", "procedura di scelta del collaboratore (art. 64-66)",
            "art. 64 c. 1"),
    _num("interview_admitted", "int", "Quanti candidati sono ammessi al colloquio?",
         "ammessi al colloquio, al massimo 10 (art. 65 c. 3)", "art. 65 c. 3"),
    _num("interview_max_points", "number", "Qual è il punteggio massimo del colloquio?",
         "punteggio massimo del colloquio (art. 65 c. 3)", "art. 65 c. 3"),
    _num("title_max_points", "number", "Qual è il punteggio massimo previsto per i titoli?",
         "punteggio massimo dei titoli (art. 65 c. 3)", "art. 65 c. 3"),
    _choice("direct_reason", DIRECT_REASONS, DIRECT_REASON_SYNONYMS,
            "Per quale motivo l'incarico è affidato direttamente (procedura deserta, urgenza, "
            "prestazione complementare, artistica, nessuno)?",
            "caso di affidamento diretto (art. 66 c. 1)", "art. 66 c. 1"),
    # -- retribuzione di posizione (allegato D)
    *(_num(f"grading_{code}", "number", f"Quale graduazione (0-100) ha dato il Nucleo al "
           f"sottoparametro {code}?", f"graduazione del sottoparametro {code} in centesimi "
           "(allegato D)", "all. D", maximum=100) for code in GRADING_CODES),
    # -- valutazione (art. 21-28, 42)
    _choice("evaluation_regime", REGIMES, {"transitoria": "transitorio", "ordinaria":
                                           "ordinario", "art. 42": "transitorio"},
            "Si valuta con le schede ordinarie (allegati E-G) o con la scala transitoria "
            "dell'art. 42?", "regime della valutazione (art. 42 c. 1)", "art. 42 c. 1"),
    _num("points_organisational", "number", "Quanti punti per la performance organizzativa?",
         "punti della performance organizzativa", "art. 22 c. 1 lett. a", maximum=100),
    _num("points_individual", "number", "Quanti punti per la performance individuale "
         "(risultati sugli obiettivi)?", "punti della performance individuale",
         "art. 22 c. 1 lett. b", maximum=100),
    _num("points_behaviour", "number", "Quanti punti per i comportamenti organizzativi?",
         "punti dei comportamenti organizzativi", "art. 22 c. 1 lett. c", maximum=100),
    _num("points_competences", "number", "Quanti punti per le competenze professionali?",
         "punti delle competenze professionali", "art. 21 c. 5", maximum=100),
    _num("points_appraisal", "number", "Quanti punti per la capacità di valutare i "
         "collaboratori?", "punti della capacità di valutare", "art. 22 c. 1 lett. e",
         maximum=100),
    _num("points_po_rating", "number", "Quanti punti per la valutazione finale della PO di "
         "riferimento?", "punti della valutazione della PO di riferimento", "art. 27 c. 2",
         maximum=100),
    # -- premi (art. 30, 32, 33, 42)
    _num("evaluated_count", "int", "Quante persone del gruppo (PO o dipendenti) sono state "
         "valutate?", "numero dei valutati del gruppo (art. 30 c. 1, art. 42 c. 7)",
         "art. 30 c. 1"),
    _num("score_year_minus_2", "number", "Qual è la valutazione di due anni fa?",
         "valutazione del terzultimo anno (art. 32 c. 2)", "art. 32 c. 2", maximum=100),
    _num("score_year_minus_1", "number", "Qual è la valutazione dell'anno scorso?",
         "valutazione del penultimo anno (art. 32 c. 2)", "art. 32 c. 2", maximum=100),
    _num("score_last_year", "number", "Qual è la valutazione dell'ultimo anno?",
         "valutazione dell'ultimo anno (art. 32 c. 2)", "art. 32 c. 2", maximum=100),
    _num("weight_year_minus_2", "number", "Che peso ha la valutazione di due anni fa?",
         "peso del terzultimo anno nella graduatoria (art. 32 c. 2)", "art. 32 c. 2"),
    _num("weight_year_minus_1", "number", "Che peso ha la valutazione dell'anno scorso?",
         "peso del penultimo anno nella graduatoria (art. 32 c. 2)", "art. 32 c. 2"),
    _num("weight_last_year", "number", "Che peso ha la valutazione dell'ultimo anno (deve "
         "essere il maggiore)?", "peso dell'ultimo anno (art. 32 c. 2)", "art. 32 c. 2"),
    _num("posts_in_competition", "int", "Quanti posti del profilo sono messi a concorso?",
         "posti a concorso per il profilo (art. 33 c. 1)", "art. 33 c. 1", minimum=1),
    _bool("single_post_exception", "La graduatoria sarà riutilizzata o il concorso è svolto "
          "in forma associata?", "eccezioni al divieto di riserva sul posto unico "
          "(art. 33 c. 1)", "art. 33 c. 1"),
    _num("title_points", "number", "Quanti punti prevede il bando per i titoli?",
         "punteggio dei titoli, metà alle valutazioni (art. 33 c. 2)", "art. 33 c. 2"),
    # -- missioni (art. 76)
    _choice("trip_purpose", TRIP_PURPOSES, TRIP_SYNONYMS,
            "Per che cosa è la trasferta: vigilanza, ispezione, controllo, attività delegata "
            "dalla Regione o altro?", "motivo della trasferta con il mezzo proprio "
            "(art. 76 c. 7 lett. c)", "art. 76 c. 7 lett. c"),
    _num("tolls_parking", "amount", "Quanto hai speso, con ricevute, per pedaggi, parcheggio "
         "e custodia del mezzo (euro)?", "pedaggi, parcheggio e custodia documentati "
         "(art. 76 c. 7 lett. c)", "art. 76 c. 7 lett. c trattino 3"),
    # -- scadenze
    _num("evaluation_year", "int", "Di quale anno è il ciclo di valutazione?",
         "anno di riferimento del ciclo della performance (art. 18, art. 28)", "art. 28 c. 1",
         minimum=2000, maximum=2100),
    _bool("peg_after_february", "Il PEG (o il bilancio) è stato approvato dopo febbraio?",
          "PEG o bilancio dopo febbraio: una sola verifica intermedia (art. 18 c. 2 lett. c, "
          "art. 28 c. 1)", "art. 28 c. 1"),
    Fact("patron_saint", "str", "Qual è il giorno del santo patrono del Comune (es. "
         "22/05 Santa Giulia, o la sigla del capoluogo, LI)?",
         "festa del patrono, che sposta le scadenze come le festività nazionali"),
)
