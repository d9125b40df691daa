"""Shared helpers for the store tests."""

from __future__ import annotations

from datetime import date

from ordina.db import connect
from ordina.store import ensure_demo

ON = date(2026, 11, 23)


def demo_db(path=":memory:"):
    """A database holding the Comune di Esempio."""
    db = connect(path)
    ensure_demo(db)
    return db


def pid(db, name: str) -> int:
    """Id of the one person called ``name``."""
    from ordina.store.queries import find_people

    found = find_people(db, name)
    assert found, name
    return found[0].id
