"""``ordina`` with no subcommand: the Textual app (issue: the Textual app).

Until the app lands this prints what the command line can do.
"""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    """Start the interactive app on the chosen database."""
    from ordina.cli import build_parser

    build_parser().print_help()
    return 0
