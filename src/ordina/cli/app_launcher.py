"""``ordina`` with no subcommand: the Textual app on the chosen (or default) database.

This is the only place, with ``ordina serve``, that imports Textual. Without a
terminal (a pipe, a script, CI) there is nothing to draw on, so it prints the help.
"""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    """Start the interactive app on the chosen database."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from ordina.cli import build_parser

        build_parser().print_help()
        print("\nL'app interattiva richiede un terminale: avvia 'ordina' senza reindirizzamenti "
              "(oppure 'ordina serve' per usarla nel browser).")
        return 0
    from ordina.cli.common import as_of
    from ordina.db import default_db_path
    from ordina.tui.app import OrdinaApp

    db = getattr(args, "db", None) or str(default_db_path())
    OrdinaApp(db_path=db, as_of=as_of(args)).run()
    return 0
