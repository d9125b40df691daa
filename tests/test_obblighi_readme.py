"""The shell sessions of the README's "Obblighi e incompatibilità" sub-section are real output.

Each ``$ ordina …`` line runs in process on a demo Comune (and its public copy for
``--db pubblico.db``); ``| head -N`` and ``| grep -E 're'`` are applied as the shell would.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from ordina.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def _sessions() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Obblighi e incompatibilità di una persona")
    end = text.index("\n### ", start + 10)
    out = []
    for block in re.findall(r"```console\n(.*?)```", text[start:end], re.DOTALL):
        for part in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, expected = part.partition("\n")
            out.append((command, expected.rstrip("\n")))
    return out


SESSIONS = _sessions()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    assert main(["demo", "--db", str(folder / "ordina.db")]) == 0
    assert main(["export", "--db", str(folder / "ordina.db"), "--public",
                 str(folder / "pubblico.db")]) == 0
    return folder


def test_the_section_has_sessions() -> None:
    assert len(SESSIONS) >= 5


@pytest.mark.parametrize(("command", "expected"), SESSIONS, ids=[c for c, _ in SESSIONS])
def test_session_output(command, expected, demo, monkeypatch, capsys) -> None:
    capsys.readouterr()
    line, *pipes = command.split(" | ")
    monkeypatch.chdir(demo)
    monkeypatch.setenv("ORDINA_DB", str(demo / "ordina.db"))
    argv = shlex.split(line)
    assert argv[0] == "ordina" and main(argv[1:]) == 0
    lines = capsys.readouterr().out.rstrip("\n").split("\n")
    for pipe in pipes:
        words = shlex.split(pipe)
        if words[0] == "head":
            lines = lines[:int(words[1].lstrip("-n"))]
        elif words[:2] == ["grep", "-E"]:
            lines = [x for x in lines if re.search(words[2], x)]
        else:
            raise AssertionError(f"pipe non gestita: {pipe}")
    assert "\n".join(lines) == expected
