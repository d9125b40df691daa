"""The regulation's numbers under another text: what an amendment does to each Norma.

Every :class:`~ordina.norma.Norma` quotes the words of its comma (``un quinto del
trattamento economico``). Under another text (the one in force today, a proposed
amendment) the quote is looked for again; when it is gone, the same words are looked for
with another number in its place (``un quarto del trattamento economico``) and that number
becomes the value in force. A comma rewritten beyond recognition is reported as changed
and unreadable: the decision must then be reviewed by hand, never silently kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ordina import termini
from ordina.corpus.model import Corpus
from ordina.errors import UnknownReference
from ordina.norma import Norma, norme_of

#: Number words as the regulation writes them.
WORDS: dict[str, int] = {
    "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
    "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "quindici": 15,
    "venti": 20, "trenta": 30, "quaranta": 40, "quarantacinque": 45, "sessanta": 60,
    "novanta": 90, "centoventi": 120,
}
#: Shares in words: denominators.
SHARES: dict[str, int] = {"metà": 2, "terzo": 3, "quarto": 4, "quinto": 5, "sesto": 6,
                          "settimo": 7, "ottavo": 8, "nono": 9, "decimo": 10}
_DIGITS = re.compile(r"^\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def read_number(token: str, like: Any) -> Any | None:
    """The value of one token (``30``, ``5.000``, ``trenta``, ``quinto``) typed like ``like``.

    :returns: None when the token is no number.
    """
    word = token.casefold().strip(".,;:")
    if word in SHARES:
        return Decimal(1) / SHARES[word] if isinstance(like, Decimal) else None
    if word in WORDS:
        value: Any = WORDS[word]
    elif _DIGITS.match(word):
        try:
            value = Decimal(word.replace(".", "").replace(",", "."))
        except InvalidOperation:
            return None
    else:
        return None
    if isinstance(like, Decimal):
        return Decimal(value)
    if isinstance(like, int) and Decimal(value) == int(value):
        return int(value)
    return None


def _pattern(quote: str, like: Any) -> re.Pattern[str] | None:
    """The quote with its number replaced by a capture group, or None (no number in it)."""
    tokens = _norm(quote).split(" ")
    for i, token in enumerate(tokens):
        if read_number(token, like) is not None:
            before = r"\s+".join(re.escape(t) for t in tokens[:i])
            after = r"\s+".join(re.escape(t) for t in tokens[i + 1:])
            return re.compile((before + r"\s+" if before else "") + r"(?P<n>[\w.,]+)"
                              + (r"\s+" + after if after else ""))
    return None


@dataclass(frozen=True)
class Changed:
    """A Norma whose words are not in the text examined."""

    name: str
    norma: Norma
    value: Any | None
    """The value read in the new text, None when it cannot be read."""
    text: str

    def describe(self) -> str:
        """``art. 88 c. 3: 1/5 -> 1/4`` in Italian words."""
        old = _show(self.norma.value)
        if self.value is None:
            return (f"{self.norma.cite}: il testo non dice più «{self.norma.quote}» e il nuovo "
                    f"valore non si ricava in automatico (era {old}): verificare a mano")
        return f"{self.norma.cite}: {old} → {_show(self.value)} (era «{self.norma.quote}»)"

    def to_json(self) -> dict[str, Any]:
        """For receipts and ``--json``."""
        return {"norma": self.name, "cite": self.norma.cite, "quote": self.norma.quote,
                "before": str(self.norma.value),
                "after": None if self.value is None else str(self.value),
                "text": self.text}


def _show(value: Any) -> str:
    from ordina.formato import frazione, numero

    if isinstance(value, Decimal) and value < 1:
        return frazione(value)
    if isinstance(value, Decimal):
        return numero(value, 2).removesuffix(",00")
    return str(value)


def known_norme(registry: Any) -> dict[str, Norma]:
    """Every Norma of :mod:`ordina.termini` and of the loaded check modules, by dotted name."""
    out = {f"termini.{n}": v for n, v in norme_of(termini).items()}
    for plugin in registry.pm.get_plugins():
        stem = getattr(plugin, "__name__", "plugin").rsplit(".", 1)[-1]
        out.update({f"{stem}.{n}": v for n, v in norme_of(plugin).items()})
    return out


def changes_under(corpus: Corpus, registry: Any) -> list[Changed]:
    """The Norme whose words ``corpus`` no longer has, with the value it has instead."""
    out: list[Changed] = []
    seen: set[tuple[str, str]] = set()
    for name, norma in sorted(known_norme(registry).items()):
        key = (norma.cite, norma.quote)
        if key in seen:
            continue
        seen.add(key)
        try:
            unit = corpus.resolve(norma.cite)
        except UnknownReference:
            out.append(Changed(name, norma, None, ""))
            continue
        text = _norm(corpus.full_text(unit))
        if _norm(norma.quote) in text:
            continue
        pattern = _pattern(norma.quote, norma.value)
        found = pattern.search(text) if pattern is not None else None
        value = read_number(found.group("n"), norma.value) if found else None
        out.append(Changed(name, norma, value, corpus.full_text(unit)))
    return out


def overrides(changes: list[Changed]) -> dict[tuple[str, str], Any]:
    """The values to run the checks with (:func:`ordina.norma.values_in_force`)."""
    return {(c.norma.cite, c.norma.quote): c.value for c in changes if c.value is not None}
