"""Messages widgets post to ask the app to go somewhere; the app owns navigation."""

from __future__ import annotations

from textual.message import Message


class OpenRef(Message):
    """Open a regulation reference ("art. 88 c. 3", ``art_88__para_3``) in the reader."""

    def __init__(self, ref: str) -> None:
        super().__init__()
        self.ref = ref
        """The reference as typed or the unit id."""


class OpenPeople(Message):
    """Open a person's or a unit's page in the people tab."""

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target
        """``person:<id>`` or ``unit:<id>`` of the personnel database."""


class LocationChanged(Message):
    """A tab now shows something else and the history should record it."""

    def __init__(self, mode: str, target: str) -> None:
        super().__init__()
        self.mode = mode
        """The tab (app mode) that changed."""
        self.target = target
        """What it shows now."""
