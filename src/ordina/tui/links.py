"""Links inside the app: references in the text become ``unit:`` links the app follows itself.

The Markdown widgets run with ``open_links=False``; their ``LinkClicked`` messages come
to :meth:`OrdinaApp.follow_link`, which opens ``unit:`` links in the reader and shows
Normattiva links (external law) instead of leaving the terminal. Where the links go is
decided by the corpus (``corpus.refs``); this module only writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


#: In-app link prefixes and the tab (app mode) that opens them.
SCHEMES: dict[str, str] = {UNIT_SCHEME: "read", "person:": "people", "org:": "people",
                           "finding:": "audit"}


def route(href: str) -> tuple[str, str] | None:
    """``(mode, target)`` for an in-app link; None for external or unknown links.

    ``unit:art_88`` opens the reader at ``art_88``; ``person:12`` and ``org:3`` open the
    people tab at that page (the target keeps its prefix there).
    """
    href = href.strip()
    for prefix, mode in SCHEMES.items():
        if href.startswith(prefix) and len(href) > len(prefix):
            return (mode, href[len(prefix):] if prefix == UNIT_SCHEME else href)
    if href.startswith("#") and len(href) > 1:
        return ("read", href[1:])
    return None


def is_external(href: str) -> bool:
    """True for links that leave the app (Normattiva, the web)."""
    return href.startswith(("http://", "https://"))


def escape(text: str) -> str:
    """Text safe inside Markdown: brackets and emphasis markers cannot break links."""
    return re.sub(r"([\[\]*_`<>\\])", r"\\\1", text)


@dataclass(frozen=True)
class Span:
    """A stretch of a unit's text to mark: a reference to link or a lint finding to flag."""

    start: int
    end: int
    href: str | None = None
    """Where the link goes (``unit:…`` or a Normattiva URL); None for a flag."""
    flag: bool = False
    """True for a lint finding: shown as ``⚠`` plus the quoted words in code style."""


def annotate(text: str, spans: list[Span]) -> str:
    """Escape ``text`` for Markdown, turning ``spans`` into links or flags.

    Overlapping spans are dropped after the first (flags sort first, so a wrong
    reference shows as a finding rather than as a link).
    """
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: (s.start, not s.flag, -s.end)):
        if span.start < pos or span.end > len(text) or span.start >= span.end:
            continue
        out.append(escape(text[pos:span.start]))
        words = text[span.start:span.end]
        if span.flag:
            out.append(f"⚠`{words.replace('`', chr(39))}`")
        else:
            out.append(f"[{escape(words)}]({span.href})")
        pos = span.end
    out.append(escape(text[pos:]))
    return "".join(out)
