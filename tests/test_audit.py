"""The whole-Comune audit finds the demo's planted problems and reports them properly."""

from __future__ import annotations

import json

import pytest

from ordina.db import connect
from ordina.engine import Context, default_registry
from ordina.engine.audit import run_audit
from ordina.store import REFERENCE_DATE, ensure_demo


@pytest.fixture(scope="module")
def report():
    db = connect(":memory:")
    ensure_demo(db)
    return run_audit(Context(as_of=REFERENCE_DATE, db=db, registry=default_registry()))


def _find(report, check: str, subject: str):
    return [f for f in report.findings if f.check == check and subject in f.subject]


def test_cap_of_one_fifth(report) -> None:
    found = _find(report, "incarichi_esterni.tetto_compensi", "incarico 12 di Mario Rossi")
    assert found and found[0].severity == "grave" and found[0].citations == ["art. 88 c. 3"]
    assert any("4.000" in s.step or "2.500" in s.step for s in found[0].trace)


def test_supplier_client_and_silence(report) -> None:
    activity = _find(report, "incarichi_esterni.attivita", "incarico 13")
    assert activity and "art. 87 c. 1 lett. i" in activity[0].citations
    silence = _find(report, "incarichi_esterni.silenzio", "incarico 13")
    assert silence and silence[0].verdict == "vietato" and silence[0].severity == "attenzione"


def test_docenza_conflict_is_reported(report) -> None:
    found = _find(report, "incarichi_esterni.attivita", "incarico 16 di Paola Greco")
    assert found and found[0].severity == "info"
    assert "Conflitto tra norme" in found[0].answer


def test_higher_duties_for_holidays(report) -> None:
    found = _find(report, "sostituzioni.mansioni_superiori", "Giorgio Ferrari")
    assert found and found[0].citations == ["art. 13 c. 1 trattino 2"]
    assert not _find(report, "sostituzioni.mansioni_superiori", "Paola Greco")


def test_uncovered_area(report) -> None:
    assert _find(report, "sostituzioni.copertura", "Area Tecnica")
    assert not _find(report, "sostituzioni.copertura", "Servizi sociali")


def test_report_formats(report) -> None:
    data = json.loads(json.dumps(report.to_json(), default=str))
    assert data["as_of"] == "2026-11-23" and data["findings"]
    first = data["findings"][0]
    assert {"severity", "subject", "verdict", "citations", "trace"} <= set(first)
    text = report.to_markdown()
    assert text.startswith("# Verifica di conformità al 23/11/2026")
    assert "## Grave" in text


def test_audit_restricted_to_one_module() -> None:
    db = connect(":memory:")
    ensure_demo(db)
    only = run_audit(Context(as_of=REFERENCE_DATE, db=db, registry=default_registry()),
                     ["sostituzioni"])
    assert only.findings and all(f.check.startswith("sostituzioni.") for f in only.findings)


@pytest.mark.parametrize(("check", "subject", "citation"), [
    ("tempo_determinato.contratto", "Paolo Galli", "art. 54 c. 2"),
    ("incarichi_responsabili.nomina", "Laura Bianchi", "art. 14 c. 7"),
    ("incarichi_responsabili.nomina", "Giovanni Verdi", "art. 14 c. 3"),
    ("part_time.trasformazione", "Davide Ricci", "art. 80 c. 4"),
    ("collaborazioni.efficacia", "2026/2", "art. 71 c. 1"),
    ("collaborazioni.conferimento", "2026/3", "art. 64 c. 4"),
])
def test_planted_problems_of_the_other_checks(report, check, subject, citation) -> None:
    """The checks written on top of the engine find the rest of the demo's planted problems."""
    found = _find(report, check, subject)
    assert found and citation in found[0].citations


def test_no_finding_on_compliant_people(report) -> None:
    """Permission checks audit real appointments and requests, not every employee."""
    flagged = {f.subject for f in report.findings if f.severity == "grave"}
    assert not any(name in flagged for name in ("Antonio Conti", "Chiara Romano"))
