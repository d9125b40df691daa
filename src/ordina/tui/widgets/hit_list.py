"""Search results: one heading per article, then its matching commi with the words lit up."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ordina.tui.links import unit_href
from ordina.tui.messages import FollowLink

HIGHLIGHT = "bold reverse"
"""How matched words look in a snippet (theme-independent)."""


def snippet_content(snippet: str, spans: Sequence[tuple[int, int]]) -> Content:
    """A snippet with its matched words highlighted."""
    content = Content(snippet)
    for start, end in spans:
        content = content.stylize(HIGHLIGHT, start, end)
    return content


class HitList(OptionList):
    """Results of ``ordina.corpus.index.search``; choosing a comma opens it in the reader."""

    DEFAULT_CSS = """
    HitList { height: 1fr; border: none; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.hrefs: list[str] = []
        """The link of each option, by position (a unit can appear twice)."""

    def show_hits(self, hits: Sequence[Any]) -> None:
        """Replace the results (``Hit`` objects, best first)."""
        self.clear_options()
        options: list[Option] = []
        self.hrefs = []
        for hit in hits:
            title = Content.from_markup("[b]$citation[/b] – $heading", citation=hit.citation,
                                        heading=hit.heading)
            options.append(Option(title))
            self.hrefs.append(unit_href(hit.eid))
            for match in hit.matches:
                label = Content(f"  {match.citation.removeprefix(hit.citation).strip() or '·'}  ")
                options.append(Option(label + snippet_content(match.snippet, match.highlights)))
                self.hrefs.append(unit_href(match.eid))
        self.add_options(options)
        if options:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen article or comma."""
        event.stop()
        self.post_message(FollowLink(self.hrefs[event.option_index]))
