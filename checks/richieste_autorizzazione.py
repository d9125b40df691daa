"""Richieste di autorizzazione senza risposta oltre i 30 giorni (art. 88 c. 6).

Art. 88 c. 6: «Le richieste di autorizzazioni devono trovare risposta entro 30 giorni. Nel
caso di mancata risposta essa si intende negativa per le richieste aventi ad oggetto lo
svolgimento di attività con privati e si intende positiva per le richieste aventi ad oggetto
lo svolgimento di attività con Pa.»

The look-up lists, from the database on the date, every request still unanswered whose 30
days have run (counted as art. 2963 c.c. says, holidays moving the last day), with what the
silence means for each: refused with a private client, granted with a public administration.
Requests still within the term follow, with the day by which they must be answered.
"""

from __future__ import annotations

import re
from typing import Any

from ordina import termini
from ordina.answer import TraceStep
from ordina.calendar import Calendario
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.dbfacts import patron_saint
from ordina.engine.offices import question_date, resolve_target
from ordina.formato import data
from ordina.hookspecs import hookimpl
from ordina.store.office_queries import Request, public_copy_lacks, unanswered_requests

#: The 30 days, beside art. 88 c. 6 (one home for every check that counts them).
TERMINE = termini.RISPOSTA_AUTORIZZAZIONE

#: At most this many requests are listed per group; the others are counted.
MAX_RIGHE = 30
#: Limits of how an answer is shown, not numbers of the regulation.
NON_NORMATIVI = ('MAX_RIGHE',)

#: What silence means, by the client's kind in the database (art. 88 c. 6), with the
#: text's own word («negativa», «positiva»).
SILENZIO = {"pa": ("si intende **accolta** (silenzio-assenso, «positiva»: attività con una PA)",
                   "accolta"),
            "privato": (("si intende **respinta** (silenzio-diniego, «negativa»: attività con "
                         "privati)"), "respinta")}
#: The same for a question in English.
SILENCE = {"pa": "counts as **granted** (silence is consent with a public administration)",
           "privato": "counts as **refused** (silence is a denial with private parties)"}


UNKNOWN_CLIENT = (("il committente non è indicato nel database: non si sa se valga assenso "
                   "o diniego"), "da verificare")


def _cut(lines: list[str]) -> list[str]:
    """The first :data:`MAX_RIGHE` lines, and how many more there are."""
    if len(lines) <= MAX_RIGHE:
        return lines
    return [*lines[:MAX_RIGHE], f"- … e altre {len(lines) - MAX_RIGHE} richieste"]


def _line(req: Request, due: Any, overdue: bool, on: Any, english: bool = False) -> str:
    waited = (on - req.request_date).days
    if english:
        meaning = SILENCE.get(req.client_type or "", "has an outcome to verify (kind of client "
                                                       "not recorded)")
        head = (f"- incarico {req.id} of **{req.person}** ({req.subject}; {req.client}), "
                f"requested on {data(req.request_date)}, waiting for {waited} days")
        if overdue:
            return f"{head}: the term expired on {data(due)}, the request {meaning}"
        return (f"{head}: to be decided by {data(due)}; otherwise it "
                f"{meaning.replace('counts', 'will count', 1)}")
    meaning = SILENZIO.get(req.client_type or "", UNKNOWN_CLIENT)[0]
    head = (f"- incarico {req.id} di **{req.person}** ({req.subject}; {req.client}), "
            f"richiesta del {data(req.request_date)}, in attesa da {waited} giorni")
    if overdue:
        return f"{head}: termine scaduto il {data(due)}, la richiesta {meaning}"
    return f"{head}: va decisa entro il {data(due)}; se no {meaning.replace('si intende', 'si intenderà')}"


def _person(query: Any, ctx: Context, on: Any) -> int | None:
    """The person the question names ("le richieste di Verdi"), if any."""
    subject = getattr(query, "subject", None)
    if subject is None or getattr(subject, "kind", "") not in ("person", "self"):
        return None
    target = resolve_target(ctx.db, subject, on)
    return target[1] if target and target[0] == "persona" else None


#: The words around the overdue requests, Italian and English (index 0 and 1).
_FRAME: dict[str, tuple[Any, Any]] = {
    "many": (("richieste di autorizzazione sono", "richiesta di autorizzazione è"),
             ("authorisation requests have", "authorisation request has")),
    "late": ("Al {when} **{n}** {many} senza risposta da oltre {days} giorni ({cite}):\n",
             "On {when} **{n}** {many} waited more than {days} days for an answer ({cite}):\n"),
    "none": (("Al {when} nessuna richiesta di autorizzazione è senza risposta da oltre {days} "
              "giorni ({cite})."),
             ("On {when} no authorisation request has waited more than {days} days for an "
              "answer ({cite}).")),
    "waiting": ("\n\nAncora nei termini:\n", "\n\nStill within the term:\n"),
    "counted": (("\n\nI {days} giorni si contano come dice l'art. 2963 c.c.: non si conta il "
                 "giorno della richiesta e un termine che cade in un giorno festivo slitta al "
                 "primo giorno seguente non festivo."),
                ("\n\nThe {days} days are counted as art. 2963 c.c. says: the day of the "
                 "request is not counted, and a term ending on a holiday moves to the next "
                 "working day.")),
}


#: A yes/no question asking what the silence means for a request: whether it counts as
#: granted, or whether the work can start without an answer.
_ASKS_WHAT_SILENCE_MEANS = re.compile(
    r"\b(?:silenzi\w*|rispost\w*|rispond\w*|accolt\w*|concess\w*|approvat\w*|"
    r"autorizzat\w*|vale come|iniziar\w*|cominciar\w*|partire|procedere|"
    r"answer\w*|silence|granted|approved|go ahead|start\w*|begin)\b", re.IGNORECASE)
#: The verdict silence gives the work asked about, by the client's kind (art. 88 c. 6).
SILENCE_VERDICT = {"pa": "consentito", "privato": "vietato"}


def _silence_verdict(query: Any, requests: list[Request]) -> str | None:
    """"If nobody answers Rossi's request, can he go ahead?": granted with a PA, refused
    with private parties, when the person's pending requests all say the same."""
    if getattr(query, "form", None) != "sino" or not requests or not \
            _ASKS_WHAT_SILENCE_MEANS.search(str(getattr(query, "text", ""))):
        return None
    verdicts = {SILENCE_VERDICT.get(r.client_type or "") for r in requests}
    return verdicts.pop() if len(verdicts) == 1 and None not in verdicts else None


def overdue(query: Any, ctx: Context) -> Outcome:
    """Requests past the 30-day answer term on the date, with what silence means."""
    cite = TERMINE.cite
    if ctx.db is None:
        return Outcome(None, "Per le richieste in attesa serve il database del personale.", (cite,))
    lacks = public_copy_lacks(ctx.db, "external_assignments")
    if lacks:
        return Outcome(None, lacks, (cite,))
    on = question_date(query, ctx)
    cal = Calendario.da_ambiente(patron_saint(ctx.db))
    late, waiting, steps = [], [], []
    outcome: dict[int, str] = {}
    who = _person(query, ctx, on)
    theirs: list[Request] = []
    for req in unanswered_requests(ctx.db, on):
        if who is not None and req.person_id != who:
            continue
        theirs.append(req)
        term = cal.scadenza(req.request_date, TERMINE.value)
        is_late = term.effettiva < on
        (late if is_late else waiting).append(
            _line(req, term.effettiva, is_late, on, getattr(query, "lang", "it") == "en"))
        steps += term.passi(f"la risposta alla richiesta dell'incarico {req.id}", cite)
        if is_late:
            outcome[req.id] = SILENZIO.get(req.client_type or "", ("", "da verificare"))[1]
    when = data(on)
    count_late, count_waiting = len(late), len(waiting)
    late, waiting = _cut(late), _cut(waiting)
    lang = 1 if getattr(query, "lang", "it") == "en" else 0
    words = {"when": when, "n": count_late, "days": TERMINE.value, "cite": cite,
             "many": _FRAME["many"][lang][count_late == 1]}
    text = (_FRAME["late"][lang].format(**words) + "\n".join(late) if late
            else _FRAME["none"][lang].format(**words))
    if waiting:
        text += _FRAME["waiting"][lang] + "\n".join(waiting)
    text += _FRAME["counted"][lang].format(**words)
    steps.insert(0, TraceStep(f"Le richieste devono avere risposta entro {TERMINE.value} "
                              "giorni; senza risposta si intendono negative se l'attività è con "
                              "privati, positive se è con una PA.", cite))
    verdict = _silence_verdict(query, theirs) if who is not None else None
    if verdict is not None:
        head = {("consentito", 0): "Senza risposta nei termini la richiesta si intende "
                                   "**accolta**: l'attività con una PA si può svolgere",
                ("vietato", 0): "Senza risposta la richiesta si intende **respinta**: "
                                "l'attività con privati non si può iniziare",
                ("consentito", 1): "Without an answer within the term the request counts as "
                                   "**granted**: the work for a public administration may go "
                                   "ahead",
                ("vietato", 1): "Without an answer the request counts as **refused**: the "
                                "work for private parties may not start"}[(verdict, lang)]
        text = f"{head} ({cite}).\n\n{text}"
    return Outcome(verdict, text, (cite,), tuple(steps),
                   data={"scadute": sorted(outcome), "esito_silenzio": outcome,
                         "nei_termini": count_waiting})


SCADUTE = Lookup(
    id="richieste_autorizzazione.scadute",
    title=f"Richieste di autorizzazione senza risposta oltre i {TERMINE.value} giorni",
    citations=("art. 88 c. 6",),
    intents=("overdue_requests",),
    run=overdue,
    kind="calculation",
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """Requests past the answer term of art. 88 c. 6."""
    return [SCADUTE]
