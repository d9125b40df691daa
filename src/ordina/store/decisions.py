"""The register of decisions in SQL: append a row, read rows back, nothing else.

The table is append-only (two triggers refuse UPDATE and DELETE) and every row carries
the hash of the one before it; :mod:`ordina.register.chain` computes and verifies the
hashes. The chain's head (last number and hash) is also kept in ``store_meta``, so that
deleting the last row, which leaves a valid shorter chain, is noticed too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ordina.errors import UserError
from ordina.store.schema import write_transaction

#: Columns in table order, without ``id`` (the entry number SQLite assigns).
COLUMNS: tuple[str, ...] = (
    "recorded_at", "subject_kind", "subject_key", "subject", "person", "as_of", "proposed",
    "outcome", "act_kind", "differs", "decided_by", "note", "corrects", "receipt",
    "prev_hash", "hash",
)

HEAD_KEY = "decisions_head"


@dataclass(frozen=True)
class DecisionRow:
    """One row of the register as stored (``receipt`` is the JSON text)."""

    id: int
    recorded_at: str
    subject_kind: str
    subject_key: str
    subject: str
    person: str | None
    as_of: str
    proposed: str | None
    outcome: str
    act_kind: str
    differs: int
    decided_by: str
    note: str | None
    corrects: int | None
    receipt: str
    prev_hash: str
    hash: str

    def fields(self) -> dict[str, Any]:
        """Every column but ``hash``: what the hash covers (with ``id``)."""
        return {"id": self.id, **{c: getattr(self, c) for c in COLUMNS if c != "hash"}}


def _require(db: Any) -> None:
    """Fail in Italian on a database without the register (the public copy)."""
    found = db.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                            "name = 'decisions'").fetchone()
    if found is None:
        raise UserError("questo database non contiene il registro delle decisioni (è la copia "
                        "pubblica?): usare il database dell'ufficio del personale")


def _rows(db: Any, where: str = "", params: tuple = ()) -> Iterator[DecisionRow]:
    _require(db)
    cur = db.conn.execute(f"SELECT id, {', '.join(COLUMNS)} FROM decisions {where} ORDER BY id",
                          params)
    for row in cur:
        yield DecisionRow(*row)


def all_decisions(db: Any) -> list[DecisionRow]:
    """Every entry, by number."""
    return list(_rows(db))


def decision(db: Any, number: int) -> DecisionRow | None:
    """Entry ``number``, or None."""
    return next(_rows(db, "WHERE id = ?", (number,)), None)


def decisions_of(db: Any, kind: str, key: str) -> list[DecisionRow]:
    """The entries about one subject (``incarico``, ``12``), oldest first."""
    return list(_rows(db, "WHERE subject_kind = ? AND subject_key = ?", (kind, key)))


def last_hash(db: Any) -> tuple[int, str]:
    """``(number, hash)`` of the last entry; ``(0, "")`` on an empty register."""
    _require(db)
    row = db.conn.execute("SELECT id, hash FROM decisions ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, "")


def head(db: Any) -> tuple[int, str] | None:
    """The head recorded in ``store_meta`` when the last entry was appended."""
    row = db.conn.execute("SELECT value FROM store_meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    if not row:
        return None
    number, _, digest = row[0].partition(":")
    return int(number), digest


def append(db: Any, build) -> int:
    """Append the row ``build(number, prev_hash)`` returns, under the write lock.

    :param build: ``(number, prev_hash) -> dict`` of every column of :data:`COLUMNS`; it is
        called inside the transaction, so two writers never chain onto the same entry.
    :returns: the new entry's number.
    """
    with write_transaction(db) as conn:
        number, prev = last_hash(db)
        values = build(number + 1, prev)
        conn.execute(
            f"INSERT INTO decisions (id, {', '.join(COLUMNS)}) "
            f"VALUES (?, {', '.join('?' for _ in COLUMNS)})",
            (number + 1, *(values[c] for c in COLUMNS)))
        conn.execute("INSERT OR REPLACE INTO store_meta(key, value) VALUES (?, ?)",
                     (HEAD_KEY, f"{number + 1}:{values['hash']}"))
    return number + 1
