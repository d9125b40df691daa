"""Shared helpers for the tests on the demo Comune: its database, its people, its answers."""

from __future__ import annotations

import json
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


def ask_json(run_ordina, db: str, question: str) -> dict:
    """``ordina ask QUESTION --json`` on the demo at ``db`` (created if missing), 23/11/2026."""
    run_ordina("demo", db=db)
    done = run_ordina("ask", question, "--json", "--as-of", "2026-11-23", db=db)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)
