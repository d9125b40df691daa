"""What every tab shares: the tab bar, the footer and its place in the history."""

from __future__ import annotations

from typing import ClassVar

from textual.screen import Screen

from ordina.tui.history import Location


class ModeScreen(Screen):
    """The base screen of one app mode (tab).

    Subclasses set :attr:`MODE`, compose a :class:`ModeBar` first and a ``Footer``
    last, and implement :meth:`show` so history can bring them back to a location.
    """

    MODE: ClassVar[str] = ""
    """The app mode this screen is the base of."""

    target: str = ""
    """What the screen shows now (part of its :class:`Location`)."""

    @property
    def location(self) -> Location:
        """Where this tab is, for the back/forward history."""
        return Location(self.MODE, self.target)

    async def show(self, target: str) -> None:
        """Bring the tab to ``target`` (no-op by default: the tab has one view)."""
        self.target = target
