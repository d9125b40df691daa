"""``ordina --completion bash|zsh``: the shell completion script, made by shtab.

shtab reads the argparse parser (every subcommand, option and choice), so the script
never falls behind the commands. It is imported only when a script is asked for.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

SHELLS = ("bash", "zsh")

#: What shtab completes a path argument with (``shtab.FILE``, without importing shtab).
FILE = {"bash": "_shtab_compgen_files", "zsh": "_files", "tcsh": "f"}


class CompletionAction(argparse.Action):
    """Print the completion script for the chosen shell and exit."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        import shtab

        sys.stdout.write(shtab.complete(parser, shell=values))
        sys.stdout.write("\n")
        parser.exit(0)


def add_completion_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--completion SHELL`` to the top-level parser."""
    parser.add_argument(
        "--completion", choices=SHELLS, action=CompletionAction, default=argparse.SUPPRESS,
        help="stampa lo script di completamento per la shell (bash o zsh), es. "
             "'eval \"$(ordina --completion bash)\"'")
