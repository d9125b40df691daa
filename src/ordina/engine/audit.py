"""The whole-Comune audit behind ``ordina check --all``.

Every plugin hands over its subjects (people, assignments, offices, units, higher
duties, contracts) with their facts loaded in bulk; every check declared for that kind
of subject runs on each. A finding is a ``vietato`` verdict (severity of the check), an
outcome that says it is one (``Outcome.finding``), or a conflict between commi that the
answer had to settle (``info``). Undecided checks are counted per check, not listed:
missing data is not a violation.

Rules-based checks take a fast path (verdict only, no text) and build the explained
outcome only for the subjects that produce a finding.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ordina.answer import TraceStep
from ordina.engine.check import SEVERITIES, Check, Outcome, Rules
from ordina.engine.context import Context, Subject
from ordina.engine.provenance import FactValue

SEVERITY_LABELS = {"grave": "grave", "attenzione": "da verificare", "info": "informazione"}


@dataclass
class Finding:
    """One problem found: who or what, which check, the verdict and why."""

    severity: str
    check: str
    title: str
    subject_kind: str
    subject_key: Any
    subject: str
    verdict: str | None
    answer: str
    citations: list[str]
    trace: list[TraceStep]

    def to_json(self) -> dict[str, Any]:
        """The finding as JSON (``ordina check --all --format json``)."""
        return {"severity": self.severity, "check": self.check, "title": self.title,
                "subject_kind": self.subject_kind, "subject_key": self.subject_key,
                "subject": self.subject, "verdict": self.verdict, "answer": self.answer,
                "citations": self.citations,
                "trace": [{"step": s.step, "citation": s.citation} for s in self.trace]}


@dataclass
class AuditReport:
    """All findings of one audit, with counts of what was examined."""

    as_of: date
    findings: list[Finding] = field(default_factory=list)
    subjects: Counter[str] = field(default_factory=Counter)
    evaluations: int = 0
    undecided: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def by_severity(self) -> Counter[str]:
        """How many findings of each severity."""
        return Counter(f.severity for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        """The report as one JSON object."""
        return {"as_of": self.as_of.isoformat(), "seconds": round(self.seconds, 3),
                "subjects": dict(self.subjects), "evaluations": self.evaluations,
                "severity": dict(self.by_severity()), "undecided": dict(self.undecided),
                "findings": [f.to_json() for f in self.findings]}

    def to_markdown(self, with_trace: bool = True) -> str:
        """The report in Markdown, most serious first, for a Segretario to read."""
        when = self.as_of.strftime("%d/%m/%Y")
        counts = self.by_severity()
        examined = ", ".join(f"{n} {kind}" for kind, n in sorted(self.subjects.items()))
        lines = [f"# Verifica di conformità al {when}", ""]
        if not self.subjects:
            lines += [("Il database non contiene personale: importare i dati o creare il Comune "
                      "dimostrativo con 'ordina demo'."), ""]
        lines += [
                 (f"Esaminati: {examined or 'nessun soggetto'}; {self.evaluations} verifiche "
                 f"eseguite in {self.seconds:.2f} s."),
                 "Rilievi: " + (", ".join(f"{counts[s]} {SEVERITY_LABELS[s]}" for s in SEVERITIES
                                          if counts[s]) or "nessuno") + ".", ""]
        for severity in SEVERITIES:
            group = [f for f in self.findings if f.severity == severity]
            if not group:
                continue
            lines += [f"## {SEVERITY_LABELS[severity].capitalize()} ({len(group)})", ""]
            for f in group:
                lines.append(f"### {f.subject}")
                lines.append(f"*{f.title}* (`{f.check}`) — {', '.join(f.citations)}")
                lines += ["", f.answer, ""]
                if with_trace and f.trace:
                    lines += [f"- {s.step}" + (f" ({s.citation})" if s.citation else "")
                              for s in f.trace]
                    lines.append("")
        if self.undecided:
            lines += ["## Verifiche senza dati sufficienti", "",
                      "Non sono rilievi: mancano fatti nel database per decidere.", ""]
            lines += [f"- `{cid}`: {n}" for cid, n in sorted(self.undecided.items())]
            lines.append("")
        return "\n".join(lines)


def _has_conflict(rules: Rules, fired: Any, values: Any) -> bool:
    if fired is None or not fired.overrides:
        return False
    return any(rules._by_id[o].when.eval(values) is True for o in fired.overrides)


def evaluate_subject(check: Check, subject: Subject) -> tuple[str | None, Outcome | None]:
    """``(severity, outcome)`` of ``check`` on ``subject``; severity None when nothing to report.

    Returns ``("-", None)`` when the check could not decide (counted, not reported).
    """
    facts = subject.facts
    rules = check.evaluate if isinstance(check.evaluate, Rules) else None
    if rules is not None:
        if check.applies is not None and check.applies.eval(facts) is False:
            return None, None
        decision = rules.decide(facts)
        if decision.verdict == "dati_mancanti":
            return "-", None
        conflict = _has_conflict(rules, decision.fired, facts)
        if decision.verdict != "vietato" and not conflict:
            return None, None
        outcome = check.run(facts)
        return (check.severity if outcome.verdict == "vietato" else "info"), outcome
    outcome = check.run(facts)
    if not outcome.pertinent:
        return None, None
    if outcome.finding is not None:
        return (check.severity if outcome.finding else None), outcome
    if outcome.verdict == "dati_mancanti":
        return "-", None
    if outcome.verdict == "vietato":
        return check.severity, outcome
    return None, None


def collect_subjects(ctx: Context) -> list[Subject]:
    """Every subject every plugin offers for the audit, in plugin order (only the subjects of
    ``ctx.person`` when it is set)."""
    out: list[Subject] = []
    for batch in reversed(ctx.checks().pm.hook.ordina_audit_subjects(ctx=ctx)):
        out += list(batch or ())
    if ctx.person is not None:
        out = [s for s in out if s.person == ctx.person]
    today = FactValue("date", ctx.as_of, "contesto")
    for subject in out:
        if "date" not in subject.facts:
            subject.facts.add(today)
    return out


def run_audit(ctx: Context, only: Sequence[str] = ()) -> AuditReport:
    """Run every check over every subject of the database as of ``ctx.as_of``.

    :param only: restrict to these check ids (or id prefixes such as ``incarichi_esterni``).
    """
    start = time.perf_counter()
    registry = ctx.checks()
    report = AuditReport(ctx.as_of)
    subjects = collect_subjects(ctx)
    by_kind: dict[str, list[Check]] = {}
    for check in registry.checks:
        if only and not any(check.id == o or check.id.startswith(o + ".") for o in only):
            continue
        for kind in check.audit:
            by_kind.setdefault(kind, []).append(check)
    for subject in subjects:
        report.subjects[subject.kind] += 1
        checks = list(by_kind.get(subject.kind, ()))
        for tag in subject.tags:
            checks += by_kind.get(f"{subject.kind}:{tag}", ())
        for check in checks:
            report.evaluations += 1
            severity, outcome = evaluate_subject(check, subject)
            if severity == "-":
                report.undecided[check.id] += 1
            elif severity is not None and outcome is not None:
                report.findings.append(Finding(
                    severity, check.id, check.title, subject.kind, subject.key, subject.label,
                    outcome.verdict, outcome.answer, list(outcome.citations),
                    list(outcome.trace)))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    report.findings.sort(key=lambda f: (order.get(f.severity, 9), f.check, str(f.subject)))
    report.seconds = time.perf_counter() - start
    return report
