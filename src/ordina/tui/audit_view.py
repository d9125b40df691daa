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
#: Column widths in cells (the table scrolls sideways for the rest).
WIDTHS = {"severity": 13, "subject": 34, "title": 30, "verdict": 12, "citations": 24}
SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


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
