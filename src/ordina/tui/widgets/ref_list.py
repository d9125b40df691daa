"""A keyboard-friendly list of links: the references of a page, the sources of an answer.

Markdown links only answer to the mouse; this list gives the same jumps to the
keyboard (and over SSH without mouse support).
"""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ordina.tui.messages import FollowLink


class RefList(OptionList):
    """Options whose ids are links (``unit:…``, ``person:…``, web); choosing one follows it."""

    DEFAULT_CSS = """
    RefList { height: auto; max-height: 12; border: none; padding: 0; }
    """

    def __init__(self, *args, empty: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.empty = empty
        """What the list says when it has no links ("nessuno"); blank: it stays empty."""

    def set_refs(self, refs: list[tuple[str, str]]) -> None:
        """Show ``(href, label)`` pairs, without duplicates, in the given order."""
        self.clear_options()
        seen: set[str] = set()
        options = []
        for href, label in refs:
            if href in seen:
                continue
            seen.add(href)
            options.append(Option(label, id=href))
        if not options and self.empty:
            options.append(Option(self.empty, disabled=True))
        self.add_options(options)
        if refs:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Follow the chosen link."""
        event.stop()
        if event.option.id:
            self.post_message(FollowLink(event.option.id))
