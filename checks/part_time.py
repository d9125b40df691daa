"""Trasformazione del rapporto in part-time (art. 80).

The responsabile authorises it unless serious service reasons stand against it, or the
other activity conflicts or competes with the Comune (c. 2), within the part-time quota
(c. 1). Part-time can never be set up for the municipal police (vigili urbani) nor for the
Responsabili di Area (c. 4).
"""

from __future__ import annotations

from ordina.engine import Check, F, Rule, Rules, is_true
from ordina.engine.check import Azione
from ordina.engine.logic import ALWAYS, known
from ordina.facts import CATEGORIES
from ordina.hookspecs import hookimpl

INTENT = "part_time"
AUTH = ("autorizzazione",)

PROFILE = F("profile", "profilo")
#: Profiles of allegato C below category D: they cannot hold an Area (art. 14 c. 1).
PROFILI_NON_D = ("esecutore_tecnico", "collaboratore_amministrativo",
                 "istruttore_amministrativo", "polizia_municipale")
NON_D = tuple(c for c in CATEGORIES if not c.startswith("D"))
#: True when profile or category already show the person is below category D (never unknown),
#: so nobody is asked whether an istruttore heads an Area.
SOTTO_D = ((known("profile") & PROFILE.isin(PROFILI_NON_D))
           | (known("category") & F("category", "categoria").isin(NON_D)))

RULES = Rules(
    [
        Rule("vigili", "art. 80 c. 4", PROFILE == "polizia_municipale", "vietato",
             "Il rapporto a part-time non può essere costituito per i vigili urbani (polizia "
             "municipale)."),
        Rule("responsabili", "art. 80 c. 4",
             (PROFILE == "responsabile_area")
             | (is_true("is_area_head", "Responsabile di Area")
                & ~SOTTO_D),
             "vietato", "Il rapporto a part-time non può essere costituito per i Responsabili "
                        "di Area."),
        Rule("contingente", "art. 80 c. 1",
             is_true("part_time_quota_reached", "contingente del part-time esaurito"), "vietato",
             "Il contingente dei posti a part-time fissato dalla legge e dai contratti è già "
             "raggiunto.", deferrable=True),
        Rule("conflitto", "art. 80 c. 2",
             is_true("part_time_conflict", "attività in contrasto o concorrenza con il Comune")
             # «o in conflitto di interessi»: a conflict stated is this case, never asked apart
             | (known("conflict_of_interest")
                & is_true("conflict_of_interest", "conflitto di interessi")),
             "vietato", "L'attività che il dipendente vuole svolgere è in contrasto o in "
                        "concorrenza con quella del Comune, o in conflitto di interessi.",
             deferrable=True),
        Rule("gravi_ragioni", "art. 80 c. 2",
             is_true("serious_service_reasons", "gravi ragioni di servizio"), "vietato",
             "Gravi ragioni di servizio si oppongono alla trasformazione.", deferrable=True),
        Rule("chi_decide", "art. 80 c. 2", ALWAYS, None,
             "Decide il responsabile, valutate le esigenze dell'ente e la disciplina normativa.",
             when_verdict=AUTH),
        Rule("orario", "art. 80 c. 3", ALWAYS, None,
             "L'orario si concorda entro l'orario di servizio; se crea disfunzioni non "
             "risolvibili col differimento, il dipendente è invitato a modificarlo, pena la non "
             "accoglibilità della richiesta.", when_verdict=AUTH),
    ],
    otherwise="autorizzazione", otherwise_cite="art. 80 c. 2",
    otherwise_says="Il part-time si può concedere: il responsabile lo autorizza se non ostano "
                   "gravi ragioni di servizio né contrasto o concorrenza con l'attività del "
                   "Comune.",
)

PART_TIME = Check(
    id="part_time.trasformazione",
    title="Trasformazione del rapporto in part-time (art. 80)",
    citations=("art. 80 c. 1", "art. 80 c. 2", "art. 80 c. 3", "art. 80 c. 4"),
    intents=(INTENT,),
    facts=("profile", "is_area_head", "category", "part_time_quota_reached",
           "part_time_conflict", "conflict_of_interest", "serious_service_reasons"),
    evaluate=RULES,
    audit=("richiesta:part_time",),
    actions={
        "vigili": (Azione("respingere la richiesta: il part-time non è ammesso per i vigili "
                          "urbani", "art. 80 c. 4"),),
        "*": (Azione("respingere o differire la richiesta con provvedimento motivato",
                     "art. 80 c. 2"),),
    },
)


@hookimpl
def ordina_checks() -> list[Check]:
    """Part-time."""
    return [PART_TIME]
