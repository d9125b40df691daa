"""``ordina backup``: a consistent copy of the live database with SQLite's online backup.

The backup API copies a consistent snapshot even while other processes write (WAL). The
copy is written to a temporary file, renamed over the target only after any ``-wal`` /
``-shm`` / ``-journal`` left beside the target (by a session killed while it had the old
file open) is gone, since SQLite would replay a stale WAL into the new file. The *final*
file is then checked: ``PRAGMA integrity_check`` and the row count of every table equal
to the source's snapshot. The copy holds personal data, so it is created with mode 0600.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ordina.dbfile import main_file, read_only_uri, same_file
from ordina.errors import UserError

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table (virtual-table shadows included: they are plain tables)."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
        "'CREATE VIRTUAL TABLE%' ORDER BY name")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 (before SQLite writes anything into it)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _clear_side_files(out: Path) -> None:
    """Remove a stale ``-wal``/``-shm``/``-journal`` of ``out``; refuse when it is in use."""
    sides = [Path(f"{out}{s}") for s in SIDE_SUFFIXES if Path(f"{out}{s}").exists()]
    if not sides:
        return
    if out.exists():
        try:  # another process with the old file open holds a lock: do not pull it away
            conn = sqlite3.connect(out, timeout=0)
            try:
                conn.execute("BEGIN EXCLUSIVE")
                conn.rollback()
            finally:
                conn.close()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise UserError(f"{out} è aperto da un altro processo: chiudilo, poi rifai "
                                "il backup") from None
        except sqlite3.DatabaseError:
            pass  # not a database: nothing can be holding it as one
    for side in sides:
        side.unlink(missing_ok=True)


def _remove_orphans(out: Path) -> None:
    """Delete the temporary copies a killed backup left beside ``out`` (personal data)."""
    for tmp in out.parent.glob(f".{out.name}.*.tmp*"):
        pid = tmp.name.removeprefix(f".{out.name}.").split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def verify(out: Path, expected: dict[str, int]) -> None:
    """Check the file at ``out`` as it is now on disk: integrity and rows per table.

    :raises UserError: when the file is damaged or a table has other rows than expected.
    """
    conn = sqlite3.connect(read_only_uri(out), uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        got = _counts(conn) if result == "ok" else {}
    except sqlite3.DatabaseError as exc:
        result, got = str(exc), {}
    finally:
        conn.close()
    if result != "ok":
        raise UserError(f"la copia di sicurezza {out} non è integra ({result}): riprova")
    if got != expected:
        diff = sorted(t for t in set(got) | set(expected) if got.get(t) != expected.get(t))
        raise UserError(f"la copia di sicurezza {out} non ha le stesse righe dell'originale "
                        f"(tabelle: {', '.join(diff[:5])}): riprova")


def backup(db, out: Path, force: bool = False) -> int:
    """Copy ``db`` to ``out``; return the size in bytes.

    :raises UserError: when ``out`` exists (without ``force``), is the source itself, is
        in use, or the final copy is damaged.
    """
    out = Path(out)
    source = main_file(db.conn)
    if source is not None and any(same_file(Path(f"{out}{s}"), source)
                                  for s in ("", *SIDE_SUFFIXES)):
        raise UserError(f"{out} è il database stesso: scegli un altro file per il backup")
    if out.is_dir():
        raise UserError(f"{out} è una cartella: indica il file della copia")
    if out.exists() and not force:
        raise UserError(f"{out} esiste già: scegli un altro nome")
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_orphans(out)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    for suffix in ("", *SIDE_SUFFIXES):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    _private_file(tmp)
    try:
        dest = sqlite3.connect(tmp)
        try:
            if db.conn.in_transaction:
                db.conn.commit()
            db.conn.execute("BEGIN")  # one read snapshot for the counts and the copy
            try:
                expected = _counts(db.conn)
                db.conn.backup(dest)
            finally:
                db.conn.rollback()
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        verify(tmp, expected)
        _clear_side_files(out)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    verify(out, expected)
    return out.stat().st_size
