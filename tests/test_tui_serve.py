"""``ordina serve``: the app in a browser session, on localhost only; ``ordina`` without a tty."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time

import pytest
from conftest import REPO


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _outside_address() -> str | None:
    """This machine's non-loopback address, if it has one (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            address = s.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


@pytest.mark.slow
def test_serve_runs_the_app_for_a_browser_session_on_localhost(tmp_path) -> None:
    aiohttp = pytest.importorskip("aiohttp")
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), ORDINA_DB=str(tmp_path / "o.db"))
    server = subprocess.Popen(
        [sys.executable, "-m", "ordina", "serve", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        token = server.stdout.readline().decode().split("token=", 1)[1].split()[0]

        async def session() -> bytes:
            deadline = time.monotonic() + 30
            while True:  # wait for the server to listen
                try:
                    async with aiohttp.ClientSession() as http, http.ws_connect(
                            f"http://127.0.0.1:{port}/ws/{token}?width=80&height=24") as ws:
                        got = b""
                        while b"Domande" not in got and time.monotonic() < deadline:
                            msg = await asyncio.wait_for(ws.receive(), 20)
                            data = msg.data
                            got += data if isinstance(data, bytes) else str(data).encode()
                        return got
                except aiohttp.ClientConnectorError:
                    if time.monotonic() > deadline:
                        raise
                    await asyncio.sleep(0.2)

        assert b"Domande" in asyncio.run(session())  # the app's tab bar, drawn for the browser
        outside = _outside_address()
        if outside is not None:  # nothing listens beyond localhost
            with socket.socket() as probe:
                probe.settimeout(1)
                assert probe.connect_ex((outside, port)) != 0
    finally:
        server.terminate()
        server.wait(10)


def test_serve_refuses_a_network_address(run_ordina) -> None:
    result = run_ordina("serve", "--host", "0.0.0.0")
    assert result.returncode == 2
    assert b"0.0.0.0" in result.stderr and b"Traceback" not in result.stderr


def test_ordina_without_a_terminal_prints_help(run_ordina) -> None:
    result = run_ordina()
    assert result.returncode == 0
    assert b"richiede un terminale" in result.stdout
    assert b"textual" not in result.stderr.lower()
