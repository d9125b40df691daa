"""Conferimento degli incarichi di Responsabile di Area (art. 14 c. 1-3 e c. 7).

The Sindaco confers the post only on category D staff (c. 1), who thereby hold a
posizione organizzativa (c. 2), for at least one year and never beyond the Sindaco's
mandate (c. 3). The head of the personnel office may not have held, now or in the last
2 years, offices in local government, parties or unions, nor paid, non-occasional
collaborations with parties or unions (c. 7, as art. 53 c. 1-bis d.lgs. 165/2001).

Where the text cannot be obeyed (less than a year left of the mandate) or meets another
source (the national contract's three-year limit for posizioni organizzative) the answer
says so.
"""

from __future__ import annotations

from ordina import termini
from ordina.engine import Check, F, Rule, Rules, is_true
from ordina.engine.check import Azione
from ordina.engine.logic import ALWAYS, known
from ordina.facts import CATEGORIES
from ordina.hookspecs import hookimpl
from ordina.norma import Norma

DURATA_MINIMA_ANNI = Norma(1, "art. 14 c. 3", "non può essere inferiore all’anno")
ANNI_INCOMPATIBILITA = termini.ANNI_CARICHE
CATEGORIA = Norma("D", "art. 14 c. 1", "a dipendenti di categoria D")

NON_D = tuple(c for c in CATEGORIES if not c.startswith(CATEGORIA.value))
AREE_NON_D = ("operatori", "operatori_esperti", "istruttori")

INTENT = "area_head_appointment"
OK = ("consentito",)

CATEGORY = F("category", "categoria")
AREA = F("area", "area del CCNL 2022")
YEARS = F("assignment_years", "durata dell'incarico in anni")

RULES = Rules(
    [
        Rule("categoria", CATEGORIA.cite,
             # the category decides; without it the CCNL 2022 area ("cat. D" = funzionari)
             (~known("area") & CATEGORY.isin(NON_D)) | (known("category") & CATEGORY.isin(NON_D))
             | (~known("category") & AREA.isin(AREE_NON_D)), "vietato",
             "L'incarico di Responsabile di Area si conferisce solo a dipendenti di categoria D "
             "(oggi area dei Funzionari e dell'Elevata qualificazione)."),
        # the duration is what the decree will fix: once the question's point is decided
        # (the personnel office's bar of c. 7), an unstated one is a condition to respect
        Rule("durata_minima", DURATA_MINIMA_ANNI.cite, YEARS < DURATA_MINIMA_ANNI.value,
             "vietato", "La durata dell'incarico non può essere inferiore all'anno.",
             deferrable=True, once_decided=True),
        Rule("oltre_mandato", "art. 14 c. 3",
             is_true("exceeds_mayor_mandate", "durata oltre il mandato del Sindaco"), "vietato",
             "La durata non può superare il mandato amministrativo del Sindaco.",
             deferrable=True, once_decided=True),
        Rule("personale_incompatibile", ANNI_INCOMPATIBILITA.cite,
             is_true("personnel_office", "responsabile del personale")
             & (is_true("political_or_union_office_2y", "cariche politiche o sindacali negli "
                        "ultimi 2 anni")
                | is_true("party_union_collaboration_2y", "collaborazioni con partiti o "
                          "sindacati negli ultimi 2 anni")),
             "vietato",
             "La responsabilità della struttura che gestisce le risorse umane non può andare a "
             "chi, ora o negli ultimi 2 anni, è stato amministratore di enti locali, dirigente "
             "di partiti o sindacati, o loro collaboratore retribuito e non occasionale (come "
             "l'art. 53 c. 1-bis d.lgs. 165/2001).",
             # a question that does not say the post is the personnel office's is about
             # heading an area: the bar is a condition to state, asked once it is
             deferrable=True, assessed=("personnel_office",)),
        Rule("personale_compatibile", ANNI_INCOMPATIBILITA.cite,
             is_true("personnel_office", "responsabile del personale")
             & ~is_true("political_or_union_office_2y", "cariche politiche o sindacali negli "
                        "ultimi 2 anni")
             & ~is_true("party_union_collaboration_2y", "collaborazioni con partiti o "
                        "sindacati negli ultimi 2 anni"),
             "consentito",
             "Per la struttura che gestisce le risorse umane non risultano, ora o negli ultimi "
             "2 anni, cariche in enti locali, partiti o sindacati né collaborazioni retribuite "
             "e non occasionali con partiti o sindacati: il comma 7 non osta."),
        Rule("mandato_breve", "art. 14 c. 3",
             F("mandate_years_left", "anni residui del mandato") < DURATA_MINIMA_ANNI.value,
             None,
             "Al mandato del Sindaco manca meno di un anno: la durata minima di un anno e il "
             "limite del mandato non si possono rispettare insieme, e il testo non dice quale "
             "prevalga. Il comma stesso prevede che alla scadenza del mandato il Responsabile "
             "resti in carica fino alla nuova nomina: il limite del mandato è quello che si "
             "rispetta, con la proroga di fatto fino alla nomina del nuovo Sindaco."),
        Rule("ccnl_tre_anni", "art. 14 c. 3", YEARS > 3, None,
             "Oltre 3 anni: il regolamento si ferma al mandato del Sindaco, ma il contratto "
             "collettivo (CCNL Funzioni locali 21/5/2018, art. 14 c. 1) conferisce gli incarichi "
             "di posizione organizzativa per un massimo di 3 anni; il contratto prevale nella "
             "materia che gli è riservata: verificare il limite del CCNL vigente.",
             when_verdict=OK),
        Rule("chi_conferisce", "art. 14 c. 1", ALWAYS, None,
             "L'incarico è conferito dal Sindaco, tenendo conto dei programmi, della complessità "
             "della struttura, dei requisiti culturali, delle attitudini e capacità e delle "
             "competenze organizzative.", when_verdict=OK),
        Rule("titolarita_po", "art. 14 c. 2", ALWAYS, None,
             "Al Responsabile di Area è conferita la titolarità di posizione organizzativa.",
             when_verdict=OK),
        Rule("retribuzione", "art. 14 c. 4", ALWAYS, None,
             "Le funzioni sono remunerate con retribuzione di posizione (graduata secondo "
             "l'allegato D) e di risultato, entro le misure del CCNL.", when_verdict=OK),
        Rule("autocertificazione", "art. 14 c. 8", is_true("personnel_office"), None,
             "L'assenza delle cariche e collaborazioni del comma 7 si accerta con "
             "un'autocertificazione all'atto del conferimento, salvi i controlli dell'ente.",
             when_verdict=OK),
    ],
    otherwise="consentito", otherwise_cite="art. 14 c. 1",
    otherwise_says="L'incarico di Responsabile di Area può essere conferito a un dipendente di "
                   "categoria D, per una durata tra un anno e il mandato del Sindaco.",
)

NOMINA = Check(
    id="incarichi_responsabili.nomina",
    title="Conferimento dell'incarico di Responsabile di Area (art. 14)",
    citations=("art. 14 c. 1", "art. 14 c. 2", "art. 14 c. 3", "art. 14 c. 4", "art. 14 c. 7",
               "art. 14 c. 8"),
    intents=(INTENT,),
    facts=("category", "area", "assignment_years", "exceeds_mayor_mandate", "personnel_office",
           "political_or_union_office_2y", "party_union_collaboration_2y",
           "mandate_years_left"),
    evaluate=RULES,
    audit=("ufficio:responsabile_area",),
    probes={"assignment_years": (0.5, 1, 3, 5)},
    actions={
        "oltre_mandato": (Azione("ricondurre con decreto del Sindaco la durata dell'incarico "
                                 "entro il mandato", "art. 14 c. 3"),),
        "personale_incompatibile": (
            Azione("affidare la responsabilità della struttura del personale a chi non ha avuto "
                   "le cariche del comma 7 negli ultimi 2 anni", "art. 14 c. 7"),
            Azione("acquisire l'autocertificazione all'atto del conferimento", "art. 14 c. 8")),
        "durata_minima": (Azione("rideterminare la durata in almeno un anno", "art. 14 c. 3"),),
        "*": (Azione("riesaminare il decreto di conferimento", "art. 14 c. 1"),),
    },
)


@hookimpl
def ordina_checks() -> list[Check]:
    """The appointment of Responsabili di Area."""
    return [NOMINA]
