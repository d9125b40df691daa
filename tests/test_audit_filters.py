"""The audit's filters in process: any name typed resolves to one person or unit, or to an
Italian error with exit code 2, never to a silent empty report nor to a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ordina.cli import main
from ordina.engine.check import Azione


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    from ordina.db import connect
    from ordina.store import ensure_demo

    path = tmp_path_factory.mktemp("audit") / "demo.db"
    ensure_demo(connect(str(path)))
    return str(path)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                max_size=20).filter(lambda t: t.strip() and not t.startswith("-"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(option=st.sampled_from(["--person", "--unit", "--check"]), value=_TEXT)
def test_any_filter_value_is_a_report_or_an_italian_error(demo_path, capsys, option,
                                                          value) -> None:
    code = main(["--db", demo_path, "check", "--all", "--as-of", "23/11/2026",
                 "--format", "json", option, value])
    out, err = capsys.readouterr()
    assert code in (0, 2), err
    if code == 2:
        assert err.startswith("ordina: errore:") and out == ""
        assert any(w in err for w in ("nessuna", "sconosciuta", "più persone", "più unità"))
    else:
        assert '"findings"' in out


@pytest.mark.parametrize(("option", "value", "scope"), [
    ("--person", "giovanni verdi", "persona Giovanni Verdi"),
    ("--person", "M003", "persona Giovanni Verdi"),
    ("--unit", "AREA-TEC", "unità Area Tecnica e sottostanti"),
    ("--unit", "tecnica", "unità Area Tecnica e sottostanti"),
])
def test_filters_accept_codes_and_names(demo_path, capsys, option, value, scope) -> None:
    assert main(["--db", demo_path, "check", "--all", "--as-of", "23/11/2026", option,
                 value]) == 0
    assert f"Limitata a: {scope}." in capsys.readouterr().out


@given(st.dictionaries(st.sampled_from(["oggi", "compenso", "altro"]), st.text(alphabet="abcè €0123.,", max_size=8)))
def test_an_action_never_shows_a_placeholder(data) -> None:
    text = Azione("diffidare entro il {fine}; versare {compenso} ({oggi})", "art. 91 c. 1") \
        .testo(data)
    assert "{" not in text and text.endswith("(art. 91 c. 1)")


def test_an_ambiguous_unit_lists_the_candidates(demo_path, capsys) -> None:
    assert main(["--db", demo_path, "check", "--all", "--unit", "servizio"]) == 2
    err = capsys.readouterr().err
    assert "più unità corrispondono a «servizio»" in err and "Servizio Ragioneria" in err
