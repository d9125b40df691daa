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
    """The sum leaves out the docenza n. 7 (art. 89: no authorisation needed); counting it
    is only the other reading, so the finding is «da verificare», never «grave»."""
    found = _find(report, "incarichi_esterni.tetto_compensi", "incarico 12 di Mario Rossi")
    assert found and found[0].severity == "attenzione" and "art. 88 c. 3" in found[0].citations
    assert "2.800 € + 1.000 € (n. 9) = 3.800 € ≤ 4.600 €" in found[0].answer
    assert found[0].clearing_readings and any("chiarire la lettura" in a
                                              for a in found[0].actions)


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


# ------------------------------------------------------------------ every planted case, one by one
def _who(question: str, on=REFERENCE_DATE):
    from ordina.ask import answer_question

    db = connect(":memory:")
    ensure_demo(db)
    return answer_question(question, db, on)


def _finding(report, check: str, subject: str, citation: str, severity: str):
    found = [f for f in _find(report, check, subject) if citation in f.citations]
    assert found, f"nessun rilievo {check} su «{subject}» con {citation}"
    assert found[0].severity == severity
    return found[0]


def _planted_0(report):  # incarico 12: the annual cap
    f = _finding(report, "incarichi_esterni.tetto_compensi", "incarico 12 di Mario Rossi",
                 "art. 88 c. 3", "attenzione")
    assert "= 5.300 € > 4.600 €" in f.answer and "= 3.800 € ≤ 4.600 €" in f.answer


def _planted_1(report):  # incarico 13: a supplier of the Comune, and 30 days of silence
    _finding(report, "incarichi_esterni.attivita", "incarico 13 di Giovanni Verdi",
             "art. 87 c. 1 lett. i", "grave")
    f = _finding(report, "incarichi_esterni.silenzio", "incarico 13 di Giovanni Verdi",
                 "art. 88 c. 6", "attenzione")
    assert f.verdict == "vietato" and "31/10/2026" in f.answer
    sanction = _finding(report, "incarichi_esterni.sanzioni", "incarico 13 di Giovanni Verdi",
                        "art. 91 c. 4", "grave")
    assert any("(art. 91 c. 1)" in a for a in sanction.actions)


def _planted_2(report):  # incarico 16: docenza, art. 87 c. 2 lett. d against art. 89
    f = _finding(report, "incarichi_esterni.attivita", "incarico 16 di Paola Greco",
                 "art. 87 c. 2 lett. d", "info")
    assert "art. 89 c. 1 trattino 10" in f.citations and "Conflitto tra norme" in f.answer


def _planted_3(report):  # Area Servizi sociali covered ad interim by Bianchi: no gap
    assert not _find(report, "sostituzioni.copertura", "Servizi sociali")
    assert "agisce **Laura Bianchi**, responsabile ad interim" in _who(
        "chi sostituisce l'area servizi sociali?").answer


def _planted_4(report):  # Area Tecnica: the head is ill and nobody is ad interim
    _finding(report, "sostituzioni.copertura", "Area Tecnica", "art. 17 c. 3", "attenzione")


def _planted_5(report):  # the assessore's nephew on an art. 110 contract
    f = _finding(report, "tempo_determinato.contratto", "Paolo Galli", "art. 54 c. 2", "grave")
    assert "dell'assessore Roberto Galli" in f.answer


def _planted_6(report):  # the assessore's sister-in-law is permanent staff: art. 54 does not apply
    assert not [f for f in report.findings if "Silvia Lodi" in f.subject]
    assert "Nessuna incompatibilità rilevata" in _who("incompatibilità di Silvia Lodi").answer


def _planted_7(report):  # the personnel head left a union board less than 2 years ago
    _finding(report, "incarichi_responsabili.nomina", "Laura Bianchi", "art. 14 c. 7", "grave")


def _planted_8(report):  # a municipal police officer asks for part-time
    _finding(report, "part_time.trasformazione", "Davide Ricci", "art. 80 c. 4", "grave")


def _planted_9(report):  # higher duties to cover holidays
    _finding(report, "sostituzioni.mansioni_superiori", "Giorgio Ferrari",
             "art. 13 c. 1 trattino 2", "grave")


def _planted_10(report):  # vacant post, higher duties extended to 12 months while it is filled
    assert not _find(report, "sostituzioni.mansioni_superiori", "Paola Greco")


def _planted_11(report):  # the Area Tecnica appointment outlasts the Sindaco's mandate
    _finding(report, "incarichi_responsabili.nomina", "Giovanni Verdi", "art. 14 c. 3", "grave")


def _planted_12(report):  # collaboration 2026/2 never published, above 5.000 euro
    f = _finding(report, "collaborazioni.efficacia", "2026/2", "art. 71 c. 1", "grave")
    assert "art. 72 c. 4" in f.citations


def _planted_13(report):  # collaboration 2026/3: market survey with two invitations
    _finding(report, "collaborazioni.conferimento", "2026/3", "art. 64 c. 4", "grave")


def _planted_14(report):  # the Segretario on holiday in March 2027: the Vice stands in
    from datetime import date

    answer = _who("chi sostituisce il segretario il 3 marzo 2027?", date(2026, 11, 23))
    assert "al suo posto agisce **Laura Bianchi**, Vice Segretario" in answer.answer


#: One assertion per planted case, in the order of ``PLANTED``, with a word of its text.
PLANTED_CHECKS = [
    ("incarico 12", _planted_0), ("incarico 13", _planted_1), ("incarico 16", _planted_2),
    ("Anna Neri", _planted_3), ("Giovanni Verdi, Responsabile", _planted_4),
    ("Paolo Galli", _planted_5), ("Silvia Lodi", _planted_6), ("Laura Bianchi", _planted_7),
    ("Davide Ricci", _planted_8), ("Giorgio Ferrari", _planted_9), ("posto 06", _planted_10),
    ("oltre il mandato", _planted_11), ("collaborazione 2026/2", _planted_12),
    ("collaborazione 2026/3", _planted_13), ("Segretario in ferie", _planted_14),
]


def test_every_planted_case_has_its_assertion() -> None:
    from ordina.store.demo import PLANTED

    assert len(PLANTED_CHECKS) == len(PLANTED)
    for (word, _), text in zip(PLANTED_CHECKS, PLANTED, strict=True):
        assert word in text, f"PLANTED è cambiato: «{text}» non contiene «{word}»"


@pytest.mark.parametrize("index", range(len(PLANTED_CHECKS)),
                         ids=[w for w, _ in PLANTED_CHECKS])
def test_planted_case(report, index) -> None:
    PLANTED_CHECKS[index][1](report)
