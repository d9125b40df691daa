"""Responsabili e interim di ogni unità a una data (art. 14 c. 1-2, art. 17 c. 1 e c. 3).

«Chi dirige le Aree il 1° marzo?», «heads of every unit next week»: for every Area,
Servizio and Ufficio in force on the date, the titular head with the act of appointment,
whether they are absent, and who holds the post ad interim. An Area whose head is absent
or missing with nobody ad interim is said plainly: the Sindaco names the substitute among
the other titolari di posizione organizzativa (art. 17 c. 1, c. 3). A period is answered
for each part where something changes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.offices import question_date, question_end, resolve_target
from ordina.hookspecs import hookimpl
from ordina.query.periods import Period, describe, segments_at
from ordina.store.office_queries import UnitHeads, head_changes, public_copy_lacks, unit_heads

#: The longest period answered part by part (a year and a day).
MAX_PERIOD_DAYS = 366

#: At most this many units are listed by name in each group; the others are counted.
MAX_RIGHE = 40
#: Limits of how an answer is shown, not numbers of the regulation.
NON_NORMATIVI = ('MAX_PERIOD_DAYS', 'MAX_RIGHE')

_ABSENCE_WORDS = {"maternita": "maternità", "congedo_parentale": "congedo parentale",
                  "paternita": "paternità"}


#: An uncovered Area: c. 1 allows the interim "in caso di vacanza o di assenza", c. 3 says
#: who names it.
_UNCOVERED = ("art. 17 c. 1", "art. 17 c. 3")
#: The Area's head names the heads of its Servizi.
SERVIZI_CITE = "art. 10 c. 3"


def _line(u: UnitHeads) -> tuple[str, tuple[str, ...]]:
    """One unit in words, and the commi the line rests on."""
    if u.head is None and u.interim is None:
        if u.kind == "area":
            vacant = (f"- **{u.unit}**: posto vacante e nessun interim: può essere affidato ad "
                      "interim a un altro titolare di posizione organizzativa (art. 17 c. 1), "
                      "che individua il Sindaco (art. 17 c. 3)")
            return vacant, _UNCOVERED
        return f"- **{u.unit}**: nessun responsabile nominato", ()
    text = f"- **{u.unit}**: "
    # the Area's head is its PO holder (art. 10 c. 1), appointed by the Sindaco (art. 14 c. 1)
    cite: tuple[str, ...] = ("art. 10 c. 1", "art. 14 c. 1") if u.kind == "area" else ()
    if u.head is not None:
        text += f"{u.head}" + (f" ({u.head_act})" if u.head_act else "")
        if u.head_absence:
            text += f", assente ({_ABSENCE_WORDS.get(u.head_absence, u.head_absence)})"
    else:
        text += "posto vacante"
    if u.interim is not None:
        text += f"; ad interim **{u.interim}**" + (f" ({u.interim_act})" if u.interim_act
                                                   else "") + " (art. 17 c. 1)"
        cite = ("art. 17 c. 1",)
    elif u.head_absence and u.kind == "area":
        text += ("; nessun interim: può essere affidato ad interim a un altro titolare di "
                 "posizione organizzativa (art. 17 c. 1), che individua il Sindaco "
                 "(art. 17 c. 3)")
        cite = _UNCOVERED
    return text, cite


def _units(db: Any, on: date, only: int | None) -> tuple[UnitHeads, ...]:
    rows = unit_heads(db, on)
    return tuple(r for r in rows if only is None or r.unit_id == only)


def _body(rows: tuple[UnitHeads, ...], cites: list[str]) -> str:
    lines, nobody, services = [], [], False
    for row in rows:
        text, line_cites = _line(row)
        if row.head is None and row.interim is None and row.kind != "area":
            nobody.append(row.unit)
            services = services or row.kind == "servizio"
            continue
        lines.append(text)
        cites.extend(c for c in line_cites if c not in cites)
    if len(lines) > MAX_RIGHE:
        lines = [*lines[:MAX_RIGHE], f"- … e altre {len(lines) - MAX_RIGHE} unità"]
    if nobody:
        more = f" e altre {len(nobody) - MAX_RIGHE}" if len(nobody) > MAX_RIGHE else ""
        lines.append(f"- senza responsabile nominato: {', '.join(nobody[:MAX_RIGHE])}{more}"
                     + (f"; i Responsabili dei Servizi li individuano i Responsabili di Area "
                        f"({SERVIZI_CITE}), e fino ad allora ne risponde l'Area"
                        if services else ""))
        if services and SERVIZI_CITE not in cites:
            cites.append(SERVIZI_CITE)
    return "\n".join(lines) or "- nessuna unità in vigore"


def _changes(before: tuple[UnitHeads, ...], after: tuple[UnitHeads, ...],
             cites: list[str]) -> str:
    """Only the units whose head, absence or interim changed."""
    old = {r.unit_id: r for r in before}
    changed = tuple(r for r in after if old.get(r.unit_id) != r)
    return _body(changed, cites)


def _period_text(parts: list[tuple[date, date, tuple[UnitHeads, ...]]],
                 cites: list[str]) -> str:
    first, last, rows = parts[0]
    if len(parts) == 1:
        return (f"**{describe(first, last).capitalize()}** responsabili e interim non "
                f"cambiano:\n" + _body(rows, cites))
    out = [f"**{describe(first, last).capitalize()}**:\n" + _body(rows, cites)]
    for (_f, _l, prev), (start, end, now) in pairwise(parts):
        out.append(f"**{describe(start, end).capitalize()}** cambia:\n"
                   + _changes(prev, now, cites))
    return "\n\n".join(out)


def heads(query: Any, ctx: Context) -> Outcome:
    """Heads and interims of every unit (or of the unit named) on the date or period."""
    if ctx.db is None:
        return Outcome(None, "Per sapere chi dirige le unità serve il database.", ("art. 14 c. 1",))
    on = question_date(query, ctx)
    subject = getattr(query, "subject", None)
    only = None
    if subject is not None and getattr(subject, "kind", "") == "unit":
        target = resolve_target(ctx.db, subject, on)
        only = target[1] if target and target[0] == "unita" else None
    until = question_end(query, on, MAX_PERIOD_DAYS)
    if only is not None and until is None and not _units(ctx.db, on, only):
        # "chi era a capo dell'unità PNRR il 10 gennaio 2026?": the unit did not exist then,
        # and the directory says when it was set up or ended (art. 11 c. 1)
        from ordina.directory import answer_lookup

        found = answer_lookup(replace(query, intent="who"), ctx.db, on)
        if found is not None:
            return Outcome(None, found.answer, tuple(found.citations))
    cites: list[str] = []
    if until is not None:
        parts = segments_at(Period(on, until), head_changes(ctx.db, on, until),
                            lambda day: _units(ctx.db, day, only))
        text = _period_text(parts, cites)
    else:
        text = f"**Responsabili al {on.strftime('%d/%m/%Y')}**:\n" + _body(
            _units(ctx.db, on, only), cites)
    steps = (TraceStep("Gli incarichi di Responsabile di Area sono conferiti dal Sindaco a "
                       "dipendenti di categoria D.", "art. 14 c. 1"),
             TraceStep("In caso di vacanza o assenza del titolare l'incarico può essere "
                       "affidato ad interim a un altro titolare di posizione organizzativa.",
                       "art. 17 c. 1"),
             TraceStep("All'individuazione del sostituto provvede il Sindaco.", "art. 17 c. 3"))
    lacks = public_copy_lacks(ctx.db, "absences")
    if lacks:
        text += f"\n\n{lacks} Non si sa quindi chi dei responsabili sia assente."
    rows = _units(ctx.db, on, only)
    data = {"unita": len(rows),
            "scoperte": [r.unit for r in rows if r.kind == "area" and r.interim is None
                         and (r.head is None or r.head_absence)]}
    return Outcome(None, text, tuple(cites or ["art. 14 c. 1"]), steps, data=data)


RESPONSABILI = Lookup(
    id="responsabili_unita.elenco",
    title="Responsabili e interim di ogni unità a una data",
    citations=("art. 10 c. 1", "art. 14 c. 1", "art. 17 c. 1", "art. 17 c. 3"),
    intents=("unit_heads",),
    run=heads,
    kind="calculation",
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """Heads and interims of every unit on a date (art. 14, 17)."""
    return [RESPONSABILI]
