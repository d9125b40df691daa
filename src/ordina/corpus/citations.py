"""Read a reference however a person spells it and find the unit.

"88.3", "art 88 comma 3", "articolo 87 c.1 lett. d)", "art. 87, comma 1, lettera d)",
"allegato D", 'all. "D"', "all. D tab. 2", "titolo III", "tit. 9", "art_88__para_3".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ordina.corpus.model import Corpus, Unit
from ordina.errors import UnknownReference

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def within(citation: str, other: str) -> bool:
    """``art. 87 c. 1 lett. d`` is within ``art. 87 c. 1``: the same unit or one inside it."""
    return citation == other or citation.startswith(other + " ")


def overlap(one: str, other: str) -> bool:
    """One of the two citations is, or is inside, the other."""
    return within(one, other) or within(other, one)


def roman_to_int(text: str) -> int:
    """``"IX"`` -> 9."""
    total, prev = 0, 0
    for ch in reversed(text.lower()):
        value = _ROMAN[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


def int_to_roman(n: int) -> str:
    """``9`` -> ``"IX"``."""
    out = ""
    for value, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


@dataclass(frozen=True)
class Reference:
    """A parsed reference; fields left None are not part of it."""

    article: int | None = None
    comma: int | None = None
    letter: str | None = None
    item: int | None = None
    allegato: str | None = None
    table: int | None = None
    title: str | None = None
    article_latin: str | None = None
    """"bis", "ter"…: an article inserted by an amendment (``art. 88-bis``)."""
    comma_latin: str | None = None
    letter_latin: str | None = None

    def eid(self) -> str | None:
        """The Akoma Ntoso-style id this reference names."""
        if self.title:
            return f"title_{self.title}"
        if self.allegato:
            base = f"all_{self.allegato}"
            return f"{base}__table_{self.table}" if self.table else base
        if self.article is None:
            return None
        eid = f"art_{self.article}{self.article_latin or ''}"
        if self.comma is not None:
            eid += f"__para_{self.comma}{self.comma_latin or ''}"
        if self.letter:
            eid += f"__point_{self.letter}{self.letter_latin or ''}"
        if self.item is not None:
            eid += f"__item_{self.item}"
        return eid


_QUOTES = str.maketrans({c: " " for c in "\"“”«»'’‘()[]"})
LATIN = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")
_LAT = rf"(?:\s*-?\s*({'|'.join(LATIN)}))?"
_DOTTED = re.compile(r"^(\d{1,3})(?:\.(\d{1,2}))?(?:\.([a-z]))?$")
_ARTICLE = re.compile(rf"\b(?:articolo|artt?|articoli)\s*\.?\s*(\d{{1,3}}){_LAT}\b")
_COMMA = re.compile(rf"\b(?:comma|commi|co|c)\s*\.?\s*(\d{{1,2}}){_LAT}\b")
_LETTER = re.compile(rf"\b(?:lettera|lett|let|lt|l)\s*\.?\s*([a-z]){_LAT}\b")
_ITEM = re.compile(r"\b(?:trattino|tratt|punto|p)\s*\.?\s*(\d{1,2})\b")
_ALLEGATO = re.compile(r"\b(?:allegato|allegati|all)\s*\.?\s*([a-z])\b")
_TABLE = re.compile(r"\b(?:tabella|tab)\s*\.?\s*(\d{1,2})\b")
_TITLE = re.compile(r"\b(?:titolo|tit)\s*\.?\s*([ivxl]+|\d{1,2})\b")


def parse_reference(text: str) -> Reference | None:
    """Parse a user's spelling of a reference, or None when it names nothing."""
    norm = " ".join(text.lower().translate(_QUOTES).replace(",", " ").split())
    if not norm:
        return None
    if m := _DOTTED.match(norm):
        return Reference(article=int(m.group(1)),
                         comma=int(m.group(2)) if m.group(2) else None, letter=m.group(3))
    if m := _ALLEGATO.search(norm):
        table = _TABLE.search(norm)
        return Reference(allegato=m.group(1).upper(), table=int(table.group(1)) if table else None)
    if m := _TITLE.search(norm):
        raw = m.group(1)
        return Reference(title=int_to_roman(int(raw)) if raw.isdigit() else raw.upper())
    art = _ARTICLE.search(norm)
    if art is None:
        return None
    rest = norm[art.end():]
    comma = _COMMA.search(rest)
    letter = _LETTER.search(rest)
    item = _ITEM.search(rest)
    return Reference(
        article=int(art.group(1)),
        comma=int(comma.group(1)) if comma else None,
        letter=letter.group(1) if letter else None,
        item=int(item.group(1)) if item else None,
        article_latin=art.group(2),
        comma_latin=comma.group(2) if comma else None,
        letter_latin=letter.group(2) if letter else None,
    )


def citation_for_eid(eid: str) -> str:
    """The canonical citation an id would have (``art_95__para_2`` -> ``art. 95 c. 2``),
    whether or not the unit exists."""
    out = []
    for part in eid.split("__"):
        kind, _, num = part.partition("_")
        label = {"art": "art.", "para": "c.", "point": "lett.", "item": "trattino",
                 "all": "all.", "table": "tab.", "title": "titolo"}.get(kind, kind)
        out.append(f"{label} {num}")
    return " ".join(out)


def suggestions(corpus: Corpus, ref: str, parsed: Reference | None, limit: int = 5) -> list[str]:
    """The nearest existing citations, for the "unknown reference" message."""
    if parsed is not None:
        eid = parsed.eid() or ""
        # Walk up the id until something exists, then offer its children or itself.
        parts = eid.split("__")
        while parts:
            unit = corpus.get("__".join(parts))
            if unit is not None:
                kids = [corpus.units[c].citation for c in unit.children[:limit]]
                return kids or [unit.citation]
            parts.pop()
        if parsed.allegato is not None:
            return [u.citation for u in corpus.of_kind("allegato")]
        if parsed.article is not None:
            arts = corpus.articles
            nearest = sorted(arts, key=lambda a: abs(int(a.num) - parsed.article))[:3]
            return [a.citation for a in nearest]
    from rapidfuzz import process

    top_level = [u.citation for u in corpus.units.values()
                 if u.kind in ("articolo", "allegato", "titolo")]
    return [c for c, _, _ in process.extract(ref, top_level, limit=3)]


def resolve(corpus: Corpus, ref: str) -> Unit:
    """The unit ``ref`` names.

    :raises UnknownReference: with the nearest matches when nothing fits.
    """
    text = ref.strip()
    if unit := corpus.get(text) or corpus.by_citation(text):
        return unit
    parsed = parse_reference(text)
    if parsed is not None and (eid := parsed.eid()) and (unit := corpus.get(eid)):
        return unit
    raise UnknownReference(text, suggestions(corpus, text, parsed))
