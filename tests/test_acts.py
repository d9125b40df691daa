"""Draft acts: each kind from a recorded decision, read back from DOCX, HTML and Markdown."""

from __future__ import annotations

import json
import re
import sqlite3
from itertools import pairwise
from pathlib import Path

import pytest

from ordina import leggi
from ordina.acts.render import docx_links, docx_text
from ordina.acts.templates import fill
from ordina.cli import main
from ordina.corpus.acts import known_acts
from ordina.corpus.refs import parse_act_reference

ON = "2026-11-23"
URN_53 = "urn:nir:stato:decreto.legislativo:2001-03-30;165~art53"
#: What the office establishes on incarico 12 (the database does not say it).
OFFICE_FACTS = ("-f", "professional_growth=sì", "-f", "expenses_only=no")


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    """``cli(*args) -> (code, out, err)`` on a demo database; acts are written in tmp_path."""
    db = str(tmp_path / "a.db")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ORDINA_AMENDMENTS", str(tmp_path / "none"))
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()

    def run(*args: str):
        code = main(["--db", db, "--as-of", ON, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    run.db = db  # type: ignore[attr-defined]
    return run


def _record(cli, ident: str, outcome: str, *extra: str) -> None:
    code, _, err = cli("decide", ident, "--record", "--esito", outcome, "--by", "Laura Bianchi",
                       *extra)
    assert code == 0, err


def test_authorisation_docx_has_the_citations_and_the_obligations(cli, tmp_path):
    _record(cli, "12", "autorizzato", *OFFICE_FACTS)
    code, _, err = cli("act", "incarico 12", "--format", "docx", "-o", "rossi.docx")
    assert code == 0, err
    data = (tmp_path / "rossi.docx").read_bytes()
    text = docx_text(data)
    assert "COMUNE DI ESEMPIO" in text and "DETERMINAZIONE N. ______ DEL ______" in text
    assert "l'art. 53 del D.Lgs. 30 marzo 2001, n. 165" in text
    assert "l'art. 88 c. 3 del Regolamento" in text and "un quinto del trattamento" in text
    assert "3.800 € ≤ 4.600 €" in text  # the reasoning, from the trace
    assert "crescita della professionalità del dipendente? Sì" in text  # the office's facts
    assert "diversamente dall'esito proposto" not in text
    assert "di autorizzare Mario Rossi" in text
    assert "PerlaPA" in text and f"entro {leggi.PERLAPA.value} giorni" in text
    assert "art. 18 D.Lgs. 33/2013" in text
    assert "Prot. n. ______" in text and "Firma ______" in text
    assert not re.search(r"\[[a-z_]+\]", text)  # every field of the template is filled
    links = docx_links(data)
    assert any(URN_53 in link for link in links)
    assert any("2013-03-14;33~art18" in link for link in links)


def test_a_refusal_against_the_proposal_carries_its_reason(cli, tmp_path):
    reason = "il Comune conta anche l'incarico n. 7 autorizzato (5.300 € > 4.600 €)"
    _record(cli, "12", "negato", *OFFICE_FACTS, "--note", reason)
    assert cli("act", "12", "--format", "docx", "-o", "diniego.docx")[0] == 0
    text = docx_text((tmp_path / "diniego.docx").read_bytes())
    assert "DINIEGO" in text and "di non autorizzare Mario Rossi" in text
    assert ("Ritenuto, diversamente dall'esito proposto dall'istruttoria (autorizzato), di "
            f"decidere «negato» per il seguente motivo: {reason}.") in text
    assert "5.300 € > 4.600 € (supera il tetto). (art. 88 c. 3)" in text  # the other reading


def test_markdown_ends_each_list_before_the_next_block(cli):
    _record(cli, "12", "autorizzato", *OFFICE_FACTS)
    lines = cli("act", "12", "--format", "md")[1].splitlines()
    assert "## DETERMINA" in lines
    for before, line in pairwise(lines):
        if before.startswith("- "):
            assert line.startswith("- ") or line == "", (before, line)


def test_refusal_communication_and_markdown_html(cli, tmp_path):
    _record(cli, "part-time:1", "negato")
    code, out, _ = cli("act", "part-time:1")
    assert code == 0
    assert "DINIEGO" in out and "Davide Ricci" in out and "art. 80 c. 4" in out
    _record(cli, "16", "preso_atto")
    assert cli("act", "16", "--format", "html", "-o", "greco.html")[0] == 0
    page = (tmp_path / "greco.html").read_text(encoding="utf-8")
    assert "PRESA D&#x27;ATTO" in page or "PRESA D'ATTO" in page
    assert "art. 89 c. 1 trattino 10" in page and URN_53 in page
    code, _, err = cli("act", "16", "--format", "html", "-o", "greco.html")
    assert code == 2 and "esiste già" in err
    assert cli("act", "16", "--format", "html", "-o", "greco.html", "--force")[0] == 0


def test_work_without_authorisation_gets_a_diffida(cli):
    conn = sqlite3.connect(cli.db)
    conn.execute("INSERT INTO external_assignments (id, person_id, subject, client, client_type,"
                 " activity, paid, compensation_cents, valid_from, status) SELECT 40, person_id,"
                 " 'Consulenza tecnica', 'Studio Alfa', 'privato', 'consulenza', 1, 300000,"
                 " '2026-09-01', 'non_autorizzato' FROM external_assignments WHERE id = 13")
    conn.commit()
    conn.close()
    _, out, _ = cli("decide", "40")
    assert "Esito proposto: NEGATO" in out and "art. 91 c. 1" in out
    _record(cli, "40", "negato")
    _, out, _ = cli("act", "40")
    assert "DIFFIDA" in out and "entro 30 giorni" in out and "licenziamento" in out
    out = cli("deadlines", "--json")[1]
    diffida = next(i for i in json.loads(out) if i["kind"] == "diffida")
    assert diffida["key"] == "incarico 40" and diffida["citation"] == "art. 91 c. 1"


def test_no_decision_yet_is_a_clear_error(cli):
    code, _, err = cli("act", "13")
    assert code == 2 and "nessuna decisione registrata su incarico 13" in err
    assert cli("act", "tredici")[0] == 2


def test_a_comune_edits_the_wording_without_code(cli, tmp_path, monkeypatch):
    own = tmp_path / "modelli"
    own.mkdir()
    shipped = Path(__file__).resolve().parents[1] / "templates" / "presa_atto.yaml"
    text = shipped.read_text(encoding="utf-8").replace("di prendere atto della comunicazione di",
                                                        "di PRENDERE ATTO, con favore, di")
    (own / "presa_atto.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("ORDINA_TEMPLATES", str(own))
    _record(cli, "16", "preso_atto")
    _, out, _ = cli("act", "16")
    assert "di PRENDERE ATTO, con favore, di Paola Greco" in out


def test_fields_without_value_stay_visible():
    assert fill("a $dipendente per $oggetto, $$5", {"dipendente": "Rossi", "oggetto": None}) \
        == "a Rossi per [oggetto], $5"


def test_law_numbers_cite_a_known_act():
    refs = parse_act_reference(leggi.PERLAPA.cite.replace(" D.Lgs.", " del D.Lgs."))
    assert refs and refs[0].urn == URN_53
    assert known_acts().find("decreto.legislativo", 2001, 165) is not None
