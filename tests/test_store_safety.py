"""Safety: concurrent writers lose nothing; a killed import leaves the database as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ordina.db import connect
from ordina.store.backup import backup
from ordina.store.schema import ensure_schema

REPO = Path(__file__).resolve().parents[1]

WRITER = """
import sys
from pathlib import Path
from ordina.db import connect
from ordina.store.importer import import_files
db_path, prefix, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
db = connect(db_path)
for batch in range(15):
    path = folder / f"persone_{prefix}_{batch}.csv"
    rows = "".join(f"{prefix}{batch:02d}{i:03d};Cognome{i};Nome{prefix}\\n" for i in range(40))
    path.write_text("codice;cognome;nome\\n" + rows)
    import_files(db, [path], table="persone")
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["ORDINA_LOCK_WAIT"] = "300"  # a loaded CI machine may hold the other writer long
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    db_path = str(tmp_path / "shared.db")
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, db_path, prefix, str(tmp_path)],
                              env=_env(), stderr=subprocess.PIPE)
             for prefix in ("A", "B")]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    db = connect(db_path)
    counts = dict(db.conn.execute(
        "SELECT substr(code, 1, 1), count(*) FROM people GROUP BY 1").fetchall())
    assert counts == {"A": 15 * 40, "B": 15 * 40}
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_first_run_demo_race_creates_one_demo(tmp_path, run_ordina):
    env = {**_env(), "ORDINA_DB": str(tmp_path / "fresh.db")}
    procs = [subprocess.Popen([sys.executable, "-m", "ordina", "units"], env=env,
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(3)]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    db = connect(tmp_path / "fresh.db")
    assert db.conn.execute("SELECT count(*) FROM people WHERE code = 'M002'").fetchone()[0] == 1


@pytest.mark.slow
def test_killed_import_leaves_database_as_before(tmp_path):
    db_path = tmp_path / "k.db"
    db = connect(db_path)
    ensure_schema(db)
    first = tmp_path / "persone.csv"
    first.write_text("codice;cognome;nome\nK0;Prima;Riga\n")
    subprocess.run([sys.executable, "-m", "ordina", "import", "--db", str(db_path), str(first)],
                   env=_env(), check=True, capture_output=True)
    before = list(connect(db_path)["people"].rows)
    big = tmp_path / "grande.csv"
    big.write_text("codice;cognome;nome\n" + "".join(f"K{i};Cognome{i};Nome\n"
                                                     for i in range(1, 5001)))
    marker = tmp_path / "paused"
    env = {**_env(), "ORDINA_TEST_PAUSE_BEFORE_COMMIT": str(marker)}
    proc = subprocess.Popen([sys.executable, "-m", "ordina", "import", "--db", str(db_path),
                             "--table", "persone", str(big)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    after = connect(db_path)
    assert list(after["people"].rows) == before
    assert after.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # the database is usable at once: no stale lock
    result = subprocess.run([sys.executable, "-m", "ordina", "import", "--db", str(db_path),
                             "--table", "persone", str(big)], env=_env(), capture_output=True,
                            check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert connect(db_path).conn.execute("SELECT count(*) FROM people").fetchone()[0] == 5001


def test_backup_is_a_consistent_copy(tmp_path):
    from store_fixtures import demo_db

    db = demo_db(tmp_path / "live.db")
    size = backup(db, tmp_path / "copy.db")
    assert size > 0
    copy = connect(tmp_path / "copy.db")
    for table in ("people", "offices", "external_assignments"):
        assert list(copy[table].rows) == list(db[table].rows)
    from ordina.errors import UserError

    with pytest.raises(UserError, match="esiste già"):
        backup(db, tmp_path / "copy.db")
