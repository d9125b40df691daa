"""Small helpers shared by the subcommands: database, dates, output."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from ordina.errors import UserError


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
        return read_date(text)
    except DateProblem as exc:
        raise UserError(str(exc)) from None


def open_db(args: argparse.Namespace):  # -> sqlite_utils.Database
    """Open the database named by ``--db`` / ``ORDINA_DB`` / the default."""
    from ordina.db import connect

    return connect(getattr(args, "db", None))


def emit(args: argparse.Namespace, payload: Any, text: str) -> None:
    """Print ``payload`` as JSON with ``--json``, otherwise the human ``text``."""
    if getattr(args, "json", False):
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
