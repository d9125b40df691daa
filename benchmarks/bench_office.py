"""Benchmarks of the personnel office's answers on a big database (not a test).

Each answer (remaining cap, overdue requests, ending contracts, unit heads on a day and over
a month) is asked once warm, in process, of the database given; the figure is its time.

Usage (from the repository root)::

    PYTHONPATH=src python -m ordina --db /tmp/big.db demo --scale 25000
    PYTHONPATH=src python benchmarks/bench_office.py /tmp/big.db
"""

from __future__ import annotations

import sys
import time
from datetime import date

from ordina.ask import answer_query
from ordina.db import connect
from ordina.query.model import Query, Subject

ON = date(2026, 11, 23)


def main(path: str) -> None:
    """Print the time of each answer, in milliseconds."""
    db = connect(path)
    person = db.conn.execute("SELECT id, code FROM people WHERE id IN "
                             "(SELECT person_id FROM employments) LIMIT 1").fetchone()
    queries = {
        "remaining_cap": Query(f"quanto può ancora guadagnare {person[1]}?", "remaining_cap",
                               Subject("person", person[1], key=str(person[0]))),
        "overdue_requests": Query("richieste scadute", "overdue_requests"),
        "ending_contracts": Query("cosa finisce entro marzo", "ending_contracts",
                                  facts={"period_end": date(2027, 3, 31)}),
        "unit_heads": Query("responsabili oggi", "unit_heads"),
        "unit_heads, dicembre": Query("responsabili a dicembre", "unit_heads",
                                      as_of=date(2026, 12, 1),
                                      facts={"period_end": date(2026, 12, 31)}),
    }
    answer_query(queries["unit_heads"], db, ON, {})  # warm: plugins and registry
    for name, query in queries.items():
        start = time.perf_counter()
        answer_query(query, db, ON, {})
        print(f"{name}: {(time.perf_counter() - start) * 1000:.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/big.db")
