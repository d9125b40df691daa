"""Pilot-driven flows through the app, as a person would use it."""

from __future__ import annotations

from tui_fakes import CALLS, aio, fake_answerer

from ordina.tui.screens.ask import AskScreen
from ordina.tui.screens.reader import ReaderScreen
from ordina.tui.widgets.answer_card import AnswerCard, VerdictBadge
from ordina.tui.widgets.interview import InterviewCard


async def _ask(pilot, text: str) -> None:
    await pilot.click("#question")
    await pilot.press(*text)
    await pilot.press("escape", "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@aio
async def test_ask_answer_follow_citation_and_back(tui_app):
    app = tui_app(answerer=fake_answerer)
    async with app.run_test(size=(100, 30)) as pilot:
        await _ask(pilot, "art. 88 c. 3")
        card = app.screen.query_one(AnswerCard)
        assert "un quinto" in card.turn.answer.answer
        # follow the citation with the keyboard: its list is right under the answer
        card.query_one(".citations").focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.target == "art_88__para_3"
        # back to the conversation, which is still there
        await pilot.press("alt+left")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        assert len(app.screen.query(AnswerCard)) == 1
        await pilot.press("alt+right")
        await pilot.pause()
        assert app.screen.target == "art_88__para_3"


@aio
async def test_markdown_link_opens_inside_the_app(tui_app):
    app = tui_app(answerer=fake_answerer)
    async with app.run_test(size=(100, 30)) as pilot:
        await _ask(pilot, "art. 88 c. 3")
        from textual.widgets import Markdown

        answer_md = app.screen.query_one(AnswerCard).query_one(Markdown)
        answer_md.post_message(Markdown.LinkClicked(answer_md, "unit:art_88__para_3"))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.target == "art_88__para_3"
        app.follow_link("https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:legge:1990;241")
        await pilot.pause()
        assert app.screen.target == "art_88__para_3"  # external links never leave the app


@aio
async def test_interview_asks_missing_facts_until_a_verdict(tui_app):
    CALLS.clear()
    app = tui_app(answerer=fake_answerer)
    async with app.run_test(size=(100, 30)) as pilot:
        await _ask(pilot, "posso fare l'amministratore di una srl?")
        interview = app.screen.query_one(InterviewCard)
        assert interview.missing.fact == "part_time_percent"
        await pilot.press("4", "0", "enter")  # the amount box has the focus
        await app.workers.wait_for_complete()
        await pilot.pause()
        interview = app.screen.query_one(InterviewCard)
        assert interview.missing.fact == "paid"
        await pilot.click("#yes")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.screen.query(InterviewCard)
        badges = [b.verdict for b in app.screen.query(VerdictBadge)]
        assert badges == ["dati_mancanti", "dati_mancanti", "autorizzazione"]
        assert CALLS[-1][1] == {"part_time_percent": 40.0, "paid": True}


@aio
async def test_interview_rejects_a_bad_value_with_the_reason(tui_app):
    app = tui_app(answerer=fake_answerer)
    async with app.run_test(size=(100, 30)) as pilot:
        await _ask(pilot, "posso fare l'amministratore di una srl?")
        await pilot.press(*"tanto", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("InterviewCard .error").render())
        assert "percentuale" in error
        assert app.screen.query_one(InterviewCard).missing.fact == "part_time_percent"


@aio
async def test_reader_index_opens_a_comma(tui_app):
    app = tui_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.open_ref("all. D")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.target == "all_D"
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.target == "all_E"


@aio
async def test_search_then_open_a_hit_then_back_to_the_results(tui_app):
    from ordina.tui.screens.search import SearchScreen
    from ordina.tui.widgets.hit_list import HitList

    app = tui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.press(*"patrocinio legale")
        await app.workers.wait_for_complete()
        await pilot.pause()
        hits = app.screen.query_one(HitList)
        assert hits.hrefs[0] == "unit:art_78"  # "patrocinio legale" → art. 78 first
        await pilot.press("enter", "down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.target.startswith("art_78__para_")
        await pilot.press("alt+left")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen) and app.screen.target == "patrocinio legale"
        assert app.screen.query_one(HitList).option_count > 1


@aio
async def test_audit_filter_open_finding_jump_to_comma_and_back(tui_app):
    from textual.widgets import DataTable

    from ordina.tui.screens.audit import AuditScreen

    app = tui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#findings", DataTable)
        assert table.row_count == len(app.data.audit.findings) > 0
        await pilot.click("#audit-filter")
        await pilot.press(*"tetto rossi")
        await pilot.pause(0.3)  # the table follows once typing pauses
        assert table.row_count == 1
        await pilot.press("enter", "enter")  # into the table, open the row
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.has_class("-detail") and app.screen.target.startswith("finding:")
        finding = app.data.audit.findings[int(app.screen.target.split(":")[1])]
        assert finding.citations[0] == "art. 88 c. 3"  # then art. 89 c. 1: n. 7 not summed
        await pilot.press("enter")  # the cited comma
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.target == "art_88__para_3"
        await pilot.press("alt+left")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AuditScreen) and app.screen.has_class("-detail")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.has_class("-detail")


@aio
async def test_people_unit_page_names_who_acts_today(tui_app):
    from textual.widgets import Markdown

    app = tui_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.follow_link("org:17")  # Area Tecnica: its head is ill, nobody ad interim
        await app.workers.wait_for_complete()
        await pilot.pause()
        page = app.screen.query_one("#people-page", Markdown).source
        # nobody is appointed ad interim: the page names the gap, not a substitute (art. 17)
        assert "# Area Tecnica" in page and "**Lacuna:**" in page
        assert "**Oggi agisce:**" not in page
        assert "(unit:art_17__para_3)" in page
        app.follow_link("person:3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        page = app.screen.query_one("#people-page", Markdown).source
        assert "## Rilievi aperti" in page and "](finding:" in page
        await pilot.press("alt+left")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.target == "org:17"
