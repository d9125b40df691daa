"""The hash chain of the register: each entry hashes its fields and the previous hash.

A changed row no longer matches its own hash; a deleted or reordered row breaks the
link to the next one (its ``prev_hash``) or the numbering; a deleted last row no longer
matches the head kept in ``store_meta``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ordina.store.decisions import DecisionRow, all_decisions, head


def canonical(value: Any) -> str:
    """JSON with sorted keys and no spaces: the same bytes for the same content."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def entry_hash(fields: dict[str, Any]) -> str:
    """sha256 of an entry's fields (every column but the hash, ``prev_hash`` included)."""
    return hashlib.sha256(canonical(fields).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Verification:
    """The result of ``ordina register verify``."""

    entries: int
    bad: int | None = None
    """Number of the first bad entry (None when the chain holds)."""
    why: str = ""

    @property
    def ok(self) -> bool:
        """True when every entry and link checks out."""
        return self.bad is None


def verify(db: Any) -> Verification:
    """Walk the register in order and stop at the first entry that does not check out."""
    rows: list[DecisionRow] = all_decisions(db)
    prev = ""
    for expected, row in enumerate(rows, start=1):
        if row.id != expected:
            missing = min(row.id, expected)
            return Verification(len(rows), missing,
                                f"manca la voce n. {expected} (dopo la n. {expected - 1} "
                                f"viene la n. {row.id}): voce cancellata o rinumerata")
        if row.prev_hash != prev:
            return Verification(len(rows), row.id,
                                "l'impronta della voce precedente non corrisponde: voci "
                                "cancellate, riordinate o modificate prima di questa")
        if entry_hash(row.fields()) != row.hash:
            return Verification(len(rows), row.id,
                                "il contenuto non corrisponde alla sua impronta: voce "
                                "modificata dopo la registrazione")
        prev = row.hash
    recorded = head(db)
    if recorded is not None and rows:
        number, digest = recorded
        if number != rows[-1].id or digest != rows[-1].hash:
            return Verification(len(rows), rows[-1].id + 1 if number > rows[-1].id
                                else rows[-1].id,
                                f"il registro finiva alla voce n. {number}: voci finali "
                                "cancellate o sostituite")
    elif recorded is not None and not rows and recorded[0]:
        return Verification(0, 1, f"il registro aveva {recorded[0]} voci: tutte cancellate")
    return Verification(len(rows))
