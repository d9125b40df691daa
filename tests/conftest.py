"""Shared fixtures. Entry-point plugin loading is off during tests (as in Datasette)."""

from __future__ import annotations

import os

os.environ.setdefault("ORDINA_DISABLE_ENTRYPOINTS", "1")

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def run_ordina(tmp_path):
    """Run the real ``ordina`` command in a subprocess, on a database in ``tmp_path``.

    Returns a function ``(*args, db=None, input=None) -> CompletedProcess``.
    """

    def _run(*args: str, db: str | None = None, input: bytes | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        full_env = dict(os.environ)
        full_env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + full_env.get("PYTHONPATH", "")
        full_env["ORDINA_DB"] = db or str(tmp_path / "ordina.db")
        full_env.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "ordina", *args], capture_output=True, input=input,
            env=full_env, cwd=tmp_path, timeout=120, check=False,
        )

    return _run


@pytest.fixture
def tui_app(tmp_path):
    """Build the Textual app for tests on the demo Comune: its reference date, no blinking,
    exports in ``tmp_path``.

    Returns a function ``(**kwargs) -> OrdinaApp``; pass ``answerer=`` to replace the engine.
    """
    from ordina.store.demo import REFERENCE_DATE
    from ordina.tui.app import OrdinaApp

    def _make(**kwargs):
        kwargs.setdefault("db_path", str(tmp_path / "ordina.db"))
        kwargs.setdefault("as_of", REFERENCE_DATE)
        kwargs.setdefault("demo", True)
        kwargs.setdefault("export_dir", str(tmp_path))
        return OrdinaApp(testing=True, **kwargs)

    return _make
