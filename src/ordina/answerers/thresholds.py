"""A yes/no question with a figure, against the bound the decisive comma states.

"ho preso 60 punti: mi spetta il risultato?" against art. 22 c. 2 ("solamente nel caso in cui
la valutazione dia un punteggio superiore a 60 punti") is a no; "3 anni di esperienza" against
"un'esperienza di almeno cinque anni" is a no; "siamo a ottobre" against "entro il 30 settembre
gli obiettivi … possono essere rinegoziati" is a no. The words of each bound (``superiore a``,
``almeno``, ``entro il``…) are data, in ``grammar/domande.yaml`` (``soglie``); a figure is
compared only with a bound of the same unit, and only a figure the question states as a fact
("ho preso 60 punti"), not one it asks about ("oltre i 6 mesi").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ordina.query.normalize import _NUMBER_WORDS
from ordina.query.wording import _load, fold_text

#: Month names, Italian and English, to their number.
MONTHS = {name: i for i, names in enumerate((
    ("gennaio", "january"), ("febbraio", "february"), ("marzo", "march"), ("aprile", "april"),
    ("maggio", "may"), ("giugno", "june"), ("luglio", "july"), ("agosto", "august"),
    ("settembre", "september"), ("ottobre", "october"), ("novembre", "november"),
    ("dicembre", "december")), 1) for name in names}
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?|" + "|".join(
    sorted((w for w in _NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))


@dataclass(frozen=True)
class Figure:
    """A number with its unit ("60 punti"), or a day of the year for ``unit == "data"``."""

    value: float
    unit: str


@dataclass(frozen=True)
class Bound:
    """What a comma requires of a figure: ``op`` one of ``gt``, ``ge``, ``lt``, ``le``."""

    op: str
    figure: Figure
    text: str

    def holds(self, figure: Figure) -> bool:
        limit = self.figure.value
        return {"gt": figure.value > limit, "ge": figure.value >= limit,
                "lt": figure.value < limit, "le": figure.value <= limit}[self.op]


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, str], tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str]]:
    data = (_load("domande.yaml") or {}).get("soglie") or {}
    units = {fold_text(word): unit for unit, words in (data.get("unita") or {}).items()
             for word in words}
    unit_re = "|".join(sorted((re.escape(u) for u in units), key=len, reverse=True))
    ops = []
    for op, phrases in (data.get("operatori") or {}).items():
        for phrase in phrases:
            ops.append((len(phrase), op, phrase))
    # the longest phrase first: "non superiore a" before "superiore a"
    patterns = tuple(
        (op, re.compile(
            rf"\b(?:{phrase})\s+(?:(?:a|ad|al|allo|alla|il|lo|la|i|di|del|pari a)\s+)?"
            rf"(?:(?P<pre>{unit_re})\s+)?(?P<num>{_NUMBER})\s*(?P<unit>{unit_re})?(?!\w)"))
        for _n, op, phrase in sorted(ops, key=lambda t: -t[0]))
    hypothetical = re.compile(r"\b(?:" + "|".join(data.get("ipotetici") or ["oltre"]) + r")\s+"
                              r"(?:(?:a|ad|al|il|i|le|la|di|del|dei)\s+)?$")
    return units, patterns, hypothetical


def _number(text: str) -> float | None:
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "")
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


#: "inferiore all'anno" is a bound of one year: the article stands for the number.
_ONE = re.compile(r"\b(?:all'|al |a un |ad un |a una |un |l')(anno|mese|giorno)\b")
#: Durations compare across units: years and months as months.
_AS_MONTHS = {"anni": 12.0, "mesi": 1.0}


def _comparable(figure: Figure) -> Figure:
    """A duration in months ("1 anno" is 12 mesi); any other figure as it is."""
    factor = _AS_MONTHS.get(figure.unit)
    return Figure(figure.value * factor, "mesi") if factor else figure


def bounds(sentence: str) -> list[Bound]:
    """The bounds a comma's sentence states, with their units ("superiore a 60 punti")."""
    units, patterns, _h = _data()
    folded = _ONE.sub(r"a 1 \1", fold_text(sentence))
    out: list[Bound] = []
    taken: list[tuple[int, int]] = []
    for op, pattern in patterns:
        for m in pattern.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            unit = units.get(m.group("unit") or m.group("pre") or "")
            value = _number(m.group("num"))
            if unit is None or value is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(Bound(op, Figure(value, unit), m.group(0)))
    for m in re.finditer(rf"\bentro il (\d{{1,2}}) ({_MONTH})\b", folded):
        out.append(Bound("le", Figure(_day(int(m.group(1)), MONTHS[m.group(2)]), "data"),
                         m.group(0)))
    return out


def _day(day: int, month: int) -> float:
    return month * 100 + day


def figures(question: str) -> list[Figure]:
    """The figures a question states as facts: "ho preso 60 punti", "siamo a ottobre"."""
    units, _p, hypothetical = _data()
    folded = fold_text(question)
    unit_re = "|".join(sorted((re.escape(u) for u in units), key=len, reverse=True))
    out: list[Figure] = []
    pattern = re.compile(rf"(?<![\w.,])(?:(?P<pre>{unit_re})\s*)?(?P<num>{_NUMBER})\s*"
                         rf"(?P<unit>{unit_re})?(?!\w)")
    for m in pattern.finditer(folded):
        if hypothetical.search(folded[:m.start()]):
            continue  # "oltre i 6 mesi": what the question asks about, not a fact
        unit = units.get(m.group("unit") or m.group("pre") or "")
        value = _number(m.group("num"))
        if unit is not None and value is not None:
            out.append(Figure(value, unit))
    for m in re.finditer(rf"\b(?:siamo a|siamo in|a|in|di|nel mese di|it is|in) ({_MONTH})\b",
                         folded):
        if re.search(r"\d\s*$", folded[:m.start(1)]):
            continue  # "il 3 ottobre": a date, read with its day below
        out.append(Figure(_day(1, MONTHS[m.group(1)]), "data"))
    for m in re.finditer(rf"\b(\d{{1,2}}) ({_MONTH})\b", folded):
        out.append(Figure(_day(int(m.group(1)), MONTHS[m.group(2)]), "data"))
    return out


def describe(figure: Figure) -> str:
    """A figure as the question said it: "60 punti", "ottobre"."""
    if figure.unit == "data":
        month = int(figure.value // 100)
        day = int(figure.value % 100)
        name = next(n for n, i in MONTHS.items() if i == month)
        return f"{day} {name}" if day > 1 else name
    value = f"{figure.value:g}"
    return {"percento": f"{value}%", "euro": f"{value} euro"}.get(figure.unit,
                                                                 f"{value} {figure.unit}")


def threshold_verdict(question: str, sentence: str) -> tuple[str, Bound, Figure] | None:
    """``vietato`` when a stated figure breaks a bound of the sentence, ``consentito`` when
    every comparable figure meets them; ``None`` when nothing can be compared."""
    return figures_verdict(figures(question), sentence)


def figures_verdict(stated: Sequence[Figure], sentence: str
                    ) -> tuple[str, Bound, Figure] | None:
    """:func:`threshold_verdict` of figures known otherwise (the Comune's population)."""
    found = [(b, f) for b in bounds(sentence) for f in stated
             if _comparable(f).unit == _comparable(b.figure).unit]
    if not found:
        return None
    broken = [(b, f) for b, f in found
              if not replace(b, figure=_comparable(b.figure)).holds(_comparable(f))]
    if broken:
        return ("vietato", *broken[0])
    return ("consentito", *found[0])
