"""Normalise a typed question before parsing, keeping a map back to the original text.

People type "può", "puo'", "puo" and "PUÒ"; straight or typographic apostrophes;
"l'incarico" glued together; "tre anni" in words. The grammar should see one form,
while error messages and search text should still quote what the user typed — hence
the offset map: ``origin[i]`` is the index in the original text of normalised char ``i``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

_CHAR_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\n": " ", "\r": " ",
    "\u00b0": "", "\u00ba": "", "\u00aa": "",
}

_NUMBER_WORDS = {
    "un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
    "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12,
    "quindici": 15, "diciotto": 18, "venti": 20, "trenta": 30, "sessanta": 60,
    "novanta": 90, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30,
}
_UNITS = r"(?:anni|anno|mesi|mese|giorni|giorno|settimane|settimana|years?|months?|days?|weeks?)"
_NUMBER_WORD_RE = re.compile(
    r"(?<![\w'])(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")(\s+)(?="
    + _UNITS + r"(?![\w]))", re.IGNORECASE)
#: What a number word before a unit needs: a unit (no look-behind, so a fast scan).
_UNIT_HINT_RE = re.compile(r"ann[io]|mes[ei]|giorn[io]|settiman[ae]|year|month|day|week")
_THOUSANDS_RE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(mila|k)(?![\w])", re.IGNORECASE)
_MILLE_RE = re.compile(r"(?<![\w'])mille(?![\w])", re.IGNORECASE)
_ELISION_RE = re.compile(r"(?<=[^\W\d_])'(?=\w)")
_ACCENT_APOSTROPHE_RE = re.compile(r"(?<=[^\W\d_][aeiouAEIOU])'(?![\w])")
_POSSESSIVE_RE = re.compile(r"(?<=[^\W\d_])'s(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Normalized:
    """The normalised question and where each of its characters came from."""

    original: str
    text: str
    origin: tuple[int, ...]

    @property
    def lower(self) -> str:
        """Lowercase form with the same length (for vocabulary and name matching)."""
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)

    def original_span(self, start: int, end: int) -> str:
        """The original text behind normalised ``text[start:end]``."""
        if start >= len(self.origin) or start >= end:
            return ""
        first = self.origin[start]
        last = self.origin[min(end, len(self.origin)) - 1] + 1
        return self.original[first:last]

    def original_pos(self, pos: int) -> int:
        """Index in the original text of normalised position ``pos``."""
        if not self.origin:
            return 0
        if pos >= len(self.origin):
            return len(self.original)
        return self.origin[pos]


def clean_input(text: str) -> str:
    """Replace lone surrogates (argv bytes that were not UTF-8) with U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape" if _only_escapes(text) else "replace") \
            .decode("utf-8", "replace")


def _only_escapes(text: str) -> bool:
    return all(not ("\ud800" <= c <= "\udfff") or "\udc80" <= c <= "\udcff" for c in text)


_ASCII_MAP = str.maketrans({k: v for k, v in _CHAR_MAP.items() if k.isascii()})


@lru_cache(maxsize=1024)
def _char(ch: str) -> str:
    """What one character becomes: straight quotes, plain spaces, no accents."""
    if ch in _CHAR_MAP:
        return _CHAR_MAP[ch]
    if "\ud800" <= ch <= "\udfff":
        return "\ufffd"
    if ch.isascii():
        return ch
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or ch


def _chars(text: str) -> tuple[str, list[int]]:
    if text.isascii():
        # the common case: only tabs, newlines and backquotes can change, one for one
        mapped = text.translate(_ASCII_MAP)
        if len(mapped) == len(text):
            return mapped, list(range(len(text)))
    else:
        # "può", "è", "’": every character still becomes exactly one, so the origin map
        # stays the identity and one translate() does it
        table = {ord(ch): _char(ch) for ch in set(text) if not ch.isascii() or ch in _CHAR_MAP}
        if all(len(m) == 1 for m in table.values()):
            return text.translate(table), list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch in _CHAR_MAP:
            mapped = _CHAR_MAP[ch]
        elif "\ud800" <= ch <= "\udfff":
            mapped = "\ufffd"
        elif ch.isascii():
            mapped = ch
        else:
            decomposed = unicodedata.normalize("NFKD", ch)
            mapped = "".join(c for c in decomposed if not unicodedata.combining(c)) or ch
        for c in mapped:
            out.append(c)
            origin.append(i)
    return "".join(out), origin


def _sub(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str,
         origin: list[int]) -> tuple[str, list[int]]:
    """``pattern.sub`` that keeps the origin map (replacement chars map to the match start)."""
    if pattern.search(text) is None:
        return text, origin
    pieces: list[str] = []
    new_origin: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        pieces.append(text[last:start])
        new_origin.extend(origin[last:start])
        replacement = repl(match)
        pieces.append(replacement)
        anchor = origin[start] if start < len(origin) else (origin[-1] if origin else 0)
        # keep per-char origins when the replacement keeps the matched prefix
        for k in range(len(replacement)):
            src = start + k
            new_origin.append(origin[src] if src < end and text[src] == replacement[k] else anchor)
        last = end
    pieces.append(text[last:])
    new_origin.extend(origin[last:])
    return "".join(pieces), new_origin


def _thousands(match: re.Match[str]) -> str:
    raw = match.group(1).replace(".", "").replace(",", ".")
    try:
        value = float(raw) * 1000
    except ValueError:  # pragma: no cover - the regex only matches numbers
        return match.group(0)
    return str(int(value)) if value == int(value) else f"{value:.2f}".replace(".", ",")


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for the grammar (see the module docstring)."""
    text = clean_input(text)
    out, origin = _chars(text)
    # each rewrite runs only when the text has what its pattern needs (most questions have
    # none of them: plain substring tests are ten times cheaper than the searches)
    if "'" in out:
        out, origin = _sub(_POSSESSIVE_RE, lambda m: " 's", out, origin)
        out, origin = _sub(_ACCENT_APOSTROPHE_RE, lambda m: "", out, origin)
        out, origin = _sub(_ELISION_RE, lambda m: "' ", out, origin)
    low = out.lower()
    if _UNIT_HINT_RE.search(low):
        out, origin = _sub(_NUMBER_WORD_RE,
                           lambda m: f"{_NUMBER_WORDS[m.group(1).lower()]}{m.group(2)}",
                           out, origin)
    if "mila" in low or "k" in low:
        out, origin = _sub(_THOUSANDS_RE, _thousands, out, origin)
    if "mille" in low:
        out, origin = _sub(_MILLE_RE, lambda m: "1000", out, origin)
    return Normalized(original=text, text=out, origin=tuple(origin))


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lowercase, accent-free, single-spaced form used to compare names and phrases."""
    norm = normalize(text).lower
    return re.sub(r"[\s\"]+", " ", norm).strip()
