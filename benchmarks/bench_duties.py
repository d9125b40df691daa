"""Benchmark "obblighi di X" and "incompatibilità di X": one answer, warm, per kind of person.

Run from the repository root (the database defaults to a fresh demo Comune in memory)::

    python benchmarks/bench_duties.py
    python benchmarks/bench_duties.py --db grande.db     # e.g. after: ordina demo --scale 25000

For each office it picks the first holder on the date and times the full answer
(``ordina.ask.answer_query``, subject given by id so homonyms do not interfere): the
first call, which loads the plugins and the regulation, and then the median and p95 of
the warm ones. The incompatibility answer runs the audit restricted to the person.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

ON = date(2026, 11, 23)
OFFICES = ("responsabile_area", "dirigente", "segretario", "responsabile_personale",
           "vice_segretario", "responsabile_ufficio", "responsabile_procedimento", "sindaco")


def _holder(db, office: str) -> tuple[int, str] | None:
    row = db.conn.execute(
        "SELECT p.id, p.given_name || ' ' || p.surname FROM offices o JOIN people p "
        "ON p.id = o.person_id WHERE o.office = ? AND o.valid_from <= ? AND "
        "(o.valid_to IS NULL OR o.valid_to > ?) ORDER BY o.id LIMIT 1",
        (office, ON.isoformat(), ON.isoformat())).fetchone()
    return (row[0], row[1]) if row else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database (default: the demo Comune in memory)")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    from ordina.ask import answer_query
    from ordina.db import connect
    from ordina.query.model import Query, Subject

    db = connect(args.db or ":memory:")
    if not args.db:
        from ordina.store import ensure_demo

        ensure_demo(db)
    people = db.conn.execute("SELECT COUNT(*) FROM employments").fetchone()[0]
    print(f"database: {args.db or 'demo in memoria'} ({people} rapporti di lavoro), "
          f"data {ON.strftime('%d/%m/%Y')}, {args.rounds} misure a caldo")
    first = True
    for intent in ("obligations", "incompatibility"):
        for office in OFFICES:
            found = _holder(db, office)
            if found is None:
                continue
            pid, name = found
            query = Query(f"{intent} {name}", intent, Subject("person", name, name, str(pid)))
            start = time.perf_counter()
            answer = answer_query(query, db, ON, {})
            cold = (time.perf_counter() - start) * 1000
            times = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                answer_query(query, db, ON, {})
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            p95 = times[max(0, int(len(times) * 0.95) - 1)]
            note = f" (primo, con i plugin: {cold:.0f} ms)" if first else ""
            first = False
            print(f"{intent:16s} {office:26s} p50 {statistics.median(times):6.1f} ms  "
                  f"p95 {p95:6.1f} ms  {len(answer.citations):3d} citazioni{note}")


if __name__ == "__main__":
    main()
