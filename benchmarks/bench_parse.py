"""Benchmark the query layer: parsing throughput, answer latency, cold ``ordina ask``.

Run from the repository root::

    python benchmarks/bench_parse.py            # everything
    python benchmarks/bench_parse.py --quick    # fewer rounds

It prints one line per figure. ``python -c pass`` is measured too: on a slow or busy
machine the interpreter start-up alone can take a large share of the cold figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

QUESTIONS = [
    "può Mario Rossi accettare l'incarico 12?", "can employee Rossi accept this incarico?",
    "chi sostituisce l'area tecnica?", "who substitutes area Finanziaria?",
    "chi sostituisce il segretario il 3 marzo 2027?", "obblighi di Bianchi",
    "incompatibilità di Verdi", "chi autorizza le ferie di Neri?",
    "chi autorizza le missioni del segretario?", "incarichi in scadenza", "art. 88 c. 3",
    "cosa dice l'articolo 89?", "chi cita l'allegato G?", "cerca patrocinio legale",
    "show article 17",
    "un dipendente a tempo pieno può fare l'amministratore di una srl?",
    "posso fare volontariato gratuito?",
    "un agente di polizia municipale può chiedere il part-time?",
    "un dipendente al 40% di part-time può fare il libero professionista?",
    "il cugino dell'assessore può avere un contratto a tempo determinato ex art. 110?",
    ("incarico da 1.500 euro, retribuzione base 24.000, già autorizzati 4.000 quest'anno: "
    "è ammesso?"),
    "sono assunto da 3 anni, posso chiedere la mobilità in uscita?",
    "graduazione 80 e Pmax 16.000: quanto è la retribuzione di posizione?",
    "art. 87 c. 1 lett. d", "chi richiama l'art. 13?", "who authorises Neri's leave?",
    "il figlio del cugino del sindaco può avere un contratto a tempo determinato?",
    "mansioni superiori per 8 mesi a un C1 su un posto vacante di D1",
    "rimborso chilometrico per 120 km con benzina a 1,85 €",
    "richiesta di autorizzazione presentata il 12/03/2026: entro quando va data risposta?",
    "quanto costa un caffè alla macchinetta?", "art. 88 c.",
]

COLD = ["art. 88 c. 3", "chi sostituisce il segretario il 3 marzo 2027?",
        "posso fare volontariato gratuito?"]


def _rate(fn, items: list[str], rounds: int) -> tuple[float, float, float]:
    """Questions per second, p50 and p95 latency in ms."""
    for text in items:
        fn(text)
    latencies = []
    start = time.perf_counter()
    for _ in range(rounds):
        for text in items:
            t0 = time.perf_counter()
            fn(text)
            latencies.append(time.perf_counter() - t0)
    total = time.perf_counter() - start
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95)]
    return len(latencies) / total, statistics.median(latencies) * 1000, p95 * 1000


def _process(args: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(args, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--scale", type=int, default=25_000,
                        help="employees of the large database (needs ordina.store.generator)")
    opts = parser.parse_args()
    rounds = 5 if opts.quick else 30

    from lark.exceptions import UnexpectedInput

    from ordina.query import parse_question
    from ordina.query.normalize import normalize
    from ordina.query.parser import parse_items

    def parse_only(text: str) -> None:
        try:
            parse_items(normalize(text).text)
        except UnexpectedInput:
            pass  # the near miss of the list: the error is part of the work

    today = date(2026, 5, 4)
    rate, p50, p95 = _rate(parse_only, QUESTIONS, rounds)
    print(f"parse (normalise + LALR):        {rate:8.0f} questions/s   "
          f"p50 {p50:.2f} ms  p95 {p95:.2f} ms")
    rate, p50, p95 = _rate(lambda t: parse_question(t, today=today), QUESTIONS, rounds)
    print(f"parse_question (typed Query):    {rate:8.0f} questions/s   "
          f"p50 {p50:.2f} ms  p95 {p95:.2f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        from ordina.ask import answer_question
        from ordina.db import connect
        from ordina.store import ensure_demo

        db = connect(Path(tmp) / "demo.db")
        ensure_demo(db)
        rate, p50, p95 = _rate(lambda t: answer_question(t, db, today), QUESTIONS,
                               max(2, rounds // 5))
        print(f"parse + answer, demo database:   {rate:8.0f} questions/s   "
              f"p50 {p50:.2f} ms  p95 {p95:.2f} ms")
        try:
            from ordina.store.generator import generate
            from ordina.store.schema import ensure_schema, write_transaction
        except ImportError:
            print(f"parse + answer, {opts.scale} employees: skipped (no ordina.store.generator)")
        else:
            big = connect(Path(tmp) / "big.db")
            ensure_schema(big)
            with write_transaction(big) as conn:
                generate(conn, opts.scale, 1)
            rate, p50, p95 = _rate(lambda t: answer_question(t, big, today), QUESTIONS, 2)
            print(f"parse + answer, {opts.scale} employees: {rate:6.0f} questions/s   "
                  f"p50 {p50:.2f} ms  p95 {p95:.2f} ms")

        env = dict(os.environ, PYTHONPATH=str(REPO / "src"), ORDINA_DB=str(Path(tmp) / "c.db"))
        runs = 3 if opts.quick else 7
        base = _process([sys.executable, "-c", "pass"], env, runs)
        print(f"python -c pass (start-up only):  {base:8.2f} s")
        _process([sys.executable, "-m", "ordina", "ask", "chi sostituisce Rossi?"], env, 1)
        for text in COLD:
            took = _process([sys.executable, "-m", "ordina", "ask", text], env, runs)
            print(f"cold ordina ask {text[:34]!r:38} {took:5.2f} s "
                  f"({took - base:.2f} s over start-up)")


if __name__ == "__main__":
    main()
