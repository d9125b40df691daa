"""The app on the real pipeline (``ordina.ask``) and the demo Comune, end to end."""

from __future__ import annotations

from tui_fakes import aio

from ordina.tui.screens.ask import AskScreen
from ordina.tui.screens.reader import ReaderScreen
from ordina.tui.widgets.answer_card import AnswerCard, VerdictBadge
from ordina.tui.widgets.interview import InterviewCard


async def _ask(pilot, text: str) -> None:
    await pilot.app.workers.wait_for_complete()  # the database is ready
    await pilot.click("#question")
    await pilot.press(*text, "escape", "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@aio
async def test_real_answer_citation_and_back(tui_app) -> None:
    app = tui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _ask(pilot, "art. 88 c. 3")
        card = app.screen.query_one(AnswerCard)
        assert card.turn.answer.citations == ["art. 88 c. 3"]
        card.query_one(".citations").focus()
        await pilot.press("enter")
        await _settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.target == "art_88__para_3"
        await pilot.press("alt+left")
        await _settle(pilot)
        assert isinstance(app.screen, AskScreen)


@aio
async def test_real_interview_reaches_a_verdict(tui_app) -> None:
    app = tui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _ask(pilot, "posso fare una consulenza per una srl?")
        answers = {"part_time_percent": ("1", "0", "0", "enter"), "paid": ("#yes",),
                   "expenses_only": ("#no",), "occasional": ("#yes",),
                   "professional_growth": ("#yes",)}
        asked = []
        while app.screen.query(InterviewCard):
            fact = app.screen.query_one(InterviewCard).missing.fact
            asked.append(fact)
            keys = answers[fact]
            if keys[0].startswith("#"):
                await pilot.click(keys[0])
            else:
                await pilot.press(*keys)
            await _settle(pilot)
            assert len(asked) < 8
        assert asked[0] == "part_time_percent"  # the most decisive fact first
        assert [b.verdict for b in app.screen.query(VerdictBadge)][-1] == "autorizzazione"
