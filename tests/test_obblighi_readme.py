"""The shell sessions of the README's "Obblighi e incompatibilità" sub-section are real output.

Each ``$ ordina …`` line runs in process on a demo Comune (and its public copy for
``--db pubblico.db``); ``| head -N`` and ``| grep -E 're'`` are applied as the shell would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from readme_sessions import replay, sessions

from ordina.cli import main

SESSIONS = sessions("### Obblighi e incompatibilità di una persona")


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
    code, shown = replay(command, demo, monkeypatch, capsys)
    assert code == 0 and shown == expected
