"""Opening the SQLite database safely: WAL, busy timeout, foreign keys.

One file holds both the regulation index and the personnel facts. The default
lives in the user data directory and is created on first use.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Self


def _import_sqlite_utils():
    """Import sqlite-utils without the optional numpy/pandas it probes for.

    sqlite-utils imports numpy and pandas, when installed, only to map their scalar types;
    ordina never stores such values, and the two imports cost ~0.3 s. Masking them (when
    nothing else has imported them yet) keeps the commands light.
    """
    masked = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in masked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes the import fail fast
    try:
        import sqlite_utils
    finally:
        for name in masked:
            sys.modules.pop(name, None)
    return sqlite_utils


def _reads_only(sql: str) -> bool:
    """True for a plain ``SELECT`` (no comment before it): it writes nothing and opens no
    transaction, so it needs none of sqlite-utils' transaction handling."""
    head = sql.lstrip()[:7].upper()
    return head.startswith("SELECT") and (len(head) == 6 or not head[6].isalnum())


class Database:
    """A SQLite connection with the API of ``sqlite_utils.Database``, imported on first use.

    Importing sqlite-utils (with click and dateutil) and scanning its plugins costs ~0.1 s,
    a fifth of a cold ``ordina ask``, which only reads. So plain ``SELECT`` statements
    (:meth:`execute`, :meth:`query`) go straight to :attr:`conn`, and everything else
    (tables, writes, ``atomic()``) is handed to a real ``sqlite_utils.Database`` on the same
    connection, created the first time it is needed.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils = None

    @property
    def utils(self):  # -> sqlite_utils.Database
        """The ``sqlite_utils.Database`` on :attr:`conn` (imports sqlite-utils once)."""
        if self._utils is None:
            self._utils = _import_sqlite_utils().Database(self.conn)
        return self._utils

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        """``sqlite_utils.Database.execute``; a ``SELECT`` runs on the connection directly."""
        if self._utils is None and _reads_only(sql):
            return self.conn.execute(sql) if parameters is None else \
                self.conn.execute(sql, parameters)
        return self.utils.execute(sql, parameters)

    def query(self, sql: str, params=None) -> Iterator[dict]:
        """``sqlite_utils.Database.query``: rows as dicts (a ``SELECT`` without sqlite-utils)."""
        if self._utils is None and _reads_only(sql):
            cursor = self.conn.execute(sql) if params is None else self.conn.execute(sql, params)
            keys = [d[0] for d in cursor.description]
            if len(set(keys)) == len(keys):  # sqlite-utils renames repeated column names
                return (dict(zip(keys, row, strict=True)) for row in cursor)
        return self.utils.query(sql, params)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __getitem__(self, name: str):  # -> sqlite_utils.Table
        return self.utils[name]

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("conn", "_utils"):
            raise AttributeError(name)
        return getattr(self.utils, name)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<ordina.db.Database {self.conn!r}>"


BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``ORDINA_DB`` is given."""
    env = os.environ.get("ORDINA_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("ordina", appauthor=False)) / "ordina.db"


def connect(path: str | os.PathLike[str] | None = None) -> Database:
    """Open (creating if needed) the database at ``path`` with the safety pragmas on.

    :param path: file path; ``None`` means :func:`default_db_path`; ``":memory:"`` for tests.
    """
    if path is None:
        path = default_db_path()
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        _wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
    return Database(conn)


def _wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. The switch needs the file alone, and SQLite answers «locked» at once
    (without waiting) while another process creates or switches the same new file: retry
    for up to the busy timeout."""
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def connect_read_only(path: str | os.PathLike[str]) -> Database:
    """Open ``path`` for reading only (a public copy on a shared drive, a file without write
    permission): no WAL switch, no schema change; writes fail with a clear message."""
    from ordina.dbfile import read_only_uri

    for immutable in (False, True):
        conn = sqlite3.connect(read_only_uri(Path(path), immutable), uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            if immutable:
                raise
            continue
        return Database(conn)
    raise AssertionError("unreachable")


def is_read_only(db: Database) -> bool:
    """Whether ``db`` was opened by :func:`connect_read_only`."""
    return bool(db.conn.execute("PRAGMA query_only").fetchone()[0])


def open_database(path: str | os.PathLike[str] | None = None, *, create: bool = False,
                  allow_newer: bool = False) -> Database:
    """Open an ordina database for a command, after checking what the path holds.

    :param path: ``None`` for the default database (created on first use, like ``create``).
    :param create: a missing (or empty) file becomes a new database (``demo``, ``import``);
        otherwise it is "database non trovato" and nothing, not even a folder, is created.
    :param allow_newer: open a database written by a newer ordina (``backup`` only).
    :raises UserError: for a missing path, a file that is not ordina's, a newer schema.
    """
    from ordina.dbfile import inspect
    from ordina.errors import UserError

    if path is None:
        path, create = default_db_path(), True
    if str(path) == ":memory:":
        return connect(path)
    info = inspect(path)
    if not info.exists or info.empty:
        if not create:
            what = "database non trovato" if not info.exists else "database vuoto"
            raise UserError(f"{what}: {path} (controlla --db; 'ordina demo --db {path}' o "
                            "'ordina import --db ...' ne creano uno)")
        db = connect(path)
        db.conn.execute("CREATE TABLE IF NOT EXISTS store_meta "
                        "(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.conn.commit()
        return db
    if not allow_newer:
        from ordina.store.schema import refuse_newer

        refuse_newer(info.meta_value("schema_version"))
    if not info.writable:
        return connect_read_only(path)
    return connect(path)


#: How long a writer waits for another process's write lock before giving up (seconds);
#: ``ORDINA_LOCK_WAIT`` overrides it.
LOCK_WAIT_S = 30.0


def _lock_wait() -> float:
    try:
        return float(os.environ.get("ORDINA_LOCK_WAIT", LOCK_WAIT_S))
    except ValueError:
        return LOCK_WAIT_S


def is_locked_error(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite saying another connection holds the lock."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def locked_message(waited: float) -> str:
    """The message for a lock that did not come free in time."""
    return (f"database in uso da un altro processo (atteso {waited:.0f} s): riprova quando "
            "l'altra sessione di ordina (un import, un'app aperta) ha finito")


def begin_immediate(conn: sqlite3.Connection, wait: float | None = None) -> None:
    """``BEGIN IMMEDIATE``, telling the user while another process holds the write lock.

    The first try does not wait; then "database in uso da un altro processo, riprovo…"
    goes to stderr, with the seconds waited, until the lock comes free or ``wait`` runs out.

    :raises UserError: when the lock is still held after ``wait`` seconds.
    """
    import time

    from ordina.errors import UserError

    wait = _lock_wait() if wait is None else wait
    previous = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    started = time.monotonic()
    told = False
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_locked_error(exc):
                    raise
            waited = time.monotonic() - started
            if waited >= wait:
                if told:
                    sys.stderr.write("\n")
                raise UserError(locked_message(waited)) from None
            if not told:
                sys.stderr.write("database in uso da un altro processo, riprovo…")
                told = True
            else:
                sys.stderr.write(f" {waited:.0f} s…")
            sys.stderr.flush()
            conn.execute(f"PRAGMA busy_timeout = {int(min(1.0, wait - waited) * 1000)}")
    finally:
        if told:
            sys.stderr.write(" ok\n" if conn.in_transaction else "")
            sys.stderr.flush()
        conn.execute(f"PRAGMA busy_timeout = {previous}")
