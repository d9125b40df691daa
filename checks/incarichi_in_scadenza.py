"""Incarichi in scadenza: what ends, or must be answered, in the coming days.

«Incarichi in scadenza» lists, from the database as of the date, within a horizon (90 days,
or the days or the date the question states):

* appointments that end — Responsabili di Area (art. 14 c. 3), Vice Segretario (art. 7 c. 2),
  interim (art. 17 c. 1), Nucleo (art. 38 c. 1), other offices — with what the text says
  happens then;
* contracts ex art. 110 (art. 53 c. 4), collaborations (art. 68 c. 3: no renewal), higher
  duties (art. 13 c. 1) and authorised external assignments that end;
* requests for authorisation still unanswered, with the 30-day term of art. 88 c. 6 counted
  on the Comune's calendar (art. 2963 c.c.) and what silence will mean.

Periods in the database are half-open: ``valid_to`` is the first day *after* the period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ordina import termini
from ordina.answer import TraceStep
from ordina.calendar import Calendario
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.dbfacts import has_table, patron_saint
from ordina.engine.offices import question_date
from ordina.formato import data
from ordina.hookspecs import hookimpl

#: How far ahead «in scadenza» looks when the question does not say.
GIORNI_ORIZZONTE = 90

#: What the text says when an appointment of this kind ends.
AT_THE_END: dict[str, tuple[str, str]] = {
    "responsabile_area": (("la durata non supera il mandato del Sindaco; alla scadenza del "
                          "mandato il Responsabile resta in carica fino alla nuova nomina"),
                          "art. 14 c. 3"),
    "vice_segretario": ("l'incarico non eccede il mandato del Sindaco", "art. 7 c. 2"),
    "componente_nucleo": ("i componenti restano in carica fino al rinnovo del Nucleo",
                          "art. 38 c. 1"),
}
INTERIM = (("l'interim è a tempo determinato, eventualmente rinnovabile, e lo decide il "
           "Sindaco"), "art. 17 c. 1")
ART110 = ("il contratto non supera il mandato del Sindaco e cessa con l'insediamento del nuovo",
          "art. 53 c. 4")
COLLABORAZIONE = (("di regola non si rinnova; si può prorogare solo per completare i progetti, "
                  "per ritardi non imputabili al collaboratore e a compenso invariato"),
                  "art. 68 c. 3")
MANSIONI = (("per un posto vacante al massimo 6 mesi, 12 se è in corso la copertura; per "
            "un'assenza, la durata dell'assenza"), "art. 13 c. 1")


@dataclass(frozen=True)
class Item:
    """One thing that ends (or falls due) on ``last``."""

    last: date
    what: str
    act: str | None
    rule: tuple[str, str] | None


def _last(valid_to: str | None) -> date | None:
    """The last day of a half-open period."""
    return date.fromisoformat(valid_to) - timedelta(days=1) if valid_to else None


def _horizon(query: Any, on: date) -> date:
    facts = getattr(query, "facts", None) or {}
    days, until = facts.get("days"), facts.get("date")
    if isinstance(until, date) and until > on:
        return until
    if isinstance(days, (int, float)) and days > 0:
        return on + timedelta(days=int(days))
    return on + timedelta(days=GIORNI_ORIZZONTE)


def _rows(db: Any, sql: str, on: date, end: date) -> list[tuple]:
    return db.conn.execute(sql, {"on": on.isoformat(), "end": end.isoformat()}).fetchall()


def _offices(db: Any, on: date, end: date) -> list[Item]:
    out = []
    for name, office, unit, valid_to, act, interim in _rows(db, (
            "SELECT p.given_name || ' ' || p.surname, o.office, u.name, o.valid_to, o.act, "
            "o.ad_interim FROM offices o JOIN people p ON p.id = o.person_id "
            "LEFT JOIN units u ON u.id = o.unit_id WHERE o.valid_from <= :on "
            "AND o.valid_to > :on AND o.valid_to <= :end AND o.office NOT IN "
            "('sindaco', 'vice_sindaco', 'assessore', 'consigliere', 'presidente_consiglio') "
            "ORDER BY o.valid_to"), on, end + timedelta(days=1)):
        from ordina.store.vocab import OFFICES, label

        what = f"{label(OFFICES, office)}" + (f" ({unit})" if unit else "") \
            + (" ad interim" if interim else "") + f": {name}"
        rule = INTERIM if interim else AT_THE_END.get(office)
        out.append(Item(_last(valid_to), what, act, rule))  # type: ignore[arg-type]
    return out


def _contracts(db: Any, on: date, end: date) -> list[Item]:
    out = []
    if has_table(db, "employments"):
        for name, valid_to, act in _rows(db, (
                "SELECT p.given_name || ' ' || p.surname, e.valid_to, e.act FROM employments e "
                "JOIN people p ON p.id = e.person_id WHERE e.contract = 'art110' "
                "AND e.valid_from <= :on AND e.valid_to > :on AND e.valid_to <= :end"),
                on, end + timedelta(days=1)):
            out.append(Item(_last(valid_to), f"contratto ex art. 110 di {name}", act,
                            ART110))  # type: ignore[arg-type]
    if has_table(db, "collaborations"):
        for number, who, subject, valid_to, act in _rows(db, (
                "SELECT number, contractor, subject, valid_to, act FROM collaborations "
                "WHERE valid_from <= :on AND valid_to > :on AND valid_to <= :end"),
                on, end + timedelta(days=1)):
            out.append(Item(_last(valid_to), f"collaborazione {number} ({who}): {subject}",
                            act, COLLABORAZIONE))  # type: ignore[arg-type]
    if has_table(db, "higher_duties"):
        for name, category, valid_to, act in _rows(db, (
                "SELECT p.given_name || ' ' || p.surname, h.category, h.valid_to, h.act "
                "FROM higher_duties h JOIN people p ON p.id = h.person_id "
                "WHERE h.valid_from <= :on AND h.valid_to > :on AND h.valid_to <= :end"),
                on, end + timedelta(days=1)):
            out.append(Item(_last(valid_to), f"mansioni superiori (categoria {category}) di "
                                             f"{name}", act, MANSIONI))  # type: ignore[arg-type]
    if has_table(db, "external_assignments"):
        for aid, name, subject, valid_to in _rows(db, (
                "SELECT a.id, p.given_name || ' ' || p.surname, a.subject, a.valid_to "
                "FROM external_assignments a JOIN people p ON p.id = a.person_id "
                "WHERE a.status = 'autorizzato' AND a.valid_from <= :on AND a.valid_to > :on "
                "AND a.valid_to <= :end"), on, end + timedelta(days=1)):
            out.append(Item(_last(valid_to), f"incarico esterno {aid} di {name}: {subject}",
                            None, None))  # type: ignore[arg-type]
    return out


def _requests(db: Any, on: date, end: date, cal: Calendario,
              steps: list[TraceStep]) -> list[str]:
    """Unanswered requests for authorisation and the end of their 30 days (art. 88 c. 6)."""
    if not has_table(db, "external_assignments"):
        return []
    out = []
    term = termini.RISPOSTA_AUTORIZZAZIONE
    for aid, name, subject, asked, client in db.conn.execute(
            "SELECT a.id, p.given_name || ' ' || p.surname, a.subject, a.request_date, "
            "a.client_type FROM external_assignments a JOIN people p ON p.id = a.person_id "
            "WHERE a.status = 'in_attesa' AND a.request_date <= ? ORDER BY a.request_date",
            (on.isoformat(),)):
        due = cal.scadenza(date.fromisoformat(asked), term.value)
        if due.effettiva > end:
            continue
        silence = "assenso" if client == "pa" else "diniego"
        state = ("termine scaduto: " if due.effettiva < on else
                 "da rispondere entro questa data, altrimenti ")
        moved = (f" (spostata dal {data(due.nominale)}: "
                 + "; ".join(n for _, n in due.rinvii) + ")") if due.spostata else ""
        out.append(f"- {data(due.effettiva)}{moved}: risposta alla richiesta dell'incarico "
                   f"{aid} di {name} ({subject}), presentata il "
                   f"{data(date.fromisoformat(asked))}: {state}il silenzio vale {silence} "
                   f"({term.cite})")
        steps += due.passi(f"la risposta alla richiesta dell'incarico {aid}", term.cite)
    return out


def _lookup(query: Any, ctx: Context) -> Outcome:
    if ctx.db is None:
        return Outcome(None, "Per sapere quali incarichi scadono serve il database del "
                             "personale.", ("art. 14 c. 3",))
    on = question_date(query, ctx)
    facts = getattr(query, "facts", None) or {}
    if isinstance(facts.get("date"), date) and facts["date"] > ctx.as_of:
        on = ctx.as_of
    end = _horizon(query, on)
    steps: list[TraceStep] = []
    items = sorted(_offices(ctx.db, on, end) + _contracts(ctx.db, on, end),
                   key=lambda i: (i.last, i.what))
    patron = patron_saint(ctx.db)
    requests = _requests(ctx.db, on, end, Calendario.da_ambiente(patron), steps)
    span = f"dal {data(on)} al {data(end)}"
    parts: list[str] = []
    if items:
        lines = []
        for i in items:
            line = f"- {data(i.last)}: {i.what}" + (f" ({i.act})" if i.act else "")
            if i.rule:
                line += f" — {i.rule[0]} ({i.rule[1]})"
            lines.append(line)
            steps.append(TraceStep(f"{i.what}: ultimo giorno {data(i.last)}.",
                                   i.rule[1] if i.rule else None))
        parts.append(f"**Incarichi che scadono {span}:**\n" + "\n".join(lines))
    else:
        parts.append(f"Nessun incarico scade {span}.")
    if requests:
        parts.append("**Richieste di autorizzazione senza risposta** (30 giorni contati con le "
                     "festività, art. 2963 c.c.):\n" + "\n".join(requests))
    cites = [i.rule[1] for i in items if i.rule]
    if requests:
        cites.append(termini.RISPOSTA_AUTORIZZAZIONE.cite)
    return Outcome(None, "\n\n".join(parts), tuple(dict.fromkeys(cites)), tuple(steps),
                   data={"fino_al": end.isoformat(), "incarichi": len(items),
                         "richieste": len(requests)})


IN_SCADENZA = Lookup(
    id="incarichi_in_scadenza.elenco",
    title="Incarichi in scadenza e richieste di autorizzazione da evadere",
    citations=("art. 7 c. 2", "art. 13 c. 1", "art. 14 c. 3", "art. 17 c. 1", "art. 38 c. 1",
               "art. 53 c. 4", "art. 68 c. 3", "art. 88 c. 6"),
    intents=("expiring_assignments",),
    run=_lookup,
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """«incarichi in scadenza»."""
    return [IN_SCADENZA]
