"""The command line as people read it: rendered on a terminal, plain in a pipe, in Italian."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordina.cli.plain import markdown_to_text

REPO = Path(__file__).resolve().parents[1]
ENGLISH = ("usage:", "positional arguments", "show this help message", "invalid choice",
           "options:", "unrecognized arguments", "the following arguments are required",
           "show program's version")


def _in_pty(*args: str, tmp_path: Path, columns: int = 100) -> str:
    """Run ``ordina`` on a pseudo-terminal, as a person at a terminal does; its output."""
    env = dict(os.environ)
    env.update(PYTHONPATH=str(REPO / "src"), ORDINA_DB=str(tmp_path / "ordina.db"),
               TERM="xterm-256color", COLUMNS=str(columns), LINES="200", PAGER="cat")
    env.pop("NO_COLOR", None)
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "ordina", *args], stdin=child,
                            stdout=child, stderr=child, env=env, cwd=tmp_path)
    os.close(child)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_on_a_terminal_the_verdict_is_bold_and_no_markup_is_raw(tmp_path) -> None:
    out = _in_pty("ask", "posso fare l'amministratore di una srl?", "-f",
                  "part_time_percent=100", tmp_path=tmp_path)
    assert "\x1b[1m" in out or re.search(r"\x1b\[[0-9;]*1[;m]", out), out
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out)
    assert "Esito: VIETATO" in text
    assert "**" not in text and "## " not in text


def test_a_long_article_is_wrapped_to_the_terminal(tmp_path) -> None:
    out = _in_pty("ask", "art. 88", tmp_path=tmp_path, columns=60)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out)
    assert "**" not in text
    assert max(len(line) for line in text.splitlines()) <= 60


def test_piped_answers_are_plain_text(run_ordina) -> None:
    for question in ("art. 88", "posso fare l'amministratore di una srl?"):
        done = run_ordina("ask", question)
        out = done.stdout.decode()
        assert done.returncode == 0 and out.strip()
        assert "**" not in out and "## " not in out and "\x1b[" not in out


def test_no_color_is_plain_even_with_format_testo(run_ordina) -> None:
    done = run_ordina("ask", "art. 88", "--format", "testo", env={"NO_COLOR": "1"})
    assert "**" not in done.stdout.decode() and "\x1b[" not in done.stdout.decode()


def test_format_markdown_gives_markdown(run_ordina) -> None:
    done = run_ordina("ask", "posso fare l'amministratore di una srl?", "-f",
                      "part_time_percent=100", "--format", "markdown")
    out = done.stdout.decode()
    assert out.startswith("**Esito: VIETATO**")


def test_help_and_mistakes_speak_italian(run_ordina) -> None:
    outputs = []
    for args in (["--help"], ["ask", "--help"], ["ask", "--bogus"], ["nonesiste"],
                 ["ask", "x", "--format", "html"], ["article"]):
        done = run_ordina(*args)
        outputs.append((args, done.returncode, done.stdout.decode() + done.stderr.decode()))
    for args, _code, text in outputs:
        for english in ENGLISH:
            assert english not in text, (args, english, text)
    assert "utilizzo:" in outputs[0][2] and "argomenti posizionali" in outputs[0][2]
    assert "mostra questo aiuto ed esce" in outputs[1][2]
    assert outputs[2][1] == 2 and "argomenti non riconosciuti: --bogus" in outputs[2][2]
    assert outputs[3][1] == 2 and "scelta non valida" in outputs[3][2]


@pytest.mark.parametrize(("source", "expected"), [
    ("## Titolo\n\nTesto **forte**.", "Titolo\n\nTesto forte.\n"),
    ("- a\n- *b*", "- a\n- b\n"),
    ("| x | y |\n|---|---|\n| 1 | 22 |", "x  y\n-  --\n1  22\n"),
    ("[art. 88](unit:art_88) e `c. 3`", "art. 88 e c. 3\n"),
    ("il 2*3*4 di snake_case", "il 2*3*4 di snake_case\n"),
])
def test_markdown_to_text(source: str, expected: str) -> None:
    assert markdown_to_text(source) == expected


_WORDS = st.lists(st.text(alphabet="abcdeèò0123456789.,;'", min_size=1, max_size=8),
                  min_size=1, max_size=6)


@given(_WORDS, st.sampled_from(["**", "__", "*", "_"]), st.integers(1, 6))
def test_marks_and_headings_never_survive(words: list[str], mark: str, level: int) -> None:
    source = "#" * level + " " + " ".join(words) + "\n\n" + " ".join(
        f"{mark}{w}{mark}" for w in words)
    text = markdown_to_text(source)
    assert "**" not in text and not text.startswith("#")
    assert all(w in text for w in words)
