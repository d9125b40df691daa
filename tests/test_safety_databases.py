"""Guards around the database files: the public export never destroys the source, backups
are verified where they land, and only ordina's own databases are opened (issue 11)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO

from ordina.cli import main
from ordina.store.schema import PERSONAL_TABLES


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _content(path: Path) -> str:
    """A checksum of what the database holds (its SQL dump), whatever sits in the WAL."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


@pytest.fixture
def full_db(tmp_path) -> Path:
    """A database with the demo Comune (personal tables filled)."""
    path = tmp_path / "comune.db"
    assert main(["demo", "--db", str(path)]) == 0
    assert main(["--db", str(path), "index"]) == 0  # the regulation index too
    return path


def _run(argv: list[str], capsys) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# ------------------------------------------------------------- export --public


@pytest.mark.parametrize("how", ["same", "dotdot", "symlink", "hardlink"])
def test_public_export_onto_the_source_is_refused_even_with_force(full_db, how, capsys):
    target = {
        "same": full_db,
        "dotdot": full_db.parent / "sub" / ".." / full_db.name,
        "symlink": full_db.parent / "link.db",
        "hardlink": full_db.parent / "hard.db",
    }[how]
    if how == "symlink":
        target.symlink_to(full_db)
    elif how == "hardlink":
        os.link(full_db, target)
    elif how == "dotdot":
        (full_db.parent / "sub").mkdir()
    for force in ([], ["--force"]):
        code, text = _run(["--db", str(full_db), "export", "--public", str(target), *force],
                          capsys)
        assert code == 2, text
        assert "database di origine" in text
        assert "--force" not in text
    assert set(PERSONAL_TABLES) <= _tables(full_db)
    conn = sqlite3.connect(full_db)
    assert conn.execute("SELECT count(*) FROM employments").fetchone()[0] > 0
    conn.close()


def test_existing_file_error_does_not_suggest_force(full_db, tmp_path, capsys):
    out = tmp_path / "pubblico.db"
    assert main(["--db", str(full_db), "export", "--public", str(out)]) == 0
    code, text = _run(["--db", str(full_db), "export", "--public", str(out)], capsys)
    assert code == 2 and "esiste già" in text and "--force" not in text


def test_force_replaces_an_earlier_public_copy_only(full_db, tmp_path, capsys):
    out = tmp_path / "pubblico.db"
    assert main(["--db", str(full_db), "export", "--public", str(out)]) == 0
    assert main(["--db", str(full_db), "export", "--public", str(out), "--force"]) == 0
    other = tmp_path / "altro.db"  # another full database: personal tables inside
    assert main(["demo", "--db", str(other)]) == 0
    before = _content(other)
    code, text = _run(["--db", str(full_db), "export", "--public", str(other), "--force"],
                      capsys)
    assert code == 2 and "dati personali" in text and "--force" not in text
    assert _content(other) == before


# ------------------------------------------------------------- backup


def _stale_wal(path: Path) -> None:
    """Leave ``path`` with a -wal and -shm of a session killed mid-use (frames not
    checkpointed)."""
    code = f"""
import os, sqlite3
c = sqlite3.connect({str(path)!r})
c.execute("PRAGMA journal_mode=WAL")
c.execute("CREATE TABLE IF NOT EXISTS stale (x)")
c.executemany("INSERT INTO stale VALUES (?)", [(i,) for i in range(2000)])
c.commit()
os._exit(0)  # no checkpoint, no cleanup: as kill -9
"""
    subprocess.run([sys.executable, "-c", code], check=True)
    assert Path(f"{path}-wal").stat().st_size > 0


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE "
            "'CREATE VIRTUAL%'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def test_backup_force_over_a_stale_wal_is_the_source(full_db, tmp_path):
    out = tmp_path / "copia.db"
    _stale_wal(out)
    assert main(["--db", str(full_db), "backup", str(out), "--force"]) == 0
    assert not Path(f"{out}-wal").exists() or Path(f"{out}-wal").stat().st_size == 0
    assert _counts(out) == _counts(full_db)
    assert "stale" not in _tables(out)


def test_backup_is_private_and_never_the_source(full_db, tmp_path, capsys):
    out = tmp_path / "copia.db"
    assert main(["--db", str(full_db), "backup", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    link, hard = full_db.parent / "link.db", full_db.parent / "hard.db"
    link.symlink_to(full_db)
    os.link(full_db, hard)
    before = _content(full_db)
    for target in (full_db, link, hard):
        code, text = _run(["--db", str(full_db), "backup", str(target), "--force"], capsys)
        assert code == 2 and "database stesso" in text, target
    assert _content(full_db) == before


def test_backup_verify_catches_a_damaged_final_file(full_db, tmp_path):
    from ordina.errors import UserError
    from ordina.store.backup import verify

    out = tmp_path / "copia.db"
    assert main(["--db", str(full_db), "backup", str(out)]) == 0
    expected = _counts(full_db)
    verify(out, expected)
    with pytest.raises(UserError, match="stesse righe"):
        verify(out, {**expected, "people": expected["people"] + 1})
    data = bytearray(out.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = b"\xff" * 4096
    out.write_bytes(bytes(data))
    with pytest.raises(UserError):
        verify(out, expected)


# ------------------------------------------------------------- paths


READING_COMMANDS = [
    ["ask", "art. 88"], ["article", "88"], ["search", "ferie"], ["refs", "art. 88"],
    ["people"], ["units"], ["check", "--all"], ["export", "fuori"], ["export", "--public", "p.db"],
    ["backup", "copia.db"], ["index"], ["lint"],
]


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: c[0])
def test_mistyped_db_creates_nothing(tmp_path, command, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "manca" / "comune.db"
    code, text = _run(["--db", str(missing), *command], capsys)
    assert code == 2, text
    assert f"database non trovato: {missing}" in text
    assert list(tmp_path.iterdir()) == []


def test_demo_and_import_create_a_new_database(tmp_path):
    assert main(["demo", "--db", str(tmp_path / "nuovo" / "a.db")]) == 0
    sheet = tmp_path / "persone.csv"
    sheet.write_text("matricola;cognome;nome\nX1;Rossi;Anna\n", encoding="utf-8")
    assert main(["import", "--db", str(tmp_path / "b.db"), str(sheet)]) == 0


def _foreign_sqlite(path: Path, wal: bool = False) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('una nota')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("kind", ["folder", "text", "devnull", "foreign_sqlite", "foreign_wal"])
@pytest.mark.parametrize("command", [["ask", "art. 88"], ["people"], ["index"], ["demo"],
                                     ["import", "persone.csv"]], ids=lambda c: c[0])
def test_files_that_are_not_ordinas_are_refused_unchanged(tmp_path, kind, command, capsys,
                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "persone.csv").write_text("matricola;cognome;nome\nX1;Rossi;Anna\n")
    target = {"folder": tmp_path / "cartella", "text": tmp_path / "note.txt",
              "devnull": Path("/dev/null"), "foreign_sqlite": tmp_path / "altro.sqlite",
              "foreign_wal": tmp_path / "places.sqlite"}[kind]
    if kind == "folder":
        target.mkdir()
    elif kind == "text":
        target.write_text("non sono un database\n" * 10)
    elif kind.startswith("foreign"):
        _foreign_sqlite(target, wal=kind == "foreign_wal")
    before = None if kind in ("folder", "devnull") else _digest(target)
    listing = sorted(p.name for p in tmp_path.iterdir())
    code, text = _run(["--db", str(target), *command], capsys)
    assert code == 2, text
    assert "interno" not in text and "Traceback" not in text
    if before is not None:
        assert _digest(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no -wal, no -shm
    if kind == "folder":
        assert list(target.iterdir()) == []


def test_newer_database_is_refused_but_backup_works(full_db, tmp_path, capsys):
    conn = sqlite3.connect(full_db)
    conn.execute("UPDATE store_meta SET value = '99' WHERE key = 'schema_version'")
    conn.execute("DELETE FROM reg_meta")  # a command that rebuilds the index would, here
    conn.commit()
    conn.close()
    before = _content(full_db)
    for command in (["ask", "art. 88"], ["article", "88"], ["index"], ["search", "ferie"],
                    ["people"], ["demo", "--force"]):
        code, text = _run(["--db", str(full_db), *command], capsys)
        assert code == 2, (command, text)
        assert "versione più recente" in text
    assert _content(full_db) == before
    assert main(["--db", str(full_db), "backup", str(tmp_path / "copia.db")]) == 0


def test_read_only_public_copy_answers_questions(full_db, tmp_path, capsys):
    shared = tmp_path / "condivisa"
    shared.mkdir()
    public = shared / "pubblico.db"
    assert main(["--db", str(full_db), "export", "--public", str(public)]) == 0
    public.chmod(0o444)
    shared.chmod(0o555)
    try:
        before = _digest(public)
        code, text = _run(["--db", str(public), "article", "88"], capsys)
        assert code == 0, text
        code, text = _run(["--db", str(public), "units"], capsys)
        assert code == 0, text
        code, text = _run(["--db", str(public), "ask", "chi sostituisce il segretario?"],
                          capsys)
        assert code == 0, text
        assert _digest(public) == before
        assert sorted(p.name for p in shared.iterdir()) == ["pubblico.db"]
    finally:
        shared.chmod(0o755)


def _env(**extra: str) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO / "src"), **extra)


def test_locked_database_waits_visibly_then_says_so(full_db, tmp_path):
    sheet = tmp_path / "persone.csv"
    sheet.write_text("matricola;cognome;nome\nX9;Neri;Lia\n", encoding="utf-8")
    holder = sqlite3.connect(full_db)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "ordina", "import", "--db", str(full_db), str(sheet)],
            capture_output=True, env=_env(ORDINA_LOCK_WAIT="2"), timeout=60, check=False)
    finally:
        holder.rollback()
        holder.close()
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "database in uso da un altro processo, riprovo…" in err
    assert "atteso 2 s" in err and "interno" not in err


def test_locked_database_goes_on_when_the_lock_is_released(full_db, tmp_path):
    sheet = tmp_path / "persone.csv"
    sheet.write_text("matricola;cognome;nome\nX9;Neri;Lia\n", encoding="utf-8")
    holder = sqlite3.connect(full_db)
    holder.execute("BEGIN IMMEDIATE")
    proc = subprocess.Popen(
        [sys.executable, "-m", "ordina", "import", "--db", str(full_db), str(sheet)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(ORDINA_LOCK_WAIT="20"))
    time.sleep(2.5)
    holder.rollback()
    holder.close()
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert "riprovo…" in err.decode()


def test_the_app_refuses_a_mistyped_db_before_starting(tmp_path):
    missing = tmp_path / "manca.db"
    result = subprocess.run([sys.executable, "-m", "ordina", "--db", str(missing)],
                            capture_output=True, timeout=60, check=False,
                            env=_env(TEXTUAL_DRIVER="headless"))
    assert result.returncode == 2
    assert f"database non trovato: {missing}".encode() in result.stderr
    assert not missing.exists()


def test_backup_force_over_a_copy_in_use_is_refused(full_db, tmp_path, capsys):
    out = tmp_path / "copia.db"
    _stale_wal(out)
    holder = sqlite3.connect(out)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, text = _run(["--db", str(full_db), "backup", str(out), "--force"], capsys)
    finally:
        holder.rollback()
        holder.close()
    assert code == 2 and "aperto da un altro processo" in text
    assert "stale" in _tables(out)  # the old copy is left as it was


def test_newer_regulation_index_is_never_rebuilt_over(full_db, capsys):
    conn = sqlite3.connect(full_db)
    conn.execute("UPDATE reg_meta SET value = '99' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    before = _content(full_db)
    for command in (["ask", "art. 88"], ["article", "88"], ["search", "ferie"], ["index"]):
        code, text = _run(["--db", str(full_db), *command], capsys)
        assert code == 2 and "versione più recente" in text, (command, text)
    assert _content(full_db) == before
