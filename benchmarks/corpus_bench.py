"""Benchmarks of the regulation layer (not a test): index build, article lookup, search.

Targets (issue 2): index both documents from scratch under 0.3 s; article lookup and
search p95 under 5 ms warm. The build is timed in-process on a new empty database
(imports done, caches cold for the first run) and as a fresh ``ordina index`` process.

    python benchmarks/corpus_bench.py [--repeat 5] [--rounds 200]
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

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

REFS = ["88.3", "art 88 comma 3", "articolo 87 c.1 lett. d)", "all. D", "titolo IX", "art. 1",
        "art_39__para_1__point_n", "art. 53 c. 6", "all. D tab. 2", "tit. 3"]
QUERIES = ["patrocinio legale", "part-time vigili", "ferie segretario", "incarichi",
           "autorizzazione", "part time", "nucleo di valutazione", "mobilità volontaria",
           "responsabilità", "retribuzione di posizione", "codice civile", "missioni"]


def _ms(values: list[float], cpu: float) -> str:
    """p50/p95 of wall-clock times, and the mean CPU time (steadier on a busy machine)."""
    values = sorted(values)
    p95 = values[max(0, int(len(values) * 0.95) - 1)]
    return (f"p50 {statistics.median(values) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms, "
            f"CPU medio {cpu / len(values) * 1000:.2f} ms ({len(values)} misure)")


def bench_build(repeat: int) -> None:
    from ordina.corpus.index import build_index
    from ordina.db import connect

    times, cpus = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeat):
            db = connect(Path(tmp) / f"b{i}.db")
            started, cpu = time.perf_counter(), time.process_time()
            build_index(db)
            times.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
            db.conn.close()
    print(f"indice da zero (in processo): primo {times[0]:.3f} s (CPU {cpus[0]:.3f} s), "
          f"migliore {min(times):.3f} s (CPU {min(cpus):.3f} s), "
          f"mediana {statistics.median(times):.3f} s")


def bench_cold_process() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(3):
            env["ORDINA_DB"] = str(Path(tmp) / f"c{i}.db")
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "ordina", "index"], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            runs.append(time.perf_counter() - started)
    print(f"'ordina index' su database vuoto (processo nuovo, import compresi): "
          f"migliore {min(runs):.2f} s")


def bench_lookup_and_search(rounds: int) -> None:
    from ordina.corpus import load_corpus
    from ordina.corpus.index import build_index, search
    from ordina.db import connect

    with tempfile.TemporaryDirectory() as tmp:
        db = connect(Path(tmp) / "w.db")
        build_index(db)
        load_corpus(db=db).resolve("88.3")          # warm-up
        for q in QUERIES:
            search(db, q, 10)
        lookups = []
        cpu = time.process_time()
        for _ in range(rounds):
            for ref in REFS:
                started = time.perf_counter()
                load_corpus(db=db).resolve(ref)
                lookups.append(time.perf_counter() - started)
        lookup_cpu = time.process_time() - cpu
        searches = []
        cpu = time.process_time()
        for _ in range(max(1, rounds // 4)):
            for q in QUERIES:
                started = time.perf_counter()
                search(db, q, 10)
                searches.append(time.perf_counter() - started)
        search_cpu = time.process_time() - cpu
    print(f"articolo (load_corpus(db) + resolve, a caldo): {_ms(lookups, lookup_cpu)}")
    print(f"ricerca (search(db, testo, 10), a caldo): {_ms(searches, search_cpu)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    bench_build(args.repeat)
    bench_cold_process()
    bench_lookup_and_search(args.rounds)


if __name__ == "__main__":
    main()
