"""The command line's contract: help, exit codes, no tracebacks."""

from __future__ import annotations

from ordina.cli import main


def test_help_lists_program(capsys) -> None:
    assert main([]) == 0
    assert "ordina" in capsys.readouterr().out


def test_unknown_option_is_exit_2_with_one_line(capsys) -> None:
    assert main(["--no-such-option"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("ordina: errore:")
