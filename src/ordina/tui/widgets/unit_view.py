"""The page of the reader: a unit as Markdown whose references are in-app links."""

from __future__ import annotations

from textual import events
from textual.containers import VerticalScroll
from textual.widgets import Markdown


class UnitView(VerticalScroll):
    """Scrollable Markdown page; the comma being cited is a quote, kept in view.

    The quote's position is only known once Markdown has laid out its blocks, which
    can take more than one refresh; so the scroll is repeated whenever the page's
    virtual size changes, until the next page is shown.
    """

    DEFAULT_CSS = """
    UnitView { padding: 0 1; }
    UnitView Markdown { margin: 0; padding: 0; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._focus_quote = False

    def compose(self):
        yield Markdown(open_links=False, id="page-md")

    @property
    def markdown(self) -> Markdown:
        """The Markdown widget inside (links post ``LinkClicked`` to the app)."""
        return self.query_one("#page-md", Markdown)

    async def show(self, source: str) -> None:
        """Replace the page and scroll to the highlighted comma, or to the top."""
        await self.markdown.update(source)
        self._focus_quote = bool(self.markdown.query("MarkdownBlockQuote"))
        if not self._focus_quote:
            self.scroll_home(animate=False, immediate=True)
        self._settle()
        self.call_after_refresh(self._settle)

    def _settle(self) -> None:
        if not self._focus_quote:
            return
        quotes = self.markdown.query("MarkdownBlockQuote")
        if quotes:
            self.scroll_to_widget(quotes.first(), top=True, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        """The layout changed (blocks laid out, window resized): keep the quote in view."""
        self._settle()
