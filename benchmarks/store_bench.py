"""Benchmarks of the personnel store (not a test): demo generation and CSV import.

Targets (issue 3): ``ordina demo --scale 25000`` under 10 s; importing a 25,000-row CSV
under 5 s. Each figure is the wall-clock time of the real command in a fresh process,
best of ``--repeat`` runs.

    python benchmarks/store_bench.py [--employees 25000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _ordina(*args: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ``ordina`` process."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    started, cpu = time.perf_counter(), _cpu()
    subprocess.run([sys.executable, "-m", "ordina", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started, _cpu() - cpu


def _best(runs: list[tuple[float, float]]) -> str:
    wall, cpu = min(runs)
    return f"{wall:.2f} s (CPU {cpu:.2f} s)"


def _csvs(folder: Path, n: int) -> tuple[Path, Path]:
    people = folder / "persone.csv"
    jobs = folder / "inquadramenti.csv"
    with people.open("w", encoding="utf-8") as fh:
        fh.write("codice;cognome;nome;sesso;data_nascita;cittadinanza;livello_titolo_studio;"
                 "titolo_studio;data_assunzione\n")
        for i in range(n):
            fh.write(f"B{i:06d};Cognome{i % 997};Nome{i % 89};{'FM'[i % 2]};"
                     f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1960 + i % 40};IT;diploma;"
                     f"Diploma;{1 + i % 28:02d}/{1 + i % 12:02d}/{1990 + i % 35}\n")
    with jobs.open("w", encoding="utf-8") as fh:
        fh.write("persona;dal;al;categoria;posizione_economica;profilo;contratto;part_time;"
                 "retribuzione_annua\n")
        cats = ("B1", "B3", "C", "D1")
        for i in range(n):
            cat = cats[i % 4]
            step = f"{cat[0]}{3 if cat == 'B3' else 1}"
            fh.write(f"B{i:06d};01/01/2020;;{cat};{step};Profilo {cat};indeterminato;"
                     f"{100 if i % 10 else 50};{20000 + i % 5000}.{i % 100:02d}\n")
    return people, jobs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=25_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = []
        for r in range(args.repeat):
            demo.append(_ordina("demo", "--db", str(folder / f"demo{r}.db"),
                                "--scale", str(args.employees), "--seed", "1"))
        people, jobs = _csvs(folder, args.employees)
        first, again, jobs_t = [], [], []
        for r in range(args.repeat):
            db = str(folder / f"import{r}.db")
            first.append(_ordina("import", "--db", db, str(people)))
            again.append(_ordina("import", "--db", db, str(people)))
            jobs_t.append(_ordina("import", "--db", db, str(jobs)))
    n = f"{args.employees:,}".replace(",", ".")
    print(f"ordina demo --scale {args.employees}: {_best(demo)} (obiettivo < 10 s)")
    print(f"ordina import persone.csv ({n} righe, database vuoto): {_best(first)} "
          "(obiettivo < 5 s)")
    print(f"ordina import persone.csv di nuovo (nessuna modifica): {_best(again)}")
    print(f"ordina import inquadramenti.csv ({n} righe): {_best(jobs_t)}")


if __name__ == "__main__":
    main()
