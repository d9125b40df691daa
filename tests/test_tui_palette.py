"""Every action has a key, an id, a tooltip, and a place in the command palette."""

from __future__ import annotations

from textual.binding import Binding
from tui_fakes import aio

from ordina.tui.app import TABS, OrdinaApp
from ordina.tui.commands import ActionsProvider, ReferenceProvider
from ordina.tui.screens import screen_class


def _bindings(cls) -> list[Binding]:
    return [b for b in getattr(cls, "BINDINGS", []) if isinstance(b, Binding)]


def _screens() -> list[type]:
    return [screen_class(mode) for mode in TABS]


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    from ordina.tui.widgets.question_box import QuestionInput

    for owner in [OrdinaApp, QuestionInput, *_screens()]:
        for binding in _bindings(owner):
            assert binding.id and binding.tooltip, (owner.__name__, binding.key)
    ids = [b.id for owner in [OrdinaApp, *_screens()] for b in _bindings(owner)]
    assert len(ids) == len(set(ids))


async def _hits(provider, query: str) -> list:
    await provider._wait_init() if hasattr(provider, "_wait_init") else None
    if not query:
        return [hit async for hit in provider.discover()]
    return [hit async for hit in provider.search(query)]


@aio
async def test_palette_lists_every_action_of_every_tab(tui_app) -> None:
    app = tui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for mode in TABS:
            screen_cls = screen_class(mode)
            await app.switch_mode(mode)
            await pilot.pause()
            provider = ActionsProvider(app.screen)
            labels = {hit.text for hit in await _hits(provider, "")}
            expected = {b.description for b in _bindings(OrdinaApp) + _bindings(screen_cls)}
            assert expected <= labels, (mode, expected - labels)


@aio
async def test_palette_opens_references_and_headings(tui_app) -> None:
    app = tui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        provider = ReferenceProvider(app.screen)
        hits = await _hits(provider, "art 88 comma 3")
        assert hits[0].text == "Apri art. 88 c. 3"
        hits[0].command()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.target == "art_88__para_3"
        headings = [h.text for h in await _hits(provider, "patrocinio")]
        assert any(t.startswith("art. 78") for t in headings)


@aio
async def test_palette_runs_an_action(tui_app) -> None:
    app = tui_app()
    async with app.run_test(size=(100, 30)) as pilot:
        hits = await _hits(ActionsProvider(app.screen), "Regolamento")
        [hit] = [h for h in hits if h.text == "Regolamento"]
        await hit.command()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.current_mode == "read"
