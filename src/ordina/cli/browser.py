"""``ordina serve --open``: open the browser on the app once the server listens."""

from __future__ import annotations

import socket
import sys
import threading
import time
import webbrowser


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def open_when_listening(url: str, host: str, port: int, timeout: float = 30.0) -> threading.Thread:
    """Open ``url`` in the user's browser as soon as ``host:port`` accepts connections
    (in a daemon thread: the server keeps the main one). Says so when no browser opens."""

    def wait_and_open() -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not _listening(host, port):
            time.sleep(0.1)
        if not webbrowser.open(url):
            print(f"nessun browser disponibile: apri {url} a mano", file=sys.stderr)

    thread = threading.Thread(target=wait_and_open, name="ordina-open-browser", daemon=True)
    thread.start()
    return thread
