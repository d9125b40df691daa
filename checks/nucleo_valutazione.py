"""Nucleo di valutazione: composizione, requisiti dei componenti, durata e compenso
(art. 37-38).

The Nucleo is the Segretario as president plus one or two members named by the Sindaco
(art. 37 c. 1-2), unless it is run jointly with other bodies, when the agreement sets its
make-up (c. 3). Members need EU citizenship, a degree in the listed fields (or a
post-graduate title in the listed subjects) and five years of experience (c. 5); they
serve no longer than the Sindaco's mandate (art. 38 c. 1) and an external member earns no
more than the auditor (c. 7). Art. 38 says two different things about when a meeting is
valid: the trace says which applies.
"""

from __future__ import annotations

from decimal import Decimal

from ordina.answer import TraceStep
from ordina.engine import Check, F, Rule, Rules, is_false, is_true
from ordina.engine.check import Azione
from ordina.engine.logic import ALWAYS, known
from ordina.hookspecs import hookimpl
from ordina.norma import Norma

COMPONENTI_AMMESSI = Norma((1, 2), "art. 37 c. 1", "da uno o due componenti")
ANNI_ESPERIENZA = Norma(Decimal(5), "art. 37 c. 5 lett. c", "esperienza di almeno cinque anni")
PRESENTI_MINIMI = Norma(2, "art. 38 c. 4", "almeno due dei suoi componenti")

INTENT = "evaluation_board"
OK = ("consentito",)

NOTA_QUORUM = (
    "Sulla validità delle sedute l'art. 38 dice due cose: il c. 2 vuole \"la partecipazione "
    "di entrambi i componenti\", il c. 4 \"la presenza di almeno due dei suoi componenti\". "
    "Con il presidente e un componente coincidono (servono tutti e due); con due componenti "
    "oltre al presidente \"entrambi\" non torna e vale il c. 4, la regola specifica sulla "
    "validità: bastano due presenti su tre, e in caso di parità prevale il voto del presidente.")


def seduta_valida(componenti: int, presenti: int) -> tuple[bool, TraceStep]:
    """Whether a meeting of a Nucleo of president + ``componenti`` with ``presenti`` is valid.

    :raises ValueError: when the numbers are impossible.
    """
    totale = componenti + 1
    if componenti not in COMPONENTI_AMMESSI.value or not 0 <= presenti <= totale:
        raise ValueError(f"un Nucleo di {totale} membri non può avere {presenti} presenti")
    ok = presenti >= PRESENTI_MINIMI.value
    return ok, TraceStep(
        f"{presenti} presenti su {totale}: la seduta " + ("è valida." if ok else
                                                          "non è valida.") + " " + NOTA_QUORUM,
        PRESENTI_MINIMI.cite)


COMPOSIZIONE_RULES = Rules(
    [
        Rule("associato", "art. 37 c. 3", is_true("nucleo_associated", "Nucleo associato"),
             "consentito", "Il Nucleo è costituito in forma associata: attività e composizione "
                           "le stabilisce la convenzione tra gli enti.",
             overrides=("componenti", "presidente"),
             why="la forma associata è l'eccezione che il c. 3 prevede alla composizione "
                 "ordinaria dei commi 1-2."),
        Rule("componenti", COMPONENTI_AMMESSI.cite,
             ~F("nucleo_members", "componenti oltre al presidente").isin(
                 COMPONENTI_AMMESSI.value), "vietato",
             "Oltre al presidente il Nucleo ha uno o due componenti nominati dal Sindaco."),
        Rule("terzo_componente", COMPONENTI_AMMESSI.cite,
             # said in the question or not at all: never asked
             known("nucleo_third_member")
             & is_true("nucleo_third_member", "terzo componente oltre al presidente"), "vietato",
             "Oltre al presidente il Nucleo ha uno o due componenti nominati dal Sindaco: un "
             "terzo componente non è previsto."),
        Rule("un_solo_presente", PRESENTI_MINIMI.cite,
             known("nucleo_single_present")
             & is_true("nucleo_single_present", "un solo presente alla seduta"), "vietato",
             "La seduta con un solo presente non è valida: il c. 4 vuole la presenza di almeno "
             "due componenti (il c. 2, con il presidente e un componente, di entrambi).",),
        Rule("presidente", "art. 37 c. 2",
             is_false("nucleo_president_secretary", "presidente è il Segretario"), "vietato",
             "Il ruolo di presidente è ricoperto dal Segretario."),
        Rule("quorum", "art. 38 c. 4", F("nucleo_members") == 2, None, NOTA_QUORUM),
        Rule("nomina", "art. 37 c. 4", ALWAYS, None,
             "La nomina è fatta con decreto del Sindaco pubblicato sul sito con il curriculum "
             "e il compenso di ciascun componente.", when_verdict=OK),
    ],
    otherwise="consentito", otherwise_cite="art. 37 c. 1",
    otherwise_says="La composizione del Nucleo è conforme: il Segretario presidente e uno o due "
                   "componenti nominati dal Sindaco.",
)

COMPOSIZIONE = Check(
    id="nucleo_valutazione.composizione",
    title="Composizione del Nucleo di valutazione (art. 37 c. 1-4)",
    citations=("art. 37 c. 1", "art. 37 c. 2", "art. 37 c. 3", "art. 37 c. 4", "art. 38 c. 2",
               "art. 38 c. 4"),
    intents=(INTENT,),
    facts=("nucleo_associated", "nucleo_members", "nucleo_president_secretary",
           "nucleo_third_member", "nucleo_single_present"),
    applies=known("nucleo_members") | known("nucleo_president_secretary")
    | known("nucleo_associated") | known("nucleo_third_member") | known("nucleo_single_present"),
    evaluate=COMPOSIZIONE_RULES,
    audit=("ente",),
    actions={
        "*": (Azione("ricostituire il Nucleo con decreto del Sindaco", "art. 37 c. 4"),),
    },
)

REQUISITI_RULES = Rules(
    [
        Rule("cittadinanza", "art. 37 c. 5 lett. a",
             F("member_citizenship", "cittadinanza") == "altra", "vietato",
             "Il componente deve avere la cittadinanza italiana o di uno Stato dell'Unione "
             "europea."),
        Rule("laurea", "art. 37 c. 5 lett. b",
             F("member_degree", "laurea").isin(("altra", "nessuna"))
             & is_false("member_postgraduate", "titolo post-universitario"), "vietato",
             "Serve una laurea magistrale, specialistica o quadriennale in ingegneria "
             "gestionale, economia e commercio, scienze politiche o giurisprudenza (o "
             "equivalente), oppure un titolo post-universitario in organizzazione, management, "
             "controllo di gestione o valutazione della performance."),
        Rule("esperienza", ANNI_ESPERIENZA.cite,
             F("member_experience_years", "anni di esperienza") < ANNI_ESPERIENZA.value,
             "vietato", "Servono almeno cinque anni di esperienza nel management, nel controllo "
                        "di gestione, nell'organizzazione del personale o nella valutazione, o "
                        "cinque anni in organismi di valutazione."),
        Rule("durata", "art. 38 c. 1",
             is_true("exceeds_mayor_mandate", "durata oltre il mandato del Sindaco"), "vietato",
             "La durata in carica non può superare il mandato elettivo del Sindaco.",
             deferrable=True),  # a term of the decree, not a requirement of the person
        Rule("presidente_requisiti", "art. 37 c. 5", ALWAYS, None,
             "I requisiti valgono per i componenti nominati; il presidente è il Segretario per "
             "legge del regolamento (art. 37 c. 2), non per nomina.", when_verdict=OK),
        Rule("proroga", "art. 38 c. 1", ALWAYS, None,
             "Alla scadenza i componenti restano in carica fino al rinnovo del Nucleo; "
             "l'incarico può essere rinnovato (art. 38 c. 7).", when_verdict=OK),
    ],
    otherwise="consentito", otherwise_cite="art. 37 c. 5",
    otherwise_says="Il componente ha i requisiti dell'art. 37 c. 5.",
)

COMPENSO_RULES = Rules(
    [
        Rule("compenso", "art. 38 c. 7",
             F("nucleo_compensation", "compenso del componente")
             > F("auditor_compensation", "compenso del revisore dei conti"), "vietato",
             "Il compenso del componente esterno non può superare quello del revisore dei "
             "conti."),
    ],
    otherwise="consentito", otherwise_cite="art. 38 c. 7",
    otherwise_says="Il compenso del componente esterno non supera quello del revisore dei "
                   "conti.",
)

COMPENSO = Check(
    id="nucleo_valutazione.compenso",
    title="Compenso dei componenti esterni del Nucleo (art. 38 c. 7)",
    citations=("art. 38 c. 7",),
    intents=(INTENT,),
    facts=("nucleo_compensation", "auditor_compensation"),
    applies=known("nucleo_compensation"),
    evaluate=COMPENSO_RULES,
    audit=("ufficio:componente_nucleo",),
    actions={
        "*": (Azione("ridurre il compenso nel decreto di nomina entro quello del revisore dei "
                     "conti", "art. 38 c. 7"),),
    },
)

REQUISITI = Check(
    id="nucleo_valutazione.requisiti",
    title="Requisiti e durata dei componenti del Nucleo (art. 37 c. 5, art. 38 c. 1)",
    citations=("art. 37 c. 5", "art. 37 c. 5 lett. a", "art. 37 c. 5 lett. b",
               "art. 37 c. 5 lett. c", "art. 38 c. 1"),
    intents=(INTENT,),
    facts=("member_citizenship", "member_degree", "member_postgraduate",
           "member_experience_years", "exceeds_mayor_mandate"),
    applies=known("member_citizenship") | known("member_degree") | known("member_postgraduate")
    | known("member_experience_years"),
    evaluate=REQUISITI_RULES,
    audit=("ufficio:componente_nucleo",),
    actions={
        "*": (Azione("sostituire il componente privo dei requisiti con decreto del Sindaco",
                     "art. 37 c. 4"),),
    },
)


@hookimpl
def ordina_checks() -> list[Check]:
    """The Nucleo di valutazione."""
    return [COMPOSIZIONE, REQUISITI, COMPENSO]
