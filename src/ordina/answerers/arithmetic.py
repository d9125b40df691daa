"""A share the decisive comma states, applied to the figure the question gives.

"fondamentale lordo 25.000 €: qual è il tetto annuo?" against art. 88 c. 3 ("un compenso lordo
superiore a un quinto del trattamento economico fondamentale") is 5.000 €; "risparmi di 40.000
euro: quanto va all'incentivazione?" against art. 35 ("il 30% è destinato … alla incentivazione")
is 12.000 €. The words of a share (un quinto, la metà, 30%…) are data, in
``grammar/domande.yaml`` (``frazioni``); when a comma states several, the one whose words are
nearest the question's is used, and the answer shows the computation with its comma.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction
from functools import lru_cache

from ordina.formato import euro, numero
from ordina.limits import amount_ok
from ordina.query.wording import _load, fold_text

_AMOUNT = r"\d{1,3}(?:[.]\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
#: A number that is a year, a day or an article number says nothing about an amount.
_NOT_FIGURE = re.compile(r"(?:art\.?|articolo|article|comma|c\.|all\.|allegato|annex|\bdel|\bil"
                         r"|\bal|\bdal|\bentro il)\s*$")


@dataclass(frozen=True)
class Share:
    """What part of something the comma gives ("un quinto del trattamento ...")."""

    fraction: Fraction
    words: str
    """The words of the share and of what it is a share of, as the comma says them."""
    label: str = ""
    """The share alone as the comma says it ("un quinto", "il 30%")."""
    at_most: bool = False
    """True for an upper bound ("fino alla metà", "non superiore al 50%")."""
    of_the_last: bool = False
    """A share of the share before it ("…alla metà dei risparmi …, *di cui la metà* …")."""


@dataclass(frozen=True)
class Computed:
    """The share applied to the question's figure."""

    share: Share
    base: Decimal
    result: Decimal
    money: bool
    then: tuple[Share, Decimal] | None = None
    """The share the comma takes of this result ("di cui la metà") and what it comes to."""

    def sentence(self, cite: str, english: bool = False) -> str:
        """"Un quinto di € 25.000,00 = **€ 5.000,00** (art. 88 c. 3: «…»)"."""
        fmt = euro if self.money else _counted(self.share)
        label = re.sub(r"^(?:alla|della|dalla)\s+", "la ", self.share.label)
        if self.share.at_most:
            label = ("at most " if english else "al più ") + label
        label = label[:1].upper() + label[1:]
        then = ""
        if self.then is not None:
            part, amount = self.then
            then = (f"; of which {part.label}, **{fmt(amount)}** («{part.words}»)" if english
                    else f"; di cui {part.label}, **{fmt(amount)}** («{part.words}»)")
        if english:
            return (f"{label} of {fmt(self.base)} = **{fmt(self.result)}** ({cite}: "
                    f"«{self.share.words}»){then}.")
        return (f"{label} di {fmt(self.base)} = **{fmt(self.result)}** ({cite}: "
                f"«{self.share.words}»){then}.")


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, Fraction], re.Pattern[str]]:
    data = (_load("domande.yaml") or {}).get("frazioni") or {}
    named = {fold_text(w): Fraction(str(v)) for w, v in data.items()}
    names = "|".join(sorted((re.escape(n) for n in named), key=len, reverse=True))
    pattern = re.compile(
        rf"(?:(?P<name>{names})|(?P<pct>\d+(?:[.,]\d+)?)\s*(?:%|per cento|percento))"
        r"(?P<rest>(?:\s+(?:del|della|dello|dei|degli|delle|dell'|di|e)\b(?:\s*[^\s.;:,]+){0,9})?)")
    return named, pattern


def _folded(text: str) -> str:
    """Lower case without accents, one character for each of ``text`` (so spans match)."""
    out = []
    for char in text.lower().replace("\u2019", "'"):
        base = unicodedata.normalize("NFD", char)[:1]
        out.append(base if len(base) == 1 else char)
    return "".join(out)


def shares(text: str) -> list[Share]:
    """The shares a comma states, in order, with the comma's own words."""
    named, pattern = _words()
    out = []
    for m in pattern.finditer(_folded(text)):
        if m.group("name"):
            value, label = named[m.group("name")], text[m.start("name"):m.end("name")]
        else:
            value = Fraction(m.group("pct").replace(",", ".")) / 100
            label = f"il {m.group('pct')}%"
        if 0 < value < 1:
            before = _folded(text[max(0, m.start() - 24):m.start()])
            at_most = bool(re.search(r"(?:fino|non superiore|massim\w*|entro|al piu|up to)"
                                     r"(?: a| al| alla| ad| del| della| di)?\s*$", before))
            of_last = bool(out) and bool(re.search(r"(?:di cui|dei quali|delle quali|of which)"
                                                   r"\s*$", before))
            end = m.end()
            if of_last:  # "di cui la metà verrà ripartita tramite le fasce di merito"
                stop = re.search(r"[.;:]", text[end:end + 80])
                end += stop.start() if stop else 0
            out.append(Share(value, " ".join(text[m.start():end].split()), label, at_most,
                             of_last))
    return out


def _figure(question: str) -> tuple[Decimal, bool] | None:
    """The one figure the question gives, and whether it is money; None if not exactly one."""
    folded = fold_text(question)
    found = []
    for m in re.finditer(rf"(?<![\w.,/])({_AMOUNT})(?![\w.,/]*\d)", folded):
        before, after = folded[:m.start()], folded[m.end():m.end() + 12]
        if _NOT_FIGURE.search(before) or re.match(r"\s*(?:%|per cento|anni|anno|mesi|giorni)",
                                                  after):
            continue
        value = _decimal(m.group(1))
        money = bool(re.search(r"(?:€|euro|eur)\s*$", before[-8:]) or
                     re.match(r"\s*(?:€|euro|eur)", after))
        if value is None or (re.fullmatch(r"(?:19|20)\d\d", m.group(1)) and not money):
            continue  # "nel 2026" is a year; "2.000 euro", "2000 €" are money
        money = money or value >= 1000
        found.append((value, money))
    return found[0] if len(found) == 1 else None


def _decimal(text: str) -> Decimal | None:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        return Decimal(text)
    except ArithmeticError:
        return None


def compute(question: str, comma: str, asked: set[str]) -> Computed | None:
    """The share of the comma applied to the question's figure; ``asked`` are the question's
    stems, to choose among several shares. None when either is missing or ambiguous."""
    from ordina.corpus.retrieve import word_stems

    found = shares(comma)
    figure = _figure(question)
    if figure is not None and not amount_ok(figure[0]):
        figure = None  # "123456789012345678901234567890": no amount of a Comune (limits.py)
    if not found or figure is None:
        return None
    # a share of the share before it ("di cui la metà") is never taken of the question's figure
    scored = sorted(((len(asked & set(word_stems(s.words))), -i, s) for i, s in enumerate(found)
                     if not s.of_the_last), reverse=True)
    if not scored:
        return None
    if len(scored) > 1 and scored[0][0] == scored[1][0] and scored[0][2].fraction != \
            scored[1][2].fraction:
        return None  # two shares as near the question: say nothing rather than guess
    share = scored[0][2]
    base, money = figure
    result = _apply(share, base, money)
    after = found[found.index(share) + 1:found.index(share) + 2]
    then = (after[0], _apply(after[0], result, money)) if after and after[0].of_the_last \
        else None
    return Computed(share, base, result, money, then)


def _counted(share: Share) -> Callable[[Decimal], str]:
    """How a count is said: "2 posti" of «il 50% dei posti messi a concorso»."""
    noun = re.search(r"\b(?:dei|degli|delle)\s+([^\W\d_]+)", share.words)

    def say(value: Decimal) -> str:
        text = numero(value, 0 if value == int(value) else 2)
        return f"{text} {noun[1]}" if noun else text
    return say


def _apply(share: Share, base: Decimal, money: bool) -> Decimal:
    result = base * Decimal(share.fraction.numerator) / Decimal(share.fraction.denominator)
    if money:
        return result.quantize(Decimal("0.01"))
    return result.quantize(Decimal(1), rounding=ROUND_FLOOR)  # a count: whole units
