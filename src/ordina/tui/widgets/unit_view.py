"""The page of the reader: a unit as Markdown whose references are in-app links."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Markdown


class UnitView(VerticalScroll):
    """Scrollable Markdown page; the comma being cited is a quote and scrolled into view."""

    DEFAULT_CSS = """
    UnitView { padding: 0 1; }
    UnitView Markdown { margin: 0; padding: 0; }
    """

    def compose(self):
        yield Markdown(open_links=False, id="page-md")

    @property
    def markdown(self) -> Markdown:
        """The Markdown widget inside (links post ``LinkClicked`` to the app)."""
        return self.query_one("#page-md", Markdown)

    async def show(self, source: str) -> None:
        """Replace the page and scroll to the highlighted comma, or to the top."""
        await self.markdown.update(source)
        quotes = self.markdown.query("MarkdownBlockQuote")
        if quotes:
            self.call_after_refresh(self.scroll_to_widget, quotes.first(), top=True,
                                    animate=False)
        else:
            self.scroll_home(animate=False)
