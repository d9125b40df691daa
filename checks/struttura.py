"""Struttura organizzativa: every Servizio has its responsabile (art. 10).

Art. 10 c. 1 sets a responsabile over each unit: the Responsabili titolari di posizione
organizzativa over the Aree, «dipendenti di categoria adeguata» over the Servizi; c. 3
says the Responsabili di Area choose the Responsabili dei Servizi, who are normally
responsible for the Servizio's procedures. A Servizio with nobody appointed is a gap the
Area head fills. (Aree without a head, or with the head absent, are the art. 17 check in
``sostituzioni.py``.)
"""

from __future__ import annotations

from ordina.engine import Azione, Check, Context, FactSet, Outcome, Subject
from ordina.engine.offices import articled
from ordina.engine.vocabulary import FactSpec
from ordina.hookspecs import hookimpl
from ordina.store.organisation import area_of, services_with_heads, unit_chart


def _servizio(facts: FactSet) -> Outcome:
    """A finding when the Servizio has no responsabile on the date."""
    appointed = facts.get("service_head_appointed")
    if appointed is True:
        return Outcome(None, "Il Servizio ha il suo responsabile.", ("art. 10 c. 1",),
                       finding=False)
    if appointed is not False:
        return Outcome.needs(["service_head_appointed"], citations=("art. 10 c. 1",))
    area = facts.get("area_name")
    area_text = articled(area, "di") if isinstance(area, str) else "dell'Area"
    return Outcome(
        None, f"Servizio senza responsabile: nessun dipendente è preposto al Servizio "
              f"(art. 10 c. 1); lo individua il Responsabile {area_text} (art. 10 c. 3).",
        ("art. 10 c. 1", "art. 10 c. 3"),
        (),
        data={"area": area_text}, finding=True)


SERVIZIO = Check(
    id="struttura.responsabile_servizio",
    title="Servizio senza responsabile (art. 10)",
    citations=("art. 10 c. 1", "art. 10 c. 3"),
    intents=(),
    facts=("service_head_appointed", "area_name"),
    evaluate=_servizio,
    audit=("unita:servizio",),
    severity="attenzione",
    actions={"*": (Azione("il Responsabile {area} individua il responsabile del Servizio, "
                          "dipendente di categoria adeguata ai compiti", "art. 10 c. 3"),)},
)

EXTRA_FACTS = [
    FactSpec("service_head_appointed", "bool", (),
             "Il Servizio ha un responsabile nominato?"),
    FactSpec("area_name", "str", (), "A quale Area appartiene l'unità?"),
]


@hookimpl
def ordina_audit_subjects(ctx: Context) -> list[Subject] | None:
    """The Servizi in force on the date (none for the audit of one person)."""
    if ctx.db is None or ctx.person is not None:
        return None
    chart = unit_chart(ctx.db)
    out = []
    when = ctx.as_of.strftime("%d/%m/%Y")
    for service in services_with_heads(ctx.db, ctx.as_of):
        area = area_of(chart, service.parent_id)
        values = {"service_head_appointed": bool(service.heads),
                  "area_name": area.name if area else None}
        detail = f"al {when} ({service.name}" + (
            f": responsabile {', '.join(service.heads)})" if service.heads else ")")
        out.append(Subject("unita", service.id, service.name,
                           FactSet.from_values(values, "db", detail), ("servizio",),
                           unit=service.id))
    return out


@hookimpl
def ordina_fact_definitions() -> list[FactSpec]:
    """Facts about the Servizi."""
    return EXTRA_FACTS


@hookimpl
def ordina_checks() -> list[Check]:
    """The structure check."""
    return [SERVIZIO]
