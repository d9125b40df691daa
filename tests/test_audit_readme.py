"""The console sessions of the README's "Audit dell'intero Comune" are real output.

Each ``$ ordina …`` line runs in process on the demo Comune, in a temporary folder (the
files it writes land there); standard error follows standard output, as on a terminal;
the seconds an audit took are the one thing that varies and are compared as ``N s``.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from ordina.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
_SECONDS = re.compile(r"in \d+\.\d+ s\.")


def _sessions() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Audit dell'intero Comune")
    end = text.index("`ordina coverage` elenca", start)
    out = []
    for block in re.findall(r"```console\n(.*?)```", text[start:end], re.DOTALL):
        for part in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, expected = part.partition("\n")
            out.append((command, expected.rstrip("\n")))
    return out


SESSIONS = _sessions()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("audit-readme")
    assert main(["demo", "--db", str(folder / "ordina.db")]) == 0
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
    assert argv[0] == "ordina"
    main(argv[1:])
    captured = capsys.readouterr()
    lines = (captured.out + captured.err).rstrip("\n").split("\n")
    for pipe in pipes:
        words = shlex.split(pipe)
        assert words[0] == "head", f"pipe non gestita: {pipe}"
        lines = lines[:int(words[1].lstrip("-n"))]
    assert _SECONDS.sub("in N s.", "\n".join(lines)) == _SECONDS.sub("in N s.", expected)
