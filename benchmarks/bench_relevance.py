"""Warm ``ordina ask`` on decisions that need the relevance of the missing facts (not a test).

Each question is answered in process (no database) ``--repeat`` times after a warm-up;
the figures are the median and the 95th percentile of one answer, in milliseconds, over
all questions. The heaviest are the generic ones ("posso fare un incarico esterno?"),
where every activity kind and working time is tried.

Usage (from the repository root)::

    PYTHONPATH=src python benchmarks/bench_relevance.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

from ordina.ask import answer_question

QUESTIONS = (
    "posso fare un incarico esterno?",
    "posso fare consulenza?",
    "posso fare consulenza per una srl fornitrice del Comune?",
    "posso fare l'amministratore del condominio dove abito?",
    "posso fare l'avvocato?",
    "un dipendente a tempo pieno può aprire un negozio?",
    "Can I do consulting for a company that supplies the municipality?",
    ("la selezione non è ancora partita: posso affidare le mansioni superiori per il posto "
    "vacante per 10 mesi?"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    on = date(2026, 11, 23)
    for question in QUESTIONS:
        answer_question(question, None, on)
    times: list[float] = []
    for _ in range(args.repeat):
        for question in QUESTIONS:
            start = time.perf_counter()
            answer_question(question, None, on)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{len(QUESTIONS)} domande × {args.repeat}: mediana {statistics.median(times):.1f} ms, "
          f"p95 {p95:.1f} ms, massimo {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()
