"""The ``ordina`` command line.

Each subcommand lives in its own module under ``ordina.cli`` and exposes
``register(subparsers, parents)`` and ``run(args) -> int``. Modules import their
heavy dependencies inside ``run`` so that ``ordina ask`` stays fast and never
imports Textual.

Exit codes: 0 answered, 2 bad input or unknown reference, 1 internal error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from ordina import __version__
from ordina.cli import argparse_it
from ordina.cli.completion import FILE, add_completion_option
from ordina.errors import UserError

argparse_it.install()

#: Subcommand modules, in the order ``ordina --help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    # the regulation
    "article",
    "search",
    "refs",
    "lint",
    "diff",
    "index",
    # the personnel database
    "people",
    "units",
    "demo",
    "import_",
    "export",
    "backup",
    # questions and checks
    "ask",
    "facts",
    "check",
    "coverage",
    # decisions, acts, deadlines
    "decide",
    "register",
    "receipt",
    "act",
    "deadlines",
    # the app in a browser
    "serve",
)


def _global_options(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted both before and after the subcommand name."""
    default = argparse.SUPPRESS if suppress else None
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument(
        "--db", metavar="PATH", default=default,
        help="database SQLite (anche da ORDINA_DB); predefinito: uno demo nella cartella utente",
    ).complete = FILE  # type: ignore[attr-defined]
    parser.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
        help="risposta in JSON, per l'integrazione con altri programmi",
    )
    parser.add_argument(
        "--as-of", metavar="DATA", default=default,
        help="data di riferimento (GG/MM/AAAA o AAAA-MM-GG); predefinito: oggi",
    )
    return parser


class _ItalianParser(argparse.ArgumentParser):
    """argparse that reports usage errors as exit code 2 with a one-line Italian message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"{message} (vedi 'ordina --help')")


def requested_command(argv: Sequence[str]) -> str | None:
    """The module of the subcommand ``argv`` names, or None (no command, help, a typo).

    Skips the global options and their values; any help or version flag before the
    command means the full parser is wanted.
    """
    modules = {name.rstrip("_"): name for name in COMMAND_MODULES}
    args = iter(argv)
    for arg in args:
        if arg in ("--db", "--as-of"):
            next(args, None)
        elif arg in ("-h", "--help", "--version"):
            return None
        elif not arg.startswith("-"):
            return modules.get(arg)
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand.

    :param argv: the arguments about to be parsed: when they name a subcommand, only that
        one is registered (importing and registering all of them costs a cold
        ``ordina ask`` ~0.01 s); the parse result is the same.
    """
    parser = _ItalianParser(
        prog="ordina",
        description="Interroga il Regolamento sull'ordinamento degli uffici e dei servizi.",
        parents=[_global_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"ordina {__version__}",
                        help="mostra la versione ed esce")
    add_completion_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMANDO", parser_class=_ItalianParser)
    parents = [_global_options(suppress=True)]
    wanted = requested_command(argv) if argv is not None else None
    for name in (wanted,) if wanted else COMMAND_MODULES:
        module = importlib.import_module(f"ordina.cli.{name}")
        module.register(sub, parents)
    return parser


def _print_error(message: str) -> None:
    print(f"ordina: errore: {message}", file=sys.stderr)


def _app_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The global options when ``argv`` names no subcommand, else None.

    ``ordina`` alone opens the app; this path skips importing every subcommand module
    (part of the app's time to first frame).
    """
    parser = _ItalianParser(prog="ordina", add_help=False,
                            parents=[_global_options(suppress=False)])
    try:
        args, rest = parser.parse_known_args(list(argv))
    except UserError:
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code; never lets a traceback reach the user."""
    try:
        argv = list(sys.argv[1:] if argv is None else argv)
        app_args = _app_args(argv)
        if app_args is not None:
            from ordina.cli import app_launcher

            return app_launcher.run(app_args)
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        if args.command is None:
            from ordina.cli import app_launcher

            return app_launcher.run(args)
        return int(args.run(args) or 0)
    except UserError as exc:
        _print_error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _print_error("interrotto dall'utente")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("ORDINA_DEBUG"):
            raise
        from ordina.crashlog import report_internal_error

        return report_internal_error(exc, argv, _print_error)
