"""Benchmark (not a test): from launching ``ordina`` to the app's first frame in a terminal.

Usage (from the repository root)::

    PYTHONPATH=src python benchmarks/bench_tui_startup.py [--runs 7] [--db PATH]

The app runs in a pseudo-terminal of 80×24; the clock stops when the tab bar
("Domande") has been written, i.e. the first frame is on screen. Target (issue 6):
under 1 s. The demo database is prepared after the first frame, in a worker, so a
fresh database costs the same. Bytecode caches are allowed (as in an installed
package), and the first, cold run is not counted.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARK = b"Domande"


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by process ``pid`` (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_frame(db: str, timeout: float = 20.0) -> tuple[float, float]:
    """Wall and CPU seconds from spawning ``python -m ordina`` to its first frame.

    CPU time does not grow when other processes load the machine; wall time does.
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), ORDINA_DB=db, TERM="xterm-256color")
    env.pop("TEXTUAL_DRIVER", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed ordina has its .pyc files
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "ordina"], stdin=slave, stdout=slave,
                            stderr=slave, env=env, close_fds=True)
    os.close(slave)
    seen = b""
    try:
        while MARK not in seen:
            if time.perf_counter() - start > timeout:
                raise TimeoutError("no frame")
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
        return time.perf_counter() - start, _cpu_seconds(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
        os.close(master)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", help="database to open (default: a new one per run)")
    args = parser.parse_args()
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as tmp:
        first_frame(str(Path(tmp) / "warm.db"))  # warm the OS file cache and .pyc files
        for run in range(args.runs):
            wall, cpu = first_frame(args.db or str(Path(tmp) / f"fresh{run}.db"))
            walls.append(wall)
            cpus.append(cpu)
    load = os.getloadavg()[0]
    print(f"ordina → primo frame (80×24, {args.runs} avvii, carico {load:.1f} su "
          f"{os.cpu_count()} CPU): tempo reale mediana {statistics.median(walls) * 1000:.0f} ms "
          f"(massimo {max(walls) * 1000:.0f} ms), CPU mediana "
          f"{statistics.median(cpus) * 1000:.0f} ms (obiettivo < 1000 ms)")


if __name__ == "__main__":
    main()
