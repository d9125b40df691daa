"""A keyboard-friendly list of references: the links of a page or of an answer.

Markdown links only answer to the mouse; this list gives the same jumps to the
keyboard (and over SSH without mouse support).
"""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ordina.tui.messages import OpenRef


class RefList(OptionList):
    """Options whose ids are unit ids; choosing one opens it in the reader."""

    DEFAULT_CSS = """
    RefList { height: auto; max-height: 12; border: none; padding: 0; }
    """

    def set_refs(self, refs: list[tuple[str, str]]) -> None:
        """Show ``(unit id, label)`` pairs, without duplicates, in the given order."""
        self.clear_options()
        seen: set[str] = set()
        options = []
        for eid, label in refs:
            if eid in seen:
                continue
            seen.add(eid)
            options.append(Option(label, id=eid))
        self.add_options(options)
        if options:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen reference."""
        event.stop()
        if event.option.id:
            self.post_message(OpenRef(event.option.id))
