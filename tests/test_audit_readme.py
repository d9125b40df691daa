"""The console sessions of the README's "Audit dell'intero Comune" are real output.

Each ``$ ordina …`` line runs in process on the demo Comune, in a temporary folder (the
files it writes land there); standard error follows standard output, as on a terminal;
the seconds an audit took are the one thing that varies and are compared as ``N s``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from readme_sessions import apply_pipes, sessions, split_pipes

from ordina.cli import main

_SECONDS = re.compile(r"in \d+\.\d+ s\.")


SESSIONS = sessions("### Audit dell'intero Comune", "`ordina coverage` elenca")


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
    argv, pipes = split_pipes(command)
    monkeypatch.chdir(demo)
    monkeypatch.setenv("ORDINA_DB", str(demo / "ordina.db"))
    main(argv)
    captured = capsys.readouterr()
    lines = apply_pipes((captured.out + captured.err).rstrip("\n").split("\n"), pipes)
    assert _SECONDS.sub("in N s.", "\n".join(lines)) == _SECONDS.sub("in N s.", expected)
