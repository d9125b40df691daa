"""`ordina article` as a user runs it."""

from __future__ import annotations

import json


def test_article_text_and_json(run_ordina) -> None:
    done = run_ordina("article", "art", "88", "comma", "3")
    assert done.returncode == 0
    assert "un quinto del trattamento economico" in done.stdout.decode()
    data = json.loads(run_ordina("article", "87.1.d", "--json").stdout)
    assert data["id"] == "art_87__para_1__point_d"
    assert data["citation"] == "art. 87 c. 1 lett. d"


def test_unknown_reference_exit_2_one_line(run_ordina) -> None:
    done = run_ordina("article", "art. 95")
    assert done.returncode == 2
    err = done.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "art. 94" in err[0]
    assert "Traceback" not in done.stderr.decode()
