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


def port_free(host: str, port: int) -> bool:
    """Whether ``host:port`` can be listened on now (it may still be taken a moment later)."""
    import socket

    family = socket.AF_INET6 if host == "::1" else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1" if host == "localhost" else host, port))
        except OSError:
            return False
    return True


def _port_taken(port: int) -> str:
    return (f"la porta {port} è già in uso (forse un altro 'ordina serve' è aperto): "
            f"chiudilo, oppure scegli un'altra porta con --port {port + 1}")


def run(args: argparse.Namespace) -> int:
    """Serve the app until Ctrl+C."""
    from ordina.cli.common import open_db
    from ordina.errors import UserError

    if not 1 <= args.port <= 65535:
        raise UserError(f"porta non valida: {args.port}; usa un numero tra 1 e 65535")
    try:
        from ordina.tui.webserver import GuardedServer
    except ImportError:
        raise UserError("manca textual-serve: installalo con \"pip install 'ordina[serve]'\"") \
            from None
    open_db(args).close()  # a mistyped --db or a foreign file fails here, not in the browser
    if not port_free(args.host, args.port):
        raise UserError(_port_taken(args.port))
    server = GuardedServer(command_line(args), host=args.host, port=args.port)
    print(f"ordina nel browser: apri {server.link}\n"
          "(il link contiene un codice segreto valido fino alla chiusura; Ctrl+C per fermare)",
          flush=True)
    if args.open:
        from ordina.cli.browser import open_when_listening

        open_when_listening(server.link, args.host, args.port)
    try:
        server.serve()
    except OSError as exc:
        import errno

        if exc.errno == errno.EADDRINUSE:
            raise UserError(_port_taken(args.port)) from None
        raise
    return 0
