"""Opening the SQLite database safely: WAL, busy timeout, foreign keys.

One file holds both the regulation index and the personnel facts. The default
lives in the user data directory and is created on first use.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path


def _import_sqlite_utils():
    """Import sqlite-utils without the optional numpy/pandas it probes for.

    sqlite-utils imports numpy and pandas, when installed, only to map their scalar types;
    ordina never stores such values, and the two imports cost ~0.3 s on every cold start of
    ``ordina ask``. Masking them (when nothing else has imported them yet) keeps the CLI light.
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


sqlite_utils = _import_sqlite_utils()

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
