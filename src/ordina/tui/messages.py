"""Messages widgets post to ask the app to go somewhere; the app owns navigation."""

from __future__ import annotations

from textual.message import Message


class OpenRef(Message):
    """Open a regulation reference ("art. 88 c. 3", ``art_88__para_3``) in the reader."""

    def __init__(self, ref: str) -> None:
        super().__init__()
        self.ref = ref
        """The reference as typed or the unit id."""


class FollowLink(Message):
    """Follow a link: ``unit:…``, ``person:…``, ``org:…``, ``finding:…`` or a web address."""

    def __init__(self, href: str) -> None:
        super().__init__()
        self.href = href
        """Where the link goes (see :func:`ordina.tui.links.route`)."""
