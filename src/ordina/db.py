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
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return Database(conn)
