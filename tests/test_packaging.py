"""`pip install .` gives a working tool outside the checkout (slow: builds a real wheel)."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_in_a_fresh_venv_and_runs_outside_the_repo(tmp_path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(dist)],
        check=True, cwd=tmp_path, timeout=300)
    wheel = next(dist.glob("ordina-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"ordina/_data/regulation/regolamento_uffici_servizi.txt",
            "ordina/_data/regulation/organigramma_livorno.txt",
            "ordina/_data/regulation/amendments/README.md",
            "ordina/_data/examples/persone.csv",
            "ordina/_data/templates/autorizzazione.yaml", "ordina/_data/templates/diffida.yaml",
            "ordina/corpus/acts.yaml", "ordina/corpus/stems.tsv"} <= names

    # a new venv that sees this environment's dependencies (not the base interpreter's: a
    # venv's "system" packages are those of the Python it was made from), installed into
    # with this environment's pip
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    purelib = subprocess.run([str(python), "-c",
                              "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True,
                             capture_output=True, text=True).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "parent_env.pth").write_text("\n".join(sorted(ours)) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--no-index", "-q", str(wheel)], check=True, cwd=tmp_path,
                   timeout=300)

    elsewhere = tmp_path / "altrove"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ORDINA_AMENDMENTS")}
    env["ORDINA_DB"] = str(elsewhere / "ordina.db")
    done = subprocess.run([str(bindir / "ordina"), "article", "1"], cwd=elsewhere, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("art. 1 – Oggetto e finalità del Regolamento")
    assert "D.Lgs n. 165/2001" in done.stdout

    where = subprocess.run([str(python), "-c", "import ordina; print(ordina.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(venv)

    # the examples `ordina import --help` points to come from the installed package
    done = subprocess.run([str(bindir / "ordina"), "import", "--template", "modelli"],
                          cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "M001" in (elsewhere / "modelli" / "inquadramenti.csv").read_text(encoding="utf-8-sig")
