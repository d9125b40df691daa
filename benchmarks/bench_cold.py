"""Benchmark ``ordina ask`` as a cold process: wall time and CPU time, per question.

Run from the repository root::

    python benchmarks/bench_cold.py              # 7 runs per question
    python benchmarks/bench_cold.py --runs 3

Each run is a new ``python -m ordina ask`` process on a database created (and indexed)
once beforehand, as a user's default database is after the first start. Bytecode is
cached (``PYTHONPYCACHEPREFIX`` in a temporary folder) as in an installed wheel, even
when ``PYTHONDONTWRITEBYTECODE`` is set, and so are the parser tables and entry-point
names (``ORDINA_CACHE_DIR``, also temporary). CPU time (user + system of the child) is the
steadier figure on a shared machine; ``python -c pass`` is measured as the floor.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

QUESTIONS = [
    "art. 88 c. 3",
    "cerca patrocinio legale",
    "chi sostituisce il segretario il 3 marzo 2027?",
    "un dipendente a tempo pieno può fare l'amministratore di una srl?",
    "può Mario Rossi accettare l'incarico 12?",
    "chi tiene il registro degli incarichi?",
    "quali articoli compongono il titolo VII?",
]


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(f"{args}: exit {done.returncode}\n{done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _measure(args: list[str], env: dict[str, str], runs: int) -> str:
    walls, cpus = zip(*(_run(args, env) for _ in range(runs)), strict=True)
    return (f"wall median {statistics.median(walls):5.2f} s (min {min(walls):4.2f})   "
            f"CPU median {statistics.median(cpus):5.2f} s (min {min(cpus):4.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="processes per question")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONPATH=str(REPO / "src"), ORDINA_DB=str(Path(tmp) / "o.db"),
                   PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"),
                   ORDINA_CACHE_DIR=str(Path(tmp) / "cache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        ask = [sys.executable, "-m", "ordina", "ask"]
        for text in QUESTIONS:  # first start: demo database, index, bytecode
            _run([*ask, text], env)
        print(f"{'python -c pass':42} {_measure([sys.executable, '-c', 'pass'], env, opts.runs)}")
        for text in QUESTIONS:
            print(f"{text[:40]:42} {_measure([*ask, text], env, opts.runs)}")


if __name__ == "__main__":
    main()
