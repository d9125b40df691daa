"""Filling a template from a register entry: heading, Visti, facts, reasoning, dispositivo.

The reasoning is the receipt's trace, comma by comma; the "Visti" on the regulation are
the commi that trace cites, with the national acts those commi cite in turn (and their
URN on Normattiva). A municipal regulation has no URN:NIR of its own: its commi are
cited by article and comma, with the words in force.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from ordina import leggi, termini
from ordina.acts.model import Act, Link
from ordina.acts.templates import fill, for_subject, load_template
from ordina.calendar import Calendario
from ordina.corpus.loader import corpus_as_of
from ordina.corpus.refs import parse_act_reference
from ordina.deadlines.collect import corte_conti
from ordina.engine.dbfacts import patron_saint
from ordina.errors import UnknownReference, UserError
from ordina.facts import FACTS
from ordina.formato import data, euro
from ordina.register.proposal import OUTCOME_LABELS
from ordina.register.subject import Ref
from ordina.store import queries as q
from ordina.store.decisions import DecisionRow

BLANK = "______"
REGULATION = "Regolamento sull'ordinamento degli uffici e dei servizi"
QUOTE_CHARS = 220


def _day(text: str | None, last: bool = False) -> str | None:
    """``12/03/2026``; with ``last`` the day before (``valid_to`` is exclusive)."""
    if not text:
        return None
    day = date.fromisoformat(text)
    return data(day - timedelta(days=1) if last else day)


def _cents(value: int | None) -> str | None:
    return None if value is None else euro(Decimal(value) / 100)


def _unit_name(db: Any, unit_id: int | None) -> str | None:
    unit = q.unit(db, unit_id) if unit_id else None
    return unit.name if unit else None


def fields(db: Any, row: DecisionRow, receipt: dict[str, Any]) -> dict[str, Any]:
    """The values of the template's ``$fields`` for this decision."""
    decided = date.fromisoformat(receipt["decision"]["decided_at"][:10])
    cal = Calendario.da_ambiente(patron_saint(db))
    out: dict[str, Any] = {
        "comune": q.ente(db).get("nome", "Comune"), "esito": OUTCOME_LABELS[row.outcome],
        "decide": row.decided_by, "data_decisione": data(decided), "voce": row.id,
        "giorni_perlapa": leggi.PERLAPA.value,
        "scadenza_perlapa": data(cal.scadenza(decided, leggi.PERLAPA.value).effettiva),
        "giorni_diffida": termini.DIFFIDA.value,
        "soglia_corte_conti": euro(corte_conti().value),
    }
    on = date.fromisoformat(row.as_of)
    if row.subject_kind == "incarico":
        a = q.assignment(db, int(row.subject_key))
        if a is not None:
            job = q.employment(db, a.person_id, on)
            out.update(dipendente=a.person_name, oggetto=a.subject, committente=a.client,
                       tipo_committente=a.client_type_label if a.client_type else None,
                       compenso=_cents(a.compensation_cents), luogo=a.place,
                       dal=_day(a.valid_from), al=_day(a.valid_to, last=True),
                       data_richiesta=_day(a.request_date),
                       ufficio=_unit_name(db, job.unit_id) if job else None)
    elif row.subject_kind == "part_time":
        r = next((x for x in q.part_time_requests(db) if x.id == int(row.subject_key)), None)
        if r is not None:
            job = q.employment(db, r.person_id, on)
            who = q.person(db, r.person_id)
            out.update(dipendente=f"{who.given_name} {who.surname}" if who else None,
                       percentuale=r.percentage, attivita=r.activity,
                       data_richiesta=_day(r.request_date),
                       ufficio=_unit_name(db, job.unit_id) if job else None)
    else:
        c = q.collaboration(db, row.subject_key)
        if c is not None:
            out.update(collaboratore=c.contractor, oggetto=c.subject,
                       compenso=_cents(c.amount_cents), procedura=c.procedure,
                       atto_conferimento=c.act, dal=_day(c.valid_from),
                       al=_day(c.valid_to, last=True), ufficio=_unit_name(db, c.unit_id),
                       voce_contratto=c.number)
    return out


def _act_links(ref: str) -> tuple[Link, ...]:
    return tuple(Link(r.label, r.url, r.urn) for r in parse_act_reference(ref) if r.url)


def regulation_visti(receipt: dict[str, Any], on: date) -> list[tuple[str, tuple[Link, ...]]]:
    """One "Visto" per comma the trace cites, with its words and the acts it cites."""
    corpus = corpus_as_of(on)
    cites = list(dict.fromkeys([*(s["citation"] for s in receipt["trace"] if s["citation"]),
                                *receipt["proposal"]["citations"]]))
    out = []
    for cite in cites:
        try:
            unit = corpus.resolve(cite)
        except UnknownReference:
            continue
        words = " ".join(corpus.full_text(unit).split())
        if len(words) > QUOTE_CHARS:
            words = words[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
        scope = [unit.eid] + [d.eid for d in corpus.descendants(unit)]
        links = tuple(dict.fromkeys(Link(r.label, r.url, r.urn or "")
                                    for r in corpus.refs.cites(scope) if r.url))
        out.append((f"l'{unit.citation} del {REGULATION} («{words}»)", links))
    return out


def build_act(db: Any, row: DecisionRow) -> Act:
    """The draft act of register entry ``row``."""
    receipt = json.loads(row.receipt)
    tpl = load_template(row.act_kind)
    f = fields(db, row, receipt)
    kind = row.subject_kind
    act = Act(row.act_kind, f"{row.act_kind}_{Ref(kind, row.subject_key).label}"
              .replace(" ", "_").replace("/", "-"))
    act.add("ente", str(f["comune"]).upper())
    act.add("ente", f.get("ufficio") or "[ufficio]")
    act.add("titolo", f"DETERMINAZIONE N. {BLANK} DEL {BLANK} — "
                      f"{fill(for_subject(tpl['titolo'], kind), f)}")
    act.add("testo", f"Prot. n. {BLANK} del {BLANK}")
    act.add("oggetto", "OGGETTO: " + fill(for_subject(tpl["oggetto"], kind), f))
    act.add("sezione", "IL RESPONSABILE")
    act.add("testo", "Visti:")
    for visto in tpl["visti"]:
        text, links = _item(visto, f)
        act.add("voce", text + ";", links)
    for text, links in regulation_visti(receipt, date.fromisoformat(row.as_of)):
        act.add("voce", text + ";", links)
    act.add("testo", "Vista " + fill(for_subject(tpl["fatti"], kind), f) + ";")
    stated = [x for x in receipt["facts"] if x["source"] in ("opzione", "domanda", "intervista")]
    if stated:
        act.add("testo", "Accertato dall'ufficio, in istruttoria:")
        for x in stated:
            fact = FACTS.get(x["name"])
            asked = fact.question if fact else x["name"].replace("_", " ").capitalize() + "?"
            act.add("voce", f"{asked} {_value(x['value']).capitalize()};")
    act.add("testo", "Considerato che, sulla base dei fatti risultanti dagli atti "
                     f"d'ufficio alla data del {data(date.fromisoformat(row.as_of))}:")
    for step in receipt["trace"]:
        act.add("voce", step["step"] + (f" ({step['citation']})" if step["citation"] else ""))
    proposed = OUTCOME_LABELS.get(row.proposed or "", "nessuno, per mancanza di dati")
    if row.differs:
        act.add("testo", f"Ritenuto, diversamente dall'esito proposto dall'istruttoria "
                         f"({proposed}), di decidere «{OUTCOME_LABELS[row.outcome]}» per il "
                         f"seguente motivo: {row.note}.")
    elif row.note:
        act.add("testo", f"Precisato che: {row.note}.")
    act.add("sezione", "DETERMINA")
    for item in [*for_subject(tpl["dispositivo"], kind), *for_subject(tpl["obblighi"], kind)]:
        act.add("voce", *_item(item, f))
    act.add("firma", f"{f['comune']}, {BLANK}")
    act.add("firma", f"Il Responsabile — {row.decided_by}")
    act.add("firma", f"Firma {BLANK * 3}")
    act.add("firma", f"Registro delle decisioni: voce n. {row.id}, impronta {row.hash[:16]}…")
    return act


def _item(item: Any, f: dict[str, Any]) -> tuple[str, tuple[Link, ...]]:
    """A template entry: plain text, or ``{testo, rif}`` whose ``rif`` gets its URN link."""
    if isinstance(item, dict):
        return fill(item.get("testo", ""), f), _act_links(item["rif"]) if item.get("rif") else ()
    return fill(item, f), ()


def _value(value: Any) -> str:
    if value is True:
        return "sì"
    if value is False:
        return "no"
    if isinstance(value, dict) and "date" in value:
        return data(date.fromisoformat(value["date"]))
    return str(value.get("decimal") if isinstance(value, dict) else value)


def latest_entry(db: Any, ref: Ref) -> DecisionRow:
    """The latest register entry on ``ref``.

    :raises UserError: when nothing on it is recorded yet.
    """
    from ordina.register.book import latest_for

    row = latest_for(db, ref.kind, ref.key)
    if row is None:
        raise UserError(f"nessuna decisione registrata su {ref.label}: prima "
                        f"'ordina decide {ref.key} --record --esito … --by …'")
    return row
