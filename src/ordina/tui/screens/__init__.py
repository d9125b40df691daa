"""One screen per tab of the app (Textual modes).

Screens are imported on first use, so starting the app loads only the first tab.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ordina.tui.screens.base import ModeScreen

#: Tab (app mode) -> module and class of its screen.
SCREENS: dict[str, tuple[str, str]] = {
    "ask": ("ask", "AskScreen"),
    "read": ("reader", "ReaderScreen"),
    "search": ("search", "SearchScreen"),
    "people": ("people", "PeopleScreen"),
    "audit": ("audit", "AuditScreen"),
}


def screen_class(mode: str) -> type[ModeScreen]:
    """The screen class of tab ``mode`` (importing its module now)."""
    module, name = SCREENS[mode]
    return getattr(importlib.import_module(f"ordina.tui.screens.{module}"), name)
