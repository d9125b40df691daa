"""``ordina check`` and ``ordina coverage`` as real processes."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow


def test_check_all_json_on_the_demo(run_ordina) -> None:
    done = run_ordina("check", "--all", "--as-of", "23/11/2026", "--format", "json")
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout)
    checks = {(f["check"], f["subject"]) for f in data["findings"]}
    assert any(c == "incarichi_esterni.tetto_compensi" for c, _ in checks)
    assert data["subjects"]["persona"] >= 10


def test_check_all_markdown(run_ordina) -> None:
    done = run_ordina("check", "--all", "--as-of", "2026-11-23")
    out = done.stdout.decode()
    assert done.returncode == 0 and "# Verifica di conformità" in out and "art. 88 c. 3" in out


def test_check_needs_a_mode(run_ordina) -> None:
    done = run_ordina("check")
    assert done.returncode == 2 and b"--all" in done.stderr and b"Traceback" not in done.stderr


def test_check_list_and_scenarios(run_ordina) -> None:
    listed = run_ordina("check", "--list")
    assert listed.returncode == 0 and b"incarichi_esterni.attivita" in listed.stdout
    scen = run_ordina("check", "--scenarios")
    assert scen.returncode == 0, scen.stdout.decode()[-2000:]
    assert b"scenari su" in scen.stdout


def test_bad_checks_dir(run_ordina, tmp_path) -> None:
    done = run_ordina("check", "--all", "--checks", str(tmp_path / "manca"))
    assert done.returncode == 2 and "inesistente" in done.stderr.decode()


def test_coverage(run_ordina) -> None:
    done = run_ordina("coverage", "--json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["prescriptive"] > 100 and 0 < data["covered"] <= data["prescriptive"]
    art88 = next(c for c in data["commi"] if c["citation"] == "art. 88 c. 3")
    assert "incarichi_esterni.tetto_compensi" in art88["checks"] and art88["scenarios"] >= 1
