"""The conditional answer: what the verdict is for each value of the one fact still open.

"Dipende da un solo fatto (percentuale del rapporto di lavoro): a tempo pieno o con
part-time oltre il 50%: **vietato** (art. 87 c. 1 lett. i); con part-time fino al 50%:
**consentito con sola comunicazione** (art. 87 c. 3)." The phrases of each condition come
from ``fact_forms.yaml`` (``se_vero``, ``fino_a``...), with a generic fallback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ordina import facts as vocab
from ordina.engine.logic import fmt
from ordina.engine.relevance import OTHER, STRICTNESS, UNDECIDED, Branch
from ordina.engine.wording import say, verdict_label
from ordina.fact_forms import forms


def fact_label(name: str, lang: str = "it") -> str:
    """How a fact is named in a sentence: its label in ``fact_forms.yaml`` or its description."""
    found = forms(name)
    if lang == "en" and found.label_en:
        return found.label_en
    if found.label and lang != "en":
        return found.label
    fact = vocab.FACTS.get(name)
    if fact is not None and lang != "en":
        return re.split(r"[:;(]", fact.description)[0].strip()
    return name.replace("_", " ")


def value_label(name: str, value: Any, lang: str = "it") -> str:
    """A value as people read it (the Italian label of a choice)."""
    if value is OTHER:
        return say("other", lang)
    fact = vocab.FACTS.get(name)
    if fact is not None and value in fact.labels:
        return fact.labels[value].split(" (")[0]
    return fmt(value)


def _numeric(values: Sequence[Any]) -> bool:
    return bool(values) and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                for v in values)


def _roundness(value: float) -> int:
    """How round a number is: the rules' thresholds are (50, 5, 12 rather than 51, 4, 13)."""
    if value != int(value):
        return 0
    return next((score for score, step in ((3, 10), (2, 5)) if int(value) % step == 0), 1)


def _cut(lower: Sequence[Any], upper: Sequence[Any]) -> tuple[float, bool]:
    """Where the verdict changes between two ranges of tried values, and on which side.

    The values tried are the rules' constants and their neighbours (49, 50, 51): the cut
    is at the rounder of the two values around it. ``True``: the threshold belongs to the
    lower range ("fino al 50%"); ``False``: to the upper one ("almeno 5 anni").
    """
    a, b = max(lower), min(upper)
    return (a, True) if _roundness(a) >= _roundness(b) else (b, False)


def condition(name: str, branch: Branch, previous: Branch | None, last: bool,
              lang: str = "it", following: Branch | None = None) -> str:
    """The words of the condition of ``branch`` ("con part-time fino al 50%")."""
    found = forms(name)
    label = fact_label(name, lang)
    values = branch.values
    if values and all(isinstance(v, bool) for v in values) and len(values) == 1:
        key = "vero" if values[0] else "falso"
        return found.condition(key, lang) or say("if_yes" if values[0] else "if_no", lang,
                                                 label=label)
    if _numeric(values):
        low = _cut(previous.values, values) if previous is not None else None
        high = _cut(values, following.values) if following is not None and not last else None
        if low is None and high is not None:
            n, inclusive = high
            if inclusive:
                return found.condition("fino_a", lang, n) or say("up_to", lang, label=label,
                                                                 n=fmt(n))
            return say("below", lang, label=label, n=fmt(n))
        if high is None and low is not None:
            n, inclusive = low
            if inclusive:
                return found.condition("oltre", lang, n) or say("above", lang, label=label,
                                                                n=fmt(n))
            return say("at_least", lang, label=label, n=fmt(n))
        if low is not None and high is not None:
            return say("between", lang, label=label, a=fmt(low[0]), b=fmt(high[0]))
        return say("if_value", lang, label=label, value=fmt(values[0]))
    names = [value_label(name, v, lang) for v in values]
    shown = ", ".join(names[:3]) + ("…" if len(names) > 3 else "")
    return say("if_value", lang, label=label, value=shown)


def _grouped(name: str, branches: Sequence[Branch]) -> list[Branch]:
    """Choices with the same outcome together (numbers stay as ranges, in order)."""
    if all(_numeric(b.values) for b in branches):
        return list(branches)
    out: dict[tuple[str | None, str | None], list[Any]] = {}
    for branch in branches:
        out.setdefault((branch.verdict, branch.cite), []).extend(branch.values)
    return [Branch(tuple(values), verdict, cite) for (verdict, cite), values in out.items()]


def _branch_text(name: str, groups: Sequence[Branch], lang: str,
                 subs: Mapping[int, tuple[str, Sequence[Branch]]] | None = None,
                 sep: str = ": ") -> list[str]:
    """``condition: **verdict** (comma)`` for each group, the strictest first."""
    numeric = all(_numeric(b.values) for b in groups)
    parts: list[tuple[int, str]] = []
    for i, branch in enumerate(groups):
        previous = groups[i - 1] if numeric and i > 0 else None
        following = groups[i + 1] if numeric and i + 1 < len(groups) else None
        words = condition(name, branch, previous, i == len(groups) - 1, lang, following)
        if subs and i in subs:
            sub_name, sub_branches = subs[i]
            inner = _branch_text(sub_name, _grouped(sub_name, sub_branches), lang, sep=", ")
            parts.append((0, f"{words}: " + "; ".join(inner)))
            continue
        if branch.verdict in (UNDECIDED, None):
            parts.append((-1, f"{words}{sep}{say('still_open', lang)}"))
            continue
        cite = f" ({branch.cite})" if branch.cite else ""
        parts.append((STRICTNESS.get(branch.verdict, 0),
                      f"{words}{sep}**{verdict_label(branch.verdict, lang)}**{cite}"))
    parts.sort(key=lambda p: -p[0])
    return [text for _r, text in parts]


def conditional_text(name: str, branches: Sequence[Branch], lang: str = "it",
                     only: bool = True,
                     subs: Mapping[int, tuple[str, Sequence[Branch]]] | None = None) -> str:
    """Each condition on ``name`` with the verdict and the comma it gives.

    ``subs`` maps a branch still undecided to the next fact and its branches: "a tempo
    pieno: se retribuito, autorizzazione; se gratuito, comunicazione".
    """
    groups = _grouped(name, branches) if not subs else list(branches)
    head = say("depends" if only else "depends_first", lang, label=fact_label(name, lang))
    parts = _branch_text(name, groups, lang, subs)
    if subs:
        return f"{head}:\n" + "\n".join(f"- {p}" for p in parts)
    return f"{head}: " + "; ".join(parts) + "."


def decided(branches: Sequence[Branch]) -> bool:
    """True when every branch gives a verdict."""
    return all(b.verdict not in (UNDECIDED, None) for b in branches)
