"""Links inside the app: references in the text become ``unit:`` links the app follows itself.

The Markdown widgets run with ``open_links=False``; their ``LinkClicked`` messages come
to :meth:`OrdinaApp.follow_link`, which opens ``unit:`` links in the reader and shows
Normattiva links (external law) instead of leaving the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Callable

UNIT_SCHEME = "unit:"
"""Prefix of an in-app link to a regulation unit: ``unit:art_88__para_3``."""


def unit_href(eid: str) -> str:
    """The in-app link to the unit ``eid``."""
    return f"{UNIT_SCHEME}{eid}"


def href_target(href: str) -> str | None:
    """The unit id an in-app link points to, or None for an external link."""
    href = href.strip()
    if href.startswith(UNIT_SCHEME):
        return href[len(UNIT_SCHEME):] or None
    if href.startswith("#"):
        return href[1:] or None
    return None


def is_external(href: str) -> bool:
    """True for links that leave the app (Normattiva, the web)."""
    return href.startswith(("http://", "https://"))


def escape(text: str) -> str:
    """Text safe inside Markdown: brackets and emphasis markers cannot break links."""
    return re.sub(r"([\[\]*_`<>\\])", r"\\\1", text)


# A reference to the regulation itself. External laws ("art. 53 del D.Lgs 165/2001")
# are recognised by what follows the number and are left alone here.
_INTERNAL = re.compile(
    r"\b(?P<kw>artt?\.|articol[oi])\s*(?P<art>\d{1,3})\b"
    r"|\b(?P<akw>allegat[oi])\s+(?P<all>[A-G])\s?\)?"
    r"|\b(?P<tkw>titolo)\s+(?P<tit>[IVX]{1,4})\b",
    re.IGNORECASE,
)
_EXTERNAL_AFTER = re.compile(
    r"^[^;.:]{0,40}?\b(?:d\.?\s?lgs|dlgs|d\.?\s?l\b|d\.?p\.?r|legge|l\.\s?\d|decreto|"
    r"testo unico|tuel|c\.c|c\.p\.c|codice|ccnl|costituzione)",
    re.IGNORECASE,
)
_OURS_AFTER = re.compile(r"^\s*(?:,\s*comma\s*\d+\s*,?\s*)?del\s+presente", re.IGNORECASE)


def linkify(text: str, exists: Callable[[str], bool]) -> str:
    """Escape ``text`` for Markdown and turn references to existing units into links.

    :param exists: tells whether a unit id is in the corpus (unknown targets stay text).
    """
    out: list[str] = []
    pos = 0
    for m in _INTERNAL.finditer(text):
        after = text[m.end():m.end() + 60]
        if m.group("art"):
            eid = f"art_{int(m.group('art'))}"
        elif m.group("all"):
            eid = f"all_{m.group('all').upper()}"
        else:
            eid = f"title_{m.group('tit').upper()}"
        if not _OURS_AFTER.match(after) and _EXTERNAL_AFTER.match(after):
            continue
        if not exists(eid):
            continue
        out.append(escape(text[pos:m.start()]))
        out.append(f"[{escape(m.group(0).rstrip())}]({unit_href(eid)})")
        pos = m.start() + len(m.group(0).rstrip())
    out.append(escape(text[pos:]))
    return "".join(out)
