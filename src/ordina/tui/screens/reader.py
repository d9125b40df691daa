"""The reader: the index on the left, the page in the middle, its references on the right."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Label, Markdown

from ordina.tui import document
from ordina.tui.screens.base import ModeScreen
from ordina.tui.widgets.mode_bar import ModeBar
from ordina.tui.widgets.ref_list import RefList
from ordina.tui.widgets.toc import Toc
from ordina.tui.widgets.unit_view import UnitView

_PAGES = Binding.Group("Pagina", compact=True)


class ReaderScreen(ModeScreen):
    """Browse the regulation: Titoli → Articoli → commi, Allegati, organigramma."""

    MODE = "read"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "toggle_index", "Indice", id="reader.index",
                tooltip="Mostra o nascondi l'indice del regolamento"),
        Binding("r", "toggle_refs", "Rif.", id="reader.refs",
                tooltip="Mostra i riferimenti della pagina, da seguire con la tastiera"),
        Binding("n", "step(1)", "Pagina successiva", id="reader.next", group=_PAGES,
                tooltip="Pagina successiva (articolo, allegato, titolo)"),
        Binding("p", "step(-1)", "Pagina precedente", id="reader.previous", group=_PAGES,
                tooltip="Pagina precedente"),
    ]

    def compose(self):
        yield ModeBar(self.MODE)
        with Horizontal(id="reader-body"):
            yield Toc(id="toc")
            yield UnitView(id="page")
            with VerticalScroll(id="side"):
                yield Label("Cita", classes="side-title")
                yield RefList(id="page-refs", compact=True, empty="nessuno")
                yield Label("Citato da", classes="side-title")
                yield RefList(id="cited-by", compact=True, empty="nessuno")
                yield Label("Segnalazioni (ordina lint)", classes="side-title")
                yield Markdown(id="lint", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the index and open the first article (or the requested target)."""
        corpus = self.app.corpus
        self.query_one(Toc).fill(corpus)
        arriving = self.app.arriving
        if arriving is None or arriving.mode != self.MODE or not arriving.target:
            self.target = corpus.articles[0].eid
            self.run_worker(self.show(self.target), group="page")

    async def show(self, target: str) -> None:
        """Open the page of unit ``target`` at its comma, and mark it in the index."""
        corpus = self.app.corpus
        unit = corpus.get(target)
        if unit is None:
            return
        self.target = unit.eid
        findings = self.app.data.findings
        await self.query_one(UnitView).show(document.to_markdown(corpus, unit, findings))
        self.query_one(Toc).reveal(unit.eid)
        page = document.page_of(corpus, unit)
        self.query_one("#page-refs", RefList).set_refs(document.cites(corpus, page))
        self.query_one("#cited-by", RefList).set_refs(document.cited_by(corpus, page))
        await self.query_one("#lint", Markdown).update(
            document.lint_markdown(corpus, page, findings) or "*nessuna*")

    def on_unit_view_reading(self, message: UnitView.Reading) -> None:
        """The index follows the comma being read as the page scrolls."""
        corpus = self.app.corpus
        unit = corpus.get(self.target)
        if unit is None:
            return
        page = document.page_of(corpus, unit)
        comma = next((c for c in corpus.children(page)
                      if c.kind == "comma" and c.num == message.comma), None)
        self.query_one(Toc).reveal(comma.eid if comma is not None else page.eid)

    def action_toggle_index(self) -> None:
        """Hide the index to give the page the whole width (useful at 80 columns)."""
        self.toggle_class("-no-index")

    def action_toggle_refs(self) -> None:
        """Show the side list of references and move the focus into it."""
        self.toggle_class("-show-side")
        if self.has_class("-show-side"):
            self.query_one("#page-refs", RefList).focus()

    async def action_step(self, delta: int) -> None:
        """Open the next or previous page in document order."""
        corpus = self.app.corpus
        pages = [u.eid for u in corpus.units.values() if u.kind in document.PAGE_KINDS]
        here = document.page_of(corpus, corpus.get(self.target) or corpus.articles[0]).eid
        index = (pages.index(here) + delta) % len(pages)
        self.app.open_unit(pages[index])
