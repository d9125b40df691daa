"""Mobilità: graduatoria della mobilità in entrata (art. 50) e mobilità in uscita (art. 51).

Incoming mobility ranks the applicants in hundredths: experience up to 35, interview (or
practical test) up to 50, current pay up to 15 — the full 15 only for those at the initial
economic position without RIA or personal allowances (art. 50 c. 4). If nobody scores more
than 75, nobody is hired by mobility (c. 5).

Outgoing mobility may be granted to permanent staff with at least five years of service in
the Comune, on the favourable opinion of their responsabile — of the Segretario for
category D — and the opinion of the receiving administration (art. 51 c. 1). The national
rule on the consent of the administration of origin changed in 2021: the trace says how.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ordina.answer import TraceStep
from ordina.calendar import aggiungi_mesi, anni_compiuti
from ordina.engine import UNKNOWN, Check, F, FactSet, FactValue, Outcome, Rule, Rules, is_false
from ordina.engine.logic import ALWAYS
from ordina.errors import UserError
from ordina.facts import CATEGORIES
from ordina.formato import data, punti
from ordina.hookspecs import hookimpl
from ordina.norma import Norma, decimale
from ordina.termini import BANDO_MOBILITA, DOMANDE_MOBILITA

MAX_ESPERIENZA = Norma(Decimal(35), "art. 50 c. 4 trattino 1", "fino ad un massimo di punti 35")
MAX_COLLOQUIO = Norma(Decimal(50), "art. 50 c. 4 trattino 2", "fino a punti 50")
MAX_TRATTAMENTO = Norma(Decimal(15), "art. 50 c. 4 trattino 3",
                        "fino ad un massimo di punti 15")
SOGLIA_ASSUNZIONE = Norma(Decimal(75), "art. 50 c. 5", "punteggio superiore a punti 75")
ANNI_USCITA = Norma(5, "art. 51 c. 1", "da almeno cinque anni")

CRITERI: tuple[tuple[str, str, Norma[Decimal]], ...] = (
    ("experience_points", "esperienza acquisita", MAX_ESPERIENZA),
    ("interview_points", "colloquio o prova pratica", MAX_COLLOQUIO),
    ("salary_points", "trattamento economico in godimento", MAX_TRATTAMENTO),
)


@dataclass(frozen=True)
class Candidato:
    """An applicant's points on the three criteria of art. 50 c. 4."""

    nome: str
    esperienza: Decimal
    colloquio: Decimal
    trattamento: Decimal
    posizione_iniziale: bool | None = None


def punteggio_mobilita(esperienza: Decimal, colloquio: Decimal, trattamento: Decimal,
                       posizione_iniziale: bool | None = None) -> tuple[Decimal, list[TraceStep]]:
    """The score in hundredths, each criterion checked against its maximum.

    :raises ValueError: when a criterion is negative or above its maximum, or when the full
        15 pay points go to someone not at the initial economic position.
    """
    steps: list[TraceStep] = []
    values = (Decimal(esperienza), Decimal(colloquio), Decimal(trattamento))
    for (_, name, cap), value in zip(CRITERI, values, strict=True):
        if not Decimal(0) <= value <= cap.value:
            raise ValueError(f"{name}: {punti(value)} punti, ma il massimo è "
                             f"{punti(cap.value)} ({cap.cite})")
        steps.append(TraceStep(f"{name.capitalize()}: {punti(value)} su {punti(cap.value)}.",
                               cap.cite))
    if posizione_iniziale is False and values[2] >= MAX_TRATTAMENTO.value:
        raise ValueError("il trattamento economico vale fino a 15 punti solo per chi è nella "
                         "posizione iniziale senza RIA né assegni ad personam: agli altri va "
                         f"un punteggio inferiore ({MAX_TRATTAMENTO.cite})")
    total = sum(values, Decimal(0))
    steps.append(TraceStep(f"Totale: {punti(total)} centesimi.", "art. 50 c. 4"))
    return total, steps


def _hiring(ok: bool) -> str:
    """"si può assumere per mobilità (più di 75, art. 50 c. 5)." or the refusal."""
    bound = f"più di {punti(SOGLIA_ASSUNZIONE.value)}, {SOGLIA_ASSUNZIONE.cite}"
    return (f"si può assumere per mobilità ({bound})." if ok else
            f"non si assume per mobilità (serve {bound}).")


def assumibile(total: Decimal) -> tuple[bool, TraceStep]:
    """Whether a score allows hiring by mobility: more than 75 (art. 50 c. 5)."""
    ok = Decimal(total) > SOGLIA_ASSUNZIONE.value
    limit = punti(SOGLIA_ASSUNZIONE.value)
    return ok, TraceStep(
        f"{punti(total)} " + ("supera" if ok else "non supera") + f" i {limit} punti: "
        + ("il candidato può essere assunto per mobilità." if ok else
           f"con {limit} punti o meno non si assume per mobilità."), SOGLIA_ASSUNZIONE.cite)


def graduatoria_mobilita(candidati: Sequence[Candidato]) -> tuple[list[tuple[Candidato, Decimal,
                                                                             bool]],
                                                                  list[TraceStep]]:
    """The ranking, best first, with who may be hired; nobody when nobody exceeds 75."""
    rows: list[tuple[Candidato, Decimal, bool]] = []
    for c in candidati:
        total, _ = punteggio_mobilita(c.esperienza, c.colloquio, c.trattamento,
                                      c.posizione_iniziale)
        rows.append((c, total, total > SOGLIA_ASSUNZIONE.value))
    rows.sort(key=lambda r: (-r[1], r[0].nome))
    steps = [TraceStep("Graduatoria in centesimi: " + "; ".join(
        f"{c.nome} {punti(t)}" for c, t, _ in rows) + ".", "art. 50 c. 4")]
    if not any(ok for _, _, ok in rows):
        steps.append(TraceStep("Nessuno supera 75 punti: non si procede ad alcuna assunzione "
                               "per mobilità volontaria.", SOGLIA_ASSUNZIONE.cite))
    return rows, steps


# ---------------------------------------------------------------------------- the checks
def _partial(facts: FactSet, known: dict[str, Decimal], names: list[str]) -> Outcome:
    """Some criteria known: decide when the rest cannot change the outcome, else ask.

    A stated total lower than the criteria already known cannot be right: it is set aside
    and said so.
    """
    caps = {n: cap.value for n, _, cap in CRITERI}
    missing = [n for n in names if n not in known]
    low = sum(known.values(), Decimal(0))
    high = low + sum((caps[n] for n in missing), Decimal(0))
    steps = [TraceStep(f"Punti noti: {' + '.join(punti(v) for v in known.values())} = "
                       f"{punti(low)}; con i criteri mancanti il totale sta tra {punti(low)} e "
                       f"{punti(high)}.", "art. 50 c. 4")]
    given = facts.get("total_points")
    if given is not UNKNOWN and decimale(given) < low:
        steps.insert(0, TraceStep(f"Il totale indicato ({punti(decimale(given))}) è minore dei "
                                  f"punti dei criteri già noti ({punti(low)}): non può essere "
                                  "giusto e non si usa.", "art. 50 c. 4"))
    cites = ("art. 50 c. 4", SOGLIA_ASSUNZIONE.cite)
    if low > SOGLIA_ASSUNZIONE.value or high <= SOGLIA_ASSUNZIONE.value:
        ok, step = assumibile(low if low > SOGLIA_ASSUNZIONE.value else high)
        steps.append(step)
        return Outcome("consentito" if ok else "vietato",
                       f"**{'consentito' if ok else 'vietato'}**: con punti tra {punti(low)} e "
                       f"{punti(high)} centesimi " + _hiring(ok),
                       cites, tuple(steps), data={"assumibile": ok})
    return Outcome("dati_mancanti", "Mancano dati per decidere.\n\n"
                   + " ".join(s.step for s in steps), cites, tuple(steps), tuple(missing))


def _graduatoria(facts: FactSet) -> Outcome:
    names = [n for n, _, _ in CRITERI]
    values = {n: facts.get(n) for n in names}
    steps: list[TraceStep] = []
    cites = ["art. 50 c. 4", SOGLIA_ASSUNZIONE.cite]
    if all(v is not UNKNOWN for v in values.values()):
        initial = facts.get("salary_initial_position")
        try:
            total, steps = punteggio_mobilita(*(decimale(values[n]) for n in names),
                                              posizione_iniziale=None if initial is UNKNOWN
                                              else bool(initial))
        except ValueError as exc:
            raise UserError(str(exc)) from None
        given = facts.get("total_points")
        if given is not UNKNOWN and decimale(given) != total:
            steps.append(TraceStep(f"Il totale indicato ({punti(decimale(given))}) non è la "
                                   f"somma dei criteri: vale la somma, {punti(total)}.",
                                   "art. 50 c. 4"))
    elif (known := {n: decimale(v) for n, v in values.items() if v is not UNKNOWN}) and (
            facts.get("total_points") is UNKNOWN
            or sum(known.values()) > decimale(facts.get("total_points"))):
        return _partial(facts, known, names)
    elif facts.get("total_points") is not UNKNOWN:
        total = decimale(facts.get("total_points"))
        if not Decimal(0) <= total <= 100:
            raise UserError(f"il punteggio va espresso in centesimi (indicato {punti(total)})")
        fact = facts.fact("total_points")
        steps.append(TraceStep(f"Punteggio complessivo {punti(total)} centesimi "
                               f"({fact.provenance() if fact else 'indicato'}).",
                               "art. 50 c. 4"))
    else:
        return Outcome.needs([n for n in names if values[n] is UNKNOWN],
                             citations=("art. 50 c. 4",))
    ok, step = assumibile(total)
    steps.append(step)
    steps.append(TraceStep(f"Il bando resta all'Albo pretorio per almeno {BANDO_MOBILITA.value} giorni "
                           f"e le domande si presentano entro i {DOMANDE_MOBILITA.value} giorni "
                           "successivi alla fine della "
                           "pubblicazione; il colloquio verte sulle attività da svolgere e sulle "
                           "attitudini.", "art. 50 c. 2"))
    steps.append(TraceStep("Selezione del Responsabile dell'Area interessata (per la categoria "
                           "D del Segretario) o di una commissione da loro nominata.",
                           "art. 50 c. 6"))
    verdict = "consentito" if ok else "vietato"
    answer = (f"**{'consentito' if ok else 'vietato'}**: con {punti(total)} centesimi "
              + _hiring(ok))
    return Outcome(verdict, answer, tuple(cites), tuple(steps),
                   data={"punteggio": str(total), "assumibile": ok})


GRADUATORIA = Check(
    id="mobilita.graduatoria",
    title="Graduatoria della mobilità in entrata, oltre 75 centesimi (art. 50)",
    citations=("art. 50 c. 1", "art. 50 c. 2", "art. 50 c. 3", "art. 50 c. 4",
               "art. 50 c. 4 trattino 1", "art. 50 c. 4 trattino 2",
               "art. 50 c. 4 trattino 3", "art. 50 c. 5", "art. 50 c. 6"),
    intents=("mobility_ranking",),
    facts=("experience_points", "interview_points", "salary_points", "total_points",
           "salary_initial_position"),
    evaluate=_graduatoria,
)

AUTH = ("autorizzazione",)
CAT_D = tuple(c for c in CATEGORIES if c.startswith("D"))

NOTA_LEGGE = (
    "Per la legge nazionale (art. 30 c. 1 d.lgs. 165/2001, come modificato dal d.l. 80/2021) "
    "l'assenso dell'amministrazione di appartenenza serve solo in alcuni casi (posti "
    "infungibili, personale assunto da meno di tre anni, carenza di organico oltre il 20%), ma "
    "resta sempre necessario negli enti locali con non più di 100 dipendenti a tempo "
    "indeterminato. In un Comune più grande il requisito dei cinque anni e il parere favorevole "
    "dell'art. 51 vanno riletti alla luce della legge, che prevale sul regolamento.")

USCITA_RULES = Rules(
    [
        Rule("non_di_ruolo", ANNI_USCITA.cite, is_false("permanent", "tempo indeterminato"),
             "vietato", "La mobilità in uscita è prevista per i dipendenti a tempo "
                        "indeterminato."),
        Rule("anzianita", ANNI_USCITA.cite,
             F("years_of_service", "anni di servizio di ruolo nel Comune") < ANNI_USCITA.value,
             "vietato", "La mobilità in uscita richiede almeno cinque anni di servizio a tempo "
                        "indeterminato presso il Comune."),
        Rule("parere_negativo", "art. 51 c. 1",
             is_false("favourable_opinion", "parere favorevole del responsabile"), "vietato",
             "Senza il parere favorevole del responsabile (o del Segretario per la categoria D) "
             "la mobilità in uscita non si concede.", deferrable=True),
        Rule("parere_segretario", "art. 51 c. 1", F("category", "categoria").isin(CAT_D), None,
             "Per un dipendente di categoria D il parere è del Segretario.", when_verdict=AUTH),
        Rule("parere_ricevente", "art. 51 c. 1", ALWAYS, None,
             "Serve anche il parere del dirigente o responsabile dell'amministrazione che "
             "riceve il dipendente.", when_verdict=AUTH),
        Rule("legge_2021", "art. 51 c. 1", ALWAYS, None, NOTA_LEGGE),
    ],
    otherwise="autorizzazione", otherwise_cite="art. 51 c. 1",
    otherwise_says="La mobilità in uscita può essere concessa (non è un diritto): servono il "
                   "parere favorevole del responsabile cui il dipendente è assegnato e il parere "
                   "dell'amministrazione ricevente.",
)


def _uscita(facts: FactSet) -> Outcome:
    """Years of service from the hire date when not stated, then the rules."""
    hired, today = facts.get("hire_date"), facts.get("date")
    if (facts.get("years_of_service") is UNKNOWN and isinstance(hired, date)
            and isinstance(today, date)):
        years = anni_compiuti(hired, today)
        facts = facts.merged([FactValue("years_of_service", years, "calcolo",
                                        f"dall'assunzione del {data(hired)} al {data(today)}")])
    outcome = USCITA_RULES(facts)
    years = facts.get("years_of_service")
    if (outcome.verdict == "vietato" and isinstance(hired, date)
            and isinstance(years, int | float | Decimal) and years < ANNI_USCITA.value
            and facts.get("permanent") is not False):
        # "da quando potrò chiederla?": the day the five years are completed
        first = aggiungi_mesi(hired, 12 * ANNI_USCITA.value)
        outcome = replace(outcome, answer=outcome.answer + (
            f" I cinque anni si compiono il **{data(first)}** (assunzione a tempo "
            f"indeterminato del {data(hired)}): da quel giorno la mobilità in uscita si può "
            f"chiedere ({ANNI_USCITA.cite})."), data={**outcome.data, "from": first.isoformat()})
    return outcome


_uscita.rules = USCITA_RULES.rules  # type: ignore[attr-defined]  # seen by registry and coverage


USCITA = Check(
    id="mobilita.uscita",
    title="Mobilità volontaria in uscita dopo cinque anni di ruolo (art. 51)",
    citations=("art. 51 c. 1",),
    intents=("mobility_out",),
    facts=("permanent", "years_of_service", "hire_date", "date", "favourable_opinion",
           "category"),
    evaluate=_uscita,
)


@hookimpl
def ordina_checks() -> list[Check]:
    """Incoming ranking and outgoing mobility."""
    return [GRADUATORIA, USCITA]
