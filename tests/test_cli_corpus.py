"""The regulation commands as a user runs them: search, refs, lint, diff, index, article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ordina.cli import main

AMENDMENTS = Path(__file__).parent / "data" / "amendments"


@pytest.fixture
def ordina(tmp_path, monkeypatch, capsys):
    """Run ``ordina`` in-process on a database in ``tmp_path``: (exit code, stdout, stderr)."""
    monkeypatch.setenv("ORDINA_DB", str(tmp_path / "ordina.db"))

    def _run(*args: str):
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return _run


def test_search_text_and_json(ordina) -> None:
    code, out, _ = ordina("search", "patrocinio", "legale")
    assert code == 0 and out.startswith("art. 78 – Patrocinio legale")
    assert "«patrocinio legale»" in out  # one phrase, one highlight
    code, out, _ = ordina("search", "part-time vigili", "--json", "--limit", "2")
    data = json.loads(out)
    assert data["hits"][0]["citation"] == "art. 80"
    assert data["hits"][0]["matches"][0]["id"] == "art_80__para_4"
    assert len(data["hits"]) <= 2


def test_search_nothing_found_is_still_an_answer(ordina) -> None:
    code, out, _ = ordina("search", "zanzibar")
    assert code == 0 and "Nessun risultato" in out


def test_refs_internal_both_directions(ordina) -> None:
    code, out, _ = ordina("refs", "art.", "19")
    assert code == 0 and "Citato da:\n  art. 24 c. 1: «art. 19»" in out
    assert "normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2009-10-27;150~art5" in out
    data = json.loads(ordina("refs", "art. 66", "--json")[1])
    assert any(r["problem"] and "articolo 73" in r["text"] for r in data["cites"])
    data = json.loads(ordina("refs", "all. G", "--json")[1])
    assert {r["source_citation"] for r in data["cited_by"]} == {"art. 20 c. 7", "art. 27 c. 2"}


@pytest.mark.parametrize("ref, urn, citing", [
    ("TUEL", "urn:nir:stato:decreto.legislativo:2000-08-18;267", "art. 53 c. 1"),
    ("art. 53 D.Lgs. 165/2001", "urn:nir:stato:decreto.legislativo:2001-03-30;165~art53",
     "art. 85 c. 1"),
    ("c.c.", "urn:nir:stato:regio.decreto:1942-03-16;262:2", "art. 57 c. 2"),
])
def test_refs_external(ordina, ref, urn, citing) -> None:
    code, out, _ = ordina("refs", ref, "--json")
    data = json.loads(out)
    assert code == 0 and data["urn"] == urn
    assert data["url"] == "https://www.normattiva.it/uri-res/N2Ls?" + urn
    assert citing in {r["source_citation"] for r in data["cited_by"]}


def test_refs_unknown_is_exit_2_with_nearest(run_ordina) -> None:
    done = run_ordina("refs", "art. 95")
    err = done.stderr.decode().strip().splitlines()
    assert done.returncode == 2 and len(err) == 1 and "art. 94" in err[0]
    done = run_ordina("refs", "D.Lgs. 150/2010")
    assert done.returncode == 2 and "27 ottobre 2009" in done.stderr.decode()


def test_lint_text_json_and_filters(ordina) -> None:
    code, out, _ = ordina("lint")
    assert code == 0 and "NON CAPISCO LA PARTE SUCCESSIVA" in out
    assert out.splitlines()[0].split()[1] == "osservazioni:"
    data = json.loads(ordina("lint", "--json", "--code", "rinvio-impossibile")[1])
    assert [f["citation"] for f in data] == ["art. 66 c. 1"]
    data = json.loads(ordina("lint", "--json", "--severity", "errore")[1])
    assert data and all(f["severity"] == "errore" for f in data)


def test_diff_between_two_dates(ordina, monkeypatch) -> None:
    monkeypatch.setenv("ORDINA_AMENDMENTS", str(AMENDMENTS))
    code, out, _ = ordina("diff", "01/01/2026", "2026-06-01")
    assert code == 0 and out.startswith("3 modifiche tra il 01/01/2026 e il 01/06/2026")
    assert "art. 88 c. 3 – sostituito" in out and "un quarto" in out
    data = json.loads(ordina("diff", "2026-01-01", "2026-06-01", "--json")[1])
    assert [c["kind"] for c in data["changes"]] == ["abrogato", "sostituito", "inserito"]
    assert "Nessuna modifica" in ordina("diff", "2025-01-01", "2025-12-31")[1]


def test_article_as_of_a_date(ordina, monkeypatch) -> None:
    monkeypatch.setenv("ORDINA_AMENDMENTS", str(AMENDMENTS))
    assert "un quinto" in ordina("article", "88.3", "--as-of", "28/02/2026")[1]
    assert "un quarto" in ordina("article", "88.3", "--as-of", "01/03/2026")[1]
    assert "\n6-bis. Le richieste" in ordina("article", "art. 88", "--as-of", "2026-03-01")[1]


def test_search_as_of_a_date(ordina, monkeypatch) -> None:
    monkeypatch.setenv("ORDINA_AMENDMENTS", str(AMENDMENTS))
    data = json.loads(ordina("search", "Elevata Qualificazione Segretario", "--json",
                             "--as-of", "2026-03-01")[1])
    assert data["hits"][0]["matches"][0]["id"] == "art_88__para_6bis"
    data = json.loads(ordina("search", "quinto", "--json",
                             "--as-of", "2026-03-01")[1])
    assert "art_88__para_3" not in [m["id"] for h in data["hits"] for m in h["matches"]]


OTHER = """\
COMUNE DI BORGO
Articolo 1 – Oggetto
1. Il presente regolamento disciplina gli uffici.
;;
Articolo 2 – Ferie
1. Le ferie sono concesse dal responsabile.
"""


def test_index_another_source_reports_skipped_lines(ordina, tmp_path) -> None:
    source = tmp_path / "borgo.txt"
    source.write_text(OTHER, encoding="utf-8")
    code, out, _ = ordina("index", "--source", str(source))
    assert code == 0 and "2 articoli" in out
    assert "riga 1: intestazione o indice" in out
    assert "riga 4: riga di sola punteggiatura" in out
    assert "Le ferie sono concesse" in ordina("article", "art. 2")[1]
    code, out, _ = ordina("index", "--predefinito", "--json")
    assert json.loads(out)["articles"] == 94


def test_index_bad_source_leaves_the_database(run_ordina, tmp_path) -> None:
    bad = tmp_path / "rotto.txt"
    bad.write_bytes(b"\xff\xfe\x00 non testo")
    assert run_ordina("index").returncode == 0
    done = run_ordina("index", "--source", str(bad))
    assert done.returncode == 2
    assert "UTF-8" in done.stderr.decode() and "Traceback" not in done.stderr.decode()
    assert "un quinto" in run_ordina("article", "88.3").stdout.decode()
    missing = run_ordina("index", "--source", str(tmp_path / "manca.txt"))
    assert missing.returncode == 2 and "impossibile leggere" in missing.stderr.decode()


@pytest.mark.parametrize("command", ["search", "refs", "lint", "diff", "index", "article"])
def test_every_command_has_help(ordina, command) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0


def test_every_regulation_command_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section: corpus -->")[1].split("<!-- section:")[0]
    for command in ("article", "search", "refs", "lint", "diff", "index"):
        assert f"$ ordina {command}" in section, command
