"""What a database path holds, checked before SQLite touches it.

SQLite opens anything: a folder fails late, ``/dev/null`` or a text file fail with an
internal error, another program's database gets switched to WAL and filled with our
tables, and a mistyped path becomes a new empty database. These checks read the file
(header, ``store_meta``) without writing, so a refused file stays byte-for-byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from ordina.errors import UserError

#: The first 16 bytes of every SQLite 3 database file.
SQLITE_HEADER = b"SQLite format 3\x00"

#: Tables that mark a database as ordina's: the personnel schema's meta table, or the
#: regulation index's (databases where only the index was ever built).
ORDINA_MARKERS = ("store_meta", "reg_meta")


@dataclass(frozen=True)
class DbFile:
    """What :func:`inspect` found at a path."""

    path: Path
    exists: bool
    empty: bool = False
    tables: frozenset[str] = frozenset()
    meta: tuple[tuple[str, str], ...] = ()
    writable: bool = True

    def meta_value(self, key: str) -> str | None:
        """A ``store_meta`` value, or None."""
        return dict(self.meta).get(key)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file: through symlinks, hard links, ``..`` and case."""
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    try:
        sa, sb = os.stat(a), os.stat(b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def main_file(conn: sqlite3.Connection) -> Path | None:
    """The file SQLite really has open as ``main`` (None for an in-memory database)."""
    for _seq, name, filename in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(filename) if filename else None
    return None


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """A ``file:`` URI that opens ``path`` without any write (no journal switch, no WAL)."""
    from urllib.parse import quote

    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def _header(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_HEADER))


def _writable(path: Path) -> bool:
    """Whether ordina may write here: the file and its folder (for the -wal and -shm) are
    writable, and the file is not marked read-only (no write bit at all: someone made it
    read-only on purpose, which even an administrator's account respects)."""
    try:
        marked_read_only = not os.stat(path).st_mode & 0o222
    except OSError:
        return False
    return (not marked_read_only and os.access(path, os.W_OK)
            and os.access(path.parent, os.W_OK | os.X_OK))


def _quiet_wal(path: Path) -> bool:
    """A WAL database with no ``-wal`` file: nothing uncommitted, and a plain read-only
    connection would leave an empty ``-wal``/``-shm`` beside it (it cannot delete them)."""
    with open(path, "rb") as fh:
        header = fh.read(20)
    return len(header) == 20 and header[18] == 2 and not Path(f"{path}-wal").exists()


def _read_tables(path: Path) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """Table names and ``store_meta`` rows, read through a read-only connection that
    leaves no file behind."""
    for immutable in ((True,) if _quiet_wal(path) else (False, True)):
        try:
            conn = sqlite3.connect(read_only_uri(path, immutable), uri=True, timeout=5)
        except sqlite3.Error:
            continue
        try:
            tables = frozenset(r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"))
            meta: tuple[tuple[str, str], ...] = ()
            if "store_meta" in tables:
                meta = tuple((str(k), str(v)) for k, v in conn.execute(
                    "SELECT key, value FROM store_meta"))
            return tables, meta
        except sqlite3.DatabaseError as exc:
            if immutable or "unable to open" not in str(exc):
                if "locked" in str(exc) or "busy" in str(exc):
                    raise
                raise UserError(f"{path} non è un database di ordina leggibile ({exc})") \
                    from None
        finally:
            conn.close()
    raise UserError(f"{path}: impossibile aprire il database in lettura")


def inspect(path: str | os.PathLike[str]) -> DbFile:
    """Look at ``path`` without changing it.

    :raises UserError: for a folder, a device, a non-SQLite file, another program's
        SQLite database.
    """
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        return DbFile(p, exists=False)
    except OSError as exc:
        raise UserError(f"impossibile leggere il database {p}: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise UserError(f"{p} è una cartella, non un database di ordina: indica un file .db")
    if not stat.S_ISREG(st.st_mode):
        raise UserError(f"{p} non è un file normale (dispositivo o pipe): non è un database "
                        "di ordina")
    if st.st_size == 0:
        return DbFile(p, exists=True, empty=True, writable=_writable(p))
    try:
        header = _header(p)
    except OSError as exc:
        raise UserError(f"impossibile leggere il database {p}: {exc.strerror}") from None
    if header != SQLITE_HEADER:
        raise UserError(f"{p} non è un database SQLite: ordina non lo apre e non lo modifica")
    tables, meta = _read_tables(p)
    if not tables:
        # a SQLite file with no table holds nothing: another ordina may be creating it
        # this very moment (first run), and nothing can be lost by making it a database
        return DbFile(p, exists=True, empty=True, writable=_writable(p))
    if not any(m in tables for m in ORDINA_MARKERS):
        raise UserError(f"{p} è un database SQLite di un altro programma (non ha la tabella "
                        "store_meta di ordina): ordina non lo apre e non lo modifica")
    return DbFile(p, exists=True, tables=tables, meta=meta, writable=_writable(p))


def holds_personal_data(path: str | os.PathLike[str]) -> bool:
    """Whether the file at ``path`` is a SQLite database with personal tables that is not
    a public copy made by ordina (such a file is never overwritten)."""
    from ordina.store.schema import PERSONAL_TABLES

    p = Path(path)
    try:
        if not p.is_file() or p.stat().st_size == 0 or _header(p) != SQLITE_HEADER:
            return False
        tables, meta = _read_tables(p)
    except (OSError, UserError):
        return True  # unreadable: assume the worst, never overwrite
    if dict(meta).get("variant") == "public":
        return False
    return bool(tables & set(PERSONAL_TABLES))
