"""The audit report in Markdown: what ``ordina check --all`` prints and the HTML is built from.

Most serious first; each finding with its subject, check, citations, answer, what to do
and (optionally) the reasoning; then the cases the database cannot decide, each with the
facts it lacks. Severity names come from the one table (``SEVERITY_LABELS``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ordina.engine.check import SEVERITIES, SEVERITY_LABELS

if TYPE_CHECKING:
    from ordina.engine.audit import AuditReport, Finding


def summary_lines(report: AuditReport) -> list[str]:
    """The header: date, scope, what was examined, findings per severity."""
    when = report.as_of.strftime("%d/%m/%Y")
    counts = report.by_severity()
    examined = ", ".join(f"{n} {kind}" for kind, n in sorted(report.subjects.items()))
    lines = [f"# Verifica di conformità al {when}", ""]
    if report.scope:
        lines += [f"Limitata a: {report.scope}.", ""]
    if not report.subjects and not report.scope:
        lines += [("Il database non contiene personale: importare i dati o creare il Comune "
                   "dimostrativo con 'ordina demo'."), ""]
    lines += [
        (f"Esaminati: {examined or 'nessun soggetto'}; {report.evaluations} "
         + ("verifica eseguita" if report.evaluations == 1 else "verifiche eseguite")
         + f" in {report.seconds:.2f} s."),
        "Rilievi: " + (", ".join(f"{counts[s]} {SEVERITY_LABELS[s]}" for s in SEVERITIES
                                 if counts[s]) or "nessuno") + ".", ""]
    return lines


def finding_lines(f: Finding, with_trace: bool = True) -> list[str]:
    """One finding: heading, check and citations, answer, what to do, reasoning."""
    lines = [f"### {f.subject}",
             f"*{f.title}* (`{f.check}`) — {', '.join(f.citations)}"
             + (f" — {f.area}" if f.area else ""), "", f.answer, ""]
    if f.actions:
        lines += ["**Da fare:**", ""] + [f"- {a}" for a in f.actions] + [""]
    if with_trace and f.trace:
        lines += ["Motivazione:", ""]
        lines += [f"- {s.step}" + (f" ({s.citation})" if s.citation else "") for s in f.trace]
        lines.append("")
    return lines


def undecided_lines(report: AuditReport) -> list[str]:
    """The cases without enough data, each with the facts it lacks."""
    if not report.cases:
        return []
    lines = ["## Verifiche senza dati sufficienti", "",
             ("Non sono rilievi: mancano fatti nel database per decidere. Per ciascun caso, "
             "i fatti da acquisire."), ""]
    current = None
    for case in report.cases:
        if case.check != current:
            if current is not None:
                lines.append("")
            current = case.check
            lines += [f"### {case.title} (`{case.check}`)", ""]
        lines.append(f"- {case.subject}: manca "
                     + ("; ".join(case.missing) if case.missing else "un fatto non indicato")
                     + ".")
    lines.append("")
    return lines


def report_markdown(report: AuditReport, with_trace: bool = True) -> str:
    """The whole report."""
    lines = summary_lines(report)
    for severity in SEVERITIES:
        group = [f for f in report.findings if f.severity == severity]
        if not group:
            continue
        lines += [f"## {SEVERITY_LABELS[severity].capitalize()} ({len(group)})", ""]
        for f in group:
            lines += finding_lines(f, with_trace)
    lines += undecided_lines(report)
    return "\n".join(lines)
