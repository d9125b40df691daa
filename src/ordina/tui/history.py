"""Back/forward navigation across the whole app, like a web browser's history.

A location names a tab (mode) and what it shows, so following a citation from an
answer and pressing *indietro* returns to the conversation, not just to the
previous article.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where the user is: a tab of the app and the thing it shows there."""

    mode: str
    """The app mode ("ask", "read", "search", "people", "audit")."""
    target: str = ""
    """What the mode shows: a unit id in "read", a person or unit key in "people"."""


class History:
    """A bounded list of visited locations with a cursor, as in a browser."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[Location] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Location | None:
        """The location shown now, or None before the first visit."""
        return self._items[self._index] if self._index >= 0 else None

    @property
    def can_back(self) -> bool:
        """True when there is somewhere to go back to."""
        return self._index > 0

    @property
    def can_forward(self) -> bool:
        """True when a back step can be undone."""
        return self._index < len(self._items) - 1

    def visit(self, location: Location) -> None:
        """Record a new location; it drops the forward part, as browsers do."""
        if location == self.current:
            return
        del self._items[self._index + 1:]
        self._items.append(location)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def replace(self, location: Location) -> None:
        """Update the current location in place (e.g. the tab scrolled to another comma)."""
        if self._index < 0:
            self.visit(location)
        else:
            self._items[self._index] = location

    def back(self) -> Location | None:
        """Step back and return the location to show, or None at the start."""
        if not self.can_back:
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Location | None:
        """Step forward and return the location to show, or None at the end."""
        if not self.can_forward:
            return None
        self._index += 1
        return self.current

    def __len__(self) -> int:
        return len(self._items)
