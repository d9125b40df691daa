"""The web server of ``ordina serve``: textual-serve, closed to every other web page.

Listening on 127.0.0.1 is not enough: any page the employee opens can reach
``ws://127.0.0.1:PORT/ws`` (directly, or through a DNS name rebound to 127.0.0.1), type
into the app and read what it shows. So, like Jupyter:

- every request must carry a ``Host`` naming this server (``localhost``, ``127.0.0.1`` or
  ``[::1]`` with our port): a rebound DNS name is refused;
- a request with an ``Origin`` (every browser websocket has one) must come from this
  server's own origin;
- the page and the websocket need a random token made at each start, printed in the link
  to open; without it, 403.

The page loads nothing from the internet (the font comes from textual-serve's own files).
"""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

#: Names of this computer that a browser may put in ``Host`` / ``Origin``.
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")

#: Our copy of textual-serve's page, without the web fonts from the internet.
TEMPLATES = Path(__file__).parent / "web"


def new_token() -> str:
    """A fresh random token (128 bits, URL-safe)."""
    return secrets.token_urlsafe(16)


def allowed_hosts(port: int) -> frozenset[str]:
    """``Host`` values that name this server."""
    return frozenset(f"{name}:{port}" for name in LOOPBACK_NAMES)


def allowed_origins(port: int) -> frozenset[str]:
    """``Origin`` values of pages this server served."""
    return frozenset(f"http://{host}" for host in allowed_hosts(port))


def _forbidden(reason: str) -> web.HTTPForbidden:
    return web.HTTPForbidden(text=f"ordina serve: accesso negato ({reason})\n")


class GuardedServer(Server):
    """textual-serve with the Host, Origin and token checks of this module."""

    def __init__(self, command: str, host: str, port: int, token: str | None = None) -> None:
        url_host = "[::1]" if host == "::1" else host
        super().__init__(command, host=host, port=port, title="ordina",
                         public_url=f"http://{url_host}:{port}",
                         templates_path=TEMPLATES)
        self.token = token or new_token()
        """The secret of this start: in the link, the websocket path and nowhere else."""
        self.hosts = allowed_hosts(port)
        self.origins = allowed_origins(port)

    @property
    def link(self) -> str:
        """The address to open in the browser."""
        return f"{self.public_url}/?token={self.token}"

    def _token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())

    @web.middleware
    async def guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Refuse a foreign Host or Origin everywhere, a missing token on page and socket."""
        if request.headers.get("Host", "").lower() not in self.hosts:
            raise _forbidden("Host non di questo computer")
        origin = request.headers.get("Origin")
        if origin is not None and origin.lower() not in self.origins:
            raise _forbidden("Origin di un'altra pagina")
        if request.path == "/" and not self._token_ok(request.query.get("token")):
            raise _forbidden("manca il token: apri il link stampato da 'ordina serve'")
        if request.path.startswith("/ws") and \
                not self._token_ok(request.path.removeprefix("/ws/")):
            raise _forbidden("token mancante o errato")
        return await handler(request)

    async def _make_app(self) -> web.Application:
        """textual-serve's routes, the websocket under the token, behind :meth:`guard`.

        The page's script appends ``?width=...`` to the websocket address it is given, so
        the token travels in the path, not in the query.
        """
        app = web.Application(middlewares=[self.guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws/{token}", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """The app session (the token was checked by :meth:`guard`)."""
        if not self._token_ok(request.match_info.get("token")):
            raise _forbidden("token mancante o errato")
        return await super().handle_websocket(request)

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        """The page, pointing at this start's websocket, with a strict content policy."""
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": self.websocket_url,
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
            f"connect-src 'self' ws://{request.headers.get('Host', '')}")
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    @property
    def websocket_url(self) -> str:
        """The websocket address written into the page."""
        return f"ws:{self.public_url.split(':', 1)[1]}/ws/{self.token}"

    async def on_startup(self, app: web.Application) -> None:
        """Print nothing of textual-serve's banner: ``ordina serve`` prints the link."""
