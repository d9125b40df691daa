"""The shell sessions of the README's calcs sub-section print exactly what ordina prints."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from ordina.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def _sessions() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Calcoli, nomine, collaborazioni e scadenze")
    end = text.index("\n## ", start)
    out = []
    for block in re.findall(r"```console\n(.*?)```", text[start:end], re.DOTALL):
        for part in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, expected = part.partition("\n")
            out.append((command, expected.strip()))
    return out


SESSIONS = _sessions()


def test_the_section_has_sessions():
    assert len(SESSIONS) >= 8


@pytest.mark.parametrize(("command", "expected"), SESSIONS, ids=[c for c, _ in SESSIONS])
def test_session_output(command, expected, tmp_path, monkeypatch, capsys):
    argv = shlex.split(command)
    monkeypatch.setenv("ORDINA_DB", str(tmp_path / "ordina.db"))
    monkeypatch.delenv("ORDINA_PATRONO", raising=False)
    while argv[0] != "ordina":
        name, _, value = argv.pop(0).partition("=")
        monkeypatch.setenv(name, value)
    assert main(argv[1:]) == 0
    assert capsys.readouterr().out.strip() == expected
