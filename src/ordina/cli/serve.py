"""``ordina serve``: the same app in a browser, through textual-serve, on localhost only."""

from __future__ import annotations

import argparse

#: Addresses ``--host`` accepts: the app shows personal data, so it never listens on a network.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def register(subparsers, parents) -> None:
    """Add the ``serve`` subcommand."""
    p = subparsers.add_parser(
        "serve", parents=parents, help="l'app nel browser, solo su questo computer (localhost)",
        description="Avvia un piccolo server web che mostra l'app di ordina nel browser "
                    "(textual-serve). Ascolta solo su localhost: ogni scheda del browser apre "
                    "una sessione dell'app sullo stesso database.",
    )
    p.add_argument("--port", type=int, default=8000, help="porta (predefinita 8000)")
    p.add_argument("--host", default="localhost", choices=LOCAL_HOSTS,
                   help="indirizzo locale su cui ascoltare (predefinito localhost)")
    p.add_argument("--open", action="store_true",
                   help="apre il browser sull'app appena il server è pronto")
    p.set_defaults(run=run)


def command_line(args: argparse.Namespace) -> str:
    """The command textual-serve starts for each browser session."""
    import os
    import shlex
    import sys

    parts = [sys.executable, "-m", "ordina"]
    if getattr(args, "db", None):
        parts += ["--db", os.path.abspath(args.db)]
    if getattr(args, "as_of", None):
        parts += ["--as-of", args.as_of]
    return shlex.join(parts)


def run(args: argparse.Namespace) -> int:
    """Serve the app until Ctrl+C."""
    from ordina.errors import UserError

    if not 1 <= args.port <= 65535:
        raise UserError(f"porta non valida: {args.port}; usa un numero tra 1 e 65535")
    try:
        from textual_serve.server import Server
    except ImportError:
        raise UserError("manca textual-serve: installalo con \"pip install 'ordina[serve]'\"") \
            from None
    url = f"http://{args.host}:{args.port}"
    print(f"ordina nel browser: {url} (Ctrl+C per fermare)", flush=True)
    if args.open:
        from ordina.cli.browser import open_when_listening

        open_when_listening(url, args.host, args.port)
    Server(command_line(args), host=args.host, port=args.port, title="ordina").serve()
    return 0
