"""The people tab's pages as Markdown: a unit with who heads it and who acts today,
a person with offices, absences, assignments and the audit findings that concern them.

Every fact comes from ``ordina.store.queries`` and every substitution from the engine
(the ``ordina_substitute`` hook); this module only writes them down. Call from a
worker thread, on that thread's own connection.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ordina.formato import it_date, period
from ordina.store import queries as q
from ordina.store.describe import holding_line
from ordina.tui.links import escape, unit_href


def person_link(person_id: int, name: str) -> str:
    """A link to a person's page."""
    return f"[{escape(name)}](person:{person_id})"


def org_link(unit_id: int, name: str) -> str:
    """A link to a unit's page."""
    return f"[{escape(name)}](org:{unit_id})"


def _cite(corpus: Any, citation: str | None) -> str:
    unit = corpus.by_citation(citation) if citation else None
    return f" ([{escape(citation)}]({unit_href(unit.eid)}))" if unit else (
        f" ({escape(citation)})" if citation else "")


def _chain(ctx: Any, person_id: int, on: date) -> list[str]:
    chain = ctx.checks().pm.hook.ordina_substitute(ctx=ctx, person_id=person_id, on=on)
    if chain is None or chain.present:
        return []
    lines = [f"{n}. {escape(s.step)}{_cite(ctx.corpus, s.citation)}"
             for n, s in enumerate(chain.steps, 1)]
    if chain.acting is not None:
        lines.append(f"\n**Oggi agisce:** {person_link(chain.acting.person_id, chain.acting.name)}")
    if chain.gap:
        lines.append(f"\n**Lacuna:** {escape(chain.gap)}")
    return lines


def unit_page(ctx: Any, unit_id: int) -> str:
    """A unit: parent, head (absent?) and who acts today, sub-units, staff."""
    db, on = ctx.db, ctx.as_of
    unit = q.unit(db, unit_id)
    if unit is None:
        return "Unità non trovata."
    out = [f"# {escape(unit.name)}", "", f"*{escape(unit.kind_label)}*"]
    parent = q.unit(db, unit.parent_id) if unit.parent_id else None
    if parent is not None:
        out[-1] += f" · in {org_link(parent.id, parent.name)}"
    out.append("")
    head = q.unit_head(db, unit_id, on)
    if head is None:
        out += ["**Responsabile:** nessuno alla data", ""]
    else:
        out += [(f"**Responsabile:** {person_link(head.person_id, head.person_name)} — "
                f"{escape(holding_line(head))}"), ""]
        out += _chain(ctx, head.person_id, on) + [""]
    subunits = q.units(db, on, parent_id=unit_id)
    if subunits:
        out += ["## Unità", ""] + [f"- {org_link(u.id, u.name)} ({escape(u.kind_label)})"
                                   for u in subunits] + [""]
    holders = [h for h in q._current_offices(db, "unit_id = :unit", {"on": on.isoformat(),
                                                                        "unit": unit_id})
               if head is None or h.id != head.id]
    if holders:
        out += ["## Incarichi", ""] + [f"- {person_link(h.person_id, h.person_name)}: "
                                       f"{escape(holding_line(h))}" for h in holders] + [""]
    if q.has_personal_data(db):
        staff = q.employees(db, on, unit_id=unit_id)
        if staff:
            out += ["## Personale", ""]
            for job in staff:
                who = q.person(db, job.person_id)
                out.append(f"- {person_link(job.person_id, who.name if who else '?')}: "
                           f"cat. {escape(job.category)}, {escape(job.profile or '')}")
    return "\n".join(out).rstrip() + "\n"


def findings_for(report: Any, person: Any) -> list[tuple[int, Any]]:
    """``(index in the report, finding)`` of the audit findings about ``person``."""
    if report is None:
        return []
    return [(i, f) for i, f in enumerate(report.findings)
            if (f.subject_kind == "persona" and str(f.subject_key) == str(person.id))
            or person.name in f.subject]


def person_page(ctx: Any, person_id: int, report: Any = None) -> str:
    """A person: classification, offices, absences and who stands in, assignments, findings."""
    db, on = ctx.db, ctx.as_of
    person = q.person(db, person_id)
    if person is None:
        return "Persona non trovata."
    out = [f"# {escape(person.name)}", "", f"*codice {escape(person.code)}*", ""]
    offices = q.offices_of(db, person_id, on)
    out += ["## Incarichi", ""] + ([f"- {escape(holding_line(h))}" + (
        f" — {org_link(h.unit_id, h.unit_name or '')}" if h.unit_id else "") for h in offices]
        or ["- nessuno alla data"]) + [""]
    if not q.has_personal_data(db):
        out += [("*Dati personali non presenti: questo database contiene solo struttura e "
                "incarichi (database pubblico).*")]
        return "\n".join(out) + "\n"
    job = q.employment(db, person_id, on)
    if job is not None:
        time = "tempo pieno" if job.full_time else f"part-time {job.part_time_pct}%"
        area = f" ({escape(job.area)})" if job.area else ""
        unit = org_link(job.unit_id, job.unit_name or "") if job.unit_id else ""
        out = out[:4] + ["## Inquadramento", "",
                         (f"Categoria {escape(job.category)}{area}, {escape(job.profile or '')}; "
                         f"{unit}; {escape(job.contract_label)}, {time}; "
                         f"assunto il {it_date(person.hire_date)}"), ""] + out[4:]
    absences = q.absences(db, person_id, on)
    if absences:
        out += ["## Assenze", ""] + [f"- {escape(a.kind_label)} {period(a.valid_from, a.valid_to)}"
                                     for a in absences] + [""]
        out += ["**Chi lo sostituisce oggi**", ""] + _chain(ctx, person_id, on) + [""]
    assignments = q.external_assignments(db, person_id=person_id)
    if assignments:
        out += ["## Incarichi esterni", ""]
        out += [f"- n. {a.id}: {escape(a.subject)} per {escape(a.client)} — "
                f"{escape(a.status_label)}" for a in assignments] + [""]
    findings = findings_for(report, person)
    out += ["## Rilievi aperti (verifiche)", ""] + (
        [f"- **{escape(f.severity)}** [{escape(f.title)}](finding:{i}): "
         f"{escape(f.subject)}" for i, f in findings] if findings else ["- nessuno"])
    return "\n".join(out).rstrip() + "\n"
