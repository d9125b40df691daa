"""Contratti a tempo determinato ex art. 110 TUEL e incompatibilità per parentela (art. 53-54).

Fixed-term contracts for high professionals and istruttori direttivi cover vacant posts
within 20% of the dotazione organica (posts outside it follow the legal cap), only when no
similar professional is on the staff (art. 53 c. 2); they cannot outlast the Sindaco's
mandate and end when the new Sindaco takes office (c. 4); they are void by right if the
Comune declares financial collapse (c. 6). They cannot go to cohabitants of the Sindaco,
Assessori and Consiglieri, to their relatives up to the fourth degree or in-laws up to
the second (art. 54 c. 2), degrees counted by the civil code (art. 74-78 c.c.; the
personnel database computes them, the question's kinship word gives them otherwise).
"""

from __future__ import annotations

from decimal import Decimal

from ordina.engine import Check, F, FactSet, Outcome, Rule, Rules, is_true
from ordina.engine.check import Azione
from ordina.engine.logic import ALWAYS, known
from ordina.facts import KINSHIP
from ordina.hookspecs import hookimpl
from ordina.norma import Norma

QUOTA_DOTAZIONE = Norma(Decimal(20), "art. 53 c. 2",
                        "nella misura massima 20% della dotazione organica")
GRADO_PARENTELA = Norma(4, "art. 54 c. 2", "parenti fino al quarto grado civile")
GRADO_AFFINITA = Norma(2, "art. 54 c. 2", "affini fino al secondo grado")

INTENT = "fixed_term_contract"
OK = ("consentito",)

#: Kinship words of the vocabulary that art. 54 c. 2 names (cohabitants, relatives to the
#: 4th degree, in-laws to the 2nd). Spouses are handled apart: the text does not name them.
PARENTI_ESCLUSI: tuple[str, ...] = tuple(
    name for name, (_, degree, kind) in KINSHIP.items()
    if (kind == "parentela" and degree <= GRADO_PARENTELA.value)
    or (kind == "affinita" and degree <= GRADO_AFFINITA.value) or kind == "convivenza")

KIN = F("kinship", "legame con l'amministratore")
#: Whose relative: art. 54 c. 2 names only the Sindaco, the Assessori and the Consiglieri.
RELATED = F("related_to", "carica politica del parente")
AMMINISTRATORI = ("sindaco", "assessore", "consigliere")
KIND = F("kinship_kind", "tipo di legame")
DEGREE = F("kinship_degree", "grado")
COUNT = F("fixed_term_count", "contratti a tempo determinato già in essere")
POSTS = F("staff_establishment", "posti della dotazione organica")

#: The kinship word of the question decides when given; otherwise the database's kind and degree.
_FROM_WORD = known("kinship")
_FROM_DB = ~known("kinship")

#: Art. 54 c. 2: the kin the text bars (degrees of art. 74-78 c.c.).
BARRED_KIN = ((_FROM_WORD & KIN.isin(PARENTI_ESCLUSI) & RELATED.isin(AMMINISTRATORI))
              | (_FROM_DB & (KIND == "convivenza"))
              | (_FROM_DB & (KIND == "parentela") & (DEGREE <= GRADO_PARENTELA.value))
              | (_FROM_DB & (KIND == "affinita") & (DEGREE <= GRADO_AFFINITA.value)))
#: The spouse, whom the text does not name (see the rule ``coniuge``).
SPOUSE = ((_FROM_WORD & (KIN == "coniuge") & RELATED.isin(AMMINISTRATORI))
          | (_FROM_DB & KIND.isin(("coniugio", "unione_civile"))))

# The Comune's own conditions (the cap, no internal professional, the mandate, no
# dissesto) are what the act must respect: once the question's point is decided (a kin art.
# 54 c. 2 does not bar), unknown ones are stated as conditions, not asked; with nothing
# decided they are asked.
RULES = Rules(
    [
        Rule("tetto_dotazione", QUOTA_DOTAZIONE.cite,
             ((COUNT + 1) * 100 > POSTS * QUOTA_DOTAZIONE.value)
             & ~is_true("outside_establishment", "posto fuori dotazione"),
             "vietato",
             "Con questo contratto i contratti a tempo determinato su posti della dotazione "
             "supererebbero il 20% della dotazione organica.",
             # a dotazione given in the question makes the cap the point: asked, with the
             # figure it allows
             deferrable=True, once_decided=True, assessed=("staff_establishment",)),
        Rule("professionalita_interne", "art. 53 c. 2",
             is_true("internal_professional_available", "professionalità analoghe interne"),
             "vietato", "Nel Comune ci sono professionalità analoghe: il contratto a tempo "
                        "determinato non si può stipulare.", deferrable=True, once_decided=True),
        Rule("oltre_mandato", "art. 53 c. 4",
             is_true("exceeds_mayor_mandate", "durata oltre il mandato del Sindaco"), "vietato",
             "Il contratto non può durare oltre il mandato del Sindaco in carica quando è "
             "perfezionato.", deferrable=True, once_decided=True),
        Rule("dissesto", "art. 53 c. 6", is_true("ente_in_dissesto", "dissesto dell'ente"),
             "vietato", "Con il dissesto dichiarato o la deficitarietà strutturale il contratto "
                        "è risolto di diritto.", deferrable=True, once_decided=True),
        Rule("parentela", GRADO_PARENTELA.cite,
             BARRED_KIN, "vietato",
             "L'incarico non può andare ai conviventi, ai parenti fino al quarto grado o agli "
             "affini fino al secondo grado del Sindaco, degli Assessori o dei Consiglieri "
             "comunali (gradi secondo gli art. 74-78 c.c.).",
             # a question that names no politician the hire is kin of: a condition to state, not to ask
             deferrable=True, once_decided=True, assessed=("related_to",)),
        Rule("coniuge", "art. 54 c. 2",
             SPOUSE, "vietato",
             "Il testo non nomina il coniuge, che non è né parente né affine (art. 78 c.c.); ma "
             "esclude i conviventi e gli affini, che sono tali proprio per il matrimonio: il "
             "coniuge è escluso a maggior ragione, e la legge equipara a esso la parte "
             "dell'unione civile (L. 76/2016, art. 1 c. 20).",
             deferrable=True, once_decided=True, assessed=("related_to",)),
        Rule("parente_non_amministratore", "art. 54 c. 2",
             known("kinship") & (RELATED == "nessuna"), "consentito",
             "Il divieto dell'art. 54 c. 2 riguarda i conviventi, i parenti e gli affini del "
             "Sindaco, degli Assessori e dei Consiglieri comunali: il legame con un dipendente "
             "o con un privato non lo fa scattare."),
        Rule("legame_non_escluso", "art. 54 c. 2",
             ((known("kinship") & ~(KIN == "nessuna")) | known("kinship_kind"))
             & ~BARRED_KIN & ~SPOUSE, "consentito",
             "Il legame non è tra quelli che l'art. 54 c. 2 esclude (conviventi, parenti fino "
             "al quarto grado, affini fino al secondo del Sindaco, degli Assessori e dei "
             "Consiglieri comunali)."),
        Rule("fuori_dotazione", "art. 53 c. 2", is_true("outside_establishment"), None,
             "Per un posto fuori dalla dotazione organica il 20% non si applica: vale il tetto "
             "previsto dalla legge (art. 110 c. 2 TUEL), che il regolamento non riporta.",
             when_verdict=OK),
        Rule("accertamento", "art. 53 c. 2", ALWAYS, None,
             "L'assenza di professionalità interne va accertata, documentata e motivata prima "
             "di indire la procedura.", when_verdict=OK),
        Rule("requisiti", "art. 55 c. 1", ALWAYS, None,
             "L'incaricato deve avere i requisiti per l'accesso dall'esterno (titolo di studio, "
             "albo, esperienze nel settore); lo individua il Sindaco con provvedimento "
             "motivato.", when_verdict=OK),
        Rule("stipula", "art. 56 c. 1", ALWAYS, None,
             "Il contratto lo stipula il Responsabile dell'Area dopo il provvedimento del Sindaco; "
             "prevede programmi e tempi, compenso, durata e proroga, segreto d'ufficio, "
             "esclusività, verifica dei risultati, revoca e risoluzione (art. 56 c. 2).",
             when_verdict=OK),
        Rule("cessazione", "art. 53 c. 4", ALWAYS, None,
             "Il contratto cessa con l'insediamento del nuovo Sindaco.", when_verdict=OK),
        Rule("clausola_dissesto", "art. 53 c. 7", ALWAYS, None,
             "Il contratto deve riportare la clausola di risoluzione per dissesto del comma 6.",
             when_verdict=OK),
        Rule("inconferibilita", "art. 54 c. 1", ALWAYS, None,
             "Agli incarichi con funzioni dirigenziali si applicano anche le inconferibilità e "
             "incompatibilità del d.lgs. 39/2013.", when_verdict=OK),
    ],
    otherwise="consentito", otherwise_cite="art. 53 c. 1",
    otherwise_says="Il contratto a tempo determinato ex art. 110 TUEL si può stipulare: entro il "
                   "20% della dotazione, senza professionalità interne analoghe, entro il "
                   "mandato del Sindaco e senza legami di parentela esclusi.",
)

CONTRATTO = Check(
    id="tempo_determinato.contratto",
    title="Contratto a tempo determinato ex art. 110 TUEL (art. 53-55)",
    citations=("art. 53 c. 1", "art. 53 c. 2", "art. 53 c. 4", "art. 53 c. 6", "art. 53 c. 7",
               "art. 54 c. 1", "art. 54 c. 2", "art. 55 c. 1", "art. 56 c. 1", "art. 56 c. 2"),
    intents=(INTENT,),
    facts=("outside_establishment", "fixed_term_count", "staff_establishment",
           "internal_professional_available", "exceeds_mayor_mandate", "ente_in_dissesto",
           "kinship", "kinship_kind", "kinship_degree", "related_to", "staff_office"),
    evaluate=RULES,
    # the collaborators of the Sindaco's staff office are art. 74's, not art. 110's
    applies=~is_true("staff_office"),
    audit=("contratto:art110",),
    probes={"fixed_term_count": (0, 1, 2), "staff_establishment": (5, 11, 20)},
    actions={
        "parentela": (Azione("non conferire o far cessare l'incarico: parente o affine entro "
                             "il grado vietato di un amministratore", "art. 54 c. 2"),),
        "coniuge": (Azione("non conferire o far cessare l'incarico: coniuge o convivente di "
                           "un amministratore", "art. 54 c. 2"),),
        "oltre_mandato": (Azione("ricondurre la durata del contratto entro il mandato del "
                                 "Sindaco", "art. 53 c. 4"),),
        "*": (Azione("riesaminare il contratto e il suo presupposto", "art. 53 c. 2"),),
    },
)


def _tetto(facts: FactSet) -> Outcome:
    """The contracts in force against 20% of the dotazione (the audit of the whole Comune)."""
    from ordina.answer import TraceStep

    count, posts = int(facts["fixed_term_count"]), int(facts["staff_establishment"])
    limit = Decimal(posts) * QUOTA_DOTAZIONE.value / 100
    step = TraceStep(f"Contratti a tempo determinato ex art. 110 in essere: {count}; il 20% di "
                     f"{posts} posti in dotazione è {limit:.1f}.".replace(".", ","),
                     QUOTA_DOTAZIONE.cite)
    data = {"contratti": count, "massimo": int(limit)}
    if count > limit:
        return Outcome("vietato", "**vietato**: i contratti a tempo determinato su posti della "
                                  "dotazione superano il 20% della dotazione organica.",
                       (QUOTA_DOTAZIONE.cite,), (step,), data=data)
    return Outcome("consentito", "**consentito**: i contratti a tempo determinato restano entro "
                                 "il 20% della dotazione organica.", (QUOTA_DOTAZIONE.cite,),
                   (step,), data=data)


TETTO = Check(
    id="tempo_determinato.tetto_dotazione",
    title="Contratti ex art. 110 in essere entro il 20% della dotazione (art. 53 c. 2)",
    citations=("art. 53 c. 2",),
    intents=(),
    facts=("fixed_term_count", "staff_establishment"),
    applies=known("fixed_term_count") & known("staff_establishment"),
    evaluate=_tetto,
    audit=("ente",),
    actions={
        "*": (Azione("non stipulare altri contratti a tempo determinato oltre il limite della "
                     "dotazione organica", "art. 53 c. 2"),),
    },
)


@hookimpl
def ordina_checks() -> list[Check]:
    """Fixed-term contracts and kinship incompatibility."""
    return [CONTRATTO, TETTO]
