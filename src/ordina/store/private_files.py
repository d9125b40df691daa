"""Files that hold personal data: created with mode 0600, never over another without
``--force``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from ordina.errors import UserError

#: Mode of every file ordina writes with personal data in it (owner read/write only).
PRIVATE_MODE = 0o600
#: Mode of a folder ordina creates for such files.
PRIVATE_DIR_MODE = 0o700


def refuse_existing(paths: list[Path], force: bool) -> None:
    """Refuse to overwrite any of ``paths`` without ``force``, and folders always.

    :raises UserError: naming the first path in the way.
    """
    for path in paths:
        if path.is_dir():
            raise UserError(f"{path} è una cartella: scegli un altro nome")
        if path.exists() and not force:
            raise UserError(f"{path} esiste già: scegli un altro nome, o aggiungi --force "
                            "per sostituirlo")


def private_dir(path: Path) -> None:
    """Create folder ``path`` (and parents) readable by the owner only, when missing."""
    if not path.is_dir():
        path.mkdir(parents=True, mode=PRIVATE_DIR_MODE)


def open_private(path: Path, mode: str = "w", **kwargs) -> IO:
    """Open ``path`` for writing with mode 0600, even when it already existed wider."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_MODE)
    os.fchmod(fd, PRIVATE_MODE)
    return os.fdopen(fd, mode, **kwargs)
