"""Hostile inputs through the real command line (not a test): tried / crashed / database
changed.

Generates command lines of the reading commands (``ask``, ``article``, ``refs``,
``search``, ``people``, ``units``, ``check``) with far dates, huge numbers, odd references,
control characters, ``--as-of`` and ``--fact`` values; runs them in-process
(``ordina.cli.main``) and a share of them as real processes; counts exit code 1 (a crash)
and whether the database file changed. The same seed gives the same inputs, so the
figures of two checkouts compare::

    python benchmarks/bench_fuzz.py [--inputs 5000] [--processes 300] [--seed 11]
    PYTHONPATH=/other/checkout/src python benchmarks/bench_fuzz.py   # the same on another
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import io
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATES = ["31/12/9999", "01/01/0001", "9999-12-31", "0001-01-01", "29/02/2027", "32/13/2026",
         "1/1/1", "00/00/0000", "31/12/99999", "12/03/26", "99999999", "2026-13-01",
         "-1/-1/-1", "31/12/2199", "01/01/2200", "oggi"]
NUMBERS = ["12345678901234567890123456789012345", "1E+400", "inf", "NaN", "-0", "1e308",
           "999999999999999999", "1.000.000,00", "-5", "1,5,5", "€", "16.00016.000",
           "99999999 giorni", "1" * 60]
REFERENCES = ["art. 88.3.1", "art. 0", "art. -1", "art. 99999999999999999999",
              "art. 88 c. 99999999999999999", "all. ZZ", "art. 88 c. 3 lett. zz",
              "art 88bis", "art. 88.3", "c. 3", "art. ⁸⁸", "art. 8８", "art. 88 c. 3.1.2"]
WORDS = ["chi sostituisce", "il segretario", "incarichi in scadenza", "al", "entro", "giorni",
         "compenso", "euro", "part-time", "ferie", "Mario Rossi", "assenza", "dal", "quanto",
         "?", "mansioni superiori", "retribuzione di posizione", "graduazione", "Pmax",
         "nipote", "%", "mesi", "anni", "scade", "tra", "quinto", "termine", "rimborso km"]
WEIRD = ["\x00", "\u202e", "\ufeff", "'", '"', "\\", "%s", "{}", "*", "(", "NEAR", "AND",
         "-", "^", "\n", " " * 50, "é" * 300, "\t", "=1+1"]


def generator(seed: int):
    """An endless stream of command lines (without ``--db``)."""
    from ordina.facts import FACTS

    rnd = random.Random(seed)
    facts = sorted(FACTS)

    def token() -> str:
        pool = rnd.choice([DATES, NUMBERS, REFERENCES, WEIRD, WORDS, WORDS])
        return rnd.choice(pool)

    while True:
        argv: list[str] = []
        if rnd.random() < 0.3:
            argv += ["--as-of", rnd.choice(DATES + NUMBERS)]
        question = " ".join(token() for _ in range(rnd.randint(1, 7)))
        kind = rnd.choice(["ask"] * 5 + ["article", "refs", "search", "people", "units",
                                         "check"])
        if kind == "ask":
            argv += ["ask", *(["--json"] if rnd.random() < 0.2 else []), question]
            for _ in range(rnd.randint(0, 2)):
                argv += ["--fact", f"{rnd.choice(facts)}={token()}"]
        elif kind in ("article", "refs"):
            argv += [kind, rnd.choice(REFERENCES + NUMBERS + WEIRD)]
        elif kind == "check":
            argv += ["check", "--all"]
        else:
            argv += [kind, question]
        yield argv


def digest(path: Path) -> str:
    """The database file's checksum with every committed write checkpointed into it."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def in_process(db: Path, argvs: list[list[str]]) -> collections.Counter:
    """Exit codes of ``ordina.cli.main`` over ``argvs``; the first crashes are printed."""
    from ordina.cli import main

    codes: collections.Counter = collections.Counter()
    shown = 0
    for argv in argvs:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["--db", str(db), *argv])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
            except BaseException as exc:  # noqa: BLE001 - the benchmark counts everything
                code, err = 1, io.StringIO(repr(exc))
        codes[code] += 1
        if code == 1 and shown < 5:
            shown += 1
            print("  crash:", argv, "->", err.getvalue().strip()[-160:])
    return codes


def as_processes(db: Path, argvs: list[list[str]]) -> collections.Counter:
    """Exit codes of ``python -m ordina`` processes over ``argvs``."""
    codes: collections.Counter = collections.Counter()
    for argv in argvs:
        try:
            result = subprocess.run([sys.executable, "-m", "ordina", "--db", str(db), *argv],
                                    capture_output=True, timeout=60, check=False)
            codes[result.returncode] += 1
        except (ValueError, subprocess.TimeoutExpired):  # a NUL in argv cannot be exec'd
            codes["non eseguibile"] += 1
    return codes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=5000)
    parser.add_argument("--processes", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    from ordina.cli import main as ordina

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "comune.db"
        os.environ["ORDINA_LOG_DIR"] = str(Path(folder) / "log")
        with contextlib.redirect_stdout(io.StringIO()):
            ordina(["demo", "--db", str(db)])
            ordina(["--db", str(db), "index"])
        before = digest(db)
        stream = generator(args.seed)
        argvs = [next(stream) for _ in range(args.inputs)]
        started = time.perf_counter()
        codes = in_process(db, argvs)
        seconds = time.perf_counter() - started
        changed = digest(db) != before
        print(f"in-process: {args.inputs} tried, {codes[1]} crashed (exit 1), "
              f"database changed: {'yes' if changed else 'no'} "
              f"({dict(sorted(codes.items(), key=str))}, {seconds:.1f} s)")
        procs = as_processes(db, [a for a in argvs if not any("\x00" in x for x in a)]
                             [:args.processes])
        changed = digest(db) != before
        print(f"processes: {sum(procs.values())} tried, {procs[1]} crashed (exit 1), "
              f"database changed: {'yes' if changed else 'no'} ({dict(procs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
