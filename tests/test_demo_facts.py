"""The demo rows the `personale` question bank was derived from (tests/bank/personale.*.yaml).

The bank's expected answers were worked out by hand from these rows (each entry's `note`
names them). A change to the demo that would silently invalidate the bank must fail here
first: then re-derive the affected entries, and say so in the commit.

The demo is built the way the user builds it (`ordina demo --db FILE`, as in conftest.py),
once per module, and read back with plain sqlite queries.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a freshly built demo database."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run([sys.executable, "-m", "ordina", "--db", str(path), "demo"],
                          capture_output=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    yield conn
    conn.close()


def rows(db: sqlite3.Connection, sql: str, *args: object) -> set[tuple]:
    return set(db.execute(sql, args).fetchall())


def by_surname(db: sqlite3.Connection, sql: str) -> dict[str, tuple]:
    """``sql`` selects the employee's surname first; one row per employee."""
    found = db.execute(sql).fetchall()
    return {r[0]: tuple(r[1:]) for r in found}


EMPLOYMENT = """
    SELECT p.surname, e.category, e.contract, e.part_time_pct, e.salary_cents, u.code,
           e.valid_from, e.valid_to
    FROM employments e JOIN people p ON p.id = e.person_id JOIN units u ON u.id = e.unit_id
"""


def test_employments_salaries_and_part_time(db):
    """Caps (art. 88 c. 3 = salary / 5), part-time shares, categories, units, leavers."""
    assert by_surname(db, EMPLOYMENT) == {
        "Bianchi": ("D1", "indeterminato", 100, 2580000, "AREA-AMM", "2003-09-01", None),
        "Rossi": ("D1", "indeterminato", 100, 2300000, "AREA-FIN", "1998-05-01", None),
        "Verdi": ("D1", "indeterminato", 100, 2410000, "AREA-TEC", "2001-02-01", None),
        "Neri": ("D1", "indeterminato", 100, 2321235, "AREA-SOC", "2016-10-01", None),
        "Romano": ("C", "indeterminato", 100, 2230000, "SERV-PERS", "2008-01-07", None),
        "Marino": ("C", "indeterminato", 100, 2180000, "SERV-RAG", "2019-04-01",
                   "2026-04-01"),
        "Ricci": ("C", "indeterminato", 100, 2190000, "SERV-PM", "2014-06-16", None),
        "Lodi": ("B3", "indeterminato", 100, 2040000, "SERV-SEGR", "2005-03-01", None),
        "Greco": ("B3", "indeterminato", 100, 1990000, "SERV-SOC", "2023-01-02", None),
        "Conti": ("B1", "indeterminato", 100, 2010000, "SERV-LLPP", "1995-09-01", None),
        "Ferrari": ("B1", "indeterminato", 50, 965000, "SERV-LLPP", "2012-02-01", None),
        "Galli": ("D1", "art110", 100, 3000000, "AREA-VIG", "2024-09-01", "2029-06-10"),
        "Esposito": ("SEG", "segretario", 100, 4500000, "SEGRETERIA", "2019-03-01", None),
    }


def test_external_assignments(db):
    """Incarichi: amounts, clients, statuses, request and decision dates, periods."""
    found = rows(db, """
        SELECT a.id, p.surname, a.activity, a.client_type, a.client_supplier, a.client_permit,
               a.client_supervised, a.occasional, a.paid, a.compensation_cents, a.valid_from,
               a.valid_to, a.request_date, a.requested_by, a.status, a.decision_date
        FROM external_assignments a JOIN people p ON p.id = a.person_id""")
    assert found == {
        (7, "Rossi", "docenza", "pa", 0, 0, 0, 1, 1, 150000, "2026-03-02", "2026-05-30",
         "2026-02-02", "entrambi", "autorizzato", "2026-02-20"),
        (9, "Rossi", "commissione_concorso", "pa", 0, 0, 0, 1, 1, 100000, "2026-06-08",
         "2026-07-31", "2026-05-11", "entrambi", "autorizzato", "2026-05-29"),
        (10, "Neri", "convegno", "pa", None, None, None, 1, 0, 0, "2025-10-10", "2025-10-11",
         "2025-09-20", "dipendente", "comunicato", None),
        (11, "Conti", "amministratore_condominio", "privato", 0, 0, 0, 1, 1, 120000,
         "2026-01-01", "2027-01-01", "2025-12-01", "dipendente", "autorizzato", "2025-12-18"),
        (12, "Rossi", "cda_pubblico", "pa", 0, 0, 0, 1, 1, 280000, "2027-01-01", "2028-01-01",
         "2026-11-10", "entrambi", "in_attesa", None),
        (13, "Verdi", "libero_professionale", "privato", 1, 1, None, None, 1, 400000,
         "2026-11-01", "2027-03-01", "2026-10-01", "dipendente", "in_attesa", None),
        (14, "Ricci", "docenza", "privato", 0, None, None, None, 1, 60000, "2026-12-01",
         "2027-06-01", "2026-11-15", "dipendente", "in_attesa", None),
        (15, "Lodi", "volontariato", "privato", None, None, None, 0, 0, 0, "2025-01-01", None,
         "2024-12-15", "dipendente", "comunicato", None),
        (16, "Greco", "docenza", "pa", 0, 0, 0, 1, 1, 80000, "2027-01-15", "2027-02-15",
         "2026-11-18", "entrambi", "in_attesa", None),
        (17, "Ferrari", "lavoro_subordinato", "privato", 0, 0, 0, 0, 1, 800000, "2018-05-01",
         None, "2018-04-12", "dipendente", "comunicato", None),
    }
    subjects = dict(db.execute("SELECT id, client FROM external_assignments").fetchall())
    assert subjects[12] == "Consorzio Acque Esempio"
    assert subjects[13] == "Edil Esempio S.r.l."
    assert subjects[16] == "Unione dei Comuni della Valle"


OFFICES = """
    SELECT p.surname, o.office, u.code, o.valid_from, o.valid_to, o.ad_interim,
           o.position_allowance_cents, o.compensation_cents
    FROM offices o JOIN people p ON p.id = o.person_id LEFT JOIN units u ON u.id = o.unit_id
"""


def test_heads_interims_and_position_allowances(db):
    """Area heads with their decrees' periods and pay, and the one ad interim."""
    heads = rows(db, OFFICES + " WHERE o.office = 'responsabile_area'")
    assert heads == {
        ("Bianchi", "responsabile_area", "AREA-AMM", "2024-07-01", "2029-06-10", 0, 1200000,
         None),
        ("Rossi", "responsabile_area", "AREA-FIN", "2024-07-01", "2029-06-10", 0, 1130000,
         None),
        ("Verdi", "responsabile_area", "AREA-TEC", "2025-07-01", "2030-12-31", 0, 1130000,
         None),
        ("Neri", "responsabile_area", "AREA-SOC", "2024-07-01", "2029-06-10", 0, 912837, None),
        ("Galli", "responsabile_area", "AREA-VIG", "2024-09-01", "2029-06-10", 0, 950000,
         None),
        ("Bianchi", "responsabile_area", "AREA-SOC", "2026-09-01", "2027-09-01", 1, None,
         None),
    }


def test_other_offices(db):
    """Segretario, Vice, RPC, responsabile del personale, services, bodies, safety, albo."""
    found = rows(db, OFFICES + " WHERE o.office NOT IN ('responsabile_area', 'consigliere')")
    assert found == {
        ("Sala", "sindaco", "COMUNE", "2024-06-10", "2029-06-10", 0, None, None),
        ("Galli", "vice_sindaco", "GIUNTA", "2024-06-20", "2029-06-10", 0, None, None),
        ("Galli", "assessore", "GIUNTA", "2024-06-20", "2029-06-10", 0, None, None),
        ("Moretti", "assessore", "GIUNTA", "2024-06-20", "2029-06-10", 0, None, None),
        ("Bruno", "assessore", "GIUNTA", "2024-06-20", "2029-06-10", 0, None, None),
        ("Costa", "presidente_consiglio", "CONSIGLIO", "2024-07-01", "2029-06-10", 0, None,
         None),
        ("Esposito", "segretario", "COMUNE", "2019-03-01", None, 0, None, None),
        ("Esposito", "rpc", "COMUNE", "2019-03-15", None, 0, None, None),
        ("Esposito", "componente_nucleo", "NUCLEO", "2024-07-01", "2027-01-01", 0, None, None),
        ("Esposito", "componente_delegazione", "DELEGAZIONE", "2024-09-01", None, 0, None,
         None),
        ("Bianchi", "vice_segretario", "COMUNE", "2024-07-01", "2029-06-10", 0, None, None),
        ("Romano", "responsabile_servizio", "SERV-PERS", "2024-07-15", None, 0, None, None),
        ("Lodi", "responsabile_servizio", "SERV-SEGR", "2024-07-15", None, 0, None, None),
        ("Ricci", "responsabile_servizio", "SERV-PM", "2024-07-15", None, 0, None, None),
        ("Romano", "responsabile_procedimento", "SERV-PERS", "2024-07-15", None, 0, None,
         None),
        ("Greco", "responsabile_procedimento", "SERV-SOC", "2024-07-15", None, 0, None, None),
        ("Greco", "responsabile_progetto", "UP-PNRR", "2026-01-15", "2028-01-01", 0, None,
         None),
        ("Bianchi", "responsabile_personale", "SERV-PERS", "2024-07-01", "2029-06-10", 0, None,
         None),
        ("Verdi", "datore_lavoro", "COMUNE", "2024-07-10", None, 0, None, None),
        ("Villa", "rspp", "COMUNE", "2024-08-01", "2027-08-01", 0, None, 300000),
        ("Marchi", "componente_nucleo", "NUCLEO", "2024-07-01", "2027-01-01", 0, None, 200000),
        ("Pellegrini", "componente_nucleo", "NUCLEO", "2024-07-01", "2027-01-01", 0, None,
         200000),
        ("Fontana", "revisore_conti", "REVISORE", "2023-05-01", "2026-12-31", 0, None, 650000),
        ("Bianchi", "componente_delegazione", "DELEGAZIONE", "2024-09-01", None, 0, None,
         None),
        ("Rossi", "componente_delegazione", "DELEGAZIONE", "2024-09-01", None, 0, None, None),
        ("Lodi", "incaricato_albo", "UFF-PROTOCOLLO", "2024-07-15", None, 0, None, None),
        ("Lodi", "ufficiale_stato_civile", "SERV-DEMO", "2015-01-01", None, 0, None, None),
    }
    assert db.execute("SELECT count(*) FROM offices WHERE office = 'consigliere'").fetchone() \
        == (10,)


def test_absences_and_higher_duties(db):
    """Who is away when (half-open periods) and the two higher-duty assignments."""
    absences = rows(db, """
        SELECT p.surname, a.kind, a.valid_from, a.valid_to
        FROM absences a JOIN people p ON p.id = a.person_id""")
    assert absences == {
        ("Neri", "maternita", "2026-09-01", "2027-02-01"),
        ("Neri", "congedo_parentale", "2027-02-01", "2027-09-01"),
        ("Verdi", "malattia", "2026-11-16", "2026-12-05"),
        ("Romano", "ferie", "2026-08-03", "2026-08-24"),
        ("Rossi", "ferie", "2026-12-21", "2027-01-07"),
        ("Esposito", "ferie", "2027-03-01", "2027-03-09"),
        ("Conti", "malattia", "2026-02-09", "2026-02-14"),
    }
    duties = rows(db, """
        SELECT p.surname, h.category, h.reason, po.code, r.surname, h.filling_started,
               h.valid_from, h.valid_to
        FROM higher_duties h JOIN people p ON p.id = h.person_id
        LEFT JOIN posts po ON po.id = h.post_id
        LEFT JOIN people r ON r.id = h.replaces_person_id""")
    assert duties == {
        ("Greco", "C", "vacanza", "DO-06", None, 1, "2026-05-01", "2027-05-01"),
        ("Ferrari", "C", "sostituzione", None, "Romano", None, "2026-08-03", "2026-08-24"),
    }


def test_part_time_requests_and_past_roles(db):
    """Ricci's pending request (art. 80 c. 4); the art. 14 c. 7 past roles."""
    assert rows(db, """
        SELECT p.surname, r.request_date, r.percentage, r.status
        FROM part_time_requests r JOIN people p ON p.id = r.person_id""") == {
        ("Ricci", "2026-11-02", 50, "in_attesa"),
        ("Ferrari", "2018-03-01", 50, "accolta"),
    }
    assert rows(db, """
        SELECT p.surname, r.kind, r.valid_from, r.valid_to
        FROM past_roles r JOIN people p ON p.id = r.person_id""") == {
        ("Bianchi", "sindacato", "2019-01-01", "2025-04-01"),
        ("Verdi", "amministratore_ente_locale", "2014-05-26", "2019-05-27"),
    }


def test_family_links(db):
    """Paolo Galli nephew of the assessore; Silvia Lodi his sister-in-law; Rossi's wife."""
    links = rows(db, """
        SELECT a.given_name || ' ' || a.surname, b.given_name || ' ' || b.surname, l.kind
        FROM family_links l JOIN people a ON a.id = l.person_id
        JOIN people b ON b.id = l.relative_id""")
    assert links == {
        ("Giuseppe Galli", "Roberto Galli", "genitore"),
        ("Giuseppe Galli", "Carlo Galli", "genitore"),
        ("Carlo Galli", "Paolo Galli", "genitore"),
        ("Roberto Galli", "Maria Lodi", "coniuge"),
        ("Pietro Lodi", "Maria Lodi", "genitore"),
        ("Pietro Lodi", "Silvia Lodi", "genitore"),
        ("Mario Rossi", "Elena Guidi", "coniuge"),
        ("Davide Ricci", "Paola Greco", "convivente"),
    }
    # The Sindaco has no recorded relatives.
    assert rows(db, """
        SELECT l.id FROM family_links l JOIN people p ON p.id IN (l.person_id, l.relative_id)
        WHERE p.code = 'P001'""") == set()


def test_collaborations(db):
    """Amounts, procedures, notice terms, invitations, publication, periods."""
    assert rows(db, """
        SELECT c.number, c.contractor, u.code, c.kind, c.amount_cents, c.procedure,
               c.direct_reason, c.notice_date, c.notice_deadline, c.invited,
               c.publication_date, c.valid_from, c.valid_to
        FROM collaborations c JOIN units u ON u.id = c.unit_id""") == {
        ("2026/1", "Studio Legale Ferraro", "AREA-AMM", "occasionale", 480000, "comparativa",
         None, "2026-01-10", "2026-01-26", None, "2026-02-05", "2026-02-05", "2027-01-01"),
        ("2026/2", "Paolo Serra", "UP-PNRR", "cococo", 1800000, "diretta", "b", None, None,
         None, None, "2026-03-01", "2027-03-01"),
        ("2026/3", "Lucia Bassi", "AREA-TEC", "occasionale", 350000, "indagine_mercato", None,
         "2026-05-02", "2026-05-09", 2, "2026-05-20", "2026-05-20", "2026-09-30"),
    }


def test_position_gradings_and_pmax(db):
    """Allegato D inputs: the Comune's Pmax and each Area's 2026 sub-parameter grades."""
    assert db.execute("SELECT value FROM ente WHERE key = 'retribuzione_posizione_max'"
                      ).fetchone() == ("16000.00",)
    found: dict[str, dict[str, float]] = {}
    for unit, sub, grade in db.execute("""
            SELECT u.code, g.subparameter, g.grade FROM position_gradings g
            JOIN units u ON u.id = g.unit_id WHERE g.year = 2026"""):
        found.setdefault(unit, {})[sub] = grade
    order = ("A1", "A2", "B1", "B2", "B3", "B4", "C1", "C2", "C3")
    assert {u: tuple(g[s] for s in order) for u, g in found.items()} == {
        "AREA-SOC": (90, 60, 60, 40, 70, 80, 90, 70, 30),
        "AREA-AMM": (95, 80, 80, 90, 80, 85, 80, 70, 60),
        "AREA-FIN": (90, 85, 50, 90, 70, 70, 60, 60, 60),
        "AREA-TEC": (90, 85, 70, 90, 70, 60, 80, 60, 70),
        "AREA-VIG": (70, 50, 40, 70, 50, 60, 80, 60, 60),
    }


def test_structure_services_posts_and_nucleo_members(db):
    """The ten Servizi, the PNRR unit's life, the posts, and the Nucleo members' titles."""
    services = rows(db, """
        SELECT s.code, a.code FROM units s JOIN units a ON a.id = s.parent_id
        WHERE s.kind = 'servizio'""")
    assert services == {
        ("SERV-SEGR", "AREA-AMM"), ("SERV-PERS", "AREA-AMM"), ("SERV-DEMO", "AREA-AMM"),
        ("SERV-RAG", "AREA-FIN"), ("SERV-TRIB", "AREA-FIN"), ("SERV-LLPP", "AREA-TEC"),
        ("SERV-URB", "AREA-TEC"), ("SERV-PM", "AREA-VIG"), ("SERV-SOC", "AREA-SOC"),
        ("SERV-CULT", "AREA-SOC"),
    }
    assert rows(db, "SELECT valid_from, valid_to FROM units WHERE code = 'UP-PNRR'") == {
        ("2026-01-15", "2028-01-01")}
    held = rows(db, """
        SELECT po.code FROM posts po JOIN employments e ON e.post_id = po.id
        WHERE e.valid_to IS NULL""")
    all_posts = rows(db, "SELECT code FROM posts")
    assert all_posts - held == {("DO-06",)}
    assert rows(db, """
        SELECT p.surname, x.degree, x.experience_years FROM people_private x
        JOIN people p ON p.id = x.person_id WHERE p.code IN ('E001', 'E002')""") == {
        ("Marchi", "Laurea in Economia e commercio", 8),
        ("Pellegrini", "Laurea in Ingegneria gestionale", 6),
    }
    assert rows(db, "SELECT degree FROM people_private x JOIN people p ON p.id = x.person_id "
                    "WHERE p.code = 'M001'") == {("Laurea magistrale in Giurisprudenza",)}
    assert db.execute("SELECT value FROM ente WHERE key = 'patrono'").fetchone() == ("06-24",)
