"""The import graph runs one way: nothing below the command line imports it, no cycles
between the fact modules, one date reader, one accent folding."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "ordina"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


@pytest.mark.parametrize("path", sorted(p for p in SRC.rglob("*.py")
                                        if "cli" not in p.relative_to(SRC).parts[:1]
                                        and p.name != "__main__.py"),
                         ids=lambda p: str(p.relative_to(SRC)))
def test_nothing_below_the_cli_imports_it(path: Path) -> None:
    assert not any(m == "ordina.cli" or m.startswith("ordina.cli.") for m in _imports(path))


def test_fact_modules_do_not_import_each_other_in_a_circle() -> None:
    assert "ordina.facts" not in _imports(SRC / "facts_calcs.py")


def test_one_date_reader_and_one_folding() -> None:
    from datetime import date

    from ordina.cli.common import parse_date as cli_date
    from ordina.facts import normalise_word
    from ordina.formato import parse_date
    from ordina.store.text import fold
    from ordina.store.text import parse_date as store_date

    for text in ("12/03/2026", "12.3.2026", "12-03-26", "2026-03-12"):
        assert parse_date(text) == cli_date(text) == store_date(text) == date(2026, 3, 12)
    assert fold("  Attività’  È ") == normalise_word("  Attività’  È ") == "attivita' e"
