"""Schede di valutazione e retribuzione di risultato (art. 21-27, art. 42, allegati E, F, G).

Three scorecards share one shape, a list of components each with its maximum:

* Segretario (art. 21 c. 5, allegato E): organisational 25, individual 25, skills 50;
* Responsabili di Area / PO (art. 22 c. 1, allegato F): 30 / 40 / 20 / 10, and the result
  allowance only above 60 points, proportional to the score (art. 22 c. 2);
* staff (art. 27 c. 2, allegato G): results 60, behaviour 20, skills 10, and the final
  rating of their PO, which allegato G does not score: its 10 points are what is left of 100.

The transitional scales of art. 42 (PO 20/40/30/10, staff 65/25/10) replace the ordinary
ones "nelle more dei rinnovi contrattuali"; which regime applies is a fact to state, never
assumed. Where the text contradicts itself (40 or 35 points for PO results) the trace says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import UNKNOWN, Check, FactSet, Outcome
from ordina.engine.provenance import FactValue
from ordina.errors import UserError
from ordina.formato import arrotonda, euro, punti
from ordina.hookspecs import hookimpl
from ordina.norma import Norma, decimale

CENTO = Decimal(100)
#: Numbers of this module that are not the regulation's (arithmetic, display).
NON_NORMATIVI = ("CENTO",)


@dataclass(frozen=True)
class Voce:
    """One component of a scorecard and its maximum."""

    codice: str
    nome: str
    massimo: Norma[Decimal]


@dataclass(frozen=True)
class Scheda:
    """A scorecard: who it evaluates, under which regime, its components."""

    ruolo: str
    regime: str
    titolo: str
    cite: str
    voci: tuple[Voce, ...]
    note: tuple[TraceStep, ...] = ()

    @property
    def massimo(self) -> Decimal:
        """The maximum score of the card (100 for every card of the regulation)."""
        return sum((v.massimo.value for v in self.voci), Decimal(0))


def _v(codice: str, nome: str, massimo: int, cite: str, quote: str) -> Voce:
    return Voce(codice, nome, Norma(Decimal(massimo), cite, quote))


# ---------------------------------------------------------------------------- the maxima
SEG_ORGANIZZATIVA = _v("organizzativa", "performance organizzativa", 25, "art. 21 c. 5 trattino 1",
                       "performance organizzativa massimo punti 25")
SEG_INDIVIDUALE = _v("individuale", "performance individuale", 25, "art. 21 c. 5 trattino 2",
                     "performance individuale massimo punti 25")
SEG_COMPETENZE = _v("competenze", "competenze professionali", 50, "art. 21 c. 5 trattino 3",
                    "competenze professionali massimo punti 50")

PO_ORGANIZZATIVA = _v("organizzativa", "performance organizzativa dell'ente e della struttura",
                      30, "art. 22 c. 1 lett. a", "nella misura massima di 30 punti")
PO_RISULTATI = _v("individuale", "risultati rispetto agli obiettivi individuali", 40,
                  "art. 22 c. 1 lett. b", "nella misura massima di 40 punti")
PO_COMPORTAMENTI = _v("comportamenti", "comportamenti organizzativi", 20, "art. 22 c. 1 lett. c",
                      "nella misura massima di 20 punti")
PO_VALUTARE = _v("valutare", "capacità di valutare i collaboratori", 10, "art. 22 c. 1 lett. e",
                 "nella misura massima di 10 punti")
#: What art. 24 c. 7 (and allegato F, parte II) say of the same results component.
PO_RISULTATI_ART24 = Norma(Decimal(35), "art. 24 c. 7", "non deve essere superiore a punti 35")

DIP_RISULTATI = _v("individuale", "risultati rispetto agli obiettivi individuali", 60, "all. G",
                   "la somma di essi dia sempre come totale 60 punti")
DIP_COMPORTAMENTI = _v("comportamenti", "comportamenti organizzativi", 20, "all. G",
                       "PUNTEGGIO TOTALE MASSIMO ATTRIBUIBILE 20 PUNTI")
DIP_COMPETENZE = _v("competenze", "competenze professionali", 10, "all. G",
                    "PUNTEGGIO TOTALE MASSIMO ATTRIBUIBILE PUNTI 10")
DIP_VALUTAZIONE_PO = _v("valutazione_po", "valutazione finale della PO di riferimento", 10,
                        "art. 27 c. 2", "della valutazione finale assegnata alla P.O. di "
                        "riferimento")

TR_PO_ORGANIZZATIVA = _v("organizzativa", "performance organizzativa dell'ente e della struttura",
                         20, "art. 42 c. 4 trattino 1", "struttura diretta punteggio massimo 20")
TR_PO_RISULTATI = _v("individuale", "risultati rispetto agli obiettivi individuali", 40,
                     "art. 42 c. 4 trattino 2", "individuali assegnati punteggio massimo 40")
TR_PO_COMPORTAMENTI = _v("comportamenti", "comportamenti organizzativi", 30,
                         "art. 42 c. 4 trattino 3", "comportamenti organizzativi punteggio "
                         "massimo 30")
TR_PO_VALUTARE = _v("valutare", "capacità di valutare i collaboratori", 10,
                    "art. 42 c. 4 trattino 4", "valutare i collaboratori punteggio massimo 10")
TR_DIP_RISULTATI = _v("individuale", "risultati rispetto agli obiettivi individuali o di gruppo",
                      65, "art. 42 c. 5 trattino 1", "di gruppo assegnati punteggio massimo 65")
TR_DIP_COMPORTAMENTI = _v("comportamenti", "comportamenti organizzativi", 25,
                          "art. 42 c. 5 trattino 2", "comportamenti organizzativi punteggio "
                          "massimo 25")
TR_DIP_VALUTAZIONE_PO = _v("valutazione_po", "valutazione finale della PO di riferimento", 10,
                           "art. 42 c. 5 trattino 3", "organizzativa punteggio massimo 10")

#: The four factors of the PO organisational performance (art. 23 c. 1 lett. a-d): 7+6+5+12 = 30.
PO_ORGANIZZATIVA_FATTORI = (
    Norma(Decimal(7), "art. 23 c. 1 lett. a", "max punti.7"),
    Norma(Decimal(6), "art. 23 c. 1 lett. b", "max punti 6"),
    Norma(Decimal(5), "art. 23 c. 1 lett. c", "max punti.5"),
    Norma(Decimal(12), "art. 23 c. 1 lett. d", "max punti 12"),
)
#: The same maxima restated by the articles on each factor.
PO_COMPORTAMENTI_ART25 = Norma(Decimal(20), "art. 25 c. 2", "sia pari a 20 punti")
PO_VALUTARE_ART26 = Norma(Decimal(10), "art. 26 c. 2", "un punteggio massimo di punti 10")

#: Result allowance only above this score (art. 22 c. 2).
SOGLIA_RISULTATO = Norma(Decimal(60), "art. 22 c. 2", "punteggio superiore a 60 punti")

# ---------------------------------------------------------------------------- the cards
_NOTA_35 = TraceStep(
    "Il testo è in contrasto con sé stesso: l'art. 22 c. 1 lett. b dà ai risultati fino a 40 "
    "punti (e così la tabella dell'allegato F, parte II), ma l'art. 24 c. 7 e il testo sotto la "
    "stessa tabella vogliono che la somma dei pesi degli obiettivi non superi 35 punti, \"il "
    "totale massimo dei punti assegnabili per questo fattore\". Si applica 40, il punteggio dell'articolo che fissa la scala (e che somma a 100 "
    "con gli altri fattori); con 35 il totale massimo sarebbe 95.", "art. 24 c. 7")
_NOTA_PO = TraceStep(
    "La performance organizzativa (30) si compone di attuazione dei programmi (7), indicatori "
    "strutturali (6), valutazione degli utenti (5) e rispetto dei vincoli di legge (12); i "
    "comportamenti valgono 20 punti (art. 25 c. 2) e la capacità di valutare i collaboratori "
    "10 (art. 26 c. 2).", "art. 23 c. 1")
_NOTA_G = TraceStep(
    "L'allegato G dà punti solo a risultati (60), comportamenti (20) e competenze (10): 90 in "
    "tutto. La quarta voce, la valutazione finale della PO di riferimento, è prevista dall'art. "
    "27 c. 2 senza punteggio; le si attribuiscono i 10 punti che mancano a 100, la stessa misura "
    "che le dà la scala transitoria (art. 42 c. 5 trattino 3).", "art. 27 c. 2")
_NOTA_42 = TraceStep(
    "La scala transitoria vale \"nelle more dei rinnovi contrattuali\" (art. 42 c. 1) e il "
    "comma che segue è un appunto rimasto nel testo (\"NON CAPISCO LA PARTE SUCCESSIVA\", "
    "art. 42 c. 2): se sia ancora in vigore va verificato sui contratti stipulati dopo.",
    "art. 42 c. 2")

SCHEDE: dict[tuple[str, str], Scheda] = {
    ("segretario", "ordinario"): Scheda(
        "segretario", "ordinario", "Segretario comunale (allegato E)", "art. 21 c. 5",
        (SEG_ORGANIZZATIVA, SEG_INDIVIDUALE, SEG_COMPETENZE)),
    ("po", "ordinario"): Scheda(
        "po", "ordinario", "Responsabile di Area, titolare di PO (allegato F)", "art. 22 c. 1",
        (PO_ORGANIZZATIVA, PO_RISULTATI, PO_COMPORTAMENTI, PO_VALUTARE), (_NOTA_PO, _NOTA_35)),
    ("dipendente", "ordinario"): Scheda(
        "dipendente", "ordinario", "personale dipendente (allegato G)", "art. 27 c. 2",
        (DIP_RISULTATI, DIP_COMPORTAMENTI, DIP_COMPETENZE, DIP_VALUTAZIONE_PO), (_NOTA_G,)),
    ("po", "transitorio"): Scheda(
        "po", "transitorio", "Responsabile di Area, scala transitoria", "art. 42 c. 4",
        (TR_PO_ORGANIZZATIVA, TR_PO_RISULTATI, TR_PO_COMPORTAMENTI, TR_PO_VALUTARE),
        (_NOTA_42,)),
    ("dipendente", "transitorio"): Scheda(
        "dipendente", "transitorio", "personale dipendente, scala transitoria", "art. 42 c. 5",
        (TR_DIP_RISULTATI, TR_DIP_COMPORTAMENTI, TR_DIP_VALUTAZIONE_PO), (_NOTA_42,)),
}

#: The Segretario has no transitional scale: art. 42 speaks of PO and staff only.
REGIMI_SEGRETARIO = ("ordinario",)


def scheda(ruolo: str, regime: str) -> Scheda:
    """The scorecard of ``ruolo`` (segretario, po, dipendente) under ``regime``.

    :raises ValueError: for an unknown pair (the Segretario has no transitional scale).
    """
    if ruolo == "segretario" and regime == "transitorio":
        return SCHEDE[("segretario", "ordinario")]
    try:
        return SCHEDE[(ruolo, regime)]
    except KeyError:
        raise ValueError(f"nessuna scheda per ruolo '{ruolo}' e regime '{regime}'") from None


@dataclass(frozen=True)
class Valutazione:
    """A total score with the components it sums and their checks."""

    scheda: Scheda
    totale: Decimal
    voci: Mapping[str, Decimal]
    passi: tuple[TraceStep, ...]


def punteggio(card: Scheda, voci: Mapping[str, Decimal]) -> Valutazione:
    """Sum the components of ``card``, each checked against its maximum.

    :raises ValueError: when a component is missing, unknown, negative or above its maximum.
    """
    codes = [v.codice for v in card.voci]
    unknown = [c for c in voci if c not in codes]
    if unknown:
        raise ValueError(f"voci non previste dalla scheda {card.titolo}: {', '.join(unknown)}")
    missing = [c for c in codes if c not in voci]
    if missing:
        raise ValueError(f"mancano le voci {', '.join(missing)} della scheda {card.titolo}")
    passi: list[TraceStep] = []
    for voce in card.voci:
        value = Decimal(voci[voce.codice])
        if value < 0 or value > voce.massimo.value:
            raise ValueError(f"{voce.nome}: {punti(value)} punti, ma il massimo è "
                             f"{punti(voce.massimo.value)} ({voce.massimo.cite})")
        passi.append(TraceStep(f"{voce.nome.capitalize()}: {punti(value)} su "
                               f"{punti(voce.massimo.value)} punti.", voce.massimo.cite))
    totale = sum((Decimal(voci[c]) for c in codes), Decimal(0))
    passi.append(TraceStep(f"Totale della scheda {card.titolo}: {punti(totale)} su "
                           f"{punti(card.massimo)} punti.", card.cite))
    passi += card.note
    return Valutazione(card, totale, {c: Decimal(voci[c]) for c in codes}, tuple(passi))


@dataclass(frozen=True)
class Risultato:
    """The PO result allowance for a score."""

    spetta: bool
    importo: Decimal
    passi: tuple[TraceStep, ...]


def indennita_risultato(totale: Decimal, tetto: Decimal) -> Risultato:
    """The result allowance of a PO: nothing up to 60 points, then tetto × score / 100.

    "Direttamente proporzionale al punteggio" (art. 22 c. 2) is read literally: 100 points
    give the whole cap fixed by the Giunta, 61 points give 61% of it.
    :raises ValueError: when the score is outside 0-100 or the cap is negative.
    """
    totale, tetto = Decimal(totale), Decimal(tetto)
    if not Decimal(0) <= totale <= CENTO:
        raise ValueError(f"il punteggio deve essere tra 0 e 100 (indicato {punti(totale)})")
    if tetto < 0:
        raise ValueError(f"il tetto della retribuzione di risultato è negativo ({euro(tetto)})")
    soglia = SOGLIA_RISULTATO
    if totale <= soglia.value:
        return Risultato(False, Decimal(0), (TraceStep(
            f"Punteggio {punti(totale)}: non supera {punti(soglia.value)} punti, quindi "
            "l'indennità di risultato non è attribuita.", soglia.cite),))
    importo = arrotonda(tetto * totale / CENTO)
    return Risultato(True, importo, (TraceStep(
        f"Punteggio {punti(totale)}: supera {punti(soglia.value)} punti, quindi l'indennità "
        "di risultato spetta, in misura direttamente proporzionale al punteggio fino al tetto "
        f"fissato dalla Giunta: {euro(tetto)} × {punti(totale)} / 100 = {euro(importo)}.",
        soglia.cite),))


# ---------------------------------------------------------------------------- the check
INTENT = "evaluation"

#: Component code -> the fact that states its points.
FATTI_VOCI: dict[str, str] = {
    "organizzativa": "points_organisational", "individuale": "points_individual",
    "comportamenti": "points_behaviour", "competenze": "points_competences",
    "valutare": "points_appraisal", "valutazione_po": "points_po_rating",
}


def _totale(card: Scheda | None, facts: FactSet) -> tuple[Decimal | None, list[TraceStep],
                                                          list[str]]:
    """The total from the components (when all are stated) or from ``evaluation_score``."""
    stated = {code: facts.get(name) for code, name in FATTI_VOCI.items()
              if facts.get(name) is not UNKNOWN}
    if card is not None and stated:
        wanted = [v.codice for v in card.voci]
        missing = [FATTI_VOCI[c] for c in wanted if c not in stated]
        extra = [c for c in stated if c not in wanted]
        if extra:
            raise UserError(f"la scheda {card.titolo} non ha le voci: "
                            + ", ".join(FATTI_VOCI[c] for c in extra))
        if missing:
            return None, [], missing
        try:
            val = punteggio(card, {c: decimale(stated[c]) for c in wanted})
        except ValueError as exc:
            raise UserError(str(exc)) from None
        return val.totale, list(val.passi), []
    score = facts.get("evaluation_score")
    if score is UNKNOWN:
        return None, [], ["evaluation_score"]
    total = decimale(score)
    if not Decimal(0) <= total <= CENTO:
        raise UserError(f"il punteggio deve essere tra 0 e 100 (indicato {punti(total)})")
    fact = facts.fact("evaluation_score")
    return total, [TraceStep(f"Punteggio complessivo {punti(total)} su 100 "
                             f"({fact.provenance() if fact else 'indicato'}).")], []


def _role_of_the_components(facts: FactSet, steps: list[TraceStep]) -> Any:
    """Whose card has exactly the components stated ("performance organizzativa,
    individuale e competenze professionali" are the Segretario's, art. 21 c. 5); UNKNOWN
    when none or the cards of several roles do."""
    fits = set()
    for (role, _regime), card in SCHEDE.items():
        try:
            _total, _more, missing = _totale(card, facts)
        except (UserError, ValueError):
            continue
        if not missing:
            fits.add(role)
    if len(fits) != 1:
        return UNKNOWN
    role = fits.pop()
    card = SCHEDE[(role, "ordinario")]
    steps.append(TraceStep(f"Le voci indicate sono quelle della scheda: {card.titolo}.",
                           card.cite))
    return role


def _card_of_the_components(role: str, facts: FactSet, steps: list[TraceStep]) -> Scheda | None:
    """The card whose items are the components stated, each within its maximum: the
    ordinary one or the transitional scale of art. 42 (None when both fit and their totals
    differ, or neither does). Both give the same sum of the same components, so a total is
    told without asking which scale applies; the answer says so."""
    totals: dict[str, Decimal] = {}
    for regime in ("ordinario", "transitorio"):
        try:
            total, _more, missing = _totale(scheda(role, regime), facts)
        except (UserError, ValueError):
            continue  # an item the card lacks, or a figure above its maximum
        if not missing and total is not None:
            totals[regime] = total
    if len(set(totals.values())) != 1:
        return None
    chosen = "ordinario" if "ordinario" in totals else "transitorio"
    card = scheda(role, chosen)
    if len(totals) == 2:
        steps.append(TraceStep(
            "Le voci indicate sono sia quelle della scheda ordinaria sia quelle della scala "
            "transitoria dell'art. 42, entro i massimi di entrambe: il totale è lo stesso.",
            "art. 42 c. 1"))
    else:
        steps.append(TraceStep(f"Le voci indicate sono quelle della scheda {card.titolo}.",
                               card.cite))
    return card


#: The card a scorecard on record was filled on -> whom it evaluates (allegati E, F, G).
RUOLO_DELLA_SCHEDA = {"E": "segretario", "F": "po", "G": "dipendente"}


def _on_record(facts: FactSet) -> tuple[dict, list[TraceStep]] | None:
    """The person's scorecard of the year asked (else the latest), when the score is not
    stated: its total and card from the rows, said with where they come from."""
    record = facts.get("evaluations_on_record")
    if record is UNKNOWN or not record or facts.get("evaluation_score") is not UNKNOWN or any(
            facts.get(n) is not UNKNOWN for n in FATTI_VOCI.values()):
        return None
    year = facts.get("evaluation_year")
    cards = [c for c in record if year is UNKNOWN or c["year"] == int(year)]
    if not cards:
        return None
    card = max(cards, key=lambda c: c["year"])
    fact = facts.fact("evaluations_on_record")
    where = fact.provenance() if fact else "dal database"
    return card, [TraceStep(f"Valutazione {card['year']} (scheda dell'allegato "
                            f"{card['scheme']}): {punti(decimale(card['total']))} punti ({where}).",
                            None)]


def _role_on_record(facts: FactSet, steps: list[TraceStep]) -> object:
    """Whom the card evaluates, from the person's rows: the Segretario (allegato E), a
    holder of an Area's PO (F), any other employee (G); UNKNOWN without rows."""
    profile, po = facts.fact("profile"), facts.fact("is_po_holder")
    if profile is not None and profile.source == "db" and profile.value == "segretario":
        role, fact = "segretario", profile
    elif po is not None and po.source == "db" and po.value in (True, False):
        role, fact = ("po" if po.value else "dipendente"), po
    else:
        return UNKNOWN
    steps.append(TraceStep(f"Scheda di chi è valutato: {role} ({fact.provenance()}).",
                           "art. 20 c. 2"))
    return role


def _valuta(facts: FactSet) -> Outcome:
    found = _on_record(facts)
    if found is not None:
        card, read = found
        values = {"evaluation_score": card["total"]}
        if facts.get("evaluated_role") is UNKNOWN and card["scheme"] in RUOLO_DELLA_SCHEDA:
            values["evaluated_role"] = RUOLO_DELLA_SCHEDA[card["scheme"]]
        outcome = _valuta(facts.merged(FactValue(k, v, "db", f"(valutazione {card['year']})")
                                       for k, v in values.items()))
        return replace(outcome, answer=f"{read[0].step}\n\n{outcome.answer}",
                       trace=tuple(read) + tuple(outcome.trace))
    role = facts.get("evaluated_role")
    steps: list[TraceStep] = []
    components_stated = any(facts.get(n) is not UNKNOWN for n in FATTI_VOCI.values())
    if role is UNKNOWN and components_stated:
        role = _role_of_the_components(facts, steps)
    if role is UNKNOWN:
        role = _role_on_record(facts, steps)
    if role is UNKNOWN:
        return Outcome.needs(["evaluated_role"], citations=("art. 20 c. 2",))
    regime = facts.get("evaluation_regime")
    card: Scheda | None = None
    if role == "segretario":
        card = SCHEDE[("segretario", "ordinario")]
        if regime == "transitorio":
            steps.append(TraceStep("L'art. 42 non prevede una scala transitoria per il "
                                   "Segretario: vale l'allegato E.", "art. 42 c. 3"))
    elif regime is not UNKNOWN:
        card = scheda(role, regime)
    elif components_stated:
        card = _card_of_the_components(role, facts, steps)
        if card is None:
            return Outcome.needs(["evaluation_regime"], citations=("art. 42 c. 1",))
    total, more, missing = _totale(card, facts)
    if missing:
        return Outcome.needs(missing, steps, (card.cite,) if card else ("art. 20 c. 2",))
    assert total is not None
    steps += more
    cites = [card.cite] if card else []
    data: dict[str, object] = {"punteggio": str(total)}
    answer = f"Punteggio **{punti(total)}** su 100."
    if role == "po":
        tetto = facts.get("result_allowance_max")
        if tetto is UNKNOWN:
            spetta = total > SOGLIA_RISULTATO.value
            steps.append(TraceStep(
                f"Punteggio {punti(total)}: " + ("supera" if spetta else "non supera")
                + f" {punti(SOGLIA_RISULTATO.value)} punti, quindi l'indennità di risultato "
                + ("spetta, in proporzione al punteggio (per l'importo indicare il tetto "
                   "fissato dalla Giunta, result_allowance_max)." if spetta
                   else "non è attribuita."), SOGLIA_RISULTATO.cite))
        else:
            try:
                res = indennita_risultato(total, decimale(tetto))
            except ValueError as exc:
                raise UserError(str(exc)) from None
            spetta = res.spetta
            steps += res.passi
            data["indennita_risultato"] = str(res.importo)
            if spetta:
                answer += f" Indennità di risultato: **{euro(res.importo)}**."
        if tetto is UNKNOWN and spetta:
            answer += (f" L'indennità di risultato spetta (più di "
                       f"{punti(SOGLIA_RISULTATO.value)} punti), in proporzione al punteggio.")
        data["spetta_risultato"] = spetta
        if not spetta:
            answer += " L'indennità di risultato non spetta (serve più di 60 punti)."
        cites.append(SOGLIA_RISULTATO.cite)
        steps.append(TraceStep("La valutazione dei titolari di PO è proposta dal Nucleo e decisa "
                               "dal Sindaco entro il 30 aprile dell'anno successivo.",
                               "art. 28 c. 6"))
    elif role == "segretario":
        steps.append(TraceStep("Il Segretario è valutato dal Sindaco.", "art. 20 c. 2"))
    else:
        steps.append(TraceStep("I dipendenti sono valutati dal titolare di PO dell'Area.",
                               "art. 20 c. 2"))
    cites += [s.citation for s in steps if s.citation]
    due = data.get("spetta_risultato")
    return Outcome(None, answer, tuple(dict.fromkeys(cites)), tuple(steps), data=data,
                   yes_no=due if isinstance(due, bool) else None)


VALUTAZIONE = Check(
    id="valutazione.scheda",
    title="Scheda di valutazione e retribuzione di risultato (allegati E, F, G; art. 42)",
    citations=("art. 20 c. 2", "art. 21 c. 1", "art. 21 c. 5", "art. 22 c. 1", "art. 22 c. 2",
               "art. 23 c. 1", "art. 24 c. 7", "art. 25 c. 2", "art. 26 c. 2", "art. 27 c. 2",
               "art. 42 c. 3", "art. 42 c. 4", "art. 42 c. 5", "all. E", "all. F", "all. G"),
    intents=(INTENT,),
    facts=("evaluated_role", "evaluation_regime", "evaluation_score", "result_allowance_max",
           "evaluation_year", "evaluations_on_record", "is_po_holder", "profile",
           *FATTI_VOCI.values()),
    evaluate=_valuta,
)


@hookimpl
def ordina_checks() -> list[Check]:
    """The scorecards."""
    return [VALUTAZIONE]
