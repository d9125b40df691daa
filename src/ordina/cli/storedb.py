"""Opening the database for commands that read or write personnel facts.

Not a subcommand: a helper the commands share. Without ``--db`` (that is, on the
default database or ``ORDINA_DB``) the demo Comune is created on first use, so
``ordina`` answers something real out of the box; an explicit ``--db`` is never filled
with demo data behind the user's back.
"""

from __future__ import annotations

import argparse


def open_store(args: argparse.Namespace, *, demo: bool = True,
               create: bool = False):  # -> sqlite_utils.Database
    """Open the database, create or migrate the personnel schema, add the demo if due.

    :param demo: create the demo Comune when the default database has no personnel yet.
    :param create: a missing ``--db`` becomes a new database (``demo``, ``import``).
    """
    from ordina.cli.common import open_db
    from ordina.store import ensure_demo, ensure_schema

    db = open_db(args, create=create)
    ensure_schema(db)
    if demo and not getattr(args, "db", None):
        ensure_demo(db)
    return db
