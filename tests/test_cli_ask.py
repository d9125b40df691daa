"""`ordina ask` and `ordina facts` as a user runs them (subprocesses)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
KEYS = ["query", "intent", "verdict", "answer", "citations", "missing", "trace", "kind", "quote"]
VERDICTS = {None, "consentito", "vietato", "autorizzazione", "comunicazione", "dati_mancanti"}


def _contract(data: dict) -> None:
    """The JSON contract of issue 4, with issue 9's "kind" and "quote", exactly."""
    assert list(data) == KEYS
    assert isinstance(data["query"], str) and isinstance(data["intent"], str)
    assert data["verdict"] in VERDICTS
    assert isinstance(data["answer"], str)
    assert all(isinstance(c, str) for c in data["citations"])
    for item in data["missing"]:
        assert set(item) == {"fact", "question"}
    for step in data["trace"]:
        assert set(step) == {"step", "citation"}


@pytest.mark.parametrize(("question", "intent"), [
    ("art. 88 c. 3", "article"),
    ("cerca patrocinio legale", "search"),
    ("posso fare volontariato gratuito?", "external_assignment"),
    ("chi sostituisce il segretario il 3 marzo 2027?", "substitute"),
])
def test_json_contract(run_ordina, question: str, intent: str) -> None:
    done = run_ordina("ask", question, "--json")
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout)
    _contract(data)
    assert data["intent"] == intent
    assert data["query"] == question


def test_article_answer_cites_the_comma(run_ordina) -> None:
    data = json.loads(run_ordina("ask", "art. 88 c. 3", "--json").stdout)
    assert data["citations"] == ["art. 88 c. 3"]
    assert "un quinto" in data["answer"]


def test_text_output_and_words_without_quotes(run_ordina) -> None:
    done = run_ordina("ask", "cosa", "dice", "l'articolo", "89?")
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "art. 89" in out and "Riferimenti" in out


def test_unreadable_question_shows_the_closest_commi_and_says_so(run_ordina) -> None:
    data = json.loads(run_ordina("ask", "quanto costa un caffè alla macchinetta?",
                                 "--json").stdout)
    _contract(data)
    assert data["intent"] == "lookup" and data["kind"] == "search"
    assert "Non ho riconosciuto la domanda" in data["answer"]
    assert "Forse volevi chiedere" in data["answer"]


def test_near_miss_points_at_the_word(run_ordina) -> None:
    done = run_ordina("ask", "cosa dice l'art. ottantotto?")
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "«ottantotto?»" in out and "^" in out and "art. 88" in out


@pytest.mark.parametrize("question", ["", "   ", "?!?"])
def test_empty_question_exit_2(run_ordina, question: str) -> None:
    done = run_ordina("ask", question)
    assert done.returncode == 2
    err = done.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "vuota" in err[0]
    assert "Traceback" not in done.stderr.decode()


def test_no_question_at_all_exit_2(run_ordina) -> None:
    done = run_ordina("ask")
    assert done.returncode == 2 and "vuota" in done.stderr.decode()


def test_ten_thousand_characters_exit_2(run_ordina) -> None:
    done = run_ordina("ask", "a" * 10_000)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "troppo lunga" in err and "10.000" in err and "Traceback" not in err


def test_bytes_that_are_not_utf8(tmp_path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), ORDINA_DB=str(tmp_path / "x.db"))
    done = subprocess.run(
        [sys.executable, "-m", "ordina", "ask", "--json",
         b"chi sostituisce \xff\xfe il segretario?"],
        capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    data = json.loads(done.stdout)
    _contract(data)
    assert data["intent"] == "substitute"
    assert "\ufffd" in data["query"]


def _digest(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        rows = []
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                    "ORDER BY name"):
            rows.append(name)
            rows += [repr(r) for r in conn.execute(f'SELECT * FROM "{name}"')]
        return hashlib.sha256("\n".join(rows).encode()).hexdigest()
    finally:
        conn.close()


@pytest.mark.parametrize("question", [
    "'; DROP TABLE people; --",
    "obblighi di Robert'); DELETE FROM units; --",
    "chi sostituisce 1 OR 1=1; UPDATE people SET surname='x'",
    "cerca \" OR \"\"=\"",
])
def test_sql_looking_text_changes_nothing(run_ordina, tmp_path, question: str) -> None:
    db = str(tmp_path / "ordina.db")
    for setup in ("chi sostituisce Rossi?", "cerca ferie"):  # the demo and the search index
        assert run_ordina("ask", setup, db=db).returncode == 0
    before = _digest(Path(db))
    done = run_ordina("ask", question, "--json", db=db)
    assert done.returncode in (0, 2)
    assert "Traceback" not in done.stderr.decode()
    if done.returncode == 0:
        _contract(json.loads(done.stdout))
    assert _digest(Path(db)) == before


def test_fact_option_is_validated(run_ordina) -> None:
    done = run_ordina("ask", "posso fare il consulente?", "--fact", "part_time_percent=140")
    assert done.returncode == 2 and "al massimo 100" in done.stderr.decode()
    done = run_ordina("ask", "posso fare il consulente?", "--fact", "part_time=40")
    assert done.returncode == 2
    assert "fatto sconosciuto" in done.stderr.decode()
    assert "part_time_percent" in done.stderr.decode()
    done = run_ordina("ask", "posso fare il consulente?", "--fact", "paid")
    assert done.returncode == 2 and "NOME=VALORE" in done.stderr.decode()


def test_fact_option_reaches_the_answer(run_ordina) -> None:
    done = run_ordina("ask", "posso fare il consulente per una srl?", "--json",
                      "--fact", "part_time_percent=100", "--fact", "paid=sì")
    assert done.returncode == 0, done.stderr.decode()
    _contract(json.loads(done.stdout))


def test_facts_command_text_and_json(run_ordina) -> None:
    done = run_ordina("facts")
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "part_time_percent" in out and "domanda:" in out and "activity_kind" in out
    data = json.loads(run_ordina("facts", "--json").stdout)
    names = {f["name"] for f in data}
    assert {"part_time_percent", "activity_kind", "client_type", "client_relation", "paid",
            "compensation", "annual_base_salary", "already_authorised_this_year",
            "is_po_holder", "profile", "category", "kinship", "years_of_service",
            "graduation_G", "pmax"} <= names
    for fact in data:
        assert fact["question"] and fact["type"] and fact["description"]
    one = json.loads(run_ordina("facts", "client_relation", "--json").stdout)
    assert one[0]["choices"] == ["nessuna", "fornitore", "contenzioso", "concessione",
                                 "controllato"]
    bad = run_ordina("facts", "client_relazione")
    assert bad.returncode == 2 and "client_relation" in bad.stderr.decode()


def test_ask_never_imports_textual(tmp_path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), ORDINA_DB=str(tmp_path / "x.db"))
    code = ("import sys; from ordina.cli import main; "
            "main(['ask', 'chi sostituisce il segretario?']); "
            "print('TEXTUAL' if any(m.split('.')[0] == 'textual' for m in sys.modules) "
            "else 'CLEAN')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env,
                          cwd=tmp_path, timeout=120, check=False)
    assert done.stdout.decode().strip().splitlines()[-1] == "CLEAN", done.stderr.decode()


def test_interview_asks_on_stderr_and_stops_on_empty_line(run_ordina) -> None:
    done = run_ordina("ask", "posso fare il consulente per una srl?", "--interview", "--json",
                      input=b"100\nnon lo so\n\n")
    assert done.returncode == 0, done.stderr.decode()
    _contract(json.loads(done.stdout))
    assert "?" in done.stderr.decode()  # the questions went to stderr, the answer to stdout


def test_an_english_question_gets_the_outcome_and_references_in_english(run_ordina, tmp_path):
    done = run_ordina("ask", "can a full-time employee be a director of a company?",
                      db=str(tmp_path / "o.db"))
    out = done.stdout.decode()
    assert out.startswith("Outcome: PROHIBITED") and "References: art. 87 c. 1 lett. d" in out
    italian = run_ordina("ask", "un dipendente a tempo pieno può fare l'amministratore di una srl?",
                         db=str(tmp_path / "o.db")).stdout.decode()
    assert italian.startswith("Esito: VIETATO") and "Riferimenti: art. 87 c. 1 lett. d" in italian
