"""The decision commands have help and are documented in their README section."""

from __future__ import annotations

import re
import shlex
import shutil
import sqlite3
from datetime import date, timedelta
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


#: Parts of the output that follow the machine's clock or the entry's hash, masked on both sides.
VOLATILE = [(re.compile(r"\b[0-9a-f]{64}\b"), "<sha256>"), (re.compile(r"\b[0-9a-f]{16}…"), "<h>…"),
            (re.compile(r"\d{4}-\d{2}-\d{2}T[\d:]+\+00:00"), "<ora>"),
            (re.compile(r"creato in [\d.]+ s"), "creato in <s> s"),
            (re.compile(r"sha256 [0-9a-f]{12}…"), "sha256 <h>…")]


def _mask(line: str) -> str:
    for pattern, repl in VOLATILE:
        line = pattern.sub(repl, line)
    return line


def _session() -> list[tuple[str, list[str]]]:
    """The README's console session: each ``$ command`` with the lines shown under it."""
    section = README.split("<!-- section: decisioni -->")[1].split("<!-- section:")[0]
    block = section.split("```console\n", 1)[1].split("\n```", 1)[0]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


def _clock_bound(shown: list[str]) -> set[str]:
    """Dates the session took from the clock: the day decisions were recorded, and +15 days."""
    day = next(ln.split()[2] for ln in shown if re.match(r"n\. 1 {2}\d{4}-", ln))
    recorded = date.fromisoformat(day)
    return {day, f"{recorded:%d/%m/%Y}", f"{recorded + timedelta(days=15):%d/%m/%Y}"}


@pytest.mark.slow
def test_the_readme_session_is_real_output(tmp_path, monkeypatch, capsys):
    """Every command of the session runs, and every line shown is in its output."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "emendamenti").mkdir()
    monkeypatch.setenv("ORDINA_DB", "comune.db")
    monkeypatch.setenv("ORDINA_AMENDMENTS", str(tmp_path / "emendamenti"))
    steps = _session()
    clock = _clock_bound([ln for cmd, out in steps if "register --person" in cmd for ln in out])
    code = 0
    for command, shown in steps:
        words = shlex.split(command.split("   #")[0])
        if words[0] == "ordina":
            code = main(words[1:])
            out = capsys.readouterr()
            got = {_mask(ln) for ln in (out.out + out.err).splitlines()}
        elif words[0] == "cat":
            (tmp_path / words[1]).write_text("\n".join(shown) + "\n", encoding="utf-8")
            continue
        elif words[0] == "cp":
            target = words[2].replace("$ORDINA_AMENDMENTS", str(tmp_path / "emendamenti"))
            if words[1].endswith(".db"):  # in this process the database may be open (WAL)
                with sqlite3.connect(words[1]) as src, sqlite3.connect(target) as dst:
                    src.backup(dst)
            else:
                shutil.copy(tmp_path / words[1], target)
            continue
        elif words[0] == "sqlite3":
            conn = sqlite3.connect(tmp_path / words[1])
            conn.executescript(words[2])
            conn.close()
            continue
        elif words[:2] == ["echo", "$?"]:
            assert shown == [str(code)]
            continue
        else:
            raise AssertionError(f"comando non previsto nella sessione: {command}")
        for line in shown:
            if line in ("", "…") or any(d in line for d in clock):
                continue
            assert _mask(line) in got, (command, line)
