"""The app as someone uses it every day: type at once, see the verdict, find a person."""

from __future__ import annotations

from tui_fakes import aio, fake_answerer

from ordina.answer import Answer
from ordina.tui.screens.ask import AskScreen
from ordina.tui.widgets.answer_card import AnswerCard, VerdictBadge
from ordina.tui.widgets.question_box import QuestionInput


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@aio
async def test_typing_at_launch_reaches_the_question_box(tui_app):
    app = tui_app(answerer=fake_answerer)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"art 88")
        assert isinstance(app.focused, QuestionInput)
        assert app.focused.value == "art 88"


@aio
async def test_question_box_is_focused_again_after_back_and_f1(tui_app):
    app = tui_app(answerer=fake_answerer)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await _settle(pilot)
        await pilot.press("alt+left")
        await _settle(pilot)
        assert isinstance(app.screen, AskScreen)
        await pilot.press("x")
        assert isinstance(app.focused, QuestionInput) and app.focused.value == "x"
        await _settle(pilot)
        await pilot.press("f4")
        await _settle(pilot)
        await pilot.press("f1")
        await _settle(pilot)
        await pilot.press("y")
        assert isinstance(app.focused, QuestionInput) and app.focused.value == "xy"


def _long_verdict(text, db, as_of, facts) -> Answer:
    """An answer with a verdict and a body far taller than a small terminal."""
    body = "\n\n".join(f"Paragrafo {n} della motivazione, con un testo che va a capo."
                       for n in range(30))
    return Answer(query=text, intent="external_assignment", verdict="vietato", answer=body,
                  citations=["art. 87 c. 1 lett. d"])


@aio
async def test_verdict_of_the_newest_answer_is_visible_at_80x24(tui_app):
    app = tui_app(answerer=_long_verdict)
    async with app.run_test(size=(80, 24)) as pilot:
        for question in ("prima domanda", "seconda domanda"):
            await pilot.press(*question, "escape", "enter")
            await _settle(pilot)
            await pilot.pause(0.1)
        chat = app.screen.query_one("#chat")
        newest = app.screen.query(AnswerCard).last().query_one(VerdictBadge)
        assert newest.region.height > 0
        assert chat.region.contains_region(newest.region)


@aio
async def test_interview_arrow_keys_move_between_yes_no_and_dont_know(tui_app):
    from tui_fakes import CALLS

    CALLS.clear()
    app = tui_app(answerer=fake_answerer)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"amministratore srl", "escape", "enter")
        await _settle(pilot)
        await pilot.press("2", "0", "enter")
        await _settle(pilot)
        assert app.focused.id == "yes"
        await pilot.press("right")
        assert app.focused.id == "no"
        await pilot.press("right")
        assert app.focused.id == "skip"
        await pilot.press("right", "right")
        assert app.focused.id == "no"
        await pilot.press("enter")
        await _settle(pilot)
        assert CALLS[-1][1] == {"part_time_percent": 20.0, "paid": False}


@aio
async def test_people_search_finds_rossi_by_name_and_by_matricola(tui_app):
    from ordina.tui.widgets.ref_list import RefList

    app = tui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)  # the demo database is ready
        await pilot.press("f4")
        await _settle(pilot)
        await pilot.press("ctrl+f", *"rossi")
        await _settle(pilot)
        hits = app.screen.query_one("#people-hits", RefList)
        labels = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
        assert labels and all("Rossi" in label for label in labels), labels
        await pilot.press("enter")
        await _settle(pilot)
        await _settle(pilot)
        assert app.screen.target.startswith("person:")
        person_id = app.screen.target
        app.screen.query_one("#people-search").value = "M002"
        await _settle(pilot)
        assert hits.get_option_at_index(0).id == person_id
        assert "matr. M002" in str(hits.get_option_at_index(0).prompt)


@aio
async def test_palette_finds_people_by_name(tui_app):
    from ordina.tui.commands import PeopleProvider

    app = tui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)
        provider = PeopleProvider(app.screen)
        hits = [hit async for hit in provider.search("Rossi")]
        assert hits and all("Rossi" in hit.text for hit in hits)
        hits[0].command()
        await _settle(pilot)
        await _settle(pilot)
        assert app.screen.MODE == "people" and app.screen.target.startswith("person:")


@aio
async def test_regulation_index_follows_the_comma_being_read(tui_app):
    app = tui_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await _settle(pilot)
        app.open_ref("art. 88")
        await _settle(pilot)
        await pilot.pause()
        toc, page = app.screen.query_one("#toc"), app.screen.query_one("#page")
        assert toc.cursor_node.data == "art_88"
        page.scroll_end(animate=False, immediate=True)
        await pilot.pause(0.1)
        last = [c for c in app.corpus.children(app.corpus.get("art_88")) if c.kind == "comma"][-1]
        assert toc.cursor_node.data == last.eid
        page.scroll_home(animate=False, immediate=True)
        await pilot.pause(0.1)
        assert toc.cursor_node.data == "art_88"


@aio
async def test_audit_columns_fit_80_columns_and_the_counter_follows_the_filter(tui_app):
    from textual.widgets import DataTable, Label

    app = tui_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("f5")
        await _settle(pilot)
        table = app.screen.query_one("#findings", DataTable)
        total = len(app.data.audit.findings)
        used = sum(c.get_render_width(table) for c in table.columns.values())
        assert len(table.columns) == 5 and used <= table.scrollable_content_region.width
        assert table.max_scroll_x == 0  # Esito and Fonti are on screen, no sideways scroll
        count = app.screen.query_one("#audit-count", Label)
        assert str(count.render()) == f"{total} rilievi"
        await pilot.press("ctrl+f", *"tetto rossi", "enter")
        await pilot.pause()
        assert str(count.render()) == f"{table.row_count} di {total} rilievi"
        assert table.row_count < total


def _notes(app) -> list[str]:
    return [n.message for n in app._notifications]


@aio
async def test_ctrl_e_writes_the_file_and_says_its_full_path(tui_app, tmp_path):
    folder = tmp_path / "esportazioni" / "nuova"
    app = tui_app(answerer=fake_answerer, export_dir=str(folder))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"art 88", "escape", "enter")
        await _settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause(0.3)
        files = list(folder.glob("ordina-conversazione-*.md"))
        assert len(files) == 1 and "art 88" in files[0].read_text(encoding="utf-8")
        assert any(str(files[0].resolve()) in note for note in _notes(app)), _notes(app)


@aio
async def test_ctrl_e_reports_a_folder_that_cannot_be_used(tui_app, tmp_path):
    blocker = tmp_path / "un-file"
    blocker.write_text("non una cartella")
    app = tui_app(answerer=fake_answerer, export_dir=str(blocker))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"art 88", "escape", "enter")
        await _settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause(0.3)
        assert not any("salvata" in note for note in _notes(app))
        assert any("non disponibile" in note for note in _notes(app)), _notes(app)


def test_export_folder_without_a_preference_exists(monkeypatch, tmp_path):
    import platformdirs

    from ordina.tui.saving import export_folder

    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: tmp_path / "manca")
    monkeypatch.setattr(platformdirs, "user_documents_path", lambda: tmp_path)
    assert export_folder() == tmp_path.resolve()


@aio
async def test_command_palette_speaks_italian(tui_app):
    from textual.command import CommandInput

    from ordina.tui.palette import PLACEHOLDER

    app = tui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == PLACEHOLDER
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert "Esci" in names and "Quit" not in names and "Theme" not in names
        await pilot.press(*"zzqxw")
        await pilot.pause(0.8)
        options = app.screen.query_one("CommandList")
        texts = [str(options.get_option_at_index(i).prompt.renderable)
                 for i in range(options.option_count)]
        assert any("Nessun risultato" in t for t in texts), texts


@aio
async def test_empty_cites_and_cited_by_say_nessuno(tui_app):
    from ordina.tui.widgets.ref_list import RefList

    app = tui_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        corpus = app.corpus
        lonely = next(a for a in corpus.articles
                      if not corpus.refs.cited_by([a.eid] + [d.eid for d in
                                                             corpus.descendants(a)]))
        app.open_unit(lonely.eid)
        await _settle(pilot)
        cited_by = app.screen.query_one("#cited-by", RefList)
        assert cited_by.option_count == 1
        assert str(cited_by.get_option_at_index(0).prompt) == "nessuno"
        assert cited_by.get_option_at_index(0).disabled
