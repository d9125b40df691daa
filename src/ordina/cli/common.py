"""Small helpers shared by the subcommands: database, dates, output."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from ordina.errors import UserError
from ordina.limits import check_date


def as_of(args: argparse.Namespace) -> date:
    """The ``--as-of`` date of the command (today when absent)."""
    value = getattr(args, "as_of", None)
    if not value:
        return date.today()
    return parse_date(value)


def parse_date(text: str) -> date:
    """Parse an Italian (12/03/2026, 12-3-2026) or ISO (2026-03-12) date.

    :raises UserError: with the accepted forms, when the text is not a real date.
    """
    from ordina.formato import DateProblem
    from ordina.formato import parse_date as read_date

    try:
        parsed = read_date(text)
    except DateProblem as exc:
        raise UserError(str(exc)) from None
    return check_date(parsed, text)


def open_db(args: argparse.Namespace, *, create: bool = False,
            allow_newer: bool = False):  # -> ordina.db.Database
    """Open the database named by ``--db`` / ``ORDINA_DB`` / the default, after checking
    that it is ordina's (see :func:`ordina.db.open_database`).

    :param create: a missing ``--db`` becomes a new database (``demo``, ``import``).
    :param allow_newer: accept a database from a newer ordina (``backup``).
    """
    from ordina.db import open_database

    return open_database(getattr(args, "db", None), create=create, allow_newer=allow_newer)


def emit(args: argparse.Namespace, payload: Any, text: str) -> None:
    """Print ``payload`` as JSON with ``--json``, otherwise the human ``text``."""
    if getattr(args, "json", False):
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
