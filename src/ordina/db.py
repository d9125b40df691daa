"""Opening the SQLite database safely: WAL, busy timeout, foreign keys.

One file holds both the regulation index and the personnel facts. The default
lives in the user data directory and is created on first use.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``ORDINA_DB`` is given."""
    env = os.environ.get("ORDINA_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("ordina", appauthor=False)) / "ordina.db"


def connect(path: str | os.PathLike[str] | None = None) -> sqlite_utils.Database:
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
    return sqlite_utils.Database(conn)
