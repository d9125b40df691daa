"""``ordina deadlines``: every dated obligation with its source, the .ics, the TUI view."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from tui_fakes import aio

from ordina import leggi, termini
from ordina.calendar import Calendario
from ordina.cli import main
from ordina.corpus import load_corpus
from ordina.deadlines.collect import SEMESTRE
from ordina.deadlines.ics import read_ics

ON = "2026-11-23"


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    """``cli(*args) -> (code, out, err)`` on a fresh demo database."""
    db = str(tmp_path / "s.db")
    monkeypatch.chdir(tmp_path)
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()

    def run(*args: str):
        code = main(["--db", db, "--as-of", ON, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    run.db = db  # type: ignore[attr-defined]
    return run


def _items(cli, *args: str) -> list[dict]:
    code, out, err = cli("deadlines", "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_each_kind_has_its_source_and_citation(cli):
    items = _items(cli, "--within", "60")
    kinds = {i["kind"] for i in items}
    assert {"risposta", "pubblicazione", "corte_conti", "elenchi_semestrali", "fine_incarico",
            "mandato"} <= kinds
    assert all(i["source"] and i["citation"] and i["meaning"] for i in items)
    assert [i["date"] for i in items] == sorted(i["date"] for i in items) or \
        items[-1]["kind"] == "mandato"
    verdi = next(i for i in items if i["kind"] == "risposta" and i["key"] == "incarico 13")
    assert verdi["overdue"] and verdi["citation"] == termini.RISPOSTA_AUTORIZZAZIONE.cite
    assert "il silenzio vale diniego" in verdi["meaning"]
    rossi = next(i for i in items if i["key"] == "incarico 12")
    assert "assenso" in rossi["meaning"] and rossi["date"] == "2026-12-10"
    mandate = next(i for i in items if i["kind"] == "mandato")
    assert "Giovanni Verdi" in mandate["what"] and mandate["date"] == "2029-06-09"
    serra = {i["kind"] for i in items if i["key"] == "collaborazione 2026/2"}
    assert serra == {"pubblicazione", "corte_conti"}


def test_the_window_and_the_register(cli):
    near = _items(cli, "--within", "10")
    assert not [i for i in near if i["kind"] == "elenchi_semestrali"]
    assert cli("decide", "16", "--record", "--esito", "preso_atto", "--by", "L. Bianchi")[0] == 0
    assert cli("decide", "12", "--record", "--esito", "autorizzato", "--by", "L. Bianchi",
               "--note", "anno di svolgimento")[0] == 0
    items = _items(cli)
    assert not [i for i in items if i["kind"] == "risposta" and i["key"] == "incarico 16"]
    assert not [i for i in items if i["key"] == "incarico 16"]  # art. 89: no PerlaPA
    perla = next(i for i in items if i["kind"] == "perlapa" and i["key"] == "incarico 12")
    assert perla["citation"] == leggi.PERLAPA.cite and perla["source"].startswith("registro:")
    decided = date.today()  # the day the decision was recorded
    assert perla["nominal"] == (decided + timedelta(days=leggi.PERLAPA.value)).isoformat()


def test_ics_parses_back_with_the_same_events(cli, tmp_path):
    code, out, _ = cli("deadlines", "--ics", "scadenze.ics")
    assert code == 0 and "Calendario scritto" in out
    events = read_ics((tmp_path / "scadenze.ics").read_bytes())
    items = _items(cli)
    assert len(events) == len(items)
    assert {(e[0].isoformat(), e[2]) for e in events} == {(i["date"], i["kind"]) for i in items}
    code, _, err = cli("deadlines", "--ics", "scadenze.ics")
    assert code == 2 and "esiste già" in err


def test_bad_window_is_exit_2(cli):
    code, _, err = cli("deadlines", "--within", "-3")
    assert code == 2 and "--within" in err


def test_holidays_move_the_term():
    cal = Calendario.da_ambiente("24/06 San Giovanni")
    due = cal.scadenza(date(2026, 11, 25), termini.RISPOSTA_AUTORIZZAZIONE.value)
    assert due.nominale == date(2026, 12, 25) and due.effettiva == date(2026, 12, 28)


def test_the_semester_number_is_in_its_comma():
    corpus = load_corpus()
    assert SEMESTRE.quote in corpus.full_text(corpus.resolve(SEMESTRE.cite))


@aio
async def test_scadenze_view_from_the_verifiche_tab(tui_app):
    from textual.widgets import DataTable

    from ordina.tui.screens.deadlines import DeadlinesScreen

    app = tui_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+g")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DeadlinesScreen)
        table = app.screen.query_one("#deadlines", DataTable)
        assert table.row_count > 3
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert any("incarico n. 13" in r[2] and r[3] == "art. 88 c. 6" for r in rows)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DeadlinesScreen)


def test_the_answer_says_what_silence_means_and_reads_a_request_awaiting_it() -> None:
    from datetime import date

    from ordina.ask import answer_question

    # 30 days from 15/11/2026 end on Tuesday 15/12/2026 (art. 88 c. 6); silence is a refusal
    # for private clients, a grant for public ones: the answer says both
    answer = answer_question("ho chiesto il 15 novembre di fare l'istruttore di tiro: se il "
                             "Comune non mi risponde posso considerarla accolta?",
                             as_of=date(2026, 11, 23))
    assert "**martedì 15 dicembre 2026**" in answer.answer
    assert "respinta se l'incarico è presso privati" in answer.answer
    assert "art. 88 c. 6" in answer.citations
