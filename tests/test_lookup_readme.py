"""The shell sessions of the README's "Domande sul regolamento" sub-section are real output."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from ordina.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def _sessions() -> list[tuple[str, int | None, str]]:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Domande sul regolamento: consultazioni e struttura")
    end = text.index("\n### ", start + 10)
    out = []
    for block in re.findall(r"```console\n(.*?)```", text[start:end], re.DOTALL):
        for part in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, expected = part.partition("\n")
            head = re.search(r"\s*\|\s*head -(\d+)\s*$", command)
            lines = int(head.group(1)) if head else None
            command = command[:head.start()] if head else command
            out.append((command, lines, expected.strip()))
    return out


SESSIONS = _sessions()


def test_the_section_has_sessions() -> None:
    assert len(SESSIONS) >= 3


@pytest.mark.parametrize(("command", "lines", "expected"), SESSIONS,
                         ids=[c for c, _, _ in SESSIONS])
def test_session_output(command, lines, expected, tmp_path, monkeypatch, capsys) -> None:
    argv = shlex.split(command)
    monkeypatch.setenv("ORDINA_DB", str(tmp_path / "ordina.db"))
    monkeypatch.setenv("ORDINA_CACHE_DIR", str(tmp_path / "cache"))
    assert main(argv[1:]) == 0
    out = capsys.readouterr().out.strip()
    if lines is not None:
        out = "\n".join(out.splitlines()[:lines])
    assert out == expected
