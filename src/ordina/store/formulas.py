"""Cells a spreadsheet would run as formulas: written as text, read back unchanged.

A name such as ``=HYPERLINK("http://…")`` or ``@SUM(…)`` typed into a database field must
not become a live formula in the office's Excel (CSV injection). Cells starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return get one apostrophe in front in CSV (the
sign spreadsheets read as "this is text"), and are string cells in XLSX. The importer
removes exactly that apostrophe, so export → import gives back the same text.
"""

from __future__ import annotations

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _dangerous(text: str) -> bool:
    return text.lstrip("'").startswith(FORMULA_STARTS)


def escape(text: str) -> str:
    """The CSV form of ``text``: an apostrophe before what would start a formula.

    A text already starting with apostrophes before such a character gets one more, so
    :func:`unescape` can tell the two apart.
    """
    return "'" + text if _dangerous(text) else text


def unescape(text: str) -> str:
    """The text :func:`escape` was given."""
    return text[1:] if text.startswith("'") and _dangerous(text) else text
