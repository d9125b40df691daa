"""The shell sessions of the README's "Domande sul regolamento" and "Quando i fatti non bastano"
sub-sections are real output."""

from __future__ import annotations

import pytest
from readme_sessions import apply_pipes, sessions, split_pipes

from ordina.cli import main

LOOKUPS = sessions("### Domande sul regolamento: consultazioni e struttura")
#: the strictest permitted form, calculations on each value, thresholds and shares of the text
BOUNDS = sessions("### Quando i fatti non bastano")
SESSIONS = LOOKUPS + BOUNDS


def test_the_sections_have_sessions() -> None:
    assert len(LOOKUPS) >= 3 and len(BOUNDS) >= 5


@pytest.mark.parametrize(("command", "expected"), SESSIONS, ids=[c for c, _ in SESSIONS])
def test_session_output(command, expected, tmp_path, monkeypatch, capsys) -> None:
    argv, pipes = split_pipes(command)
    monkeypatch.setenv("ORDINA_DB", str(tmp_path / "ordina.db"))
    monkeypatch.setenv("ORDINA_CACHE_DIR", str(tmp_path / "cache"))
    assert main(argv) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert "\n".join(apply_pipes(lines, pipes)) == expected.strip()
