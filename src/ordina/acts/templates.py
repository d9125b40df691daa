"""The wording of each act, in ``templates/<kind>.yaml``, editable by the Comune.

``ORDINA_TEMPLATES`` names another folder holding the same files. Fields are written
``$name``; a field with no value stays as ``[name]``, to be filled by hand.
"""

from __future__ import annotations

import os
import string
from functools import lru_cache
from pathlib import Path
from typing import Any

from ordina.errors import UserError
from ordina.resources import data_dir

ENV_TEMPLATES = "ORDINA_TEMPLATES"
SECTIONS = ("titolo", "oggetto", "visti", "fatti", "dispositivo", "obblighi")


def templates_dir() -> Path:
    """``ORDINA_TEMPLATES`` or the shipped ``templates/`` folder."""
    env = os.environ.get(ENV_TEMPLATES)
    if env:
        return Path(env).expanduser()
    try:
        return data_dir("templates")
    except FileNotFoundError as exc:
        raise UserError(str(exc)) from None


@lru_cache(maxsize=16)
def _read(path: str, mtime: float) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError:
        raise UserError(f"modello {path}: YAML non valido") from None
    if not isinstance(data, dict) or not set(SECTIONS) <= set(data):
        raise UserError(f"modello {path}: servono le chiavi {', '.join(SECTIONS)}")
    return data


def load_template(kind: str) -> dict[str, Any]:
    """The template of act ``kind`` (``autorizzazione``, ``diniego``, ``presa_atto``…).

    :raises UserError: when the file is missing or malformed.
    """
    path = templates_dir() / f"{kind}.yaml"
    if not path.is_file():
        raise UserError(f"modello dell'atto non trovato: {path}")
    return _read(str(path), path.stat().st_mtime)


class _Fields(dict):
    """Missing or empty fields read as ``[name]``."""

    def __missing__(self, key: str) -> str:
        return f"[{key}]"


def fill(text: Any, fields: dict[str, Any]) -> str:
    """``text`` with its ``$fields`` replaced, spaces normalised; unknown ones as ``[name]``."""
    values = _Fields({k: v for k, v in fields.items() if v not in (None, "")})
    return " ".join(_fill_missing(str(text), values).split())


def _fill_missing(text: str, values: _Fields) -> str:
    pattern = string.Template.pattern

    def sub(m):
        name = m.group("named") or m.group("braced")
        if name is not None:
            return str(values[name])
        return "$" if m.group("escaped") is not None else m.group(0)

    return pattern.sub(sub, text)


def for_subject(section: Any, kind: str) -> Any:
    """A section that has one text per kind of request picks the subject's."""
    if isinstance(section, dict):
        return section.get(kind, next(iter(section.values()), ""))
    return section
