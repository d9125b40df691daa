"""From the answer to the act, end to end on the demo Comune as of 23/11/2026.

Decide and record an authorisation, verify the register, write the DOCX and find the
citations in it, tamper with a row through sqlite3, list the deadlines (JSON and .ics),
and recheck the receipt after an amendment to art. 88 c. 3.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from ordina.acts.render import docx_links, docx_text
from ordina.deadlines.ics import read_ics

ON = "2026-11-23"
AMENDMENT = """in_vigore_dal: 2026-11-24
atto: Deliberazione della Giunta comunale n. 90 del 23 novembre 2026
operazioni:
  - sostituisci: art. 88 c. 3
    testo: >-
      L'insieme degli incarichi autorizzati non potrà comportare annualmente un compenso
      lordo superiore a un ottavo del trattamento economico fondamentale lordo spettante.
"""
#: What the office establishes on incarico 12: the database does not say it.
OFFICE = ("-f", "professional_growth=sì", "-f", "expenses_only=no")


@pytest.mark.slow
def test_from_decide_to_the_act(run_ordina, tmp_path):
    db = str(tmp_path / "comune.db")
    amendments = tmp_path / "emendamenti"
    amendments.mkdir()
    env = {"ORDINA_AMENDMENTS": str(amendments)}

    def ordina(*args: str, ok: bool = True):
        result = run_ordina("--db", db, *args, db=db, env=env)
        if ok:
            assert result.returncode == 0, result.stderr.decode()
        return result

    ordina("demo")
    # decide: the database lacks the facts of the internal check (art. 63) for the
    # collaboration 2026/1; the proposal says which --fact to give, and without a proposal
    # an outcome needs a note
    out = ordina("--as-of", ON, "decide", "2026/1").stdout.decode()
    assert "Esito proposto: NESSUNO" in out
    assert "--fact internal_check_outcome=negativo|positivo|nessuna_risposta" in out
    unproposed = ordina("--as-of", ON, "decide", "2026/1", "--record", "--esito", "autorizzato",
                        "--by", "Laura Bianchi", ok=False)
    assert unproposed.returncode == 2 and "--note" in unproposed.stderr.decode()
    # with the office's facts the checks propose the authorisation (3.800 € ≤ 4.600 €)
    proposal = json.loads(ordina("--as-of", ON, "decide", "incarico 12", *OFFICE,
                                 "--json").stdout)
    assert proposal["proposed"] == "autorizzato" and "art. 88 c. 3" in proposal["citations"]
    assert not proposal["missing"]
    out = ordina("--as-of", ON, "decide", "12", *OFFICE, "--record", "--esito", "autorizzato",
                 "--by", "Laura Bianchi").stdout.decode()
    assert "Registrata la voce n. 1" in out and "difforme" not in out
    ordina("--as-of", ON, "decide", "16", "--record", "--esito", "preso_atto", "--by",
           "Laura Bianchi")
    assert "Registro integro: 2 voci" in ordina("register", "verify").stdout.decode()
    receipt = json.loads(ordina("receipt", "1").stdout)
    assert receipt["decision"]["outcome"] == "autorizzato" and not receipt["decision"]["differs"]
    assert {f["name"]: f["source"] for f in receipt["facts"]}["professional_growth"] == "opzione"

    # the act, read back from the DOCX
    ordina("act", "12", "--format", "docx", "-o", str(tmp_path / "atto.docx"))
    data = (tmp_path / "atto.docx").read_bytes()
    text = docx_text(data)
    for citation in ("l'art. 53 del D.Lgs. 30 marzo 2001, n. 165", "l'art. 88 c. 3 del Regolamento",
                     "l'art. 88 c. 6 del Regolamento", "(art. 88 c. 3)", "art. 88 c. 7",
                     "art. 53 c. 12 D.Lgs. 165/2001", "art. 18 D.Lgs. 33/2013"):
        assert citation in text, citation
    assert any(link.endswith("2001-03-30;165~art53") for link in docx_links(data))

    # deadlines: the request past its 30 days, the PerlaPA communication of incarico 12
    items = json.loads(ordina("--as-of", ON, "deadlines", "--json", "--ics",
                              str(tmp_path / "scadenze.ics")).stdout)
    late = next(i for i in items if i["kind"] == "risposta" and i["key"] == "incarico 13")
    assert late["overdue"] and late["date"] == "2026-10-31" and late["citation"] == "art. 88 c. 6"
    perla = next(i for i in items if i["kind"] == "perlapa" and i["key"] == "incarico 12")
    assert perla["source"].startswith("registro: voce n. 1")
    events = read_ics((tmp_path / "scadenze.ics").read_bytes())
    assert (date(2026, 10, 31), "risposta") in {(e[0], e[2]) for e in events}
    assert (date.fromisoformat(perla["date"]), "perlapa") in {(e[0], e[2]) for e in events}

    # art. 88 c. 3 lowered to one eighth (2.875 €) the next day: the recheck reports the change
    (amendments / "2026-11-24-giunta-90.yaml").write_text(AMENDMENT, encoding="utf-8")
    recheck = json.loads(ordina("--as-of", "2026-11-25", "receipt", "1", "--recheck",
                                "--json").stdout)
    assert recheck["recorded"]["same"] is True
    today = recheck["today"]
    assert today["same"] is False and today["verdict"] == "vietato"
    assert today["norme"][0]["cite"] == "art. 88 c. 3" and today["norme"][0]["after"] == "0.125"
    assert "un ottavo" in today["norme"][0]["text"]
    assert "ESITO DIVERSO" in ordina("--as-of", "2026-11-25", "receipt", "1",
                                     "--recheck").stdout.decode()

    # tamper with entry 2 through sqlite3: verify fails and names it
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER decisions_no_update")
    conn.execute("UPDATE decisions SET outcome = 'negato' WHERE id = 2")
    conn.commit()
    conn.close()
    broken = ordina("register", "verify", ok=False)
    assert broken.returncode == 1
    assert "voce n. 2" in broken.stdout.decode()
