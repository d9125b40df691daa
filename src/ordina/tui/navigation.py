"""Navigation across tabs: links, references, back and forward (mixed into the app).

A location is a tab and what it shows (:class:`~ordina.tui.history.Location`); every
move goes through :meth:`Navigator.navigate`, so the history sees them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ordina.errors import UserError
from ordina.tui.history import Location
from ordina.tui.links import is_external, route
from ordina.tui.messages import FollowLink, OpenRef
from ordina.tui.screens.base import ModeScreen

if TYPE_CHECKING:
    from textual.widgets import Markdown


class Navigator:
    """Moves between tabs and pages; expects an App with ``history`` and ``corpus``."""

    async def navigate(self, location: Location, *, record: bool = True) -> None:
        """Show ``location``: switch tab, then bring the tab to its target."""
        current = self.history.current
        if record and current is not None and current.mode == self.current_mode:
            self.history.replace(self._here())  # e.g. the words typed in the search box
        self.arriving = location
        try:
            await self.switch_mode(location.mode)
            screen = self.screen
            if (isinstance(screen, ModeScreen) and location.target
                    and location.target != screen.target):
                await screen.show(location.target)
            if record:
                self.history.visit(self._here())
        finally:
            self.arriving = None

    def _here(self) -> Location:
        screen = self.screen
        return screen.location if isinstance(screen, ModeScreen) else Location(self.current_mode)

    def go(self, mode: str, target: str = "") -> None:
        """Open ``target`` in tab ``mode`` (recorded in the history)."""
        self.run_worker(self.navigate(Location(mode, target)), group="navigate")

    async def action_go_mode(self, mode: str) -> None:
        """Switch to a tab, where it was left."""
        if mode in self.MODES:
            await self.navigate(Location(mode))

    def open_unit(self, eid: str) -> None:
        """Open unit ``eid`` in the reader."""
        self.go("read", eid)

    def open_ref(self, ref: str) -> bool:
        """Open a reference as a person types it; says so when it does not exist."""
        try:
            unit = self.corpus.resolve(ref)
        except UserError as exc:
            self.notify(str(exc), title="Riferimento", severity="warning")
            return False
        self.open_unit(unit.eid)
        return True

    def follow_link(self, href: str) -> None:
        """Open in-app links here; show (and copy) external ones rather than leave the app."""
        target = route(href)
        if target is not None:
            mode, key = target
            if mode == "read":
                self.open_ref(key)
            elif mode in self.MODES:
                self.go(mode, key)
        elif is_external(href):
            self.copy_to_clipboard(href)
            self.notify(f"{href}\n(copiato negli appunti)", title="Riferimento esterno")

    # Handlers by naming convention: ``@on`` is only collected on MessagePump classes.
    def on_open_ref(self, message: OpenRef) -> None:
        """A widget asked for a reference."""
        self.open_ref(message.ref)

    def on_follow_link(self, message: FollowLink) -> None:
        """A list asked to follow one of its links."""
        self.follow_link(message.href)

    def on_markdown_link_clicked(self, message: Markdown.LinkClicked) -> None:
        """A link in any Markdown of the app (they all run with ``open_links=False``)."""
        message.stop()
        self.follow_link(message.href)

    async def action_back(self) -> None:
        """Go back one step in the history."""
        location = self.history.back()
        if location is None:
            self.bell()
            return
        await self.navigate(location, record=False)

    async def action_forward(self) -> None:
        """Redo the step undone by back."""
        location = self.history.forward()
        if location is None:
            self.bell()
            return
        await self.navigate(location, record=False)
