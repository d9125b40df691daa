"""Which prescriptive commi of the regulation a check implements and a scenario exercises.

A comma is *prescriptive* when its text (with its letters and dashes) contains a
deontic marker: an obligation, prohibition, permission, competence or deadline
(:data:`MARKERS`). A check covers a comma when it cites the comma, one of its letters,
or the whole article; a scenario covers it when a passing scenario's outcome cites it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ordina.corpus import Corpus, Unit
from ordina.corpus.citations import within
from ordina.engine.registry import Registry

#: Words that make a comma prescriptive (lowercase, accents kept as in the text).
MARKERS = (
    "deve", "devono", "dovrà", "dovranno", "è tenut", "sono tenut", "obblig", "divieto",
    "vietat", "non può", "non possono", "non potranno", "può ", "possono", "potrà", "è consentit",
    "non è consentit", "è ammess", "compete", "competente", "spetta", "spettano", "provvede",
    "autorizza", "autorizzat", "è conferit", "sono conferit", "conferisce", "nomina", "è nominat",
    "entro", "non oltre", "non superiore", "non inferiore", "almeno", "massimo", "decorsi",
    "è assegnat", "sono assegnat", "assume", "adotta", "approva", "è sottopost",
    "si intende", "si intendono", "sostituisce", "presiede", "convoca",
)
_MARKER_RE = re.compile("|".join(re.escape(m) for m in MARKERS))


def is_prescriptive(corpus: Corpus, unit: Unit) -> bool:
    """Whether the comma lays down a rule (see :data:`MARKERS`)."""
    return bool(_MARKER_RE.search(corpus.full_text(unit).lower()))


def _covers(cite: str, comma: str, article: str) -> bool:
    return within(cite, comma) or cite == article


@dataclass
class CommaCoverage:
    """One prescriptive comma and what implements it."""

    citation: str
    text: str
    checks: list[str] = field(default_factory=list)
    scenarios: int = 0


@dataclass
class CoverageReport:
    """Coverage of every prescriptive comma."""

    commi: list[CommaCoverage]

    @property
    def covered(self) -> int:
        """Commi implemented by at least one check or lookup."""
        return sum(1 for c in self.commi if c.checks)

    @property
    def tested(self) -> int:
        """Commi cited by at least one passing scenario."""
        return sum(1 for c in self.commi if c.scenarios)

    def to_json(self) -> dict[str, Any]:
        """The report as JSON (``ordina coverage --json``)."""
        return {"prescriptive": len(self.commi), "covered": self.covered, "tested": self.tested,
                "commi": [{"citation": c.citation, "checks": c.checks, "scenarios": c.scenarios,
                           "text": c.text} for c in self.commi]}

    def to_text(self, only_missing: bool = False) -> str:
        """One line per comma, then the totals."""
        lines = []
        for c in self.commi:
            if only_missing and c.checks:
                continue
            mark = "✔" if c.checks else "·"
            what = ", ".join(c.checks) if c.checks else "nessuna verifica"
            scen = f"; {c.scenarios} scenari" if c.scenarios else ""
            lines.append(f"{mark} {c.citation:<28} {what}{scen}")
        n = len(self.commi)
        lines.append(f"Commi prescrittivi: {n}; coperti da verifiche o ricerche: {self.covered} "
                     f"({self.covered * 100 // max(n, 1)}%); con scenari: {self.tested} "
                     f"({self.tested * 100 // max(n, 1)}%).")
        return "\n".join(lines)


def scenario_citations(registry: Registry) -> list[list[str]]:
    """Citations of the outcome of every passing scenario next to the built-in checks."""
    from ordina.engine.scenarios import failures, load_scenarios, run_scenario, scenario_files
    from ordina.plugins import builtin_checks_dir

    out = []
    for path in scenario_files(builtin_checks_dir()):
        for scenario in load_scenarios(path):
            outcome = run_scenario(scenario, registry)
            if not failures(scenario, outcome):
                out.append(list(outcome.citations))
    return out


def coverage_report(registry: Registry, corpus: Corpus | None = None,
                    with_scenarios: bool = True) -> CoverageReport:
    """Every prescriptive comma with the checks and scenarios that implement it."""
    if corpus is None:
        from ordina.corpus import load_corpus

        corpus = load_corpus()
    declared: list[tuple[str, list[str]]] = [(c.id, list(c.all_citations()))
                                            for c in registry.checks]
    declared += [(lk.id, list(lk.citations)) for lk in registry.lookups]
    tested = scenario_citations(registry) if with_scenarios else []
    commi = []
    for unit in corpus.of_kind("comma"):
        if not is_prescriptive(corpus, unit):
            continue
        article = corpus.get(unit.article_eid or "")
        art_cite = article.citation if article else ""
        row = CommaCoverage(unit.citation, unit.text[:120])
        row.checks = [cid for cid, cites in declared
                      if any(_covers(c, unit.citation, art_cite) for c in cites)]
        row.scenarios = sum(1 for cites in tested
                            if any(_covers(c, unit.citation, art_cite) for c in cites))
        commi.append(row)
    return CoverageReport(commi)
