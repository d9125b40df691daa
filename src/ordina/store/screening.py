"""Cells that would corrupt the database without a word: too big, or with invisible
characters.

A 100 MB cell is refused (64 KB is far more than any name, act or note needs), so no
field is unbounded for the queries that read it later. NUL, bidi controls (U+202E turns
"Rossi" around on screen) and other control characters are removed from the text with a
warning the user accepts with ``--accept-warnings``: they are never meant, and they make
two equal names differ.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: The largest cell accepted, in bytes of UTF-8.
MAX_CELL_BYTES = 64 * 1024

#: Characters removed from every text cell: C0/C1 controls but tab, CR and LF (kept
#: inside notes), and the bidi and zero-width formatting marks.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                        "\u2066-\u2069\u061c\ufeff\ufff9-\ufffb]")


@dataclass(frozen=True)
class Finding:
    """Something about one cell: its row, column and what is wrong."""

    row: int
    column: str
    message: str


def _names(text: str) -> str:
    found = sorted(set(_INVISIBLE.findall(text)))
    shown = [f"U+{ord(ch):04X} {unicodedata.name(ch, 'controllo')}" for ch in found[:3]]
    return ", ".join(shown) + ("…" if len(found) > 3 else "")


def clean_text(text: str) -> tuple[str, str | None]:
    """``text`` without invisible characters, and what was removed (None if nothing)."""
    if text.isprintable() or not _INVISIBLE.search(text):
        return text, None
    return _INVISIBLE.sub("", text), _names(text)


def screen_cells(headers: list[str], rows: list[tuple[int, list]],
                 ) -> tuple[list[tuple[int, list]], list[Finding], list[Finding]]:
    """Check every cell of ``rows``: oversized cells are errors, invisible characters are
    removed with a warning.

    :returns: the cleaned rows, the errors, the warnings.
    """
    errors: list[Finding] = []
    warnings: list[Finding] = []
    cleaned: list[tuple[int, list]] = []
    for number, cells in rows:
        out = []
        for i, cell in enumerate(cells):
            column = headers[i] if i < len(headers) else ""
            if isinstance(cell, str):
                if len(cell) > MAX_CELL_BYTES // 4 and len(cell.encode()) > MAX_CELL_BYTES:
                    errors.append(Finding(number, column, f"cella di {len(cell.encode()):,} "
                                          f"byte: il massimo è {MAX_CELL_BYTES // 1024} KB"
                                          .replace(",", ".")))
                    cell = ""
                cell, removed = clean_text(cell)
                if removed:
                    warnings.append(Finding(number, column, "caratteri invisibili o di "
                                            f"controllo rimossi ({removed})"))
            out.append(cell)
        cleaned.append((number, out))
    return cleaned, errors, warnings
