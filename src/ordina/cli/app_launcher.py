"""``ordina`` with no subcommand: the Textual app on the chosen (or default) database.

This is the only place, with ``ordina serve``, that imports Textual. Without a
terminal (a pipe, a script, CI) there is nothing to draw on, so it prints the help;
under ``ordina serve`` the browser is the terminal (``TEXTUAL_DRIVER`` is set).
"""

from __future__ import annotations

import argparse
import os
import sys


def interactive() -> bool:
    """True when there is a screen to draw on: a terminal, or the browser of ``ordina serve``."""
    return (sys.stdin.isatty() and sys.stdout.isatty()) or bool(os.environ.get("TEXTUAL_DRIVER"))


def run(args: argparse.Namespace) -> int:
    """Start the interactive app on the chosen database."""
    if not interactive():
        from ordina.cli import build_parser

        build_parser().print_help()
        print("\nL'app interattiva richiede un terminale: avvia 'ordina' senza reindirizzamenti "
              "(oppure 'ordina serve' per usarla nel browser).")
        return 0
    from ordina.cli.common import as_of
    from ordina.tui.app import OrdinaApp

    explicit = getattr(args, "db", None)
    if explicit:
        from ordina.cli.common import open_db

        open_db(args).close()  # a mistyped --db or a foreign file: exit 2 before the app
    # None: the default database (ORDINA_DB or the user data folder), opened by the workers;
    # the demo fills the default database only.
    app = OrdinaApp(db_path=explicit, as_of=as_of(args), demo=not explicit)
    app.run()
    return 0
