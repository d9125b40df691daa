"""The command line as people read it: rendered on a terminal, plain in a pipe, in Italian."""

from __future__ import annotations

import os
import pty
import re
import select
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordina.cli.plain import markdown_to_text

REPO = Path(__file__).resolve().parents[1]
ENGLISH = ("usage:", "positional arguments", "show this help message", "invalid choice",
           "options:", "unrecognized arguments", "the following arguments are required",
           "show program's version")


def _in_pty(*args: str, tmp_path: Path, columns: int = 100, typed: bytes = b"",
            db: Path | None = None) -> str:
    """Run ``ordina`` on a pseudo-terminal, as a person at a terminal does; its output
    (``typed`` is what the person types)."""
    env = dict(os.environ)
    env.update(PYTHONPATH=str(REPO / "src"), ORDINA_DB=str(db or tmp_path / "ordina.db"),
               TERM="xterm-256color", COLUMNS=str(columns), LINES="200", PAGER="cat")
    env.pop("NO_COLOR", None)
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "ordina", *args], stdin=child,
                            stdout=child, stderr=child, env=env, cwd=tmp_path)
    os.close(child)
    if typed:
        os.write(main, typed)
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


def _bash_complete(script: Path, line: str) -> list[str]:
    """What bash proposes for ``line`` with the generated completion loaded."""
    words = line.split(" ")
    code = (f"source {script}; COMP_WORDS=({' '.join(repr(w) for w in words)}); "
            f"COMP_CWORD={len(words) - 1}; COMP_LINE={line!r}; COMP_POINT={len(line)}; "
            "_shtab_ordina; printf '%s\\n' \"${COMPREPLY[@]}\"")
    done = subprocess.run(["bash", "-c", code], capture_output=True, text=True, timeout=60,
                          check=False)
    return done.stdout.split()


def test_bash_completion_proposes_commands_and_options(run_ordina, tmp_path) -> None:
    done = run_ordina("--completion", "bash")
    assert done.returncode == 0
    script = tmp_path / "ordina.bash"
    script.write_bytes(done.stdout)
    assert _bash_complete(script, "ordina as") == ["ask"]
    assert "--interview" in _bash_complete(script, "ordina ask --")
    assert set(_bash_complete(script, "ordina ask --format ")) == {"testo", "markdown", "json"}


def test_zsh_completion_and_an_unknown_shell(run_ordina) -> None:
    done = run_ordina("--completion", "zsh")
    assert done.returncode == 0 and done.stdout.decode().startswith("#compdef ordina")
    wrong = run_ordina("--completion", "fish")
    assert wrong.returncode == 2 and "scelta non valida" in wrong.stderr.decode()


@pytest.mark.slow
def test_serve_open_opens_the_browser_on_the_printed_address(tmp_path) -> None:
    pytest.importorskip("textual_serve")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    opened = tmp_path / "opened.txt"
    recorder = tmp_path / "browser.py"
    recorder.write_text(f"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])\n")
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"),
               BROWSER=f"{sys.executable} {recorder} %s")
    subprocess.run([sys.executable, "-m", "ordina", "--db", str(tmp_path / "o.db"), "demo"],
                   env=env, capture_output=True, timeout=120, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "ordina", "--db", str(tmp_path / "o.db"), "serve", "--port",
         str(port), "--open"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = None
        for _ in range(20):  # the address is on one of the first lines serve prints
            found = re.search(r"http://\S+", server.stdout.readline().decode())
            if found:
                url = found.group(0)
                break
        deadline = time.monotonic() + 30
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert url is not None and opened.read_text() == url
    finally:
        server.terminate()
        server.wait(10)


def test_interview_shows_the_answers_and_non_so_goes_on(run_ordina) -> None:
    done = run_ordina("ask", "posso fare il consulente per una srl?", "--interview",
                      input=b"100\nforse\n\nsi\n")
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert "[sì / no / non so]" in err
    asked = [line for line in err.splitlines() if "?" in line]
    # "forse" did not stop it: the next fact was asked after it (and Invio answered that)
    answered_forse = next(i for i, line in enumerate(asked) if line.endswith("forse"))
    assert len(asked) > answered_forse + 1


def test_import_asks_on_a_terminal_about_a_unit_name_almost_right(run_ordina, tmp_path) -> None:
    db = tmp_path / "u.db"
    run_ordina("demo", db=str(db))
    sheet = tmp_path / "rapporti.csv"
    sheet.write_text("Matricola;Data inizio;Categoria;Servizio;Tipo contratto\n"
                     "M002;01/05/1998;D1;Area Finanziari;indeterminato\n", encoding="utf-8")
    out = _in_pty("import", str(sheet), tmp_path=tmp_path, db=db, typed=b"si\n")
    assert "intendi 'Area Finanziaria' (AREA-FIN)?" in out
    # Rossi's row, already in Area Finanziaria: the accepted name is that unit, nothing changes
    assert "inquadramenti: 0 nuove, 0 aggiornate, 1 invariate" in out


def test_every_command_help_is_italian(capsys) -> None:
    from ordina.cli import COMMAND_MODULES, main

    for name in ("", *(m.rstrip("_") for m in COMMAND_MODULES)):
        with pytest.raises(SystemExit):
            main([name, "--help"] if name else ["--help"])
        text = capsys.readouterr().out
        assert text.startswith("utilizzo: ordina"), name
        assert "%%" not in text, name
        for english in ENGLISH:
            assert english not in text, (name, english)
