"""The search tab: full-text search of the regulation, results as you type."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Footer, Input, Label

from ordina.tui.screens.base import ModeScreen
from ordina.tui.widgets.hit_list import HitList
from ordina.tui.widgets.mode_bar import ModeBar


class SearchScreen(ModeScreen):
    """Type words; the best commi appear grouped by article; Invio opens one."""

    MODE = "search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+f", "focus_query", "Nuova ricerca", id="search.focus",
                tooltip="Torna alla casella di ricerca"),
        Binding("ctrl+r", "focus_results", "Risultati", id="search.results",
                tooltip="Passa ai risultati (↑↓ per scorrerli, Invio per aprire)"),
    ]

    class Found(Message):
        """A search worker finished."""

        def __init__(self, text: str, hits: list[Any]) -> None:
            super().__init__()
            self.text = text
            self.hits = hits

    def compose(self):
        yield ModeBar(self.MODE)
        yield Input(placeholder="Cerca nel regolamento, es. «patrocinio legale», «part time»",
                    id="search-input")
        yield Label("", id="search-status")
        yield HitList(id="hits")
        yield Footer()

    def on_mount(self) -> None:
        """Start typing straight away (no blinking cursor under tests)."""
        box = self.query_one("#search-input", Input)
        box.cursor_blink = not self.app.testing
        box.focus()

    async def show(self, target: str) -> None:
        """Search for ``target`` (the history brings back a search this way)."""
        box = self.query_one("#search-input", Input)
        if box.value != target:
            with box.prevent(Input.Changed):
                box.value = target
        self.target = target
        self.search(target)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self.target = event.value
        self.search(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.action_focus_results()

    @work(thread=True, exclusive=True, group="search")
    def search(self, text: str) -> None:
        """Query the full-text index on this thread's own connection (the newest wins)."""
        from textual.worker import get_current_worker

        from ordina.corpus.index import search

        hits: list[Any] = []
        if text.strip():
            with self.app.data.connection() as db:
                hits = search(db, text, limit=20, as_of=self.app.as_of)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(text, hits))

    def on_search_screen_found(self, message: Found) -> None:
        """Show the results of the latest search."""
        if message.text != self.query_one("#search-input", Input).value:
            return  # an older search finished late
        self.query_one(HitList).show_hits(message.hits)
        matches = sum(len(h.matches) for h in message.hits)
        articles = "1 articolo" if len(message.hits) == 1 else f"{len(message.hits)} articoli"
        commi = "1 comma" if matches == 1 else f"{matches} commi"
        status = (f"{articles}, {commi}" if message.hits
                  else ("nessun risultato" if message.text.strip() else ""))
        if message.hits and not message.hits[0].matched_all:
            status += " (nessun comma contiene tutte le parole: risultati con almeno una)"
        self.query_one("#search-status", Label).update(status)

    def action_focus_query(self) -> None:
        """Back to the search box."""
        self.query_one("#search-input", Input).focus()

    def action_focus_results(self) -> None:
        """Into the results list."""
        self.query_one(HitList).focus()
