"""Every citation ordina produces resolves to a unit of the indexed regulation, in canonical form.

One global net over every place a citation comes from: what each check and lookup declares,
what each scenario expects, each trace step of each scenario run, each finding of the audit
of the demo Comune, and the answers to the example questions of issues 4 and 5.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from ordina.ask import answer_question
from ordina.corpus import load_corpus
from ordina.db import connect
from ordina.engine import Context, default_registry
from ordina.engine.audit import run_audit
from ordina.engine.scenarios import load_scenarios, run_scenario, scenario_files
from ordina.errors import UnknownReference
from ordina.plugins import builtin_checks_dir
from ordina.store import REFERENCE_DATE, ensure_demo

#: The example questions of issue 4, verbatim.
ISSUE4_QUESTIONS = (
    "può Mario Rossi accettare l'incarico 12?",
    "can employee Rossi accept this incarico?",
    "chi sostituisce l'area tecnica?",
    "who substitutes area Finanziaria?",
    "chi sostituisce il segretario il 3 marzo 2027?",
    "obblighi di Bianchi",
    "incompatibilità di Verdi",
    "chi autorizza le ferie di Neri?",
    "chi autorizza le missioni del segretario?",
    "incarichi in scadenza",
    "art. 88 c. 3",
    "cosa dice l'articolo 89?",
    "chi cita l'allegato G?",
    "cerca patrocinio legale",
    "show article 17",
    "un dipendente a tempo pieno può fare l'amministratore di una srl?",
    "posso fare volontariato gratuito?",
    "un agente di polizia municipale può chiedere il part-time?",
    "un dipendente al 40% di part-time può fare il libero professionista?",
    "il cugino dell'assessore può avere un contratto a tempo determinato ex art. 110?",
    ("incarico da 1.500 euro, retribuzione base 24.000, già autorizzati 4.000 quest'anno: "
     "è ammesso?"),
    "sono assunto da 3 anni, posso chiedere la mobilità in uscita?",
    "graduazione 80 e Pmax 16.000: quanto è la retribuzione di posizione?",
)

#: Issue 5's "who is competent / who substitutes" questions, one per matter and case.
ISSUE5_WHO_QUESTIONS = (
    "chi sostituisce Verdi?",
    "chi sostituisce l'area servizi sociali?",
    "chi sostituisce Romano il 10 agosto 2026?",
    "chi sostituisce Bianchi?",
    "chi autorizza le ferie di Ricci?",
    "chi autorizza le ferie del segretario?",
    "chi autorizza le missioni di Rossi?",
    "chi autorizza le missioni di Ricci?",
    "chi autorizza la formazione di Verdi?",
    "chi autorizza gli incarichi di Ricci?",
    "chi autorizza gli incarichi di Rossi?",
    "chi è competente per i procedimenti disciplinari?",
    "chi pubblica le determinazioni all'albo?",
    "chi convoca la conferenza dei responsabili?",
)


@pytest.fixture(scope="module")
def demo():
    db = connect(":memory:")
    ensure_demo(db)
    return db


def _declared() -> Iterable[tuple[str, str]]:
    registry = default_registry()
    for check in registry.checks:
        for cite in check.all_citations():
            yield f"verifica {check.id}", cite
    for lookup in registry.lookups:
        for cite in lookup.citations:
            yield f"ricerca {lookup.id}", cite


def _scenarios() -> Iterable[tuple[str, str]]:
    registry = default_registry()
    for path in scenario_files(builtin_checks_dir()):
        for scenario in load_scenarios(path):
            for cite in scenario.expect.get("citazioni", []) or []:
                yield f"{scenario.label} (attese)", cite
            outcome = run_scenario(scenario, registry)
            for cite in outcome.citations:
                yield f"{scenario.label} (citazioni)", cite
            for step in outcome.trace:
                if step.citation is not None:
                    yield f"{scenario.label} (traccia: {step.step[:60]})", step.citation


def _audit(db) -> Iterable[tuple[str, str]]:
    report = run_audit(Context(as_of=REFERENCE_DATE, db=db, registry=default_registry()))
    assert report.findings
    for finding in report.findings:
        for cite in finding.citations:
            yield f"rilievo {finding.check} su {finding.subject}", cite
        for step in finding.trace:
            if step.citation is not None:
                yield f"rilievo {finding.check} (traccia: {step.step[:60]})", step.citation


def _answers(db) -> Iterable[tuple[str, str]]:
    for question in (*ISSUE4_QUESTIONS, *ISSUE5_WHO_QUESTIONS):
        answer = answer_question(question, db, REFERENCE_DATE)
        for cite in answer.citations:
            yield f"«{question}»", cite
        for step in answer.trace:
            if step.citation is not None:
                yield f"«{question}» (traccia: {step.step[:60]})", step.citation


def test_every_citation_resolves_in_canonical_form(demo) -> None:
    corpus = load_corpus()
    seen: dict[str, str] = {}
    for where, cite in [*_declared(), *_scenarios(), *_audit(demo), *_answers(demo)]:
        seen.setdefault(cite, where)
    assert len(seen) > 150  # the net really caught the citations
    bad = []
    for cite, where in sorted(seen.items()):
        try:
            unit = corpus.resolve(cite)
        except UnknownReference:
            bad.append(f"{cite!r} non si risolve ({where})")
            continue
        if unit.citation != cite:
            bad.append(f"{cite!r} non è canonica: {unit.citation!r} ({where})")
    assert not bad, "\n".join(bad)
