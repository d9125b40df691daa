"""The page of the reader: a unit as Markdown whose references are in-app links."""

from __future__ import annotations

import re

from textual import events
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Markdown

#: A comma's paragraph starts with its bold number (``**3.**``), quoted when cited.
_COMMA_START = re.compile(r"^(?:>\s*)?\*\*([^*\s]+)\.\*\*")


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

    class Reading(Message):
        """The comma at the top of the page changed (the index follows it)."""

        def __init__(self, comma: str | None) -> None:
            super().__init__()
            self.comma = comma
            """The comma's number as written (``3``, ``3-bis``), None above the first."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._focus_quote = False
        self._reading: str | None = None

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

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Say which comma is being read when the page scrolls."""
        super().watch_scroll_y(old_value, new_value)
        comma = self.comma_at_top()
        if comma != self._reading:
            self._reading = comma
            self.post_message(self.Reading(comma))

    def comma_at_top(self) -> str | None:
        """The number of the last comma that starts at or above the top of the view
        (at the end of the page: the last one in view, which may never reach the top)."""
        top = self.scroll_y
        if self.max_scroll_y and top >= self.max_scroll_y:
            top += self.scrollable_content_region.height - 2
        found = None
        for block in self.markdown.children:
            if block.virtual_region.y > top + 1:
                break
            match = _COMMA_START.match(getattr(block, "source", None) or "")
            if match:
                found = match.group(1)
        return found

    def on_resize(self, event: events.Resize) -> None:
        """The layout changed (blocks laid out, window resized): keep the quote in view."""
        self._settle()
