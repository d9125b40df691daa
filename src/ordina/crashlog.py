"""What the CLI does with an error it did not expect: one Italian line, a log on disk.

A locked database is not an internal error (another process is writing): it gets its own
message and exit code 2. Anything else is written, with its traceback and the command
line, to a log file in the user's log folder, and the user is told where it is.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path


def log_dir() -> Path:
    """The folder of the error logs (``ORDINA_LOG_DIR``, else the user log folder)."""
    env = os.environ.get("ORDINA_LOG_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir("ordina", appauthor=False))


def write_log(exc: BaseException, argv: Sequence[str]) -> Path | None:
    """Append the traceback to ``errori.log``; return its path (None if unwritable).

    The command line is logged by position and length only: its values may be personal.
    """
    path = log_dir() / "errori.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')} "
                     f"argomenti: {len(argv)}\n")
            fh.write("".join(traceback.format_exception(exc)))
    except OSError:
        return None
    return path


def report_internal_error(exc: BaseException, argv: Sequence[str],
                          say: Callable[[str], None]) -> int:
    """Tell the user, in one line, and return the exit code (2 for a lock, else 1)."""
    from ordina.db import is_locked_error, locked_message

    if is_locked_error(exc):
        say(locked_message(0).replace(" (atteso 0 s)", ""))
        return 2
    path = write_log(exc, argv)
    where = f"dettagli in {path}" if path else "log non scrivibile"
    say(f"errore interno ({type(exc).__name__}); {where}: segnalalo (vedi SECURITY.md) o "
        "riprova con ORDINA_DEBUG=1")
    return 1
