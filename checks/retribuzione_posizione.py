"""Retribuzione di posizione dei Responsabili di Area: graduazione G e importo P (allegato D).

The Giunta grades each position (art. 16 c. 2) with the method of allegato D: the Nucleo
gives every sub-parameter a grade in hundredths; each grade weighs by its sub-parameter's
share (column [D]), each parameter by its share ([E]); their sum is G, and the allowance is
P = G × Pmax / 100, Pmax being the contract's maximum. The module reproduces the
allegato's worked example to the cent: G = 70,70 and, with Pmax = € 12.911,42, P = € 9.128,37.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ordina.answer import TraceStep
from ordina.engine import UNKNOWN, Azione, Check, FactSet, Outcome
from ordina.engine.vocabulary import FactSpec
from ordina.errors import UserError
from ordina.formato import arrotonda, euro, numero
from ordina.hookspecs import hookimpl
from ordina.norma import Norma, decimale

CENTO = Decimal(100)


@dataclass(frozen=True)
class Sottoparametro:
    """A sub-parameter of allegato D with its share (%) of its parameter."""

    codice: str
    nome: str
    incidenza: Decimal


@dataclass(frozen=True)
class Parametro:
    """A parameter of allegato D with its share (%) of the whole grading."""

    codice: str
    nome: str
    incidenza: Decimal
    sotto: tuple[Sottoparametro, ...]


def _p(codice: str, nome: str, incidenza: str, *sotto: tuple[str, str, str]) -> Parametro:
    return Parametro(codice, nome, Decimal(incidenza),
                     tuple(Sottoparametro(c, n, Decimal(i)) for c, n, i in sotto))


#: The parameters and sub-parameters with their shares (table of allegato D).
PARAMETRI: Norma[tuple[Parametro, ...]] = Norma((
    _p("A", "Collocazione nella struttura", "30",
       ("A1", "Rilevanza strategica delle funzioni", "60"),
       ("A2", "Responsabilità di gestione delle risorse assegnate", "40")),
    _p("B", "Complessità organizzativa", "40",
       ("B1", "Numero dipendenti operanti nell’Area", "20"),
       ("B2", "Complessità normativa", "20"),
       ("B3", "Rapporti con organi politici relativamente alle scelte programmatiche", "30"),
       ("B4", "Grado di capacità organizzativa", "30")),
    _p("C", "Responsabilità gestionali interne ed esterne", "30",
       ("C1", "Complessità nella gestione dei rapporti con utenti interni ed esterni", "45"),
       ("C2", ("Capacità di iniziativa e di individuare, richiedere e sviluppare propri spazi "
               "di autonomia"), "35"),
       ("C3", "Grado di responsabilità di procedimento", "20")),
), "all. D tab. 1", "A | Collocazione nella struttura | 30,00% | A1 | Rilevanza strategica")

#: Every grade is given in hundredths by the Nucleo.
GRADO_MASSIMO = Norma(CENTO, "all. D", "graduazioni dei sottoparametri (in centesimi)")

#: P = G × Pmax / 100.
DIVISORE_P = Norma(CENTO, "all. D tab. 3", "G x Pmax | | 100")

#: The allegato's own worked example, reproduced by the tests and the scenario file.
ESEMPIO_G = Norma(Decimal("70.70"), "all. D tab. 2",
                  "GRADUAZIONE COMPLESSIVA DELLA POSIZIONE (in centesimi) [G] | 70,70")
ESEMPIO_PMAX = Norma(Decimal("12911.42"), "all. D", "Pmax = € 12.911,42")
ESEMPIO_P = Norma(Decimal("9128.37"), "all. D tab. 4", "70,70 x 12.911,42 | = € 9.128,37")

#: Codes of all sub-parameters, in the allegato's order.
CODICI: tuple[str, ...] = tuple(s.codice for p in PARAMETRI.value for s in p.sotto)

#: The formula as written holds only with percentages read as fractions: say so once.
NOTA_FORMULA = (
    "L'allegato D scrive [E] = [A] × Σ[D] × 100: la formula torna con le percentuali intese "
    "come frazioni (30% = 0,30), come mostra la tabella di esempio (0,30 × 0,78 × 100 = 23,40); "
    "lette come numeri interi (30 × 78 × 100) darebbe un risultato privo di senso.")


@dataclass(frozen=True)
class Graduazione:
    """The grading G of a position, with the columns [D] and [E] of allegato D."""

    G: Decimal
    colonna_D: Mapping[str, Decimal]
    colonna_E: Mapping[str, Decimal]
    passi: tuple[TraceStep, ...]


def _check_grade(codice: str, value: Decimal) -> None:
    if not Decimal(0) <= value <= GRADO_MASSIMO.value:
        raise ValueError(f"la graduazione del sottoparametro {codice} deve essere tra 0 e 100 "
                         f"centesimi (indicato {numero(value)})")


def graduazione(gradi: Mapping[str, Decimal]) -> Graduazione:
    """G from the Nucleo's grades of the nine sub-parameters (A1…C3), in hundredths.

    :raises ValueError: when a grade is missing, unknown or outside 0-100.
    """
    unknown = sorted(set(gradi) - set(CODICI))
    missing = [c for c in CODICI if c not in gradi]
    if unknown or missing:
        raise ValueError("graduazioni: " + "; ".join(
            part for part in (f"mancano {', '.join(missing)}" if missing else "",
                              f"codici sconosciuti {', '.join(unknown)}" if unknown else "")
            if part))
    col_d: dict[str, Decimal] = {}
    col_e: dict[str, Decimal] = {}
    passi: list[TraceStep] = []
    for par in PARAMETRI.value:
        parts = []
        for sub in par.sotto:
            grade = Decimal(gradi[sub.codice])
            _check_grade(sub.codice, grade)
            col_d[sub.codice] = sub.incidenza * grade / CENTO
            parts.append(f"{sub.codice} {numero(sub.incidenza, 0)}% × {numero(grade, 0)} = "
                         f"{numero(col_d[sub.codice])}%")
        somma = sum((col_d[s.codice] for s in par.sotto), Decimal(0))
        col_e[par.codice] = par.incidenza * somma / CENTO
        passi.append(TraceStep(
            f"Parametro {par.codice} ({par.nome}, incidenza {numero(par.incidenza, 0)}%): "
            f"{'; '.join(parts)}; somma {numero(somma)}%, graduazione del parametro "
            f"{numero(par.incidenza, 0)}% × {numero(somma)} = {numero(col_e[par.codice])}.",
            "all. D tab. 2"))
    G = sum(col_e.values(), Decimal(0))
    passi.append(TraceStep(
        f"Graduazione complessiva G = {' + '.join(numero(e) for e in col_e.values())} = "
        f"{numero(G)} centesimi. {NOTA_FORMULA}", "all. D"))
    return Graduazione(G, col_d, col_e, tuple(passi))


@dataclass(frozen=True)
class Retribuzione:
    """The position allowance P with how it was reached."""

    P: Decimal
    G: Decimal
    Pmax: Decimal
    passi: tuple[TraceStep, ...]


def retribuzione(G: Decimal, Pmax: Decimal) -> Retribuzione:
    """P = G × Pmax / 100, rounded to the cent (half up), G taken to two decimals.

    :raises ValueError: when G is outside 0-100 or Pmax is not positive.
    """
    G, Pmax = Decimal(G), Decimal(Pmax)
    if not Decimal(0) <= G <= CENTO:
        raise ValueError(f"la graduazione G deve essere tra 0 e 100 (indicata {numero(G)})")
    if Pmax <= 0:
        raise ValueError(f"Pmax deve essere un importo positivo (indicato {euro(Pmax)})")
    g2 = arrotonda(G)
    passi = []
    if g2 != G:
        passi.append(TraceStep(f"G = {G} si esprime in centesimi con due decimali: {numero(g2)}.",
                               "all. D"))
    exact = g2 * Pmax / DIVISORE_P.value
    P = arrotonda(exact)
    passi.append(TraceStep(
        f"P = G × Pmax / 100 = {numero(g2)} × {numero(Pmax)} / 100 = {numero(exact, 5)}, "
        f"arrotondato al centesimo: {euro(P)}.", DIVISORE_P.cite))
    if Pmax == ESEMPIO_PMAX.value:
        passi.append(TraceStep(
            f"Pmax = {euro(Pmax)} è il valore dell'esempio dell'allegato D (il massimo del CCNL "
            "31/3/1999); il massimo vigente è quello del contratto collettivo in vigore.",
            ESEMPIO_PMAX.cite))
    return Retribuzione(P, g2, Pmax, tuple(passi))


# ---------------------------------------------------------------------------- the check
INTENT = "position_pay"
GRADING_FACTS = tuple(f"grading_{code}" for code in CODICI)


def _valuta(facts: FactSet) -> Outcome:
    """G from the facts (given, or computed from the nine grades), then P when Pmax is known."""
    steps: list[TraceStep] = []
    cites: list[str] = ["all. D"]
    data: dict[str, str] = {}
    given_g = facts.get("graduation_G")
    if given_g is not UNKNOWN:
        G = decimale(given_g)
        fact = facts.fact("graduation_G")
        steps.append(TraceStep(f"Graduazione della posizione G = {numero(G)} centesimi "
                               f"({fact.provenance() if fact else 'indicata'}).", "all. D"))
    else:
        grades = {code: facts.get(f"grading_{code}") for code in CODICI}
        missing = [f"grading_{c}" for c, v in grades.items() if v is UNKNOWN]
        if missing:
            ask = (["graduation_G", "pmax"] if len(missing) == len(CODICI) else missing)
            return Outcome.needs(ask, citations=("all. D",))
        try:
            grading = graduazione({c: decimale(v) for c, v in grades.items()})
        except ValueError as exc:
            raise UserError(str(exc)) from None
        G = grading.G
        steps += grading.passi
        cites.append("all. D tab. 2")
    data["G"] = str(arrotonda(G))
    pmax = facts.get("pmax")
    if pmax is UNKNOWN:
        return Outcome("dati_mancanti", f"Graduazione G = {numero(G)}; per l'importo serve "
                       "Pmax, la retribuzione massima di posizione del contratto collettivo.",
                       tuple(cites), tuple(steps), ("pmax",), data)
    try:
        pay = retribuzione(G, decimale(pmax))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    steps += pay.passi
    cites += [DIVISORE_P.cite]
    data["P"] = str(pay.P)
    text = (f"Retribuzione di posizione **P = {euro(pay.P)}**: P = G × Pmax / 100 "
            f"= {numero(pay.G)} × {euro(pay.Pmax)} / 100 (allegato D)."
            + _sources(facts) + _against_paid(facts, pay.P))
    grade = facts.fact(f"grading_{CODICI[0]}")
    if grade is not None and grade.source == "db" or facts.get(
            "position_allowance_paid") is not UNKNOWN:
        cites.append("art. 16 c. 2")  # the Giunta's grading of the post, which pay follows
    return Outcome(None, text, tuple(dict.fromkeys(cites)), tuple(steps), data=data)


def _sources(facts: FactSet) -> str:
    """Where G's grades and Pmax come from, when the database gave them."""
    parts = []
    grade = facts.fact(f"grading_{CODICI[0]}")
    if grade is not None and grade.source == "db":
        parts.append(f"graduazioni dei sottoparametri ({grade.provenance()})")
    pmax = facts.fact("pmax")
    if pmax is not None and pmax.source == "db":
        parts.append(f"Pmax {euro(decimale(pmax.value))} ({pmax.provenance()})")
    return f"\n\nLetti: {'; '.join(parts)}." if parts else ""


def _against_paid(facts: FactSet, due: Decimal) -> str:
    """The allowance paid, when known, against P (the audit's check says what to do)."""
    paid = facts.get("position_allowance_paid")
    if paid is UNKNOWN:
        return ""
    paid_d = arrotonda(decimale(paid))
    fact = facts.fact("position_allowance_paid")
    where = f" ({fact.provenance()})" if fact is not None else ""
    diff = paid_d - due
    if abs(diff) < TOLLERANZA:
        return f"\nCorrisposta: {euro(paid_d)}{where}: segue la graduazione."
    return (f"\nCorrisposta: {euro(paid_d)}{where}: non segue la graduazione, "
            f"{'eccede' if diff > 0 else 'manca'} di {euro(abs(diff))} (art. 16 c. 2).")


POSIZIONE = Check(
    id="retribuzione_posizione.importo",
    title="Retribuzione di posizione: graduazione G e importo P (allegato D)",
    citations=("art. 16 c. 2", "all. D", "all. D tab. 1", "all. D tab. 2", "all. D tab. 3"),
    intents=(INTENT,),
    facts=("graduation_G", "pmax", *GRADING_FACTS),
    evaluate=_valuta,
)


# ------------------------------------------------------------------ the audit: pay vs grading
#: Differences below a cent are rounding, not a finding.
TOLLERANZA = Decimal("0.01")
#: Numbers of this module that are not the regulation's (arithmetic, display).
NON_NORMATIVI = ("CENTO", "TOLLERANZA")


def _pagata(facts: FactSet) -> Outcome:
    """The allowance paid against P = G × Pmax / 100 of the post's grading (allegato D).

    The Giunta grades the positions and the allowance follows the grading (art. 16 c. 2,
    art. 14 c. 4): paying more than P is a finding to correct at once, paying less one to
    verify (the Giunta may not yet have adopted the new grading's amounts).
    """
    paid, pmax = facts.get("position_allowance_paid"), facts.get("pmax")
    grades = {code: facts.get(f"grading_{code}") for code in CODICI}
    if paid is UNKNOWN:
        return Outcome.not_pertinent()
    missing = [n for n, v in (("pmax", pmax),) if v is UNKNOWN]
    missing += [f"grading_{c}" for c, v in grades.items() if v is UNKNOWN]
    if missing:
        return Outcome.needs(missing, citations=("all. D",))
    grading = graduazione({c: decimale(v) for c, v in grades.items()})
    pay = retribuzione(grading.G, decimale(pmax))
    paid_d = arrotonda(decimale(paid))
    diff = paid_d - pay.P
    year = facts.get("grading_year")
    of_year = f" del {year}" if isinstance(year, int) else ""
    steps = [*grading.passi, *pay.passi,
             TraceStep(f"Retribuzione di posizione corrisposta: {euro(paid_d)}; dovuta secondo "
                       f"la graduazione{of_year}: {euro(pay.P)}.", "art. 16 c. 2")]
    data = {"P": float(pay.P), "P_testo": euro(pay.P), "G": float(pay.G),
            "pagata": euro(paid_d), "differenza": euro(abs(diff)), "importo": float(paid_d)}
    cites = ("art. 16 c. 2", "all. D", DIVISORE_P.cite)
    if abs(diff) < TOLLERANZA:
        return Outcome("consentito", f"La retribuzione di posizione {euro(paid_d)} segue la "
                                     f"graduazione (G = {numero(pay.G)}).", cites, tuple(steps),
                       data=data, finding=False)
    more = diff > 0
    data["regola"] = "eccedente" if more else "inferiore"
    answer = (f"La retribuzione di posizione corrisposta ({euro(paid_d)}) non segue la "
              f"graduazione{of_year} della Giunta: G = {numero(pay.G)}, Pmax del Comune "
              f"{euro(pay.Pmax)}, P = G × Pmax / 100 = {euro(pay.P)} "
              f"({'eccede' if more else 'manca'} di {euro(abs(diff))}), allegato D.")
    return Outcome("vietato" if more else None, answer, cites, tuple(steps), data=data,
                   finding=True, severity="grave" if more else "attenzione")


PAGATA = Check(
    id="retribuzione_posizione.corrisposta",
    title="Retribuzione di posizione corrisposta e graduazione (allegato D)",
    citations=("art. 14 c. 4", "art. 16 c. 2", "all. D", "all. D tab. 3"),
    intents=(),
    facts=("position_allowance_paid", "pmax", "grading_year", *GRADING_FACTS),
    evaluate=_pagata,
    audit=("ufficio:responsabile_area",),
    actions={
        "eccedente": (Azione("ricondurre con atto della Giunta la retribuzione di posizione a "
                             "{P_testo}, come dà la graduazione, e verificare le somme pagate "
                             "in più ({differenza} l'anno)", "art. 16 c. 2"),),
        "inferiore": (Azione("adeguare con atto della Giunta la retribuzione di posizione a "
                             "{P_testo}, come dà la graduazione", "art. 16 c. 2"),),
    },
)

EXTRA_FACTS = [
    FactSpec("position_allowance_paid", "amount", (),
             "Qual è la retribuzione di posizione annua corrisposta al Responsabile (euro)?"),
    FactSpec("grading_year", "int", (), "Di quale anno è la graduazione della posizione?"),
]


@hookimpl
def ordina_fact_definitions() -> list[FactSpec]:
    """Facts the audit reads from the appointments."""
    return EXTRA_FACTS


@hookimpl
def ordina_checks() -> list[Check]:
    """The allegato D calculator and the audit of the allowances paid."""
    return [POSIZIONE, PAGATA]
