"""Benchmarks of the appointment, collaboration, pay and deadline checks (not a test).

Every scenario of the calcs checks is evaluated many times with its check alone; the
figure is the time of one check on one set of facts (issue 5 target: under 1 ms).

Usage (from the repository root)::

    PYTHONPATH=src python benchmarks/bench_calcs.py [--repeat 2000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODULES = ("retribuzione_posizione", "valutazione", "premi", "missioni", "scadenze",
           "incarichi_responsabili", "tempo_determinato", "part_time", "mobilita",
           "nucleo_valutazione", "collaborazioni")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("ORDINA_DISABLE_ENTRYPOINTS", "1")
    sys.path.insert(0, str(REPO / "src"))
    from ordina.calendar import Calendario
    from ordina.engine import FactSet, FactValue, default_registry
    from ordina.engine.scenarios import load_scenarios

    registry = default_registry()
    per_check: dict[str, list[float]] = {}
    for stem in MODULES:
        for scenario in load_scenarios(REPO / "checks" / f"{stem}.yaml"):
            facts = FactSet.from_values(scenario.facts, "scenario")
            if scenario.when is not None:
                facts = facts.merged([FactValue("date", scenario.when, "contesto")])
            checks = ([registry.get(scenario.check)] if scenario.check
                      else registry.for_intent(scenario.intent or ""))
            for check in checks:
                if not check.id.startswith(stem):
                    continue
                check.run(facts)  # warm caches (holidays of the year)
                start = time.perf_counter()
                for _ in range(args.repeat):
                    check.run(facts)
                per_check.setdefault(check.id, []).append(
                    (time.perf_counter() - start) / args.repeat * 1e6)
    worst = 0.0
    for check_id, times in sorted(per_check.items()):
        worst = max(worst, max(times))
        print(f"{check_id:45} mediana {statistics.median(times):7.1f} µs, "
              f"peggiore {max(times):7.1f} µs ({len(times)} scenari)")
    print(f"una verifica su un insieme di fatti: al più {worst:.1f} µs")

    cal = Calendario.da_ambiente("22/05 Santa Giulia")
    start = time.perf_counter()
    n = 0
    for year in range(2000, 2060):
        for day in range(1, 366, 7):
            cal.scadenza(date.fromordinal(date(year, 1, 1).toordinal() + day - 1), 30)
            n += 1
    elapsed = time.perf_counter() - start
    print(f"scadenze calcolate su 60 anni di festività: {n} in {elapsed * 1000:.0f} ms "
          f"({elapsed / n * 1e6:.1f} µs ciascuna, festività di ogni anno incluse)")


if __name__ == "__main__":
    main()
