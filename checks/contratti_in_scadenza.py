"""Incarichi esterni, collaborazioni e contratti a termine che finiscono in un periodo
(art. 68 c. 3, art. 88 c. 5, art. 53 c. 4).

«Quali collaborazioni scadono entro marzo?», «incarichi che finiscono il mese prossimo»:
from the database, the authorised external assignments of the staff (Titolo IX) and the
collaboration contracts (Titolo VII) whose last day falls in the period of the question
(90 days from the date when it names none), soonest first, with what the text says then:
a collaboration is not renewed, and may be extended only to finish the project, for
delays not due to the collaborator and at the same fee (art. 68 c. 3); an incarico that
goes on past the duration in its request needs a new one (art. 88 c. 5 lett. d); a
fixed-term employment contract ends at the latest when the new Sindaco takes office
(art. 53 c. 4).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import question_date, resolve_target
from ordina.formato import data, numero
from ordina.hookspecs import hookimpl
from ordina.plugins import import_path
from ordina.query.periods import describe
from ordina.store.office_queries import Ending, ending_between, public_copy_lacks

_SCADENZE = import_path(Path(__file__).with_name("incarichi_in_scadenza.py"), "ordina_checks")
#: How far ahead the look-up looks when the question names no period (one home).
GIORNI_ORIZZONTE: int = _SCADENZE.GIORNI_ORIZZONTE
#: What art. 68 c. 3 says when a collaboration ends (one home, in incarichi_in_scadenza).
COLLABORAZIONE: tuple[str, str] = _SCADENZE.COLLABORAZIONE
#: At most this many are listed; the others are counted.
MAX_RIGHE = 40
#: How far ahead the look-up looks for the end of one named person's contracts.
ANNI_PER_UNA_PERSONA = 10
#: Limits of how an answer is shown, not numbers of the regulation.
NON_NORMATIVI = ('GIORNI_ORIZZONTE', 'MAX_RIGHE', 'ANNI_PER_UNA_PERSONA')
#: What art. 88 c. 5 lett. d says when an incarico ends (one home, in incarichi_in_scadenza).
INCARICO: tuple[str, str] = _SCADENZE.INCARICO

CONTRATTO = (("i contratti a tempo determinato non possono durare oltre il mandato del "
              "Sindaco in carica alla firma e cessano con l'insediamento del nuovo Sindaco"),
             "art. 53 c. 4")

_ONLY = {"collaborazione": ("collaborazion", "collaborator", "collaboration", "consulen",
                            "cococo", "co.co.co"),
         "incarico": ("incarich", "incarico", "assignment", "outside job", "external job"),
         "contratto": ("tempo determinato", "fixed-term", "fixed term", "art. 110", "art.110",
                       "art110", "ex 110", "contratto di lavoro", "contratti di lavoro",
                       "employment contract")}
#: What each kind cites when it ends, and how the answer names the kind.
_RULE = {"collaborazione": COLLABORAZIONE, "incarico": INCARICO, "contratto": CONTRATTO}
_NAMES = {"incarico": "incarichi esterni", "collaborazione": "collaborazioni",
          "contratto": "contratti a tempo determinato"}


def _kinds(text: str) -> tuple[str, ...]:
    """Which kinds the question asks for (all when it names none)."""
    low = text.lower()
    asked = tuple(k for k, words in _ONLY.items() if any(w in low for w in words))
    return asked or tuple(_ONLY)


def _line(e: Ending) -> str:
    amount = f", {numero(e.cents / 100, 2).removesuffix(',00')} €" if e.cents else ""
    if e.kind == "collaborazione":
        return (f"- {data(e.last_day)}: collaborazione {e.key} — {e.who}, {e.what}{amount}: "
                f"{COLLABORAZIONE[0]} ({COLLABORAZIONE[1]})")
    if e.kind == "contratto":
        return (f"- {data(e.last_day)} (ultimo giorno; cessa il "
                f"{data(e.last_day + timedelta(days=1))}): contratto di {e.who} — {e.what}: "
                f"{CONTRATTO[0]} ({CONTRATTO[1]})")
    waiting = " (richiesta ancora senza risposta, art. 88 c. 6)" if e.pending else ""
    return (f"- {data(e.last_day)}: incarico {e.key} di {e.who} — {e.what}{amount}{waiting}: "
            f"{INCARICO[0]} ({INCARICO[1]})")


def _person(query: Any, ctx: Context, on: date) -> int | None:
    """The employee the question names ("quando finisce l'incarico del Conti?"), if any."""
    subject = getattr(query, "subject", None)
    if subject is None or getattr(subject, "kind", "") not in ("person", "self"):
        return None
    target = resolve_target(ctx.db, subject, on)
    return target[1] if target and target[0] == "persona" else None


def ending(query: Any, ctx: Context) -> Outcome:
    """Incarichi and collaborations whose last day is in the period of the question."""
    if ctx.db is None:
        return Outcome(None, "Per sapere cosa scade serve il database del personale.",
                       (COLLABORAZIONE[1],))
    lacks = public_copy_lacks(ctx.db, "collaborations")
    if lacks:
        return Outcome(None, lacks, (COLLABORAZIONE[1],))
    first = question_date(query, ctx)
    until = (getattr(query, "facts", None) or {}).get("period_end")
    who = _person(query, ctx, first)
    # a person named with no period: their next end, however far ("quando finisce il
    # contratto del Galli?")
    ahead = GIORNI_ORIZZONTE if who is None else ANNI_PER_UNA_PERSONA * 366
    last = until if isinstance(until, date) and until >= first else \
        first + timedelta(days=ahead)
    kinds = _kinds(str(getattr(query, "text", "")))
    items = [e for e in ending_between(ctx.db, first, last) if e.kind in kinds
             and (who is None or e.person_id == who)]
    names = [_NAMES[k] for k in kinds]
    words = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " e " + names[-1]
    when = describe(first, last) if isinstance(until, date) or who is None else \
        f"dal {data(first)} in poi"
    if items:
        lines = [_line(e) for e in items[:MAX_RIGHE]]
        if len(items) > MAX_RIGHE:
            lines.append(f"- … e altri {len(items) - MAX_RIGHE}")
        text = f"**{words.capitalize()} che finiscono {when}** ({len(items)}):\n" + "\n".join(
            lines)
    else:
        text = f"Nessun{'a' if kinds == ('collaborazione',) else 'o'} tra {words} finisce {when}."
    cites = tuple(dict.fromkeys(_RULE[e.kind][1] for e in items))
    steps = tuple(TraceStep(f"{e.kind} {e.key}: ultimo giorno {data(e.last_day)}.",
                            _RULE[e.kind][1]) for e in items)
    return Outcome(None, text, cites or (COLLABORAZIONE[1],), steps,
                   data={"dal": first.isoformat(), "al": last.isoformat(),
                         "elenco": [f"{e.kind} {e.key}" for e in items]})


IN_SCADENZA = Lookup(
    id="contratti_in_scadenza.elenco",
    title="Incarichi esterni, collaborazioni e contratti a termine che finiscono in un periodo",
    citations=("art. 68 c. 3", "art. 88 c. 5 lett. d", "art. 53 c. 4"),
    intents=("ending_contracts",),
    run=ending,
    kind="calculation",
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """Incarichi and collaborations ending within a period."""
    return [IN_SCADENZA]
