"""The people tab: the organisation chart, a unit's page, a person's page."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Input, Label, Markdown

from ordina.tui.screens.base import ModeScreen
from ordina.tui.widgets.mode_bar import ModeBar
from ordina.tui.widgets.org_tree import OrgTree, load_chart
from ordina.tui.widgets.ref_list import RefList

_LINK = re.compile(r"\[([^\]]+)\]\(((?:person|org|unit|finding):[^)\s]+)\)")


class PeopleScreen(ModeScreen):
    """Browse units and people as of the app's date; every name is a link."""

    MODE = "people"
    AUTO_FOCUS = "#org-tree"  # its one-key bindings (o, l) work at once; Ctrl+F searches
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+f", "focus_search", "Cerca persona", id="people.search",
                tooltip="Cerca una persona per nome, cognome o matricola"),
        Binding("o", "focus_tree", "Organigramma", id="people.tree",
                tooltip="Torna all'albero delle unità e delle persone"),
        Binding("l", "focus_links", "Collegamenti", id="people.links",
                tooltip="I collegamenti della pagina, da seguire con la tastiera"),
    ]

    class Loaded(Message):
        """A worker read the chart or a page."""

        def __init__(self, chart: list[Any] | None = None, target: str = "",
                     page: str = "") -> None:
            super().__init__()
            self.chart, self.target, self.page = chart, target, page

    class Found(Message):
        """A worker found the people matching the search box."""

        def __init__(self, text: str, hits: list[tuple[str, str]]) -> None:
            super().__init__()
            self.text, self.hits = text, hits

    def compose(self):
        yield ModeBar(self.MODE)
        with Horizontal(id="people-body"):
            with Vertical(id="people-left"):
                yield Input(placeholder="Cerca: nome o matricola", id="people-search",
                            compact=True)
                yield Label("", id="people-found")
                yield RefList(id="people-hits", compact=True)
                yield OrgTree(id="org-tree")
            with VerticalScroll(id="people-page-box"):
                yield Markdown("Caricamento dell'organigramma…", id="people-page",
                               open_links=False)
            with VerticalScroll(id="people-side"):
                yield Label("Collegamenti", classes="side-title")
                yield RefList(id="people-links", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        """Read the chart, then open the requested page (or the Comune)."""
        arriving = self.app.arriving
        if arriving is not None and arriving.mode == self.MODE and arriving.target:
            self.target = arriving.target
        self.load_chart()

    @work(thread=True, group="people-chart")
    def load_chart(self) -> None:
        """The units and their staff, on this thread's own connection."""
        with self.app.data.connection() as db:
            rows = load_chart(db, self.app.as_of)
        self.post_message(self.Loaded(chart=rows))

    async def show(self, target: str) -> None:
        """Open ``org:<id>`` or ``person:<id>``."""
        self.target = target
        self.load_page(target)

    @work(thread=True, exclusive=True, group="people-page")
    def load_page(self, target: str) -> None:
        """Build the page from the database and the engine (in this thread)."""
        from ordina.engine.context import Context
        from ordina.tui import people_pages

        kind, _, key = target.partition(":")
        data = self.app.data
        with data.connection() as db:
            ctx = Context(as_of=data.as_of, db=db)
            if kind == "person":
                report = data.audit or data.run_audit()
                page = people_pages.person_page(ctx, int(key), report)
            else:
                page = people_pages.unit_page(ctx, int(key))
        self.post_message(self.Loaded(target=target, page=page))

    async def on_people_screen_loaded(self, message: Loaded) -> None:
        """Put what a worker read on screen."""
        tree = self.query_one(OrgTree)
        if message.chart is not None:
            tree.fill(message.chart)
            if not message.chart:
                await self.query_one("#people-page", Markdown).update(
                    "Il database non contiene unità organizzative: importale con "
                    "`ordina import`, oppure avvia `ordina` senza `--db` per il Comune demo.")
                return
            if not self.target:
                self.target = f"org:{message.chart[0][0]}"
                roots = [r for r in message.chart if r[1] is None]
                self.target = f"org:{(roots or message.chart)[0][0]}"
            self.load_page(self.target)
            return
        if message.target != self.target:
            return
        await self.query_one("#people-page", Markdown).update(message.page)
        self.query_one("#people-page-box").scroll_home(animate=False)
        tree.reveal(message.target)
        links = [(href, label) for label, href in _LINK.findall(message.page)]
        self.query_one("#people-links", RefList).set_refs(links)

    # ------------------------------------------------------------------- search
    @on(Input.Changed, "#people-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.search_people(event.value)

    @on(Input.Submitted, "#people-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        """Invio opens the first person found."""
        event.stop()
        hits = self.query_one("#people-hits", RefList)
        if hits.option_count:
            hits.focus()
            hits.action_select()

    @work(thread=True, exclusive=True, group="people-search")
    def search_people(self, text: str) -> None:
        """People by name or matricola, on this thread's own connection."""
        from ordina.tui.people_search import people_hits

        hits: list[tuple[str, str]] = []
        if text.strip():
            with self.app.data.connection() as db:
                hits = people_hits(db, text)
        self.post_message(self.Found(text, hits))

    def on_people_screen_found(self, message: Found) -> None:
        """Show the people found under the box (the chart comes back when it is empty)."""
        if message.text != self.query_one("#people-search", Input).value:
            return
        searching = bool(message.text.strip())
        self.set_class(searching, "-searching")
        self.query_one("#people-hits", RefList).set_refs(message.hits)
        found = self.query_one("#people-found", Label)
        found.update("" if not searching else
                     f"{len(message.hits)} persone trovate" if message.hits else
                     "Nessuna persona con questo nome o matricola")

    def action_focus_search(self) -> None:
        """Focus the search box."""
        self.query_one("#people-search", Input).focus()

    def action_focus_tree(self) -> None:
        """Focus the organisation chart."""
        self.query_one(OrgTree).focus()

    def action_focus_links(self) -> None:
        """Show and focus the page's links (they sit beside the page on wide screens)."""
        self.add_class("-show-side")
        self.query_one("#people-links", RefList).focus()
