"""Recording decisions and reading the register back.

A recorded outcome that differs from the proposal needs a note, and the entry says it
differs. A correction is a new entry that names the one it corrects; nothing is ever
rewritten.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ordina.errors import UserError
from ordina.register.chain import canonical, entry_hash
from ordina.register.proposal import OUTCOMES, Proposal, act_kind
from ordina.register.receipt import build_receipt
from ordina.store import decisions as store


def record(db: Any, p: Proposal, outcome: str, decided_by: str, note: str | None = None,
           corrects: int | None = None, now: datetime | None = None) -> int:
    """Append the decision to the register and return its number.

    :raises UserError: for an unknown outcome, a missing name, a difference from the
        proposal without a note, or a correction of an entry about something else.
    """
    if outcome not in OUTCOMES:
        raise UserError(f"esito non previsto: '{outcome}'; usa {', '.join(OUTCOMES)}")
    if not decided_by.strip():
        raise UserError("indicare chi decide: --by \"Nome Cognome\"")
    note = (note or "").strip() or None
    if outcome != p.proposed and note is None:
        proposed = p.proposed or "nessuno (mancano dati)"
        raise UserError(f"l'esito '{outcome}' è diverso da quello proposto ({proposed}): "
                        "motivarlo con --note \"…\"")
    if corrects is not None:
        old = store.decision(db, corrects)
        if old is None:
            raise UserError(f"la voce n. {corrects} da correggere non è nel registro")
        if (old.subject_kind, old.subject_key) != (p.kind, p.key):
            raise UserError(f"la voce n. {corrects} riguarda {old.subject}, non {p.label}")
    when = (now or datetime.now().astimezone()).replace(microsecond=0)
    receipt = build_receipt(p, outcome, decided_by.strip(), note, when, corrects)

    def build(number: int, prev: str) -> dict[str, Any]:
        values = {
            "recorded_at": when.isoformat(), "subject_kind": p.kind, "subject_key": p.key,
            "subject": p.label, "person": p.person, "as_of": p.as_of.isoformat(),
            "proposed": p.proposed, "outcome": outcome,
            "act_kind": act_kind(outcome, p.checks), "differs": int(outcome != p.proposed),
            "decided_by": decided_by.strip(), "note": note, "corrects": corrects,
            "receipt": canonical(receipt), "prev_hash": prev,
        }
        values["hash"] = entry_hash({"id": number, **values})
        return values

    return store.append(db, build)


@dataclass(frozen=True)
class Filters:
    """``ordina register`` filters; None means any."""

    person: str | None = None
    kind: str | None = None
    since: date | None = None
    until: date | None = None


def entries(db: Any, f: Filters = Filters()) -> list[store.DecisionRow]:
    """The entries matching ``f`` (person by part of the name, period on the record date)."""
    out = []
    for row in store.all_decisions(db):
        if f.person and f.person.casefold() not in (row.person or "").casefold():
            continue
        if f.kind and f.kind not in (row.subject_kind, row.act_kind, row.outcome):
            continue
        day = date.fromisoformat(row.recorded_at[:10])
        if (f.since and day < f.since) or (f.until and day > f.until):
            continue
        out.append(row)
    return out


def corrected_by(db: Any) -> dict[int, int]:
    """Entry number -> the entry that corrects it (the latest one)."""
    return {r.corrects: r.id for r in store.all_decisions(db) if r.corrects is not None}


def latest_for(db: Any, kind: str, key: str) -> store.DecisionRow | None:
    """The latest entry on one subject (a correction supersedes what it corrects)."""
    rows = store.decisions_of(db, kind, key)
    return rows[-1] if rows else None


def receipt_of(row: store.DecisionRow) -> dict[str, Any]:
    """The receipt JSON of an entry, with its number and hashes."""
    return {"entry": row.id, "hash": row.hash, "prev_hash": row.prev_hash,
            **json.loads(row.receipt)}
