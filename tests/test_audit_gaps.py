"""The audit's gaps of issue 10, one test each, on the demo Comune (and small variations)."""

from __future__ import annotations

from datetime import date

import pytest

from ordina.db import connect
from ordina.engine import Context, default_registry
from ordina.engine.audit import run_audit
from ordina.engine.check import SEVERITY_LABELS
from ordina.store import REFERENCE_DATE, ensure_demo
from ordina.store.schema import write_transaction
from ordina.store.writer import Writer


def _demo(extra=None):
    db = connect(":memory:")
    ensure_demo(db)
    if extra is not None:
        with write_transaction(db) as conn:
            w = Writer(conn)
            w.people.update(conn.execute("SELECT code, id FROM people").fetchall())
            w.units.update(conn.execute("SELECT code, id FROM units").fetchall())
            extra(w, conn)
    return db


def _audit(db, on: date = REFERENCE_DATE, only=()):
    return run_audit(Context(as_of=on, db=db, registry=default_registry()), only)


@pytest.fixture(scope="module")
def report():
    return _audit(_demo())


def _of(report, check: str, subject: str):
    return [f for f in report.findings if f.check == check and subject in f.subject]


# ------------------------------------------------------------------ art. 88 c. 3
def test_cap_does_not_count_an_incarico_needing_no_authorisation(report) -> None:
    [f] = _of(report, "incarichi_esterni.tetto_compensi", "incarico 12 di Mario Rossi")
    # the docenza n. 7 (art. 89) is left out of the adopted sum
    assert "2.800 € + 1.000 € (n. 9) = 3.800 € ≤ 4.600 €" in f.answer
    assert "n. 7" in f.answer and "art. 89 c. 1" in f.citations


def test_a_finding_on_an_ambiguous_reading_is_never_grave(report) -> None:
    [f] = _of(report, "incarichi_esterni.tetto_compensi", "incarico 12 di Mario Rossi")
    assert f.severity == "attenzione" and f.severity_label == "da verificare"
    assert f.clearing_readings, "deve dire quale lettura farebbe cadere il rilievo"
    assert any("2027" in r for r in f.clearing_readings)
    assert f.actions[0].startswith("chiarire la lettura della norma")
    for g in report.findings:
        assert not (g.clearing_readings and g.severity == "grave"), g.subject


# ------------------------------------------------------------------ art. 64
def test_market_survey_letter_with_a_term_under_ten_days(report) -> None:
    [f] = _of(report, "collaborazioni.conferimento", "2026/3")
    assert "art. 64 c. 2 lett. c" in f.citations and f.severity == "grave"
    assert any("almeno 10 giorni" in a and "(art. 64 c. 2 lett. c)" in a for a in f.actions)


def test_short_term_flagged_even_with_three_invitations() -> None:
    def three_invites(_w, conn) -> None:
        conn.execute("UPDATE collaborations SET invited = 3 WHERE number = '2026/3'")

    found = _of(_audit(_demo(three_invites)), "collaborazioni.conferimento", "2026/3")
    assert found and found[0].citations[0] == "art. 64 c. 2 lett. c"


# ------------------------------------------------------------------ art. 91
def test_running_incarico_refused_by_silence_calls_for_diffida_and_fees(report) -> None:
    [f] = _of(report, "incarichi_esterni.sanzioni", "incarico 13 di Giovanni Verdi")
    assert f.severity == "grave" and "silenzio vale diniego" in f.answer
    assert any(a.startswith("diffidare") and "23/12/2026" in a and a.endswith("(art. 91 c. 1)")
               for a in f.actions)
    assert any("versamento del compenso (4.000 €)" in a and a.endswith("(art. 91 c. 4)")
               for a in f.actions)


def test_refused_incarico_flagged_only_once_begun() -> None:
    def refused(w, _conn) -> None:
        for number, start, status, activity in (
                (40, "2026-10-01", "non_autorizzato", "consulenza"),
                (41, "2027-02-01", "non_autorizzato", "consulenza"),
                (42, "2026-10-01", "negato", "consulenza"),
                (43, "2026-10-01", "comunicato", "consulenza"),
                (44, "2026-10-01", "comunicato", "docenza")):
            w.assignment(number, "M010", subject=f"Perizia {number}", client="Privato",
                         client_type="privato", activity=activity, occasional=True,
                         paid=True, compensation_cents=90000, valid_from=start,
                         valid_to="2027-06-01", request_date="2026-09-01",
                         requested_by="dipendente", status=status)

    report = _audit(_demo(refused), only=["incarichi_esterni.sanzioni"])
    flagged = {f.subject_key for f in report.findings}
    # begun without a valid authorisation: refused, never asked, only communicated
    assert {40, 42, 43} <= flagged
    # not yet begun; a docenza needs only the communication (art. 89)
    assert not {41, 44} & flagged


# ------------------------------------------------------------------ allegato D
def test_position_allowance_follows_the_grading(report) -> None:
    [neri] = _of(report, "retribuzione_posizione.corrisposta", "Anna Neri")
    # Servizi sociali is graded as the allegato's own example, G = 70,70; Pmax of the Comune
    # is 16.000 €, so P = 70,70 × 16.000 / 100 = 11.312 €, not the 9.128,37 € paid
    assert "G = 70,70" in neri.answer and "€ 11.312,00" in neri.answer
    assert "€ 9.128,37" in neri.answer and neri.data["P"] == 11312.0
    assert any("(art. 16 c. 2)" in a for a in neri.actions)


def test_allowance_equal_to_p_is_no_finding() -> None:
    def paid_right(_w, conn) -> None:
        conn.execute("UPDATE offices SET position_allowance_cents = 1131200 WHERE office = "
                     "'responsabile_area' AND ad_interim = 0 AND person_id = (SELECT id FROM "
                     "people WHERE code = 'M004')")

    report = _audit(_demo(paid_right), only=["retribuzione_posizione"])
    assert not _of(report, "retribuzione_posizione.corrisposta", "Anna Neri")
    assert _of(report, "retribuzione_posizione.corrisposta", "Giovanni Verdi")


def test_overpaid_allowance_is_grave() -> None:
    def overpaid(_w, conn) -> None:
        conn.execute("UPDATE offices SET position_allowance_cents = 1500000 WHERE office = "
                     "'responsabile_area' AND person_id = (SELECT id FROM people "
                     "WHERE code = 'M003')")

    [f] = _of(_audit(_demo(overpaid), only=["retribuzione_posizione"]),
              "retribuzione_posizione.corrisposta", "Giovanni Verdi")
    assert f.severity == "grave" and "eccede" in f.answer


# ------------------------------------------------------------------ art. 10
def test_servizi_without_a_responsabile(report) -> None:
    flagged = {f.subject for f in report.findings
               if f.check == "struttura.responsabile_servizio"}
    assert "Servizio Ragioneria" in flagged and "Servizio Tributi" in flagged
    assert "Servizio Personale" not in flagged and "Servizio Polizia municipale" not in flagged
    [rag] = _of(report, "struttura.responsabile_servizio", "Servizio Ragioneria")
    assert rag.area == "Area Finanziaria" and "(art. 10 c. 3)" in rag.actions[0]


# ------------------------------------------------------------------ no contradictions
@pytest.mark.parametrize("on", [REFERENCE_DATE, date(2026, 12, 20), date(2027, 1, 20),
                                date(2027, 3, 15)])
def test_no_incarico_is_both_allowed_and_forbidden(on) -> None:
    """Incarico 14 (docenza, art. 89) past its 30 days must not become «vietato» by silence."""
    report = _audit(_demo(), on)
    verdicts: dict[object, set[str]] = {}
    for f in report.findings:
        if f.subject_kind == "incarico":
            verdicts.setdefault(f.subject_key, set()).add(f.verdict or "")
    for key, seen in verdicts.items():
        assert not ({"comunicazione", "consentito"} & seen and "vietato" in seen), (key, seen)


# ------------------------------------------------------------------ names
def test_one_table_of_severity_names(report) -> None:
    from ordina.tui import audit_view

    assert audit_view.SEVERITY_LABELS is SEVERITY_LABELS
    data = report.to_json()
    assert data["severity_labels"] == SEVERITY_LABELS
    assert all(f["severity_label"] == SEVERITY_LABELS[f["severity"]] for f in data["findings"])
    text = report.to_markdown()
    for severity, n in report.by_severity().items():
        assert f"## {SEVERITY_LABELS[severity].capitalize()} ({n})" in text
        assert f"{n} {SEVERITY_LABELS[severity]}" in next(
            line for line in text.splitlines() if line.startswith("Rilievi:"))
    assert audit_view.cells(report.findings[0])[0] == report.findings[0].severity_label


# ------------------------------------------------------------------ what to do, what is missing
def test_every_finding_says_what_to_do_with_a_citation(report) -> None:
    from ordina.corpus import load_corpus

    corpus = load_corpus()
    for f in report.findings:
        if f.severity == "info" and f.verdict == "comunicazione":
            assert f.actions, f.subject
        assert f.actions, f"{f.check} su {f.subject}: nessuna azione"
        for action in f.actions:
            cite = action.rsplit("(", 1)[1].rstrip(")")
            assert corpus.resolve(cite) is not None, (f.check, cite)
            assert "{" not in action and "…" not in action, action


def test_undecided_cases_list_the_missing_facts(report) -> None:
    assert report.cases and sum(report.undecided.values()) == len(report.cases)
    assert all(c.missing for c in report.cases)
    text = report.to_markdown()
    assert f"- {report.cases[0].subject}: manca " in text
    # the condominium (incarico 11) is decided: occasionality and professional growth are
    # what the authorisation on record assessed (art. 88 c. 1), not facts still missing
    assert not [c for c in report.cases if "incarico 11" in c.subject]


# ------------------------------------------------------------------ kinship and condominium
def test_art_54_never_for_the_spouse_of_an_ordinary_employee() -> None:
    def married(w, _conn) -> None:
        w.person("M013", "Marco", "Serra", sex="M", birth_date="1980-01-01")
        w.employment("M013", "2025-01-01", "D1", "art110", "AREA-TEC", valid_to="2029-06-10",
                     profile="Funzionario tecnico", salary_cents=3000000)
        w.link("M013", "M005", "coniuge", "2010-05-05")  # Chiara Romano, an employee

    db = _demo(married)
    report = _audit(db, only=["tempo_determinato"])
    assert not _of(report, "tempo_determinato.contratto", "Marco Serra")
    # the audit of that one person takes the other road through the family graph
    serra = db.conn.execute("SELECT id FROM people WHERE code = 'M013'").fetchone()[0]
    one = run_audit(Context(as_of=REFERENCE_DATE, db=db, registry=default_registry(),
                            person=serra), ["tempo_determinato"])
    assert one.subjects["contratto"] == 1 and not one.findings


def test_art_54_for_the_spouse_of_an_assessore() -> None:
    def married(w, _conn) -> None:
        w.person("M013", "Marco", "Serra", sex="M", birth_date="1980-01-01")
        w.employment("M013", "2025-01-01", "D1", "art110", "AREA-TEC", valid_to="2029-06-10",
                     profile="Funzionario tecnico", salary_cents=3000000)
        w.link("M013", "P003", "coniuge", "2010-05-05")  # assessore Franca Moretti

    db = _demo(married)
    [f] = _of(_audit(db, only=["tempo_determinato"]), "tempo_determinato.contratto",
              "Marco Serra")
    assert "art. 54 c. 2" in f.citations
    serra = db.conn.execute("SELECT id FROM people WHERE code = 'M013'").fetchone()[0]
    one = run_audit(Context(as_of=REFERENCE_DATE, db=db, registry=default_registry(),
                            person=serra), ["tempo_determinato"])
    assert [g.check for g in one.findings] == ["tempo_determinato.contratto"]


def test_own_condominium_is_never_the_company_board_ban(report) -> None:
    """Art. 87 c. 2 lett. m: authorisable, and incarico 11 is authorised on record."""
    for f in report.findings:
        if "incarico 11" in f.subject:
            assert "art. 87 c. 1 lett. d" not in f.citations and f.verdict != "vietato"
    assert not _of(report, "incarichi_esterni.sanzioni", "incarico 11")


def test_yearly_total_leaves_out_exempt_incarichi() -> None:
    """Art. 88 c. 3 on a person: a docenza authorised anyway (art. 89) is not summed."""
    def more(w, _conn) -> None:
        w.assignment(50, "M002", subject="Altra docenza", client="Università di Pisa",
                     client_type="pa", activity="docenza", occasional=True, paid=True,
                     compensation_cents=300000, valid_from="2026-09-01",
                     valid_to="2026-10-01", request_date="2026-08-01",
                     requested_by="entrambi", status="autorizzato")

    [f] = _of(_audit(_demo(more), only=["incarichi_esterni.tetto_annuo"]),
              "incarichi_esterni.tetto_annuo", "Mario Rossi")
    # 1.000 € (n. 9) counted; with the docenze n. 7 and 50 it would be 5.500 € > 4.600 €
    assert f.severity == "attenzione" and f.clearing_readings
    assert "1.000 € ≤ 4.600 €" in f.answer and "5.500 € > 4.600 €" in f.answer

    def over(w, _conn) -> None:
        w.assignment(51, "M002", subject="Consulenza", client="Comune di Altrove",
                     client_type="pa", activity="consulenza", occasional=True, paid=True,
                     compensation_cents=400000, valid_from="2026-09-01",
                     valid_to="2026-10-01", request_date="2026-08-01",
                     requested_by="entrambi", status="autorizzato")

    [g] = _of(_audit(_demo(over), only=["incarichi_esterni.tetto_annuo"]),
              "incarichi_esterni.tetto_annuo", "Mario Rossi")
    assert g.severity == "grave" and "5.000 € > 4.600 €" in g.answer


# ------------------------------------------------------------------ art. 38 c. 7
def test_a_nucleo_member_paid_more_than_the_auditor_is_found() -> None:
    # the demo's members earn 2.000 € and the revisore 6.500 €: raise Marchi's (office 37)
    # to 7.000 € and the audit finds it; the others stay clear
    def raise_fee(_w, conn) -> None:
        conn.execute("UPDATE offices SET compensation_cents = 700000 WHERE id = 37")

    findings = [f for f in _audit(_demo(raise_fee)).findings
                if f.check == "nucleo_valutazione.compenso"]
    assert [f.verdict for f in findings] == ["vietato"]
    assert "Marchi" in findings[0].subject and findings[0].citations[0] == "art. 38 c. 7"
    assert not [f for f in _audit(_demo()).findings if f.check == "nucleo_valutazione.compenso"]
