"""``ordina ask --json`` on the demo: the personnel office's questions answered from the rows.

Each test is one mechanism, asked as the office types it (demo Comune, 23/11/2026).
"""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return str(tmp_path_factory.mktemp("pers") / "demo.db")


def _ask(run_ordina, db: str, question: str) -> dict:
    run_ordina("demo", db=db)
    done = run_ordina("ask", question, "--json", "--as-of", "2026-11-23", db=db)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def test_an_absent_area_head_without_interim_cites_the_substitution_rule(run_ordina,
                                                                         demo_db) -> None:
    # Rossi in ferie 21/12/2026-06/01/2027, nobody ad interim: art. 17 c. 1 and c. 3
    data = _ask(run_ordina, demo_db, "chi dirige la Ragioneria a Natale?")
    assert "Mario Rossi" in data["answer"] and "assente (ferie fino al 06/01/2027" in data["answer"]
    assert {"art. 10 c. 3", "art. 17 c. 1", "art. 17 c. 3"} <= set(data["citations"])


def test_an_interim_head_is_named_with_its_act_and_the_absent_titular(run_ordina,
                                                                      demo_db) -> None:
    data = _ask(run_ordina, demo_db, "who is the acting head of social services today?")
    assert "ad interim **Laura Bianchi** (Decreto sindacale n. 12/2026)" in data["answer"]
    assert "Anna Neri" in data["answer"] and "art. 17 c. 1" in data["citations"]


def test_the_kinship_of_a_candidate_outside_the_staff_is_read(run_ordina, demo_db) -> None:
    # Carlo Galli is not employed; he is the brother of the assessore Roberto Galli
    data = _ask(run_ordina, demo_db, "Carlo Galli potrebbe essere assunto ex art. 110?")
    assert data["verdict"] == "vietato" and "art. 54 c. 2" in data["citations"]
    assert "fratello" in data["answer"] and "Roberto Galli" in data["answer"]


def test_a_surname_shared_with_relatives_means_the_member_of_staff(run_ordina,
                                                                   demo_db) -> None:
    # three Lodi in the database, one on the staff: she is meant, and the note says so
    data = _ask(run_ordina, demo_db, "si potrebbe dare alla Lodi un contratto a tempo "
                                     "determinato ex art. 110?")
    assert "Ho inteso «Lodi» come Silvia Lodi" in data["answer"]
    assert data["verdict"] == "vietato" and "2° grado" in data["answer"]


def test_who_is_a_shared_surname_still_lists_the_namesakes(run_ordina, demo_db) -> None:
    data = _ask(run_ordina, demo_db, "chi è Lodi?")
    assert "Maria Lodi" in data["answer"] and "Silvia Lodi" in data["answer"]
    assert "Ho inteso" not in data["answer"]
