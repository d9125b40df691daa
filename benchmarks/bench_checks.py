"""Benchmarks of the check engine (not a test): the audit of a large Comune, one check.

Usage (from the repository root)::

    PYTHONPATH=src python benchmarks/bench_checks.py [--scale 25000] [--db PATH]

Targets: ``ordina check --all`` on 25,000 employees under 5 s (issue 10; 10 s in issue 5);
one check on one person under 1 ms.
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
AS_OF = "2026-11-23"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("ORDINA_DISABLE_ENTRYPOINTS", "1")
    return env


def _ordina(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ordina", *args], check=True, env=_env(),
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=25_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"ordina-bench-{args.scale}.db"
    if not db.exists():
        print(f"creo il Comune di {args.scale} dipendenti in {db} ...")
        _ordina("demo", "--scale", str(args.scale), "--db", str(db))

    audit = [_ordina("check", "--all", "--db", str(db), "--as-of", AS_OF, "--format", "json")
             for _ in range(args.repeat)]
    print(f"ordina check --all ({args.scale} dipendenti, processo completo): "
          f"migliore {min(audit):.2f} s, mediana {statistics.median(audit):.2f} s")

    sys.path.insert(0, str(REPO / "src"))
    from ordina.db import connect
    from ordina.engine import Context, default_registry
    from ordina.engine.audit import run_audit
    from ordina.engine.dbfacts import PeopleFacts

    on = date.fromisoformat(AS_OF)
    conn = connect(db)
    registry = default_registry()
    ctx = Context(as_of=on, db=conn, registry=registry)
    start = time.perf_counter()
    report = run_audit(ctx)
    inner = time.perf_counter() - start
    print(f"  di cui audit in memoria: {inner:.2f} s, {report.evaluations} valutazioni, "
          f"{sum(report.subjects.values())} soggetti, {len(report.findings)} rilievi")

    pid = conn.conn.execute("SELECT person_id FROM employments LIMIT 1").fetchone()[0]
    check = registry.get("incarichi_esterni.attivita")
    facts = PeopleFacts(conn, on, [pid]).factset(pid).merged(
        __import__("ordina.engine", fromlist=["FactSet"]).FactSet.from_values(
            {"activity_kind": "consulenza_occasionale", "occasional": True,
             "professional_growth": True, "paid": True, "expenses_only": False,
             "client_relation": "nessuna", "conflict_of_interest": False,
             "interferes_with_service": False}, "domanda").facts())
    n = 5_000
    start = time.perf_counter()
    for _ in range(n):
        check.evaluate.decide(facts)
    fast = (time.perf_counter() - start) / n
    start = time.perf_counter()
    for _ in range(n):
        check.run(facts)
    full = (time.perf_counter() - start) / n
    start = time.perf_counter()
    for _ in range(200):
        PeopleFacts(conn, on, [pid]).factset(pid)
    load = (time.perf_counter() - start) / 200
    print(f"una verifica su una persona ({check.id}, {len(check.evaluate.rules)} regole): "
          f"esito {fast * 1e6:.0f} µs, esito con motivazione {full * 1e6:.0f} µs, "
          f"fatti della persona dal database {load * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
