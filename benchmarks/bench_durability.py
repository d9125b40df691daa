"""kill -9 and concurrency on a real database (not a test): is anything lost or broken?

kill -9: ``ordina import`` of a 5,000-person CSV, and ``ordina backup --force``, each
killed with SIGKILL at a random moment, ``--kills`` times. After every kill the database
must pass ``PRAGMA integrity_check`` and hold either all the rows of the import or none;
the backup target must be absent, the old copy, or a complete verified copy.

Concurrency: ``--writers`` processes each import ``--batches`` files of 40 people while
``--readers`` processes ask questions in a loop, all on one database. Counted: rows lost,
exit codes other than 0, "errore interno" messages, lock waits reported to the user.

    python benchmarks/bench_durability.py [--kills 20] [--writers 4] [--batches 10] [--readers 2]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _ordina(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ordina", *args], env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _count(db: Path) -> tuple[str, int]:
    conn = sqlite3.connect(db)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        return ok, conn.execute("SELECT count(*) FROM people").fetchone()[0]
    finally:
        conn.close()


def kill_imports(folder: Path, kills: int, rnd: random.Random) -> dict[str, int]:
    """Kill ``ordina import`` at random moments; count broken or partial databases."""
    db = folder / "kill.db"
    subprocess.run([sys.executable, "-m", "ordina", "demo", "--db", str(db)], env=_env(),
                   check=True, capture_output=True)
    sheet = folder / "persone.csv"
    started = time.perf_counter()
    result = {"kills": 0, "corrupt": 0, "partial": 0, "complete": 0, "none": 0}
    for round_ in range(kills):
        rows = "".join(f"K{round_:03d}{i:05d};Cognome{i};Nome{i}\n" for i in range(5000))
        sheet.write_text("codice;cognome;nome\n" + rows, encoding="utf-8")
        _ok, before = _count(db)
        proc = _ordina("import", "--db", str(db), str(sheet))
        time.sleep(rnd.uniform(0.05, 1.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        result["kills"] += 1
        ok, after = _count(db)
        if ok != "ok":
            result["corrupt"] += 1
        elif after == before:
            result["none"] += 1
        elif after == before + 5000:
            result["complete"] += 1
        else:
            result["partial"] += 1
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def kill_backups(folder: Path, kills: int, rnd: random.Random) -> dict[str, int]:
    """Kill ``ordina backup --force`` at random moments; check what the target holds."""
    db = folder / "big.db"
    subprocess.run([sys.executable, "-m", "ordina", "demo", "--db", str(db), "--scale",
                    "20000"], env=_env(), check=True, capture_output=True)
    target = folder / "copia.db"
    _ok, people = _count(db)
    result = {"kills": 0, "bad_copy": 0, "good_or_old_copy": 0, "no_copy": 0}
    for _ in range(kills):
        proc = _ordina("--db", str(db), "backup", str(target), "--force")
        time.sleep(rnd.uniform(0.05, 2.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        result["kills"] += 1
        if not target.exists():
            result["no_copy"] += 1
            continue
        try:
            ok, count = _count(target)
        except sqlite3.DatabaseError:
            ok, count = "illeggibile", -1
        result["good_or_old_copy" if ok == "ok" and count == people else "bad_copy"] += 1
    return result


def concurrency(folder: Path, writers: int, batches: int, readers: int) -> dict[str, object]:
    """Writers and readers at once on one database."""
    db = folder / "shared.db"
    subprocess.run([sys.executable, "-m", "ordina", "demo", "--db", str(db)], env=_env(),
                   check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "ordina", "--db", str(db), "index"], env=_env(),
                   check=True, capture_output=True)
    _ok, before = _count(db)
    script = (
        "import subprocess, sys, pathlib\n"
        "db, prefix, folder, batches = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]), "
        "int(sys.argv[4])\n"
        "bad = 0\n"
        "for b in range(batches):\n"
        "    p = folder / f'persone_{prefix}_{b}.csv'\n"
        "    p.write_text('codice;cognome;nome\\n' + ''.join("
        "f'{prefix}{b:02d}{i:03d};Cognome{i};Nome\\n' for i in range(40)))\n"
        "    r = subprocess.run([sys.executable, '-m', 'ordina', 'import', '--db', db, '--table', 'persone', str(p)],"
        " capture_output=True, text=True)\n"
        "    sys.stderr.write(r.stderr)\n"
        "    bad += r.returncode != 0\n"
        "sys.exit(min(bad, 100))\n")
    reader = (
        "import subprocess, sys, time\n"
        "end = time.time() + float(sys.argv[2])\n"
        "bad = 0\n"
        "while time.time() < end:\n"
        "    r = subprocess.run([sys.executable, '-m', 'ordina', '--db', sys.argv[1], 'ask', "
        "'chi sostituisce il segretario?'], capture_output=True, text=True)\n"
        "    sys.stderr.write(r.stderr)\n"
        "    bad += r.returncode != 0\n"
        "sys.exit(min(bad, 100))\n")
    started = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", script, str(db), chr(65 + w), str(folder),
                               str(batches)], env=_env(), stderr=subprocess.PIPE, text=True)
             for w in range(writers)]
    procs += [subprocess.Popen([sys.executable, "-c", reader, str(db), "15"], env=_env(),
                               stderr=subprocess.PIPE, text=True) for _ in range(readers)]
    failures, internal, waits = 0, 0, 0
    for proc in procs:
        _out, err = proc.communicate(timeout=600)
        failures += proc.returncode
        internal += err.count("errore interno")
        waits += err.count("riprovo…")
    ok, after = _count(db)
    expected = before + writers * batches * 40
    return {"writers": writers, "imports": writers * batches, "readers": readers,
            "rows_expected": expected - before, "rows_lost": expected - after,
            "failed_commands": failures, "internal_errors": internal, "lock_waits_shown": waits,
            "integrity": ok, "seconds": round(time.perf_counter() - started, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print("kill -9 import:", kill_imports(folder, args.kills, rnd))
        print("kill -9 backup --force:", kill_backups(folder, args.kills, rnd))
        print("concurrency:", concurrency(folder, args.writers, args.batches, args.readers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
