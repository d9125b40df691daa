"""Where the amendment files are, and their hash: all the index needs to know it is fresh.

Kept apart from :mod:`ordina.corpus.versions` (which parses and applies amendments, with
the citation grammar) so that checking the index's freshness on a cold ``ordina ask``
imports nothing more than this.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ENV_DIR = "ORDINA_AMENDMENTS"


def amendments_dir() -> Path:
    """Where amendment files live: ``ORDINA_AMENDMENTS`` or ``regulation/amendments``."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env).expanduser()
    from ordina.resources import data_dir

    return data_dir("regulation") / "amendments"


def amendment_files(directory: Path | None = None) -> list[Path]:
    """The YAML files of the amendments directory, by name (missing directory: none)."""
    folder = directory or amendments_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def fingerprint(directory: Path | None = None) -> str:
    """A hash of every amendment file (name and bytes): the index rebuilds when it changes."""
    digest = hashlib.sha256()
    for path in amendment_files(directory):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
