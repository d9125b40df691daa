"""The decisions register: proposal, recording, hash chain, receipts, rechecks, impact."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordina.cli import main
from ordina.errors import UserError
from ordina.register.subject import Ref, parse_id

ON = "2026-11-23"
FORM = ["-f", "professional_growth=sì", "-f", "expenses_only=no"]
AMENDMENT = """in_vigore_dal: 2026-12-01
atto: Deliberazione della Giunta comunale n. 90 del 26 novembre 2026
operazioni:
  - sostituisci: art. 88 c. 3
    testo: >-
      L'insieme degli incarichi autorizzati non potrà comportare annualmente un compenso
      lordo superiore a un ottavo del trattamento economico fondamentale lordo spettante.
"""
#: Refusing Rossi's incarico 12 against the proposal: the other reading of art. 88 c. 3.
AGAINST = "il Comune conta anche l'incarico n. 7 autorizzato (5.300 € > 4.600 €)"


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    """``cli(*args) -> (exit code, stdout, stderr)`` on a demo database in ``tmp_path``."""
    db = str(tmp_path / "r.db")
    monkeypatch.setenv("ORDINA_AMENDMENTS", str(tmp_path / "amendments"))
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db, "--as-of", ON, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    run.db = db  # type: ignore[attr-defined]
    return run


def _record_rossi(cli, *extra: str) -> int:
    """Record the authorisation of incarico 12 (the proposal, on the office's facts)."""
    code, out, err = cli("decide", "incarico 12", *FORM, "--record", "--esito", "autorizzato",
                         "--by", "Laura Bianchi", *extra)
    assert code == 0, err
    return int(out.rsplit("voce n. ", 1)[1].split()[0])


@pytest.mark.parametrize(("text", "ref"), [
    ("12", Ref("incarico", "12")), ("incarico 12", Ref("incarico", "12")),
    ("Incarico n. 7", Ref("incarico", "7")), ("part-time:3", Ref("part_time", "3")),
    ("2026/3", Ref("collaborazione", "2026/3")), ("2026 / 03", Ref("collaborazione", "2026/3")),
])
def test_ids_the_office_writes(text, ref):
    assert parse_id(text) == ref


@given(st.text(max_size=30))
def test_any_id_is_read_or_refused_in_italian(text):
    try:
        ref = parse_id(text)
    except UserError as exc:
        assert "identificativo non riconosciuto" in str(exc)
    else:
        assert ref.kind in ("incarico", "part_time", "collaborazione") and ref.key


def test_decide_shows_the_proposal_with_its_trace(cli):
    code, out, _ = cli("decide", "12", *FORM)
    assert code == 0
    assert "Esito proposto: AUTORIZZATO" in out
    assert "3.800 € ≤ 4.600 €" in out and "(art. 88 c. 3)" in out
    assert "5.300 € > 4.600 €" in out and "Da verificare" in out  # the other reading, stated
    assert "Non si conta l'incarico n. 7: per l'art. 89 non richiede autorizzazione" in out
    assert "incarichi_esterni.tetto_compensi" in out
    # occasionality and professional growth are what the deciding body weighs (art. 88 c. 1)
    assert "purché occasionale e utile alla crescita professionale" in out
    assert "Per decidere l'ufficio deve accertare" not in out
    code, out, _ = cli("decide", "16", "--json")
    data = json.loads(out)
    assert data["proposed"] == "preso_atto" and "art. 89 c. 1 trattino 10" in data["citations"]


@pytest.mark.parametrize("bad", ["incarico dodici", "part-time:", "99", "2019/1", "part-time:9"])
def test_bad_ids_exit_2_in_italian(cli, bad):
    code, out, err = cli("decide", bad)
    assert code == 2 and not out
    assert err.startswith("ordina: errore:") and len(err.strip().splitlines()) == 1


def test_missing_facts_are_named_with_the_fact_to_give(cli):
    code, out, _ = cli("decide", "2026/1")
    assert code == 0 and "Esito proposto: NESSUNO (mancano dati per decidere)" in out
    assert ("- Com'è andata la ricognizione interna del Segretario: esito negativo, positivo "
            "o nessuna risposta? --fact internal_check_outcome=negativo|positivo|"
            "nessuna_risposta") in out
    # the outcome of the art. 63 procedure tells the check was done: asked first, not both
    assert "e ripetere: ordina decide 2026/1 --fact internal_check_outcome=…" in out
    data = json.loads(cli("decide", "2026/1", "--json")[1])
    assert data["proposed"] is None and "internal_check_outcome" in data["missing"]
    code, _, err = cli("decide", "2026/1", "--record", "--esito", "autorizzato", "--by", "X")
    assert code == 2 and "nessuno (mancano dati)" in err


def test_an_outcome_against_the_proposal_needs_a_note(cli):
    code, _, err = cli("decide", "12", *FORM, "--record", "--esito", "negato",
                       "--by", "Laura Bianchi")
    assert code == 2 and "--note" in err
    code, out, err = cli("decide", "12", *FORM, "--record", "--esito", "negato",
                         "--by", "Laura Bianchi", "--note", AGAINST)
    assert code == 0, err
    assert "(difforme dalla proposta, motivata)" in out
    code, out, _ = cli("register")
    assert "n. 1" in out and "difforme dalla proposta (autorizzato)" in out
    assert AGAINST in out
    number = _record_rossi(cli)  # the proposal itself needs no note and is not "difforme"
    line = next(ln for ln in cli("register")[1].splitlines() if ln.startswith(f"n. {number} "))
    assert "→ autorizzato" in line and "difforme" not in line


def test_corrections_filters_and_receipt(cli):
    first = _record_rossi(cli)
    code, out, _ = cli("decide", "16", "--record", "--esito", "preso_atto", "--by", "L. Bianchi")
    assert code == 0
    code, out, err = cli("decide", "12", *FORM, "--record", "--esito", "negato",
                         "--by", "Laura Bianchi", "--corregge", str(first), "--note", AGAINST)
    assert code == 0, err
    code, out, _ = cli("register", "--person", "rossi", "--json")
    rows = json.loads(out)
    assert [r["entry"] for r in rows] == [1, 3]
    assert rows[0]["corrected_by"] == 3 and rows[1]["corrects"] == 1
    code, out, _ = cli("register", "--kind", "presa_atto")
    assert "Paola Greco" in out and "Mario Rossi" not in out
    code, _, err = cli("decide", "16", "--record", "--esito", "preso_atto", "--by", "X",
                       "--corregge", "1")
    assert code == 2 and "riguarda incarico 12" in err
    code, out, _ = cli("receipt", "1")
    receipt = json.loads(out)
    assert len(receipt["regulation"]["sha256"]) == 64
    assert receipt["ordina"] and receipt["as_of"] == ON
    assert "incarichi_esterni.tetto_compensi" in receipt["checks"]
    facts = {f["name"]: f for f in receipt["facts"]}
    assert facts["compensation"]["source"] == "db"
    assert "incarico 12" in facts["compensation"]["detail"]
    assert facts["professional_growth"]["source"] == "opzione"
    assert facts["request_date"]["value"] == {"date": "2026-11-10"}
    assert receipt["decision"] | {"decided_at": None} == {
        "outcome": "autorizzato", "differs": False, "decided_by": "Laura Bianchi",
        "note": None, "decided_at": None, "corrects": None}
    assert any(s["citation"] == "art. 88 c. 3" for s in receipt["trace"])
    correction = json.loads(cli("receipt", "3")[1])["decision"]
    assert correction | {"decided_at": None} == {
        "outcome": "negato", "differs": True, "decided_by": "Laura Bianchi",
        "note": AGAINST, "decided_at": None, "corrects": 1}
    assert cli("receipt", "9")[0] == 2 and cli("receipt", "uno")[0] == 2


def _tamper(db: str, sql: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER decisions_no_update")
    conn.execute("DROP TRIGGER decisions_no_delete")
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_the_register_refuses_edits_through_sql(cli):
    _record_rossi(cli)
    conn = sqlite3.connect(cli.db)
    with pytest.raises(sqlite3.IntegrityError, match="non si modificano"):
        conn.execute("UPDATE decisions SET outcome = 'negato'")
    with pytest.raises(sqlite3.IntegrityError, match="non si cancellano"):
        conn.execute("DELETE FROM decisions")


@pytest.mark.parametrize(("sql", "bad"), [
    ("UPDATE decisions SET decided_by = 'Altro' WHERE id = 2", 2),
    ("DELETE FROM decisions WHERE id = 2", 2),
    ("DELETE FROM decisions WHERE id = 3", 3),
    ("UPDATE decisions SET id = id + 10 WHERE id = 1", 1),
])
def test_verify_names_the_first_bad_entry(cli, sql, bad):
    for _ in range(3):
        _record_rossi(cli)
    code, out, _ = cli("register", "verify")
    assert code == 0 and "3 voci" in out
    _tamper(cli.db, sql)
    code, out, _ = cli("register", "verify")
    assert code == 1
    assert f"voce n. {bad}:" in out


def test_recheck_and_impact_of_an_amendment_to_art_88_c_3(cli, tmp_path):
    number = _record_rossi(cli)
    proposal = tmp_path / "proposta.yaml"
    proposal.write_text(AMENDMENT, encoding="utf-8")
    code, out, _ = cli("register", "impact", "--amendment", str(proposal))
    assert code == 0
    assert "1 con esito diverso" in out and "un quinto → un ottavo" in out
    assert "le verifiche davano «autorizzazione», con l'emendamento «vietato»" in out
    code, out, _ = cli("receipt", str(number), "--recheck")
    assert out.count("stesso esito") == 2  # a proposal only: nothing in force changed


def test_recheck_json_reports_the_change(cli, tmp_path, capsys):
    number = _record_rossi(cli)
    (tmp_path / "amendments").mkdir()
    (tmp_path / "amendments" / "2026-12-01-giunta-90.yaml").write_text(AMENDMENT, "utf-8")
    main(["--db", cli.db, "--as-of", "2026-12-02", "receipt", str(number), "--recheck", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["recorded"]["same"] is True
    today = data["today"]
    assert today["same"] is False and today["verdict"] == "vietato"
    assert today["norme"][0]["cite"] == "art. 88 c. 3" and today["norme"][0]["after"] == "0.125"
    assert any("2026-12-01-giunta-90" in n for n in today["notes"])
    assert "supererebbero un ottavo del trattamento economico" in today["answer"]
    assert "3.800 € > 2.875 €" in today["answer"]
    assert today["facts_changed"] == []  # only the text changed, not Rossi's incarichi


def test_recheck_names_a_fact_changed_in_the_database(cli):
    number = _record_rossi(cli)
    conn = sqlite3.connect(cli.db)
    conn.execute("UPDATE external_assignments SET compensation_cents = 400000 WHERE id = 12")
    conn.commit()
    conn.close()
    data = json.loads(cli("receipt", str(number), "--recheck", "--json")[1])
    assert data["recorded"]["same"] is True
    today = data["today"]
    assert today["same"] is False and today["verdict"] == "vietato"  # 4.000 + 1.000 > 4.600
    assert today["facts_changed"] == ["compensation: 2.800 → 4.000"]


def test_a_public_copy_has_no_register(cli, tmp_path, capsys):
    _record_rossi(cli)
    public = str(tmp_path / "pubblica.db")
    assert main(["--db", cli.db, "export", "--public", public]) == 0
    capsys.readouterr()
    for args in (["register"], ["register", "verify"], ["receipt", "1"], ["deadlines"],
                 ["decide", "12"]):
        assert main(["--db", public, *args]) == 2, args
        err = capsys.readouterr().err
        assert err.startswith("ordina: errore:") and "Traceback" not in err


def test_a_version_2_database_gains_the_register(tmp_path):
    from ordina.db import connect
    from ordina.store.schema import MIGRATIONS, SCHEMA_VERSION, ensure_schema, schema_version

    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path)
    for step in (1, 2):
        for _table, sql in MIGRATIONS[step]:
            conn.execute(sql)
    conn.execute("INSERT INTO store_meta VALUES ('schema_version', '2')")
    conn.execute("INSERT INTO ente VALUES ('nome', 'Comune di Prova')")
    conn.commit()
    conn.close()
    db = connect(path)
    assert ensure_schema(db) is True and schema_version(db) == SCHEMA_VERSION
    assert "decisions" in db.table_names()
    assert db.conn.execute("SELECT value FROM ente").fetchone() == ("Comune di Prova",)


def test_period_filter_and_no_proposal_needs_a_note(cli):
    _record_rossi(cli)
    today = date.today()
    assert "1 voce" in cli("register", "--dal", today.isoformat())[1]
    assert "0 voci" in cli("register", "--dal", (today + timedelta(days=1)).isoformat())[1]
    assert "0 voci" in cli("register", "--al", "2020-01-01")[1]
    assert cli("register", "--dal", "ieri")[0] == 2
    code, _, err = cli("decide", "2026/1", "--record", "--esito", "autorizzato", "--by", "X")
    assert code == 2 and "nessuno (mancano dati)" in err


def test_decide_follows_an_amendment_in_force(cli, tmp_path):
    (tmp_path / "amendments").mkdir()
    (tmp_path / "amendments" / "2026-11-01-giunta-80.yaml").write_text(
        AMENDMENT.replace("2026-12-01", "2026-11-01"), "utf-8")
    data = json.loads(cli("decide", "12", *FORM, "--json")[1])
    assert data["proposed"] == "negato"  # 3.800 € > 2.875 €, one eighth of 23.000 €
    assert "art. 88 c. 3" in data["citations"]
    assert cli("decide", "12", *FORM, "--record", "--esito", "negato", "--by", "X")[0] == 0
    receipt = json.loads(cli("receipt", "1")[1])
    assert receipt["decision"]["differs"] is False
    assert receipt["regulation"]["amendments"][0]["id"] == "2026-11-01-giunta-80"
    assert receipt["norme_in_force"][0]["after"] == "0.125"
