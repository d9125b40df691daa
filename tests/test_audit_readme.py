"""The console sessions of the README's "Audit dell'intero Comune" are real output.

Each ``$ ordina …`` line runs in process on the demo Comune, in a temporary folder (the
files it writes land there); standard error follows standard output, as on a terminal;
the seconds an audit took are the one thing that varies and are compared as ``N s``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from readme_sessions import replay, sessions

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
    _code, shown = replay(command, demo, monkeypatch, capsys, with_stderr=True)
    assert _SECONDS.sub("in N s.", shown) == _SECONDS.sub("in N s.", expected)
