"""The audit of the demo Comune finds the planted problems of the calcs checks, and only them."""

from __future__ import annotations

import pytest

from ordina.db import connect
from ordina.engine import Context, default_registry
from ordina.engine.audit import run_audit
from ordina.store import REFERENCE_DATE, ensure_demo

MINE = ("incarichi_responsabili", "tempo_determinato", "part_time", "mobilita",
        "nucleo_valutazione", "collaborazioni")


@pytest.fixture(scope="module")
def report():
    db = connect(":memory:")
    ensure_demo(db)
    return run_audit(Context(as_of=REFERENCE_DATE, db=db, registry=default_registry()),
                     only=MINE)


def _found(report, check: str) -> dict[str, list[str]]:
    return {f.subject: f.citations for f in report.findings if f.check == check}


def test_area_head_beyond_the_mandate_and_union_past(report):
    found = _found(report, "incarichi_responsabili.nomina")
    assert found == {"Giovanni Verdi, responsabile area (Area Tecnica)": ["art. 14 c. 3"],
                     "Laura Bianchi, responsabile area (Area Amministrativa)": ["art. 14 c. 7"]}


def test_nephew_of_the_assessore_on_an_art_110_contract(report):
    found = _found(report, "tempo_determinato.contratto")
    # not Silvia Lodi, the assessore's sister-in-law: she is permanent staff, not art. 110
    assert found == {"contratto ex art. 110 di Paolo Galli": ["art. 54 c. 2"]}


def test_police_officer_part_time_request(report):
    found = _found(report, "part_time.trasformazione")
    assert list(found.values()) == [["art. 80 c. 4"]]
    assert "Davide Ricci" in next(iter(found))


def test_collaborations(report):
    conferral = _found(report, "collaborazioni.conferimento")
    # two invitations, and 7 days for the answers where art. 64 c. 2 lett. c asks for 10
    assert conferral == {"collaborazione 2026/3 (Lucia Bassi)": ["art. 64 c. 2 lett. c",
                                                                 "art. 64 c. 4"]}
    efficacy = _found(report, "collaborazioni.efficacia")
    assert list(efficacy) == ["collaborazione 2026/2 (Paolo Serra)"]


def test_the_ente_is_within_the_20_percent(report):
    assert not _found(report, "tempo_determinato.tetto_dotazione")
    assert report.subjects["ente"] == 1
