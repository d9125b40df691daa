"""Where the shipped data lives: grammar/, regulation/, checks/, templates/ and examples/.

In an installed wheel they sit inside the package (``ordina/_data``); in a source
checkout they are the top-level folders of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the directory holding shipped data ``name`` ("grammar", "regulation", "checks",
    "templates").

    :param name: one of the top-level data folders.
    :raises FileNotFoundError: when neither the wheel nor the checkout has it.
    """
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"cartella dati '{name}' non trovata: reinstallare ordina")


def regulation_file(filename: str) -> Path:
    """Path of a file in ``regulation/``."""
    return data_dir("regulation") / filename
