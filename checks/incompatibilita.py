"""Incompatibilità di una persona: every check that audits that person, on the date asked.

"incompatibilità di Verdi" runs the whole-Comune audit restricted to Verdi (the person,
his external assignments, appointments, fixed-term contract, requests, higher duties,
ad-interim offices: :func:`ordina.engine.person_audit.audit_person`), so each rule is the
one of its own module (art. 14, 54, 80, 87-88, 13...) and is never restated here. The
answer lists the findings with verdict, commi and trace; when there are none it says so
and names the checks that ran. On a public database it says which personal facts are
missing, and still examines the appointments, whose dates are public.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ordina.answer import TraceStep
from ordina.engine import Context, Lookup, Outcome
from ordina.engine.audit import SEVERITY_LABELS, Finding
from ordina.engine.offices import question_date
from ordina.hookspecs import hookimpl

INTENT = "incompatibility"


def _finding_block(n: int, f: Finding) -> str:
    cites = ", ".join(f.citations)
    return (f"**{n}. {f.subject}** — {SEVERITY_LABELS.get(f.severity, f.severity)}\n"
            f"*{f.title}* (`{f.check}`): {cites}\n\n{f.answer}")


def _checks_run(audit: Any, registry: Any) -> tuple[list[str], list[str]]:
    """``- `id` — title (n soggetti)`` lines, and the declared commi of the checks run."""
    per_check: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for run in audit.runs:
        per_check.setdefault(run.check, []).append(run.subject)
        titles[run.check] = run.title
    lines, cites = [], []
    for cid, subjects in per_check.items():
        what = subjects[0] if len(subjects) == 1 else f"{len(subjects)} soggetti"
        lines.append(f"- `{cid}` — {titles[cid]} ({what})")
        cites += [c for c in registry.get(cid).citations if c not in cites]
    return lines, cites


def _fact_label(name: str) -> str:
    """``solo rimborso spese documentate`` for ``expenses_only``: the vocabulary's words."""
    from ordina.facts import FACTS

    fact = FACTS.get(name)
    text = fact.description if fact is not None and fact.description else name
    return re.split(r"[:(]", text, maxsplit=1)[0].strip() or name.replace("_", " ")


def _undecided(audit: Any) -> list[str]:
    out = []
    for run in audit.runs:
        if run.result == "indeciso":
            names = "; ".join(_fact_label(n) for n in run.missing[:4]) or "dati"
            out.append(f"- `{run.check}` su {run.subject}: mancano {names}")
    return out


def _public_note(audit: Any) -> str:
    tables = ", ".join(audit.missing_tables)
    return (f"Questo database è la versione pubblica: mancano {tables}. Senza questi dati "
            "non si possono verificare gli incarichi esterni (art. 87-88), le parentele con "
            "gli amministratori (art. 54), le cariche politiche e sindacali (art. 14 c. 7), "
            "il part-time (art. 80) e le mansioni superiori (art. 13): usa il database "
            "completo dell'ufficio personale. Ho esaminato solo gli incarichi conferiti, le "
            "cui date sono pubbliche.")


#: Checks of the audit that are no incompatibility: what a post pays, how units are staffed.
NOT_INCOMPATIBILITIES = ("retribuzione_posizione", "struttura")


def _lookup(query: Any, ctx: Context) -> Outcome:
    from ordina.engine.person_audit import audit_person
    from ordina.engine.persona import resolve_whom

    if ctx.db is None:
        return Outcome(None, "Per verificare le incompatibilità di una persona serve il "
                             "database del personale.")
    on = question_date(query, ctx)
    whom = resolve_whom(ctx.db, query, on)
    if whom.person_id is None:
        text = whom.problem or (
            "Le incompatibilità si verificano su una persona del database: indica il nome "
            "(«incompatibilità di Verdi»). Per un'attività ipotetica chiedi «posso fare "
            "l'amministratore di una srl?».")
        return Outcome(None, text)
    registry = ctx.checks()
    audit = audit_person(dataclasses.replace(ctx, as_of=on, registry=registry), whom.person_id,
                         NOT_INCOMPATIBILITIES)
    when = on.strftime("%d/%m/%Y")
    problems = audit.problems
    notes = [f for f in audit.findings if f.severity == "info"]
    ran, declared = _checks_run(audit, registry)
    steps = [TraceStep(f"Soggetti esaminati al {when}: "
                       + ("; ".join(s.label for s in audit.subjects) or "nessuno") + ".", None)]
    parts: list[str] = []
    if audit.missing_tables:
        parts.append(_public_note(audit))
        steps.append(TraceStep("Database pubblico: mancano " + ", ".join(audit.missing_tables)
                               + ".", None))
    if problems:
        parts.insert(0, f"Incompatibilità e divieti di **{whom.name}** al {when}: "
                        f"{len(problems)} rilievi." if len(problems) != 1 else
                        f"Incompatibilità e divieti di **{whom.name}** al {when}: 1 rilievo.")
        parts += [_finding_block(i, f) for i, f in enumerate(problems, 1)]
    elif audit.subjects:
        parts.insert(0, f"Nessuna incompatibilità rilevata per **{whom.name}** al {when}.")
    else:
        parts.insert(0, f"Nessuna incompatibilità rilevata per **{whom.name}** al {when}: "
                        "nel database non risulta un rapporto di lavoro, un incarico o un "
                        "contratto da esaminare (le verifiche riguardano i dipendenti, i loro "
                        "incarichi esterni, le nomine e i contratti).")
    if notes:
        parts.append("Note (conflitti tra norme, risolti):\n" + "\n".join(
            f"- {f.subject}: {f.answer.splitlines()[0]} ({', '.join(f.citations[:2])})"
            for f in notes))
    undecided = _undecided(audit)
    if undecided:
        parts.append("Non decise con i dati del database:\n" + "\n".join(undecided))
    if ran:
        parts.append(f"Verifiche eseguite ({len(ran)}):\n" + "\n".join(ran))
    citations: list[str] = []
    for f in [*problems, *notes]:
        citations += [c for c in f.citations if c not in citations]
        steps.append(TraceStep(f"Verifica «{f.title}» su {f.subject}: "
                               f"{SEVERITY_LABELS.get(f.severity, f.severity)}.",
                               f.citations[0] if f.citations else None))
        steps += f.trace
    if not problems:
        citations += [c for c in declared if c not in citations]
    for run in audit.runs:
        if run.result != "rilievo":
            word = "non decisa (mancano dati)" if run.result == "indeciso" else "nessun rilievo"
            steps.append(TraceStep(f"Verifica «{run.title}» su {run.subject}: {word}.",
                                   registry.get(run.check).citations[0]))
    data = {"persona": whom.name, "rilievi": len(problems),
            "verifiche": sorted({r.check for r in audit.runs}),
            "dati_mancanti": list(audit.missing_tables)}
    return Outcome(None, "\n\n".join(parts), tuple(citations), tuple(steps), data=data)


INCOMPATIBILITA = Lookup(
    id="incompatibilita.persona",
    title="Incompatibilità e divieti di una persona: ogni verifica sui suoi incarichi, "
          "nomine e contratti",
    citations=("art. 13 c. 1", "art. 14 c. 3", "art. 14 c. 7", "art. 54 c. 2", "art. 80 c. 4",
               "art. 87 c. 1", "art. 88 c. 3", "art. 88 c. 6"),
    intents=(INTENT,),
    run=_lookup,
)


@hookimpl
def ordina_lookups() -> list[Lookup]:
    """Incompatibilities of a person, from the audit of their subjects."""
    return [INCOMPATIBILITA]
