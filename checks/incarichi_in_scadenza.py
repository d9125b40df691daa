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

import re
from datetime import date
from pathlib import Path
from typing import Any

from ordina import termini
from ordina.answer import TraceStep
from ordina.calendar import Calendario
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.dbfacts import has_table, patron_saint
from ordina.formato import data
from ordina.hookspecs import hookimpl
from ordina.limits import add_days
from ordina.plugins import import_path
from ordina.query.vocabulary import store_office_code

#: How far ahead «in scadenza» looks when the question does not say.
GIORNI_ORIZZONTE = 90
#: Numbers of this module that are not the regulation's (arithmetic, display).
NON_NORMATIVI = ("GIORNI_ORIZZONTE",)

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
INCARICO = (("l'autorizzazione copre la durata indicata nella richiesta: se l'incarico prosegue "
             "serve una nuova richiesta"), "art. 88 c. 5 lett. d")
MANSIONI = (("per un posto vacante al massimo 6 mesi, 12 se è in corso la copertura; per "
            "un'assenza, la durata dell'assenza"), "art. 13 c. 1")


#: Rules by kind of item of :func:`ordina.store.queries.expiring`.
BY_KIND: dict[str, tuple[str, str]] = {"collaborazione": COLLABORAZIONE,
                                       "mansioni_superiori": MANSIONI,
                                       "incarico_esterno": INCARICO}

_POLITICAL = ("sindaco", "vice_sindaco", "assessore", "consigliere", "presidente_consiglio")


#: A question about the staff's outside incarichi or the collaborations, which
#: «contratti in scadenza» lists with their own rules (art. 88 c. 5, art. 68 c. 3).
_OUTSIDE_WORK = re.compile(r"incarich\w* (?:esterni|extra)|extra-?istituzional|outside (?:job|"
                           r"assignment|work|appointment)|external (?:job|assignment)|"
                           r"collaborazion|collaboration|consulen")


def _window(query: Any, ctx: Context) -> tuple[date, int]:
    """Start and length of the window: the question's days or date, else 90 days from today.

    ``a marzo 2027`` (a date on the first of a month, no days) is the whole month.
    """
    facts = getattr(query, "facts", None) or {}
    asked = getattr(query, "as_of", None)
    until, days = facts.get("date"), facts.get("days")
    if isinstance(days, (int, float)) and days > 0:
        return asked or ctx.as_of, int(days)
    said = until if isinstance(until, date) else asked
    end = facts.get("period_end")
    if isinstance(said, date) and isinstance(end, date) and end >= said:
        return said, (end - said).days  # "entro fine anno", "nel primo trimestre 2027"
    if said is not None and said.day == 1 and "entro" not in str(getattr(query, "text", "")):
        following = date(said.year + said.month // 12, said.month % 12 + 1, 1)
        return said, (following - said).days - 1
    if said is not None and said > ctx.as_of:
        return ctx.as_of, (said - ctx.as_of).days
    return asked or ctx.as_of, GIORNI_ORIZZONTE


def _rule(db: Any, item: dict[str, Any]) -> tuple[str, str] | None:
    """What the text says happens when this item ends."""
    if item["kind"] == "incarico":
        row = db.conn.execute("SELECT office, ad_interim FROM offices WHERE id = ?",
                              (item["id"],)).fetchone()
        if row is None:
            return None
        return INTERIM if row[1] else AT_THE_END.get(row[0])
    if item["kind"] == "contratto":
        row = db.conn.execute("SELECT contract FROM employments WHERE id = ?",
                              (item["id"],)).fetchone()
        return ART110 if row and row[0] == "art110" else None
    return BY_KIND.get(item["kind"])


def _political(db: Any, item: dict[str, Any]) -> bool:
    if item["kind"] != "incarico":
        return False
    row = db.conn.execute("SELECT office FROM offices WHERE id = ?", (item["id"],)).fetchone()
    return bool(row) and row[0] in _POLITICAL


def _requests(db: Any, on: date, end: date, cal: Calendario, steps: list[TraceStep],
              today: date) -> list[str]:
    """Unanswered requests whose 30 days (art. 88 c. 6) end in the window or already ended."""
    if not has_table(db, "external_assignments"):
        return []
    out = []
    term = termini.RISPOSTA_AUTORIZZAZIONE
    for aid, name, subject, asked, client in db.conn.execute(
            "SELECT a.id, p.given_name || ' ' || p.surname, a.subject, a.request_date, "
            "a.client_type FROM external_assignments a JOIN people p ON p.id = a.person_id "
            "WHERE a.status = 'in_attesa' AND a.request_date <= ? ORDER BY a.request_date",
            (today.isoformat(),)):
        due = cal.scadenza(date.fromisoformat(asked), term.value)
        if not (on <= due.effettiva <= end or due.effettiva < today):
            continue
        silence = "assenso" if client == "pa" else "diniego"
        state = ("termine scaduto: " if due.effettiva < today else
                 "da rispondere entro questa data, altrimenti ")
        moved = (f" (spostata dal {data(due.nominale)}: "
                 + "; ".join(n for _, n in due.rinvii) + ")") if due.spostata else ""
        out.append(f"- {data(due.effettiva)}{moved}: risposta alla richiesta dell'incarico "
                   f"{aid} di {name} ({subject}), presentata il "
                   f"{data(date.fromisoformat(asked))}: {state}il silenzio vale {silence} "
                   f"({term.cite})")
        steps += due.passi(f"la risposta alla richiesta dell'incarico {aid}", term.cite)
    return out


def _office_term(ctx: Context, key: str, on: date) -> Outcome:
    """ "quando scade l'incarico dell'RSPP?": the term of the office's holders on ``on``."""
    from ordina.store.queries import office_holders
    from ordina.store.vocab import OFFICES

    code = store_office_code(key)
    term = OFFICES.get(code)
    label = term.label if term is not None else key.replace("_", " ")
    cites = [term.citation] if term is not None and term.citation else []
    holders = office_holders(ctx.db, code, on)
    if not holders:
        return Outcome(None, f"Al {data(on)} nessuno ricopre l'incarico di {label}.",
                       tuple(cites))
    lines = []
    for h in holders:
        ends = (f"scade il {data(add_days(date.fromisoformat(h.valid_to), -1))}"
                if h.valid_to else "senza scadenza nel database")
        lines.append(f"- **{h.person_name}**: {ends}" + (f" ({h.act})" if h.act else ""))
    rule = INTERIM if any(h.ad_interim for h in holders) else AT_THE_END.get(code)
    text = f"**{label}** al {data(on)} (dal database: incarichi):\n" + "\n".join(lines)
    if rule is not None:
        text += f"\n\nAlla scadenza: {rule[0]} ({rule[1]})."
        cites.append(rule[1])
    return Outcome(None, text, tuple(dict.fromkeys(cites)))


def _lookup(query: Any, ctx: Context) -> Outcome:
    if ctx.db is None:
        return Outcome(None, "Per sapere quali incarichi scadono serve il database del "
                             "personale.", ("art. 14 c. 3",))
    subject = getattr(query, "subject", None)
    if getattr(subject, "kind", None) == "office" and getattr(subject, "key", None):
        return _office_term(ctx, subject.key, getattr(query, "as_of", None) or ctx.as_of)
    if _OUTSIDE_WORK.search(str(getattr(query, "text", "")).lower()):
        # "quali incarichi esterni dei dipendenti finiscono entro fine anno?": the staff's
        # outside incarichi and the collaborations, with their own rules
        ending = import_path(Path(__file__).with_name("contratti_in_scadenza.py"),
                             "ordina_checks").ending
        return ending(query, ctx)
    from ordina.store.queries import expiring

    start, days = _window(query, ctx)
    end = add_days(start, days)  # "entro 99999999 giorni": up to the last date ordina knows
    steps: list[TraceStep] = []
    items = [i for i in expiring(ctx.db, start, days) if not _political(ctx.db, i)]
    requests = _requests(ctx.db, start, end, Calendario.da_ambiente(patron_saint(ctx.db)),
                         steps, ctx.as_of)
    cites: list[str] = []
    lines = []
    for item in items:
        last = date.fromisoformat(item["last_day"])
        rule = _rule(ctx.db, item)
        line = f"- {data(last)}: {item['what']}"
        if rule is not None:
            line += f" — {rule[0]} ({rule[1]})"
            cites.append(rule[1])
        lines.append(line)
        steps.append(TraceStep(f"{item['what']}: ultimo giorno {data(last)}.",
                               rule[1] if rule else None))
    head = f"**In scadenza nei {days} giorni dal {data(start)}** (fino al {data(end)})"
    parts = [head + ":\n" + "\n".join(lines) if lines else head + ": nessun incarico."]
    if requests:
        parts.append("**Richieste di autorizzazione senza risposta** (30 giorni contati con le "
                     "festività, art. 2963 c.c.):\n" + "\n".join(requests))
        cites.append(termini.RISPOSTA_AUTORIZZAZIONE.cite)
    # each line names its own comma; the answer cites the first few, the trace all of them
    from ordina.engine.answering import MAX_CITATIONS

    return Outcome(None, "\n\n".join(parts), tuple(dict.fromkeys(cites))[:MAX_CITATIONS],
                   tuple(steps), data={"fino_al": end.isoformat(), "incarichi": len(items),
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
