"""I registri del Comune in un periodo: collaborazioni, mansioni superiori, incarichi autorizzati.

«Quali collaborazioni risultano nel registro per il 2026?», «elenco delle mansioni superiori
assegnate quest'anno», «chi ha incarichi esterni autorizzati nel 2026?»: from the database,
the rows of the register the question names that run at some time in its period (the year
it names, the month, or the day of the question), each with what the text requires of it.
The Registro degli incarichi holds every incarico the administration gives (art. 72 c. 1);
higher duties are given only in the cases of art. 13 c. 1; an employee's outside incarichi
are authorised under art. 88. Plain look-ups: they decide nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import question_date
from ordina.formato import data, numero
from ordina.hookspecs import hookimpl
from ordina.query.periods import describe
from ordina.store.office_queries import public_copy_lacks

#: At most this many rows are listed; the others are counted.
MAX_RIGHE = 40
#: Limits of how an answer is shown, not numbers of the regulation.
NON_NORMATIVI = ('MAX_RIGHE',)


@dataclass(frozen=True)
class Register:
    """One register: the words that name it, its comma, and how its rows are read."""

    key: str
    title: str
    title_en: str
    cite: str
    words: re.Pattern[str]
    rows: Callable[[Any, date, date, int | None], list[str]]
    every_one: bool = False  # a question with no period lists every row on record


def _overlaps(start: str | None, end: str | None, first: date, last: date) -> bool:
    """A row running from ``start`` to ``end`` (exclusive) at some time in the period."""
    return (start is None or start <= last.isoformat()) and (end is None
                                                              or end > first.isoformat())


def _euro(cents: int | None) -> str:
    return f", {numero(cents / 100, 2).removesuffix(',00')} €" if cents else ""


def _until(end: str | None) -> str:
    """The last day of a row whose end is exclusive ("fino al 28/02/2027")."""
    if not end:
        return ", senza termine"
    return f" al {data(date.fromisoformat(end) - timedelta(days=1))}"


def _collaborations(db: Any, first: date, last: date, person: int | None = None) -> list[str]:
    """The collaborations running in the period (an outside contractor: ``person`` unused)."""
    from ordina.store import queries as q
    from ordina.store.vocab import COLLABORATION_KINDS, COLLABORATION_PROCEDURES, label

    out = []
    for c in q.collaborations(db):
        if not _overlaps(c.valid_from, c.valid_to, first, last):
            continue
        published = (f"; pubblicato il {data(date.fromisoformat(c.publication_date))}"
                     if c.publication_date else "; **nessuna pubblicazione registrata** "
                     "(art. 71 c. 1)")
        out.append(f"- collaborazione {c.number} — **{c.contractor}**, {c.subject} "
                   f"({label(COLLABORATION_KINDS, c.kind)}{_euro(c.amount_cents)}; "
                   f"{label(COLLABORATION_PROCEDURES, c.procedure)}), dal "
                   f"{data(date.fromisoformat(c.valid_from)) if c.valid_from else '?'}"
                   f"{_until(c.valid_to)}{published}")
    return out


def _higher_duties(db: Any, first: date, last: date, person: int | None = None) -> list[str]:
    from ordina.store import queries as q
    from ordina.store.vocab import HIGHER_DUTY_REASONS, label

    out = []
    for h in q.higher_duties(db):
        if not _overlaps(h.valid_from, h.valid_to, first, last) or person not in (None,
                                                                                 h.person_id):
            continue
        who = q.person(db, h.person_id)
        replaced = q.person(db, h.replaces_person_id) if h.replaces_person_id else None
        why = label(HIGHER_DUTY_REASONS, h.reason) + (f" ({replaced.name})" if replaced else "")
        act = f"; {h.act}" if h.act else ""
        out.append(f"- **{who.name if who else h.person_id}**: mansioni di categoria "
                   f"{h.category} per {why}, dal {data(date.fromisoformat(h.valid_from))}"
                   f"{_until(h.valid_to)}{act}")
    return out


def _authorised(db: Any, first: date, last: date, person: int | None = None) -> list[str]:
    from ordina.store import queries as q

    out = []
    for year in range(first.year, last.year + 1):
        for a in q.external_assignments(db, person, year=year, status="autorizzato"):
            if not _overlaps(a.valid_from, a.valid_to, first, last):
                continue
            line = (f"- incarico {a.id} di **{a.person_name}** — {a.subject} ({a.client})"
                    f"{_euro(a.compensation_cents)}")
            if line not in out:
                out.append(line)
    return out


def _communicated(db: Any, first: date, last: date, person: int | None = None) -> list[str]:
    from ordina.store import queries as q

    out = []
    for a in q.external_assignments(db, person, status="comunicato"):
        if not _overlaps(a.valid_from, a.valid_to, first, last):
            continue
        since = (f", dal {data(date.fromisoformat(a.valid_from))}{_until(a.valid_to)}"
                 if a.valid_from else "")
        out.append(f"- incarico {a.id} di **{a.person_name}** — {a.subject} ({a.client})"
                   f"{_euro(a.compensation_cents)}{since}")
    return out


REGISTERS = (
    Register("collaborazioni", "Registro degli incarichi di collaborazione",
             "Register of collaboration assignments", "art. 72 c. 1",
             re.compile(r"\b(?:collaborazion\w*|collaborator\w*|consulen\w*|co\.?co\.?co|"
                        r"registro degli incarichi|consultanc\w*|consultants?)\b"),
             _collaborations),
    Register("mansioni", "Mansioni superiori assegnate", "Higher duties given", "art. 13 c. 1",
             re.compile(r"\b(?:mansioni superiori|higher(?:-grade)? duties)\b"),
             _higher_duties),
    Register("autorizzati", "Incarichi esterni autorizzati ai dipendenti",
             "Outside assignments authorised to the staff", "art. 88 c. 1",
             re.compile(r"\b(?:incarich\w*(?: \w+){0,3} autorizzat\w*|authori[sz]ed "
                        r"(?:outside |external )?(?:assignments|jobs))\b"),
             _authorised),
    # art. 89 c. 1: «non è necessaria l'autorizzazione ed è sufficiente la semplice
    # comunicazione»; with no period asked, every one on record (``every_one``)
    Register("comunicati", "Incarichi esterni soltanto comunicati (senza autorizzazione)",
             "Outside assignments only communicated (no authorisation)", "art. 89 c. 1",
             re.compile(r"\b(?:(?:solo |soltanto |semplicemente )?comunicat\w*|"
                        r"(?:only )?(?:notified|communicated))\b"),
             _communicated, every_one=True),
)


def _period(query: Any, ctx: Context) -> tuple[date, date]:
    """The period the question names ("nel 2026", "a marzo"), or its day."""
    first = question_date(query, ctx)
    until = (getattr(query, "facts", None) or {}).get("period_end")
    return first, until if isinstance(until, date) and until >= first else first


def _person_asked(query: Any) -> int | None:
    """The database id of the person the question names ("incarichi autorizzati a Rossi")."""
    subject = getattr(query, "subject", None)
    key = str(getattr(subject, "key", "") or "")
    return int(key) if getattr(subject, "kind", None) == "person" and key.isdigit() else None


def _no_period(query: Any) -> bool:
    """The question names neither a day nor a period."""
    facts = getattr(query, "facts", None) or {}
    return getattr(query, "as_of", None) is None and "period_end" not in facts


def register(query: Any, ctx: Context) -> Outcome:
    """The rows of the register the question names, in its period."""
    text = str(getattr(query, "text", "")).lower()
    named = [r for r in REGISTERS if r.words.search(text)] or [REGISTERS[0]]
    if ctx.db is None:
        return Outcome(None, "Per leggere i registri serve il database del personale.",
                       tuple(r.cite for r in named))
    lacks = public_copy_lacks(ctx.db, "collaborations")
    if lacks:  # a public copy holds no personal data: no register to read
        return Outcome(None, lacks, tuple(r.cite for r in named))
    first, last = _period(query, ctx)
    english = getattr(query, "lang", "it") == "en"
    if english:
        when = (f"from {data(first)} to {data(last)}" if last != first else f"on {data(first)}")
    else:
        when = describe(first, last) if last != first else f"al {data(first)}"
    undated = _no_period(query)
    person = _person_asked(query)
    parts = []
    for reg in named:
        if reg.every_one and undated:
            rows = reg.rows(ctx.db, date.min, date.max, person)
            said = "on record" if english else "registrati"
        else:
            rows = reg.rows(ctx.db, first, last, person)
            said = when
        more = len(rows) - MAX_RIGHE
        shown = rows[:MAX_RIGHE] + ([f"- … and {more} more" if english else
                                     f"- … e altri {more}"] if more > 0 else [])
        title = reg.title_en if english else reg.title
        if rows:
            source = "from the database" if english else "dal database"
            parts.append(f"**{title} {said}** ({len(rows)}, {reg.cite}, {source}):\n"
                         + "\n".join(shown))
        else:
            parts.append(f"{title}: nothing recorded {said} ({reg.cite})." if english else
                         f"{title}: nessuna voce {said} ({reg.cite}).")
    return Outcome(None, "\n\n".join(parts), tuple(r.cite for r in named))


REGISTRI = Lookup(
    id="registri.elenco",
    title="I registri del Comune in un periodo",
    citations=tuple(r.cite for r in REGISTERS),
    intents=("register",),
    run=register,
    kind="lookup",
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """The Comune's registers on a period."""
    return [REGISTRI]
