"""Snapshots of every tab at 80×24 and 120×40 (``pytest --snapshot-update`` to accept changes).

Dates are fixed, the cursor does not blink and animations are off, so a snapshot only
changes when the screen does.
"""

from __future__ import annotations

import pytest
from tui_fakes import fake_answerer

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def _ask(pilot, *questions: str) -> None:
    for question in questions:
        await pilot.click("#question")
        await pilot.press(*question, "escape", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def _open(pilot, ref: str) -> None:
    pilot.app.open_ref(ref)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
class TestAsk:
    def test_welcome(self, snap_compare, tui_app, size) -> None:
        assert snap_compare(tui_app(answerer=fake_answerer), terminal_size=size)

    def test_answer_with_verdict(self, snap_compare, tui_app, size) -> None:
        async def run_before(pilot) -> None:
            await _ask(pilot, "art. 88 c. 3", "posso fare l'amministratore di una srl?")
            await pilot.press("7", "0", "enter")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.1)  # the newest answer is laid out and scrolled to its top

        assert snap_compare(tui_app(answerer=fake_answerer), terminal_size=size,
                            run_before=run_before)

    def test_interview(self, snap_compare, tui_app, size) -> None:
        async def run_before(pilot) -> None:
            await _ask(pilot, "posso fare l'amministratore di una srl?")

        assert snap_compare(tui_app(answerer=fake_answerer), terminal_size=size,
                            run_before=run_before)

    def test_completions(self, snap_compare, tui_app, size) -> None:
        async def run_before(pilot) -> None:
            await pilot.app.workers.wait_for_complete()
            await pilot.click("#question")
            await pilot.press(*"cosa dice l'art. 8")

        assert snap_compare(tui_app(answerer=fake_answerer), terminal_size=size,
                            run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
class TestReader:
    def test_article_at_a_comma(self, snap_compare, tui_app, size) -> None:
        async def run_before(pilot) -> None:
            await _open(pilot, "art. 88 c. 3")

        assert snap_compare(tui_app(), terminal_size=size, run_before=run_before)

    def test_allegato_with_table(self, snap_compare, tui_app, size) -> None:
        async def run_before(pilot) -> None:
            await _open(pilot, "all. A")

        assert snap_compare(tui_app(), terminal_size=size, run_before=run_before)

    def test_light_theme(self, snap_compare, tui_app, size) -> None:
        async def run_before(pilot) -> None:
            await _open(pilot, "titolo IX")
            await pilot.press("ctrl+t")

        assert snap_compare(tui_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
class TestSearch:
    def test_highlighted_hits(self, snap_compare, tui_app, size) -> None:
        async def run_before(pilot) -> None:
            await pilot.press("f3", *"incarichi autorizzati")
            await pilot.app.workers.wait_for_complete()

        assert snap_compare(tui_app(), terminal_size=size, run_before=run_before)


async def _settle(pilot) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
class TestPeople:
    def test_unit_page(self, snap_compare, tui_app, size) -> None:
        async def run_before(pilot) -> None:
            await _settle(pilot)
            await pilot.press("f4")
            await _settle(pilot)
            pilot.app.follow_link("org:17")
            await _settle(pilot)

        assert snap_compare(tui_app(), terminal_size=size, run_before=run_before)

    def test_person_page(self, snap_compare, tui_app, size) -> None:
        async def run_before(pilot) -> None:
            await _settle(pilot)
            await pilot.press("f4")
            await _settle(pilot)
            pilot.app.follow_link("person:3")
            await _settle(pilot)

        assert snap_compare(tui_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
class TestAudit:
    def test_table(self, snap_compare, tui_app, size) -> None:
        async def run_before(pilot) -> None:
            await _settle(pilot)
            await pilot.press("f5")
            await _settle(pilot)

        assert snap_compare(tui_app(), terminal_size=size, run_before=run_before)

    def test_finding(self, snap_compare, tui_app, size) -> None:
        async def run_before(pilot) -> None:
            await _settle(pilot)
            await pilot.press("f5")
            await _settle(pilot)
            await pilot.click("#audit-filter")
            await pilot.press(*"tetto", "enter", "enter")
            await _settle(pilot)

        assert snap_compare(tui_app(), terminal_size=size, run_before=run_before)
