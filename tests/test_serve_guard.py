"""``ordina serve`` refuses other web pages: Host, Origin and the per-start token, checked
with a real websocket client (aiohttp, as textual-serve itself uses)."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from conftest import REPO

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[int, str]]:
    """A running ``ordina serve``: its port and the link it printed."""
    folder = tmp_path_factory.mktemp("serve")
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), ORDINA_DB=str(folder / "o.db"))
    server = subprocess.Popen([sys.executable, "-m", "ordina", "serve", "--port", str(port)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        line = server.stdout.readline().decode()
        link = re.search(r"http://\S+", line).group(0)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield port, link
    finally:
        server.terminate()
        server.wait(10)


def _token(link: str) -> str:
    return link.split("token=", 1)[1]


async def _ws_status(url: str, headers: dict[str, str]) -> int:
    """The HTTP status of a websocket handshake (101 when it opened)."""
    async with aiohttp.ClientSession() as http:
        try:
            async with http.ws_connect(url, headers=headers) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    async def go() -> tuple[int, str]:
        async with aiohttp.ClientSession() as http, \
                http.get(url, headers=headers or {}) as response:
            return response.status, (await response.read()).decode("utf-8", "replace")
    return asyncio.run(go())


def test_printed_link_carries_a_random_token(served) -> None:
    port, link = served
    assert link.startswith(f"http://localhost:{port}/?token=")
    assert len(_token(link)) >= 20


def test_websocket_with_token_and_own_origin_opens(served) -> None:
    port, link = served
    url = f"http://127.0.0.1:{port}/ws/{_token(link)}?width=80&height=24"
    status = asyncio.run(_ws_status(url, {"Origin": f"http://localhost:{port}"}))
    assert status == 101


def test_websocket_without_token_is_refused(served) -> None:
    port, _link = served
    for path in ("/ws?width=80&height=24", "/ws/sbagliato?width=80"):
        status = asyncio.run(_ws_status(f"http://127.0.0.1:{port}{path}",
                                        {"Origin": f"http://localhost:{port}"}))
        assert status == 403, path


def test_websocket_from_another_page_is_refused(served) -> None:
    port, link = served
    url = f"http://127.0.0.1:{port}/ws/{_token(link)}?width=80&height=24"
    for origin in ("http://evil.example", f"http://localhost:{port + 1}", "null"):
        assert asyncio.run(_ws_status(url, {"Origin": origin})) == 403, origin


def test_dns_rebinding_host_is_refused(served) -> None:
    port, link = served
    status, _ = _get(link.replace("localhost", "127.0.0.1"),
                     {"Host": f"attacker.example:{port}"})
    assert status == 403
    url = f"http://127.0.0.1:{port}/ws/{_token(link)}"
    assert asyncio.run(_ws_status(url, {"Host": f"attacker.example:{port}"})) == 403


def test_page_needs_the_token_and_loads_nothing_from_the_internet(served) -> None:
    port, link = served
    status, _ = _get(f"http://127.0.0.1:{port}/")
    assert status == 403
    status, page = _get(link)
    assert status == 200
    assert f"/ws/{_token(link)}" in page
    fetched = re.findall(r'(?:href|src)="([^"]+)"|url\("([^"]+)"\)', page)
    urls = [a or b for a, b in fetched]
    assert urls and all(u.startswith("/static/") for u in urls), urls
    assert "googleapis" not in page
    font, _ = _get(f"http://127.0.0.1:{port}/static/fonts/RobotoMono-VariableFont_wght.ttf")
    assert font == 200


def test_taken_port_gives_a_clear_message(run_ordina) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_ordina("serve", "--port", str(port))
    assert result.returncode == 2
    assert f"la porta {port} è già in uso".encode() in result.stderr
    assert b"Traceback" not in result.stderr and b"interno" not in result.stderr
