"""The execution receipt of a decision: everything the proposal rested on, as JSON.

Regulation and amendments are identified by the sha256 of their files, so a recheck can
tell whether it runs on the same text; every fact keeps its value type, source and
detail, so the recorded facts can be run again as they were.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ordina import __version__
from ordina.corpus.loader import REGULATION_FILE, source_path
from ordina.corpus.versions import in_force, load_amendments
from ordina.engine.provenance import FactSet, FactValue
from ordina.register.proposal import Proposal

RECEIPT_FORMAT = 1


def sha256_file(path: Any) -> str:
    """The sha256 of a file's bytes."""
    from pathlib import Path

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def regulation_version(on: date) -> dict[str, Any]:
    """The regulation text and the amendments in force on ``on``, by hash."""
    amendments = [{"id": a.id, "act": a.act, "in_force": a.in_force.isoformat(),
                   "sha256": sha256_file(a.path) if a.path else None}
                  for a in in_force(load_amendments(), on)]
    return {"file": REGULATION_FILE, "sha256": sha256_file(source_path()),
            "amendments": amendments}


def encode_value(value: Any) -> Any:
    """A fact value as JSON that :func:`decode_value` turns back into the same value."""
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    return value


def decode_value(value: Any) -> Any:
    """The inverse of :func:`encode_value`."""
    if isinstance(value, dict) and set(value) == {"date"}:
        return date.fromisoformat(value["date"])
    if isinstance(value, dict) and set(value) == {"decimal"}:
        return Decimal(value["decimal"])
    return value


def encode_facts(facts: FactSet) -> list[dict[str, Any]]:
    """Every fact with its value, source and detail, by name."""
    return [{"name": f.name, "value": encode_value(f.value), "source": f.source,
             "detail": f.detail, "provenance": f.provenance()}
            for f in sorted(facts.facts(), key=lambda f: f.name)]


def decode_facts(items: list[dict[str, Any]]) -> FactSet:
    """The recorded facts as a FactSet again."""
    return FactSet(FactValue(i["name"], decode_value(i["value"]), i["source"], i["detail"])
                   for i in items)


def build_receipt(p: Proposal, outcome: str, decided_by: str, note: str | None,
                  decided_at: datetime, corrects: int | None = None) -> dict[str, Any]:
    """The receipt of the decision ``outcome`` taken on proposal ``p``."""
    return {
        "format": RECEIPT_FORMAT,
        "ordina": __version__,
        "subject": {"kind": p.kind, "key": p.key, "label": p.label, "person": p.person},
        "as_of": p.as_of.isoformat(),
        "regulation": regulation_version(p.as_of),
        "norme_in_force": [c.to_json() for c in p.norme],
        "checks": list(p.checks),
        "facts": encode_facts(p.facts),
        "proposal": {"verdict": p.outcome.verdict, "outcome": p.proposed,
                     "answer": p.outcome.answer, "citations": list(p.outcome.citations),
                     "missing": list(p.outcome.missing)},
        "trace": [{"step": s.step, "citation": s.citation} for s in p.outcome.trace],
        "decision": {"outcome": outcome, "differs": outcome != p.proposed,
                     "decided_by": decided_by, "note": note,
                     "decided_at": decided_at.isoformat(timespec="seconds"),
                     "corrects": corrects},
    }
