"""Cold ``ordina`` processes from decide to the act, on the demo Comune (median of N runs).

    python benchmarks/bench_decisions.py [--repeat 5]

Each command runs as a new process, like a user typing it; the register grows by one
entry per ``decide --record`` run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = [
    ("decide 12", ["--as-of", "2026-11-23", "decide", "12"]),
    ("decide 16 --record", ["--as-of", "2026-11-23", "decide", "16", "--record", "--esito",
                            "preso_atto", "--by", "Bench"]),
    ("register verify", ["register", "verify"]),
    ("receipt 1", ["receipt", "1"]),
    ("receipt 1 --recheck", ["--as-of", "2026-11-23", "receipt", "1", "--recheck"]),
    ("act 16 --format docx", ["act", "16", "--format", "docx", "-o", "atto.docx", "--force"]),
    ("deadlines --ics", ["--as-of", "2026-11-23", "deadlines", "--ics", "s.ics", "--force"]),
    ("export --trasparenza", ["export", "--trasparenza", "at", "--force"]),
]


def main() -> None:
    """Run every command ``--repeat`` times and print the median seconds."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as tmp:
        src = str(Path(__file__).resolve().parents[1] / "src")
        env = dict(os.environ, PYTHONPATH=src, ORDINA_DB=str(Path(tmp) / "b.db"),
                   ORDINA_AMENDMENTS=str(Path(tmp) / "none"), ORDINA_DISABLE_ENTRYPOINTS="1")

        def run(args: list[str]) -> float:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "ordina", *args], env=env, cwd=tmp,
                           check=True, capture_output=True)
            return time.perf_counter() - start

        run(["demo"])
        for label, args in COMMANDS:
            times = [run(args) for _ in range(repeat)]
            print(f"{label:24} mediana {statistics.median(times):.2f} s "
                  f"(min {min(times):.2f}, max {max(times):.2f})")


if __name__ == "__main__":
    main()
