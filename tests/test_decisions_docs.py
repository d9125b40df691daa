"""The decision commands have help and are documented in their README section."""

from __future__ import annotations

from pathlib import Path

import pytest

from ordina.cli import build_parser, main

COMMANDS = ("decide", "register", "receipt", "act", "deadlines")
README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_decision_command_is_in_the_readme_section():
    section = README.split("<!-- section: decisioni -->")[1].split("<!-- section:")[0]
    parser = build_parser()
    choices = parser._subparsers._group_actions[0].choices
    for command in COMMANDS:
        assert choices[command].description, command
        assert f"$ ordina {command}" in section or f"ordina {command} " in section, command
    assert "ordina export --trasparenza" in section


@pytest.mark.parametrize("command", COMMANDS)
def test_every_decision_command_has_help(command):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
