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
    raw = text.strip()
    try:
        if len(raw) >= 8 and raw[4] in "-/" and raw[:4].isdigit():
            year, month, day = (int(p) for p in raw.replace("/", "-").split("-"))
        else:
            day, month, year = (int(p) for p in raw.replace("-", "/").replace(".", "/").split("/"))
            if year < 100:
                year += 2000
        return date(year, month, day)
    except (ValueError, TypeError):
        raise UserError(
            f"data non valida: '{text}'; usa GG/MM/AAAA (12/03/2026) o AAAA-MM-GG (2026-03-12)"
        ) from None


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
