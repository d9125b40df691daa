"""Scadenze: i termini del regolamento calcolati sul calendario italiano.

Terms in days run as the civil code says (art. 2963 c.c., see :mod:`ordina.calendar`):
the first day is not counted and a term ending on a holiday — a Sunday, a national
holiday, the patron saint's day — moves to the next working day; Saturday is a working
day. Fixed dates of the performance cycle (31 May, 30 September, 31 January, 31 March,
30 April) move the same way.

The terms: the 30-day answer to a request for authorisation (art. 88 c. 6), the 30 days
of the warning before dismissal (art. 91 c. 1-2), the 15-day conflict-of-interest report
(art. 4, sixth paragraph in the corpus), the 15 days the Segretario waits for the other
Areas (art. 63 c. 3), the notice of at least 10 days (art. 64 c. 2), and the dates of the
evaluation cycle (art. 18, 19, 28, 36).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ordina import termini
from ordina.answer import TraceStep
from ordina.calendar import Calendario, Scadenza
from ordina.engine import UNKNOWN, Check, FactSet, Outcome
from ordina.errors import UserError
from ordina.formato import data_lunga
from ordina.hookspecs import hookimpl
from ordina.norma import Norma

GIORNI_RISPOSTA = termini.RISPOSTA_AUTORIZZAZIONE
GIORNI_DIFFIDA = termini.DIFFIDA
GIORNI_CONFLITTO = termini.CONFLITTO_INTERESSI
GIORNI_RISORSE_INTERNE = termini.RISORSE_INTERNE
GIORNI_AVVISO = termini.AVVISO_COMPARATIVO


@dataclass(frozen=True)
class Termine:
    """A term of the regulation: its length, what it is for, what happens when it ends."""

    giorni: Norma[int]
    cosa: str
    dopo: str
    dopo_cite: str
    prima_utile: bool = False
    """True when the term is a wait: the act may be done only the day after it ends."""
    nota: TraceStep | None = None


TERMINI: dict[str, Termine] = {
    "risposta_autorizzazione": Termine(
        GIORNI_RISPOSTA, "la risposta alla richiesta di autorizzazione",
        "Scaduto il termine senza risposta, la richiesta si intende respinta se l'incarico è "
        "presso privati e accolta se è presso una pubblica amministrazione.", "art. 88 c. 6"),
    "diffida": Termine(
        GIORNI_DIFFIDA, "cessare l'incarico non autorizzato dopo la diffida",
        "Decorso il termine, se l'incompatibilità non è cessata, l'ente irroga il licenziamento "
        "per giusta causa.", "art. 91 c. 2"),
    "conflitto_interessi": Termine(
        GIORNI_CONFLITTO, "segnalare il conflitto di interessi",
        "La segnalazione va al responsabile di Area competente o, se il conflitto riguarda "
        "lui, al responsabile anticorruzione.", "art. 4 c. 6",
        nota=TraceStep(
            "Il testo non dice da quando decorrono i 15 giorni (si assume dalla conoscenza del "
            "conflitto) e reca la nota \"Procedimento e termine da raccordare con quello fissato "
            "nel codice di comportamento integrativo\": il termine va verificato su quel "
            "codice. Nel corpus è il sesto capoverso dell'art. 4 perché la riga \"Attiene ad "
            "essi…\", senza trattino, è contata come comma a sé; nel testo a trattini è il "
            "quinto.", "art. 4 c. 6")),
    "risorse_interne": Termine(
        GIORNI_RISORSE_INTERNE, "la risposta degli altri responsabili sulla professionalità "
        "richiesta", "in mancanza di attestazioni l'incarico di collaborazione può essere "
        "conferito.", "art. 63 c. 3", prima_utile=True),
    "avviso_comparativo": Termine(
        GIORNI_AVVISO, "la pubblicazione minima dell'avviso di selezione all'Albo pretorio",
        "Da quel giorno l'avviso può chiudersi; anche il termine per le domande deve essere di "
        "almeno 10 giorni.", "art. 64 c. 2 lett. c",
        nota=TraceStep(
            "Il regolamento non dice se il giorno di pubblicazione si conti: si applica la "
            "regola del codice civile, che non lo conta ed è la lettura più prudente.",
            "art. 64 c. 2")),
}


def termine(kind: str, inizio: date, cal: Calendario) -> tuple[Scadenza, list[TraceStep]]:
    """The deadline of ``kind`` running from ``inizio``, with its trace.

    :raises KeyError: for a kind that is not in :data:`TERMINI`.
    """
    spec = TERMINI[kind]
    due = cal.scadenza(inizio, spec.giorni.value)
    steps = due.passi(spec.cosa, spec.giorni.cite)
    if spec.prima_utile:
        first = due.effettiva + timedelta(days=1)
        steps.append(TraceStep(f"Decorso il termine, dal {data_lunga(first)} {spec.dopo}",
                               spec.dopo_cite))
    else:
        steps.append(TraceStep(spec.dopo, spec.dopo_cite))
    if spec.nota is not None:
        steps.append(spec.nota)
    return due, steps


# ---------------------------------------------------------------------- the evaluation cycle
@dataclass(frozen=True)
class Adempimento:
    """One step of the performance cycle with its deadline."""

    cosa: str
    cite: str
    scadenza: Scadenza
    condizione: str = ""


#: (month, day, year offset, what, citation); offset 1 = the year after the one evaluated.
CICLO: tuple[tuple[int, int, int, str, str], ...] = (
    (3, 31, 0, "la Giunta approva i piani di razionalizzazione e risparmio", "art. 36 c. 1"),
    (5, 31, 0, "prima verifica intermedia del Nucleo e dei responsabili (monitoraggio)",
     "art. 28 c. 1"),
    (9, 30, 0, ("seconda verifica intermedia (stato di attuazione dei programmi) e termine per "
                "rinegoziare gli obiettivi, art. 19 c. 6"), "art. 28 c. 1"),
    (1, 31, 1, "il Nucleo propone la valutazione della performance organizzativa",
     "art. 28 c. 2"),
    (3, 31, 1, "il Nucleo predispone la proposta di valutazione finale", "art. 28 c. 3"),
    (4, 30, 1, ("il Sindaco decide la valutazione finale; è approvata la relazione di "
                "rendicontazione, art. 18 c. 2 lett. f"), "art. 28 c. 6"),
)

NOTA_PEG = TraceStep(
    "Se il PEG è approvato dopo febbraio si fa una sola verifica intermedia, entro il 30 "
    "settembre (art. 18 c. 2 lett. c); l'art. 28 c. 1 lega la stessa regola alla mancata adozione "
    "\"del bilancio o del PEG\" entro febbraio: i due commi non coincidono, e basta il ritardo "
    "di uno dei due atti per l'art. 28.", "art. 18 c. 2 lett. c")


def ciclo_valutazione(anno: int, cal: Calendario,
                      peg_dopo_febbraio: bool | None) -> tuple[list[Adempimento], list[TraceStep]]:
    """The deadlines of the performance cycle of ``anno`` (some fall in the year after).

    :param peg_dopo_febbraio: None when unknown: the 31 May check is listed with its condition.
    """
    out: list[Adempimento] = []
    steps: list[TraceStep] = []
    for month, day, offset, what, cite in CICLO:
        if (month, day, offset) == (5, 31, 0) and peg_dopo_febbraio:
            steps.append(TraceStep("PEG o bilancio approvati dopo febbraio: niente verifica "
                                   "del 31 maggio, una sola entro il 30 settembre.",
                                   "art. 28 c. 1"))
            continue
        due = cal.scadenza_fissa(date(anno + offset, month, day))
        condition = ("solo se PEG e bilancio sono approvati entro febbraio"
                     if (month, day, offset) == (5, 31, 0) and peg_dopo_febbraio is None else "")
        out.append(Adempimento(what, cite, due, condition))
        moved = (f", spostato a {data_lunga(due.effettiva)} ("
                 + "; ".join(n for _, n in due.rinvii) + ")") if due.spostata else ""
        steps.append(TraceStep(f"Entro {data_lunga(due.nominale)}{moved}: {what}"
                               + (f" — {condition}" if condition else "") + ".", cite))
    steps.append(TraceStep("Il monitoraggio in corso d'esercizio si fa almeno entro il 31 maggio e "
                           "il 30 settembre; entro il 30 settembre gli obiettivi si possono "
                           "rinegoziare (art. 19 c. 6); la relazione di rendicontazione si approva "
                           "entro il 30 aprile dell'anno dopo (art. 18 c. 2 lett. f).",
                           "art. 18 c. 2 lett. c"))
    steps.append(NOTA_PEG)
    steps.append(TraceStep("Le date fisse che cadono di domenica o in un giorno festivo si "
                           "spostano al primo giorno non festivo, come i termini (art. 2963 "
                           "c. 3 c.c.).", "art. 28 c. 1"))
    return out, steps


# ---------------------------------------------------------------------------- the check
INTENT = "deadline"


def _calendario(facts: FactSet) -> Calendario:
    patron = facts.get("patron_saint")
    return Calendario.da_ambiente(None if patron is UNKNOWN else str(patron))


def _stato(due: Scadenza, oggi: object) -> tuple[str, TraceStep | None]:
    if not isinstance(oggi, date):
        return "", None
    if oggi > due.effettiva:
        return " Il termine è scaduto.", TraceStep(
            f"Alla data della domanda ({data_lunga(oggi)}) il termine è scaduto.")
    left = (due.effettiva - oggi).days
    return (f" Mancano {left} giorni.", TraceStep(
        f"Alla data della domanda ({data_lunga(oggi)}) mancano {left} giorni."))


_START_FACTS = {"risposta_autorizzazione": "request_date", "diffida": "warning_date",
                "risorse_interne": "internal_check_request_date"}


def _scadenza(facts: FactSet) -> Outcome:
    kind = facts.get("deadline_kind")
    cal = _calendario(facts)
    if kind == "valutazione":
        year = facts.get("evaluation_year")
        if year is UNKNOWN:
            return Outcome.needs(["evaluation_year"], citations=("art. 28 c. 1",))
        peg = facts.get("peg_after_february")
        items, steps = ciclo_valutazione(int(year), cal, None if peg is UNKNOWN else bool(peg))
        lines = "\n".join(f"- {data_lunga(a.scadenza.effettiva)}: {a.cosa} ({a.cite})"
                          + (f", {a.condizione}" if a.condizione else "") for a in items)
        cites = tuple(dict.fromkeys(s.citation for s in steps if s.citation))
        return Outcome(None, f"Scadenze del ciclo della performance {year}:\n\n{lines}", cites,
                       tuple(steps), data={a.cite + " " + a.scadenza.nominale.isoformat():
                                           a.scadenza.effettiva.isoformat() for a in items})
    start = facts.get("start_date")
    if start is UNKNOWN and kind in _START_FACTS:
        start = facts.get(_START_FACTS[kind])
    if kind is UNKNOWN:
        days = facts.get("days")
        if days is UNKNOWN or start is UNKNOWN:
            return Outcome.needs(["deadline_kind"], citations=("art. 88 c. 6",))
        due = cal.scadenza(start, int(days))
        steps = due.passi(f"il termine di {int(days)} giorni")
        note, step = _stato(due, facts.get("date"))
        return Outcome(None, f"Scadenza: **{data_lunga(due.effettiva)}**.{note}", (),
                       tuple(steps + ([step] if step else [])),
                       data={"scadenza": due.effettiva.isoformat()})
    if kind not in TERMINI:
        raise UserError(f"tipo di scadenza non gestito: '{kind}'")
    if start is UNKNOWN:
        return Outcome.needs([_START_FACTS.get(kind, "start_date")],
                             citations=(TERMINI[kind].giorni.cite,))
    due, steps = termine(kind, start, cal)
    note, step = _stato(due, facts.get("date"))
    if step is not None:
        steps.append(step)
    cites = tuple(dict.fromkeys(s.citation for s in steps if s.citation))
    spec = TERMINI[kind]
    after = (f" {spec.dopo.rstrip('.')} ({spec.dopo_cite})." if spec.dopo
             else "")  # what the end of the term brings
    return Outcome(None, f"Scadenza: **{data_lunga(due.effettiva)}** "
                         f"({spec.cosa}).{note}{after}", cites, tuple(steps),
                   data={"scadenza": due.effettiva.isoformat(),
                         "nominale": due.nominale.isoformat()})


SCADENZE = Check(
    id="scadenze.termini",
    title="Scadenze con festività e santo patrono (art. 2963 c.c.)",
    citations=("art. 88 c. 6", "art. 91 c. 1", "art. 91 c. 2", "art. 4 c. 6", "art. 63 c. 3",
               "art. 64 c. 2", "art. 18 c. 2 lett. c", "art. 28 c. 1", "art. 28 c. 2",
               "art. 28 c. 3", "art. 28 c. 6", "art. 36 c. 1", "art. 19 c. 6",
               "art. 18 c. 2 lett. f"),
    intents=(INTENT,),
    facts=("deadline_kind", "start_date", "days", "date", "patron_saint", "evaluation_year",
           "peg_after_february", "request_date", "warning_date", "internal_check_request_date"),
    evaluate=_scadenza,
)


@hookimpl
def ordina_checks() -> list[Check]:
    """The deadline calculator."""
    return [SCADENZE]
