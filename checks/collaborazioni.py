"""Incarichi di collaborazione esterna: Titolo VII (art. 57-73).

An Area head may hire an external expert (art. 61 c. 1) only for extraordinary, temporary
needs, never for ordinary work (c. 2), when the prerequisites of art. 62 hold: proven
specialisation, a programme of the Consiglio or a legal duty, room in the spending cap, a
temporary and highly qualified service, terms fixed in advance. Before, the Segretario asks
the other Areas whether they have the skill: the hire may follow only their negative answer,
or 15 days without one (art. 63 c. 3). The expert is chosen by comparing CVs after a notice
of at least 10 days (art. 64 c. 2); under € 7.500 a year a market survey with at least three
invitations is enough (c. 4); at most ten go to the interview, whose points are at most half
of the titles' (art. 65 c. 3); a direct award only in the four cases of art. 66. The contract
is effective only once published (art. 71 c. 1); consultancies above € 5.000 go to the Corte
dei conti (art. 72 c. 4).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ordina import termini
from ordina.calendar import Calendario
from ordina.engine import (
    UNKNOWN,
    Check,
    F,
    FactSet,
    FactValue,
    Outcome,
    Rule,
    Rules,
    is_false,
    is_true,
)
from ordina.engine.check import Azione
from ordina.engine.logic import ALWAYS, known
from ordina.formato import data
from ordina.hookspecs import hookimpl
from ordina.norma import Norma

SOGLIA_INDAGINE = Norma(Decimal(7500), "art. 64 c. 4", "inferiore ad euro 7.500,00 annui lordi")
INVITI_MINIMI = Norma(3, "art. 64 c. 4", "ad almeno tre soggetti")
AMMESSI_COLLOQUIO = Norma(10, "art. 65 c. 3", "nel numero massimo di dieci unità")
QUOTA_COLLOQUIO = Norma(Decimal("0.5"), "art. 65 c. 3",
                        "non può essere superiore alla metà del punteggio massimo previsto "
                        "per i titoli")
SOGLIA_CORTE_CONTI = Norma(Decimal(5000), "art. 72 c. 4", "superiore a 5.000 euro")
ATTESA = termini.RISORSE_INTERNE
AVVISO = termini.AVVISO_COMPARATIVO
DOMANDE = termini.DOMANDE_COMPARATIVA

INTENT = "collaboration"
OK = ("consentito",)

PROC = F("collaboration_procedure", "procedura")
AMOUNT = F("contract_amount", "importo annuo lordo")
OUTCOME_63 = F("internal_check_outcome", "esito della ricognizione interna")
#: Only the comparative procedure has a public notice: a stated notice length is one of its.
SENZA_AVVISO = known("collaboration_procedure") & PROC.isin(("indagine_mercato", "diretta"))

PREREQUISITI = [
    Rule("ordinaria", "art. 61 c. 2", is_true("ordinary_activity", "attività ordinaria"),
         "vietato", "Gli incarichi si conferiscono solo in via straordinaria e per esigenze "
                    "temporanee, non per attività generiche o ordinarie.", deferrable=True),
    Rule("programma", "art. 62 c. 2", is_false("in_programme", "nel programma del Consiglio"),
         "vietato", "L'incarico deve essere nel programma approvato dal Consiglio o riguardare "
                    "un'attività obbligatoria per legge (art. 59 c. 1).", deferrable=True),
    Rule("tetto_spesa", "art. 60 c. 1", is_false("within_spending_cap", "entro il tetto"),
         "vietato", "La spesa deve rientrare nel tetto annuo fissato nel bilancio di "
                    "previsione.", deferrable=True),
    Rule("specializzazione", "art. 62 c. 1",
         is_false("specialisation_proven", "specializzazione comprovata"), "vietato",
         "L'incarico va a esperti di particolare e comprovata specializzazione (o iscritti ad "
         "albi, artisti, artigiani, informatici con esperienza accertata).", deferrable=True),
    Rule("alta_qualificazione", "art. 62 c. 2 lett. e",
         is_false("highly_qualified_temporary", "temporanea e altamente qualificata"),
         "vietato", "La prestazione deve essere temporanea e altamente qualificata.",
         deferrable=True),
    Rule("elementi", "art. 62 c. 2 lett. f",
         is_false("terms_predetermined", "durata, luogo, oggetto e compenso determinati"),
         "vietato", "Durata, luogo, oggetto e compenso vanno determinati prima.",
         deferrable=True),
]

RISORSE_INTERNE = [
    # the art. 63 procedure told with its outcome ("nessuno ha risposto") is the check done
    Rule("risorse_interne", "art. 62 c. 2 lett. d",
         is_false("internal_resources_checked", "ricognizione delle risorse interne")
         & ~known("internal_check_outcome"),
         "vietato", "Prima va accertato che nell'ente non ci siano strutture e figure idonee, "
                    "con la procedura dell'art. 63.", deferrable=True),
    Rule("esito_positivo", ATTESA.cite, OUTCOME_63 == "positivo", "vietato",
         "Un'altra Area ha la professionalità richiesta: l'incarico esterno non si conferisce."),
    Rule("attesa", ATTESA.cite,
         (OUTCOME_63 == "nessuna_risposta")
         & is_false("internal_check_wait_respected", "attesa di 15 giorni"), "vietato",
         "Senza risposta degli altri responsabili, l'incarico si può conferire solo decorsi "
         "15 giorni dalla richiesta del Segretario."),
]

PROCEDURA = [
    Rule("avviso_breve", AVVISO.cite,
         ~SENZA_AVVISO & (F("notice_days", "giorni di pubblicazione dell'avviso")
                                      < AVVISO.value), "vietato",
         "L'avviso di selezione va pubblicato all'Albo pretorio per almeno 10 giorni, e il "
         "termine per le domande non può essere inferiore a 10 giorni.", deferrable=True),
    Rule("invito_termine_breve", DOMANDE.cite,
         (PROC == "indagine_mercato") & (F("notice_days", "giorni concessi per le domande")
                                         < DOMANDE.value), "vietato",
         "Anche la lettera d'invito dell'indagine di mercato contiene gli elementi del comma 2 "
         "(art. 64 c. 4), tra cui un termine per le domande non inferiore a 10 giorni.",
         deferrable=True),
    Rule("indagine_importo", SOGLIA_INDAGINE.cite,
         (PROC == "indagine_mercato") & (AMOUNT >= SOGLIA_INDAGINE.value), "vietato",
         "L'indagine di mercato basta solo per incarichi sotto € 7.500,00 annui lordi: sopra "
         "serve la procedura comparativa con avviso."),
    Rule("indagine_inviti", INVITI_MINIMI.cite,
         (PROC == "indagine_mercato") & (F("invitations", "soggetti invitati")
                                         < INVITI_MINIMI.value), "vietato",
         "La lettera d'invito dell'indagine di mercato va inviata ad almeno tre soggetti con i "
         "requisiti.", deferrable=True),
    Rule("ammessi", AMMESSI_COLLOQUIO.cite,
         F("interview_admitted", "ammessi al colloquio") > AMMESSI_COLLOQUIO.value, "vietato",
         "Al colloquio si ammettono al massimo dieci candidati, quelli con i punteggi più alti "
         "nei titoli.", deferrable=True),
    Rule("punti_colloquio", QUOTA_COLLOQUIO.cite,
         F("interview_max_points", "punti del colloquio")
         > F("title_max_points", "punti dei titoli") * QUOTA_COLLOQUIO.value, "vietato",
         "Il punteggio del colloquio non può superare la metà del punteggio massimo dei "
         "titoli.", deferrable=True),
    Rule("diretta", "art. 66 c. 1",
         (PROC == "diretta") & (F("direct_reason", "motivo dell'affidamento diretto")
                                == "nessuna"), "vietato",
         "L'affidamento diretto è ammesso solo nei quattro casi dell'art. 66: procedura "
         "comparativa andata deserta, urgenza documentata o competenze non comparabili, "
         "prestazione complementare, prestazione artistica o culturale non comparabile."),
]

NOTE = [
    Rule("competenza", "art. 61 c. 1", ALWAYS, None,
         "Conferisce l'incarico il responsabile di Area che intende avvalersene.",
         when_verdict=OK),
    Rule("rinvio_errato", "art. 66 c. 1", PROC == "diretta", None,
         "L'art. 66 deroga \"a quanto previsto dal precedente articolo 73\": il rinvio è "
         "sbagliato (l'art. 73 viene dopo e non disciplina la selezione); la deroga si intende "
         "riferita alle procedure comparative degli art. 64-65."),
    Rule("esito_pubblicato", termini.ESITO_COMPARATIVA.cite, PROC == "comparativa", None,
         "L'esito della procedura comparativa va pubblicato all'Albo pretorio per almeno 10 "
         "giorni.", when_verdict=OK),
    Rule("efficacia", "art. 71 c. 1", ALWAYS, None,
         "Il contratto è efficace solo dalla pubblicazione sul sito del nome del collaboratore, "
         "dell'oggetto e del compenso.", when_verdict=OK),
    Rule("corte_conti", SOGLIA_CORTE_CONTI.cite, AMOUNT > SOGLIA_CORTE_CONTI.value, None,
         "L'importo supera € 5.000: copia dell'incarico di consulenza va trasmessa alla "
         "sezione regionale di controllo della Corte dei conti (art. 1 c. 173 L. 266/2005).",
         when_verdict=OK),
    Rule("ricognizione", "art. 63 c. 1", ALWAYS, None,
         "La ricognizione deve documentare l'impossibilità o la non convenienza di usare il "
         "personale dell'ente, anche se ha i requisiti.", when_verdict=OK),
    Rule("requisiti_ammissione", "art. 64 c. 3", PROC == "comparativa", None,
         "Per l'ammissione servono cittadinanza italiana o UE, diritti civili e politici, "
         "nessuna condanna né procedimento penale, specializzazione o iscrizione all'albo.",
         when_verdict=OK),
    Rule("graduatoria", "art. 65 c. 4", PROC == "comparativa", None,
         "La graduatoria, in ordine decrescente di punti, è approvata con atto motivato del "
         "responsabile.", when_verdict=OK),
    Rule("rinnovo", "art. 68 c. 3", ALWAYS, None,
         "Di regola il contratto non si rinnova; si può prorogare solo per completare i progetti "
         "e per ritardi non imputabili al collaboratore, a compenso invariato.",
         when_verdict=OK),
    Rule("registro", "art. 72 c. 1", ALWAYS, None,
         "L'incarico va annotato nel Registro degli incarichi.", when_verdict=OK),
]

CONFERIMENTO_RULES = Rules(
    [*PREREQUISITI, *RISORSE_INTERNE, *PROCEDURA, *NOTE],
    otherwise="consentito", otherwise_cite="art. 61 c. 1",
    otherwise_says="L'incarico di collaborazione si può conferire: presupposti, ricognizione "
                   "interna e procedura di scelta rispettano il Titolo VII.",
)


def _prima_data_utile(request: date, cal: Calendario) -> date:
    """The first day the hire may follow an unanswered request: the day after the term."""
    return cal.scadenza(request, ATTESA.value).effettiva + timedelta(days=1)


def _conferimento(facts: FactSet) -> Outcome:
    """Derive the 15-day wait from the dates, when stated, then apply the rules."""
    waited = facts.get("internal_check_days_waited")
    if facts.get("internal_check_wait_respected") is UNKNOWN and waited is not UNKNOWN:
        facts = facts.merged([FactValue(
            "internal_check_wait_respected", int(waited) >= ATTESA.value, "calcolo",
            f"{int(waited)} giorni dalla richiesta, contro i {ATTESA.value} che devono "
            "decorrere")])
    request = facts.get("internal_check_request_date")
    conferral = facts.get("conferral_date")
    if conferral is UNKNOWN:
        conferral = facts.get("date")
    if (facts.get("internal_check_wait_respected") is UNKNOWN and isinstance(request, date)
            and isinstance(conferral, date)):
        patron = facts.get("patron_saint")
        cal = Calendario.da_ambiente(None if patron is UNKNOWN else str(patron))
        first = _prima_data_utile(request, cal)
        facts = facts.merged([FactValue(
            "internal_check_wait_respected", conferral >= first, "calcolo",
            f"richiesta del {data(request)}, conferimento il {data(conferral)}, primo giorno "
            f"utile il {data(first)}")])
    return CONFERIMENTO_RULES(facts)


_conferimento.rules = CONFERIMENTO_RULES.rules  # type: ignore[attr-defined]

CONFERIMENTO = Check(
    id="collaborazioni.conferimento",
    title="Conferimento di un incarico di collaborazione esterna (Titolo VII)",
    citations=("art. 59 c. 1", "art. 60 c. 1", "art. 61 c. 1", "art. 61 c. 2", "art. 62 c. 1",
               "art. 62 c. 2", "art. 63 c. 2", "art. 63 c. 3", "art. 64 c. 1", "art. 64 c. 2",
               "art. 64 c. 2 lett. c", "art. 64 c. 4", "art. 65 c. 3", "art. 65 c. 6",
               "art. 66 c. 1", "art. 72 c. 4"),
    # (art. 63 c. 1, 64 c. 3, 65 c. 4, 68 c. 3 and 72 c. 1 are notes of the rules)
    intents=(INTENT,),
    facts=("ordinary_activity", "in_programme", "within_spending_cap", "specialisation_proven",
           "highly_qualified_temporary", "terms_predetermined", "internal_resources_checked",
           "internal_check_outcome", "internal_check_wait_respected",
           "internal_check_days_waited",
           "internal_check_request_date", "conferral_date", "date", "patron_saint",
           "collaboration_procedure", "notice_days", "contract_amount", "invitations",
           "interview_admitted", "interview_max_points", "title_max_points", "direct_reason",
           "renewal_requested", "extension_requested"),
    evaluate=_conferimento,
    # a question on renewing or extending a contract in course is art. 68's, not a conferral
    applies=~(known("renewal_requested") | known("extension_requested")),
    audit=("contratto:collaborazione",),
    probes={"contract_amount": (1000, 7500, 10000)},
    actions={
        "indagine_inviti": (Azione("ripetere l'indagine di mercato inviando la lettera d'invito "
                                   "ad almeno tre soggetti con i requisiti", "art. 64 c. 4"),),
        "invito_termine_breve": (Azione("ripetere l'invito dando almeno 10 giorni per le "
                                        "domande", "art. 64 c. 2 lett. c"),),
        "avviso_breve": (Azione("ripubblicare l'avviso all'Albo pretorio per almeno 10 giorni, "
                                "con almeno 10 giorni per le domande", "art. 64 c. 2"),),
        "indagine_importo": (Azione("svolgere la procedura comparativa con avviso pubblico",
                                    "art. 64 c. 1"),),
        "diretta": (Azione("motivare l'affidamento diretto in uno dei casi dell'art. 66 o "
                           "svolgere la procedura comparativa", "art. 66 c. 1"),),
        "*": (Azione("riesaminare il conferimento e annotarne l'esito nel registro degli "
                     "incarichi", "art. 72 c. 1"),),
    },
)

EFFICACIA_RULES = Rules(
    [Rule("non_pubblicato", "art. 71 c. 1",
          is_false("published", "pubblicato sul sito"), "vietato",
          "Il contratto non è ancora efficace: lo diventa solo dalla pubblicazione sul sito del "
          "nome del collaboratore, dell'oggetto e del compenso; prima non si eseguono "
          "prestazioni né si paga."),
     Rule("liquidazione", "art. 71 c. 2", is_false("published", "pubblicato sul sito"), None,
          "Pagare un incarico non pubblicato è illecito disciplinare e comporta responsabilità "
          "erariale del responsabile."),
     Rule("corte_conti", SOGLIA_CORTE_CONTI.cite, AMOUNT > SOGLIA_CORTE_CONTI.value, None,
          "L'importo supera € 5.000: se l'incarico è di consulenza, copia va trasmessa alla "
          "sezione regionale di controllo della Corte dei conti (art. 1 c. 173 L. 266/2005); "
          "il database non dice se è stato fatto.")],
    otherwise="consentito", otherwise_cite="art. 71 c. 1",
    otherwise_says="Il contratto è pubblicato: è efficace dalla data di pubblicazione.",
)

EFFICACIA = Check(
    id="collaborazioni.efficacia",
    title="Efficacia del contratto di collaborazione dalla pubblicazione (art. 71)",
    citations=("art. 71 c. 1", "art. 71 c. 2", "art. 72 c. 4"),
    intents=(INTENT,),
    facts=("published", "contract_amount"),
    applies=known("published"),
    evaluate=EFFICACIA_RULES,
    audit=("contratto:collaborazione",),
    actions={
        "*": (Azione("pubblicare sul sito nome del collaboratore, oggetto e compenso prima di "
                     "ogni prestazione", "art. 71 c. 1"),
              Azione("non liquidare compensi finché il contratto non è pubblicato",
                     "art. 71 c. 2"),
              Azione("per una consulenza sopra 5.000 euro, trasmetterne copia alla Corte dei "
                     "conti", "art. 72 c. 4")),
    },
)


#: Art. 68 c. 3: «Non è ammesso di regola il rinnovo»; the only way on is a proroga to
#: complete the projects, for delays the collaborator is not to blame for, at the same fee.
# what the question asks is stated or not: never itself a fact to ask back
_RENEWAL = known("renewal_requested") & is_true("renewal_requested", "rinnovo del contratto")
_EXTENSION = known("extension_requested") & is_true("extension_requested",
                                                    "proroga del contratto")
RINNOVO_RULES = Rules(
    [Rule("rinnovo", "art. 68 c. 3", _RENEWAL, "vietato",
          "Il rinnovo del contratto di collaborazione di regola non è ammesso: alla scadenza "
          "serve un nuovo incarico, con i presupposti e la procedura del Titolo VII; si può "
          "solo prorogarlo per completare i progetti, per ritardi non imputabili al "
          "collaboratore, a compenso invariato."),
     Rule("proroga_per_colpa", "art. 68 c. 3",
          _EXTENSION & is_false("delay_not_attributable", "ritardo non imputabile"), "vietato",
          "La proroga è ammessa solo per ritardi non imputabili al collaboratore: un ritardo "
          "per sua colpa non la consente."),
     Rule("proroga", "art. 68 c. 3",
          _EXTENSION & is_true("delay_not_attributable", "ritardo non imputabile"),
          "consentito",
          "La proroga è ammessa, con atto motivato del committente, solo per completare i "
          "progetti e per i ritardi non imputabili al collaboratore, fermo il compenso "
          "pattuito.")],
    otherwise=None,
)

RINNOVO = Check(
    id="collaborazioni.rinnovo",
    title="Rinnovo e proroga del contratto di collaborazione (art. 68 c. 3)",
    citations=("art. 68 c. 3",),
    intents=(INTENT,),
    facts=("renewal_requested", "extension_requested", "delay_not_attributable"),
    applies=known("renewal_requested") | known("extension_requested"),
    evaluate=RINNOVO_RULES,
)


@hookimpl
def ordina_checks() -> list[Check]:
    """Titolo VII."""
    return [CONFERIMENTO, EFFICACIA, RINNOVO]
