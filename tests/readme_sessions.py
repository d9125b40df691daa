"""The README's console sessions, read back for the tests that replay them.

A session is ``$ command`` followed by what it prints, inside a ```` ```console ```` block of one
README section; ``| head -N`` and ``| grep -E PATTERN`` are applied to the real output the way
the shell would.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def sessions(start: str, end: str = "\n### ") -> list[tuple[str, str]]:
    """``(command, expected output)`` of every session between ``start`` and ``end``."""
    text = README.read_text(encoding="utf-8")
    first = text.index(start)
    last = text.index(end, first + len(start))
    out = []
    for block in re.findall(r"```console\n(.*?)```", text[first:last], re.DOTALL):
        for part in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, expected = part.partition("\n")
            out.append((command, expected.rstrip("\n")))
    return out


def split_pipes(command: str) -> tuple[list[str], list[str]]:
    """The ordina argv (without ``ordina``) and the shell pipes after it."""
    line, *pipes = command.split(" | ")
    argv = shlex.split(line)
    assert argv[0] == "ordina", command
    return argv[1:], pipes


def apply_pipes(lines: list[str], pipes: list[str]) -> list[str]:
    """What ``head -N`` and ``grep -E PATTERN`` leave of ``lines``."""
    for pipe in pipes:
        words = shlex.split(pipe)
        if words[0] == "head":
            lines = lines[:int(words[1].lstrip("-n"))]
        elif words[:2] == ["grep", "-E"]:
            lines = [x for x in lines if re.search(words[2], x)]
        else:
            raise AssertionError(f"pipe non gestita: {pipe}")
    return lines


def replay(command: str, folder: Path, monkeypatch, capsys, *,
           with_stderr: bool = False) -> tuple[int, str]:
    """Run a session's command in process on ``folder``'s ``ordina.db``, pipes applied: the
    exit code and what the shell would show."""
    from ordina.cli import main

    capsys.readouterr()
    argv, pipes = split_pipes(command)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("ORDINA_DB", str(folder / "ordina.db"))
    code = main(argv)
    captured = capsys.readouterr()
    text = captured.out + (captured.err if with_stderr else "")
    return code, "\n".join(apply_pipes(text.rstrip("\n").split("\n"), pipes))
