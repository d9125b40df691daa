"""``ordina backup``: a consistent copy of the live database with SQLite's online backup.

The backup API copies a consistent snapshot even while other processes write (WAL), and
the copy is checked with ``PRAGMA integrity_check`` before we call it done.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ordina.errors import UserError


def backup(db, out: Path, force: bool = False) -> int:
    """Copy ``db`` to ``out``; return the size in bytes.

    :raises UserError: when ``out`` exists (without ``force``) or the copy is damaged.
    """
    out = Path(out)
    if out.exists() and not force:
        raise UserError(f"{out} esiste già: scegli un altro nome o aggiungi --force")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    dest = sqlite3.connect(tmp)
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        result = dest.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        dest.close()
    if result != "ok":
        tmp.unlink(missing_ok=True)
        raise UserError(f"la copia di sicurezza non è integra ({result}): riprova")
    tmp.replace(out)
    return out.stat().st_size
