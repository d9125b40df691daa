"""The audit of ``ordina check --all`` restricted to one person: "incompatibilità di Verdi".

No rule is re-implemented here. The plugins hand over the person's subjects (the person,
their external assignments, appointments, fixed-term contract, requests, higher duties,
ad-interim offices) through ``ordina_audit_subjects`` with ``Context.person`` set, and
every check declared for those subjects runs through :func:`evaluate_subject`, exactly
as in the whole-Comune audit. What this adds is the bookkeeping an answer needs: which
checks ran on what, which could not decide and for lack of which facts, and which
personal tables a public database lacks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ordina.engine.audit import Finding, collect_subjects, evaluate_subject, selected
from ordina.engine.check import SEVERITIES, Check
from ordina.engine.context import Context, Subject

#: Personal tables the audit of a person reads, in the order an answer lists them.
PERSONAL_TABLES = ("employments", "people_private", "family_links", "past_roles",
                   "external_assignments", "part_time_requests", "higher_duties", "absences")


@dataclass(frozen=True)
class Run:
    """One check run on one subject: ``esito`` is ``rilievo``, ``regolare`` or ``indeciso``."""

    check: str
    title: str
    subject: str
    result: str
    missing: tuple[str, ...] = ()


@dataclass
class PersonAudit:
    """Findings and runs of the audit of one person on a date."""

    person_id: int
    subjects: list[Subject] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    missing_tables: list[str] = field(default_factory=list)
    """Labels of the personal tables absent from the database (a public export)."""

    @property
    def problems(self) -> list[Finding]:
        """Findings that are problems (not the ``info`` notes on conflicts between commi)."""
        return [f for f in self.findings if f.severity != "info"]


def checks_for(subject: Subject, checks: list[Check]) -> list[Check]:
    """The checks the audit runs on ``subject``: its kind, and ``kind:tag`` for its tags."""
    wanted = {subject.kind, *(f"{subject.kind}:{t}" for t in subject.tags)}
    return [c for c in checks if any(a in wanted for a in c.audit)]


def missing_personal_tables(db: Any) -> list[str]:
    """Italian labels of the personal tables a public database lacks (none on a full one)."""
    from ordina.engine.dbfacts import has_table
    from ordina.store.schema import PERSONAL_TABLE_LABELS

    return [PERSONAL_TABLE_LABELS.get(t, t) for t in PERSONAL_TABLES if not has_table(db, t)]


def public_subjects(ctx: Context, person_id: int) -> list[Subject]:
    """On a public database: the person's appointments alone (their dates are public, so
    a term beyond the Sindaco's mandate still shows); every personal fact stays unknown."""
    from ordina.engine.dbfacts import PeopleFacts, office_subjects
    from ordina.engine.offices import person_name
    from ordina.engine.provenance import FactValue

    assert ctx.db is not None
    people = PeopleFacts(ctx.db, ctx.as_of, [person_id])
    people.names.setdefault(person_id, person_name(ctx.db, person_id))
    out = office_subjects(ctx.db, ctx.as_of, people, person_id)
    for subject in out:
        subject.facts.add(FactValue("date", ctx.as_of, "contesto"))
    return out


def audit_person(ctx: Context, person_id: int, exclude: Sequence[str] = ()) -> PersonAudit:
    """Run every check that audits ``person_id``'s subjects, as of ``ctx.as_of``.

    :param exclude: check ids or module prefixes to leave out (pay is no incompatibility).
    """
    scoped = dataclasses.replace(ctx, person=person_id, interview=None)
    registry = scoped.checks()
    checks = [c for c in registry.checks if not exclude or not selected(c, exclude)]
    out = PersonAudit(person_id)
    if ctx.db is not None:
        out.missing_tables = missing_personal_tables(ctx.db)
    out.subjects = collect_subjects(scoped)
    if ctx.db is not None and not out.subjects and out.missing_tables:
        out.subjects = public_subjects(scoped, person_id)
    for subject in out.subjects:
        for check in checks_for(subject, checks):
            severity, outcome = evaluate_subject(check, subject)
            if severity == "-":
                missing = tuple(check.run(subject.facts).missing)
                out.runs.append(Run(check.id, check.title, subject.label, "indeciso", missing))
                continue
            if severity is not None and outcome is not None:
                out.findings.append(Finding(
                    severity, check.id, check.title, subject.kind, subject.key, subject.label,
                    outcome.verdict, outcome.answer, list(outcome.citations),
                    list(outcome.trace)))
            result = "rilievo" if severity not in (None, "info") else "regolare"
            out.runs.append(Run(check.id, check.title, subject.label, result))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    out.findings.sort(key=lambda f: (order.get(f.severity, 9), f.check, str(f.subject)))
    return out
