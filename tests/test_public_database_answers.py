"""On the public copy (no personal data) answers say what they cannot know (issue 3)."""

from __future__ import annotations

from datetime import date

import pytest

from ordina.ask import answer_question
from ordina.db import connect
from ordina.store import ensure_demo

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    from ordina.store.public import export_public

    folder = tmp_path_factory.mktemp("public")
    demo = connect(folder / "demo.db")
    ensure_demo(demo)
    export_public(demo, folder / "pubblico.db")
    return connect(folder / "pubblico.db")


def test_who_substitutes_says_absences_are_not_in_the_public_copy(public) -> None:
    result = answer_question("chi sostituisce l'area tecnica?", public, ON, {})
    assert "non contiene le assenze" in result.answer
    assert "è in servizio" not in result.answer  # unknown, never defaulted to "present"
    assert "art. 17 c. 1" in result.citations


def test_who_substitutes_the_segretario_names_the_vice_in_case_of_absence(public) -> None:
    result = answer_question("chi sostituisce il segretario?", public, ON, {})
    assert "non contiene le assenze" in result.answer
    assert "In sua assenza agirebbe **Laura Bianchi**" in result.answer
    assert "art. 7 c. 1" in result.citations


def test_the_full_demo_still_knows_who_is_absent(tmp_path) -> None:
    demo = connect(tmp_path / "demo.db")
    ensure_demo(demo)
    result = answer_question("chi sostituisce l'area tecnica?", demo, ON, {})
    assert "malattia" in result.answer and "non contiene le assenze" not in result.answer


def test_a_register_on_the_public_copy_says_it_has_no_personal_data(public) -> None:
    result = answer_question("quali collaborazioni risultano nel registro per il 2026?", public,
                             ON, {})
    assert result.intent == "register"
    assert "non contiene incarichi di collaborazione" in result.answer
    assert "Ferraro" not in result.answer
