"""Benchmark (not a test): typing stays responsive while the whole-Comune audit runs.

Usage (from the repository root)::

    PYTHONPATH=src python benchmarks/bench_tui_typing.py [--scale 25000] [--db PATH]

Generates a large Comune (``ordina demo --scale``), opens the app headless at 100×30
and the audit tab, whose audit starts in a worker thread; then types into the filter
box at a brisk human pace (one key every 80 ms) while it runs, and again once it is
done. For each key it measures the time from the key reaching the app to the box
showing it; a 10 ms heartbeat timer measures how late the event loop runs. Issue 6:
typing stays responsive while a long audit runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
TEXT = "incarichi verdi tetto"
PACE = 0.08


def _make_db(path: str, scale: int) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    subprocess.run([sys.executable, "-m", "ordina", "--db", path, "demo", "--scale", str(scale)],
                   check=True, env=env, stdout=subprocess.DEVNULL)


async def _type(app, box, text: str, while_busy: bool = False) -> list[float]:
    """Send keys like a terminal would and time each until the box shows it.

    :param while_busy: keep typing (``text`` over and over) until the audit is done.
    """
    from itertools import cycle

    from textual import events

    def busy() -> bool:
        return any(w.group == "audit" and not w.is_finished for w in app.workers)

    latencies = []
    for n, char in enumerate(cycle(text) if while_busy else text):
        if while_busy and not busy():
            break
        if while_busy and n and n % len(text) == 0:
            box.value = ""
        expected = box.value + char
        start = time.perf_counter()
        app._driver.send_message(events.Key("space" if char == " " else char, char))
        while box.value != expected:
            await asyncio.sleep(0.001)
        latencies.append(time.perf_counter() - start)
        await asyncio.sleep(PACE)
    return latencies


async def measure(db: str) -> dict[str, object]:
    from textual.widgets import Input

    from ordina.store.demo import REFERENCE_DATE
    from ordina.tui.app import OrdinaApp

    app = OrdinaApp(db_path=db, as_of=REFERENCE_DATE, testing=True)
    lags: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()  # database ready, names loaded
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            lags.append(now - last[0] - 0.01)
            last[0] = now

        app.set_interval(0.01, beat)
        started = time.perf_counter()
        await app.action_go_mode("audit")  # the audit tab: its audit starts in a thread
        box = app.screen.query_one("#audit-filter", Input)
        box.focus()
        lags.clear()
        busy = await _type(app, box, TEXT, while_busy=True)
        busy_lags = list(lags)
        await app.workers.wait_for_complete()
        audit_seconds = time.perf_counter() - started
        box.value = ""
        await pilot.pause(0.3)
        lags.clear()
        idle = await _type(app, box, TEXT)
        idle_lags = list(lags)
        findings = len(app.data.audit.findings)
    return {"busy": busy, "idle": idle, "busy_lags": busy_lags, "idle_lags": idle_lags,
            "audit": audit_seconds, "findings": findings}


def _summary(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return f"mediana {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms, massimo {ms[-1]:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=25000)
    parser.add_argument("--db", help="an existing large database (skips generation)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "grande.db")
        if not args.db:
            _make_db(db, args.scale)
        r = asyncio.run(measure(db))
    print(f"audit nell'app: {r['findings']} rilievi in {r['audit']:.1f} s; un tasto nel "
          f"filtro ogni {PACE * 1000:.0f} ms (carico {os.getloadavg()[0]:.1f} su "
          f"{os.cpu_count()} CPU)")
    print(f"  durante l'audit ({len(r['busy'])} tasti): tasto→casella {_summary(r['busy'])}; "
          f"ritardo del ciclo {_summary(r['busy_lags'])}")
    print(f"  a riposo: tasto→casella {_summary(r['idle'])}; "
          f"ritardo del ciclo {_summary(r['idle_lags'])}")


if __name__ == "__main__":
    main()
