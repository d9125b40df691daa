"""The whole-Comune audit behind ``ordina check --all``.

Every plugin hands over its subjects (people, assignments, offices, units, higher
duties, contracts) with their facts loaded in bulk; every check declared for that kind
of subject runs on each. A finding is a ``vietato`` verdict (severity of the check), an
outcome that says it is one (``Outcome.finding``), or a conflict between commi that the
answer had to settle (``info``). A finding that rests on an ambiguous reading of the text
(``Outcome.clearing_readings``) is never ``grave``: it is filed ``attenzione`` and says
which reading would clear it. Each finding carries what to do, as the check declares it
(``Check.actions``), with the comma that prescribes it. Undecided checks are listed with
the facts they lack: missing data is not a violation, but it is work for the office.

Rules-based checks take a fast path (verdict only, no text) and build the explained
outcome only for the subjects that produce a finding, or that lack facts.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ordina.answer import TraceStep
from ordina.engine.audit_text import report_markdown
from ordina.engine.check import SEVERITIES, SEVERITY_LABELS, Check, Outcome, Rules
from ordina.engine.context import Context, Subject
from ordina.engine.provenance import FactValue
from ordina.facts import FACTS
from ordina.store.organisation import (
    UnitNode,
    area_of,
    person_names,
    unit_chart,
    unit_of_employees,
)

__all__ = ["SEVERITY_LABELS", "AuditReport", "Finding", "Undecided", "run_audit"]


@dataclass
class Finding:
    """One problem found: who or what, which check, the verdict, why and what to do."""

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
    actions: list[str] = field(default_factory=list)
    """What to do, each with the comma that prescribes it (``… (art. 91 c. 4)``)."""
    person: int | None = None
    person_name: str | None = None
    unit: int | None = None
    area: str | None = None
    """The Area the finding is filed under (``Area Tecnica``), or the unit outside the Areas it
    belongs to (``Unità di progetto PNRR``); None for the ente as a whole."""
    data: dict[str, Any] = field(default_factory=dict)
    """Computed values of the outcome (amounts, deadlines) for spreadsheets."""
    clearing_readings: list[str] = field(default_factory=list)

    @property
    def severity_label(self) -> str:
        """The Italian name of the severity, from the one table all outputs share."""
        return SEVERITY_LABELS.get(self.severity, self.severity)

    def to_json(self) -> dict[str, Any]:
        """The finding as JSON (``ordina check --all --format json``)."""
        return {"severity": self.severity, "severity_label": self.severity_label,
                "check": self.check, "title": self.title,
                "subject_kind": self.subject_kind, "subject_key": self.subject_key,
                "subject": self.subject, "person": self.person_name, "area": self.area,
                "verdict": self.verdict, "answer": self.answer,
                "citations": self.citations, "actions": self.actions,
                "clearing_readings": self.clearing_readings,
                "data": {k: v for k, v in self.data.items() if k != "regola"},
                "trace": [{"step": s.step, "citation": s.citation} for s in self.trace]}


@dataclass
class Undecided:
    """A check that could not decide on a subject, and the facts it lacks."""

    check: str
    title: str
    subject: str
    missing: list[str]
    """Italian descriptions of the missing facts, fastest-deciding first."""
    person: int | None = None
    unit: int | None = None
    area: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The case as JSON."""
        return {"check": self.check, "title": self.title, "subject": self.subject,
                "area": self.area, "missing": self.missing}


@dataclass
class AuditReport:
    """All findings of one audit, with counts of what was examined."""

    as_of: date
    findings: list[Finding] = field(default_factory=list)
    subjects: Counter[str] = field(default_factory=Counter)
    evaluations: int = 0
    undecided: Counter[str] = field(default_factory=Counter)
    cases: list[Undecided] = field(default_factory=list)
    """The undecided cases one by one (``undecided`` counts them per check)."""
    seconds: float = 0.0
    scope: str = ""
    """What the audit was restricted to (``persona: Mario Rossi``), empty for the whole ente."""

    def by_severity(self) -> Counter[str]:
        """How many findings of each severity."""
        return Counter(f.severity for f in self.findings)

    def by_area(self) -> dict[str, Counter[str]]:
        """Findings per Area and severity (``Ente`` for those outside any Area)."""
        out: dict[str, Counter[str]] = {}
        for f in self.findings:
            out.setdefault(f.area or "Ente (fuori dalle Aree)", Counter())[f.severity] += 1
        return dict(sorted(out.items()))

    def to_json(self) -> dict[str, Any]:
        """The report as one JSON object."""
        return {"as_of": self.as_of.isoformat(), "seconds": round(self.seconds, 3),
                "scope": self.scope, "subjects": dict(self.subjects),
                "evaluations": self.evaluations, "severity": dict(self.by_severity()),
                "severity_labels": dict(SEVERITY_LABELS), "undecided": dict(self.undecided),
                "undecided_cases": [c.to_json() for c in self.cases],
                "findings": [f.to_json() for f in self.findings]}

    def to_markdown(self, with_trace: bool = True) -> str:
        """The report in Markdown, most serious first, for a Segretario to read."""
        return report_markdown(self, with_trace)


def _has_conflict(rules: Rules, fired: Any, values: Any) -> bool:
    if fired is None or not fired.overrides:
        return False
    return any(rules._by_id[o].when.eval(values) is True for o in fired.overrides)


def _severity_of(check: Check, outcome: Outcome, default: str) -> str:
    """The outcome's own severity, never ``grave`` when it rests on an ambiguous reading."""
    severity = outcome.severity or default
    if outcome.clearing_readings and severity == "grave":
        return "attenzione"
    return severity


def evaluate_subject(check: Check, subject: Subject) -> tuple[str | None, Outcome | None]:
    """``(severity, outcome)`` of ``check`` on ``subject``; severity None when nothing to report.

    Returns ``("-", outcome)`` when the check could not decide (the outcome says what is
    missing; it is None on the fast path, where the caller builds it only if it needs it).
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
        default = check.severity if outcome.verdict == "vietato" else "info"
        return _severity_of(check, outcome, default), outcome
    outcome = check.run(facts)
    if not outcome.pertinent:
        return None, None
    if outcome.finding is not None:
        return (_severity_of(check, outcome, check.severity) if outcome.finding else None), \
            outcome
    if outcome.verdict == "dati_mancanti":
        return "-", outcome
    if outcome.verdict == "vietato":
        return _severity_of(check, outcome, check.severity), outcome
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


def selected(check: Check, only: Sequence[str]) -> bool:
    """Whether ``check`` is among ``only`` (ids or module prefixes; everything when empty)."""
    return not only or any(check.id == o or check.id.startswith(o + ".") for o in only)


def missing_labels(ctx: Context, names: Sequence[str]) -> list[str]:
    """Italian descriptions of missing facts (the vocabulary's, else the interview question)."""
    out = []
    for name in names:
        fact = FACTS.get(name)
        out.append(fact.description if fact is not None and fact.description
                   else ctx.checks().question(name))
    return out


@dataclass
class _Filing:
    """Where findings go: person names, each unit's Area, and the ``--unit`` selection."""

    names: dict[int, str]
    person_unit: dict[int, int]
    chart: dict[int, UnitNode]
    units: Collection[int] | None

    def unit_of(self, subject: Subject) -> int | None:
        return subject.unit if subject.unit is not None else self.person_unit.get(
            subject.person or -1)

    def area(self, unit: int | None) -> str | None:
        node = area_of(self.chart, unit)
        if node is None and unit in self.chart and self.chart[unit].kind != "ente":
            node = self.chart[unit]  # a unit outside the Areas (staff, progetto) files itself
        return node.name if node is not None else None

    def keeps(self, subject: Subject) -> bool:
        return self.units is None or self.unit_of(subject) in self.units


def _filing(ctx: Context, units: Collection[int] | None) -> _Filing:
    if ctx.db is None:
        return _Filing({}, {}, {}, units)
    return _Filing(person_names(ctx.db), unit_of_employees(ctx.db, ctx.as_of),
                   unit_chart(ctx.db), units)


def run_audit(ctx: Context, only: Sequence[str] = (),
              units: Collection[int] | None = None) -> AuditReport:
    """Run every check over every subject of the database as of ``ctx.as_of``.

    :param only: restrict to these check ids (or id prefixes such as ``incarichi_esterni``).
    :param units: restrict to subjects of these units (``check --unit``: a unit and those
        below it); ``ctx.person`` restricts to one person's subjects.
    """
    start = time.perf_counter()
    registry = ctx.checks()
    report = AuditReport(ctx.as_of)
    filing = _filing(ctx, units)
    subjects = [s for s in collect_subjects(ctx) if filing.keeps(s)]
    by_kind: dict[str, list[Check]] = {}
    for check in registry.checks:
        if not selected(check, only):
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
                outcome = outcome or check.run(subject.facts)
                unit = filing.unit_of(subject)
                report.cases.append(Undecided(
                    check.id, check.title, subject.label,
                    missing_labels(ctx, outcome.missing), subject.person, unit,
                    filing.area(unit)))
            elif severity is not None and outcome is not None:
                report.findings.append(_finding(check, subject, severity, outcome, filing))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    report.findings.sort(key=lambda f: (order.get(f.severity, 9), f.check, str(f.subject)))
    report.cases.sort(key=lambda c: (c.check, c.subject))
    report.seconds = time.perf_counter() - start
    return report


#: Facts holding the euro amount a finding is about, for spreadsheets (first found wins).
_AMOUNT_FACTS = ("compensation", "contract_amount", "position_allowance")


def _finding(check: Check, subject: Subject, severity: str, outcome: Outcome,
             filing: _Filing) -> Finding:
    unit = filing.unit_of(subject)
    data = dict(outcome.data or {})
    for name in _AMOUNT_FACTS:
        value = subject.facts.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and "importo" not in data:
            data["importo"] = float(value)
    actions = [a.testo(data) for a in check.actions_for(outcome)]
    if outcome.clearing_readings:
        actions.insert(0, "chiarire la lettura della norma prima di decidere: il rilievo cade "
                          "se si adotta " + " oppure ".join(outcome.clearing_readings)
                       + f" ({', '.join(outcome.citations[:1])})")
    return Finding(severity, check.id, check.title, subject.kind, subject.key, subject.label,
                   outcome.verdict, outcome.answer, list(outcome.citations),
                   list(outcome.trace), actions, subject.person,
                   filing.names.get(subject.person) if subject.person is not None else None,
                   unit, filing.area(unit), data, list(outcome.clearing_readings))
