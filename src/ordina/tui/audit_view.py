"""The audit table's logic: which findings a filter keeps, in which order, and a finding's page.

Kept out of the screen so it can be tested without a terminal; the findings themselves
come from ``ordina.engine.audit.run_audit`` (the same as ``ordina check --all``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ordina.answer import VERDICT_LABELS
from ordina.engine.check import SEVERITIES, SEVERITY_LABELS
from ordina.facts import normalise_word
from ordina.tui.links import escape, unit_href

#: Table columns: key and heading.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("severity", "Gravità"), ("subject", "Soggetto"), ("title", "Verifica"),
    ("verdict", "Esito"), ("citations", "Fonti"),
)
#: Column widths in cells at 120 columns (see :func:`column_widths` for other widths).
WIDTHS = {"severity": 13, "subject": 34, "title": 30, "verdict": 12, "citations": 24}
SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}
_FIXED = {"severity": WIDTHS["severity"], "verdict": WIDTHS["verdict"]}
#: Fonti gets 3/11 of what the fixed columns leave, never less than one citation
#: ("art. 64 c. 4"); Soggetto and Verifica share the rest.
_CITATIONS_SHARE, _CITATIONS_MIN = 3 / 11, 12
_MIN_SHARE = 8
#: Cells per column outside its width: the DataTable pads each side by one.
_PADDING = 2


def column_widths(total: int, scrollbar: int = 2) -> dict[str, int]:
    """Widths that fit every column in ``total`` cells (Esito and Fonti at 80 columns too)."""
    free = total - scrollbar - _PADDING * len(COLUMNS) - sum(_FIXED.values())
    citations = max(_CITATIONS_MIN, int(free * _CITATIONS_SHARE))
    rest = max(2 * _MIN_SHARE, free - citations)
    widths = {"subject": rest // 2, "title": rest - rest // 2, "citations": citations}
    return {key: _FIXED.get(key) or widths[key] for key, _heading in COLUMNS}


def counter(shown: int, total: int, filtered: bool) -> str:
    """``2 di 14 rilievi`` while a filter is on, ``14 rilievi`` without one."""
    noun = "rilievo" if total == 1 else "rilievi"
    return f"{shown} di {total} {noun}" if filtered else f"{total} {noun}"


def cells(finding: Any) -> tuple[str, ...]:
    """The row of a finding, in :data:`COLUMNS` order."""
    verdict = VERDICT_LABELS.get(finding.verdict or "", finding.verdict or "")
    return (SEVERITY_LABELS.get(finding.severity, finding.severity), finding.subject,
            finding.title, verdict, ", ".join(finding.citations))


def matches(finding: Any, text: str) -> bool:
    """True when every word of ``text`` is in the finding (any case, accents or not)."""
    haystack = normalise_word(" ".join([*cells(finding), finding.check, finding.answer]))
    return all(word in haystack for word in normalise_word(text).split())


def sort_key(column: str):
    """Key function for sorting ``(index, finding)`` pairs by ``column``."""
    if column == "severity":
        return lambda pair: (SEVERITY_ORDER.get(pair[1].severity, 9), pair[0])
    position = [key for key, _ in COLUMNS].index(column)
    return lambda pair: (normalise_word(cells(pair[1])[position]), pair[0])


def rows(findings: Sequence[Any], text: str = "", column: str = "severity",
         reverse: bool = False) -> list[tuple[int, Any]]:
    """``(index, finding)`` kept by the filter, sorted by ``column``."""
    kept = [(i, f) for i, f in enumerate(findings) if matches(f, text)]
    return sorted(kept, key=sort_key(column), reverse=reverse)


def _cite(corpus: Any, citation: str) -> str:
    unit = corpus.by_citation(citation)
    return f"[{escape(citation)}]({unit_href(unit.eid)})" if unit else escape(citation)


def finding_markdown(corpus: Any, finding: Any) -> str:
    """A finding as the Segretario reads it: what, who, the verdict, why, the commi."""
    verdict = VERDICT_LABELS.get(finding.verdict or "", finding.verdict or "—")
    out = [f"# {escape(finding.title)}", "",
           (f"**{escape(SEVERITY_LABELS.get(finding.severity, finding.severity).upper())}** · "
            f"{escape(finding.subject)} · "
           f"esito: **{escape(verdict)}** · verifica `{finding.check}`"), "",
           finding.answer.strip(), ""]
    if finding.citations:
        out += ["**Fonti:** " + " · ".join(_cite(corpus, c) for c in finding.citations), ""]
    if finding.trace:
        out += ["## Perché", ""]
        for number, step in enumerate(finding.trace, 1):
            cite = f" — {_cite(corpus, step.citation)}" if step.citation else ""
            out.append(f"{number}. {escape(step.step)}{cite}")
    return "\n".join(out).rstrip() + "\n"
