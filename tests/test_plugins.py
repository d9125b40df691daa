"""Plugin loading: built-ins, a Comune's folder, the restriction variable, load errors."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from ordina.engine import CheckLoadError, make_registry
from ordina.errors import UserError
from ordina.plugins import ENV_CHECKS_DIR, ENV_ONLY, make_plugin_manager, plugin_names

GOOD = '''
from ordina.engine import Check, F, Rule, Rules
from ordina.hookspecs import hookimpl

CHECK = Check(
    id="comune.volontariato", title="Volontariato", citations=("art. 89 c. 1",),
    intents=("external_assignment",), facts=("paid",),
    evaluate=Rules([Rule("gratis", "art. 89 c. 1 trattino 1", F("paid") == False,
                         "comunicazione", "Attività gratuita: basta comunicarla.")]))

@hookimpl
def ordina_checks():
    return [CHECK]
'''


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_builtin_checks_are_registered() -> None:
    names = plugin_names(make_plugin_manager())
    assert {"ordina.engine.dbfacts", "incarichi_esterni", "sostituzioni", "competenze"} \
        <= set(names)


def test_entry_points_are_off_under_tests() -> None:
    import os

    assert os.environ.get("ORDINA_DISABLE_ENTRYPOINTS")


def test_restriction_variable(monkeypatch) -> None:
    monkeypatch.setenv(ENV_ONLY, "incarichi_esterni")
    names = plugin_names(make_plugin_manager())
    assert "incarichi_esterni" in names and "sostituzioni" not in names


def test_comune_folder_by_argument(tmp_path) -> None:
    _write(tmp_path / "mie", "volontariato.py", GOOD)
    registry = make_registry([tmp_path / "mie"])
    assert registry.get("comune.volontariato").citations == ("art. 89 c. 1",)


def test_comune_folder_by_environment(tmp_path, monkeypatch) -> None:
    _write(tmp_path / "mie", "volontariato.py", GOOD)
    monkeypatch.setenv(ENV_CHECKS_DIR, str(tmp_path / "mie"))
    assert "comune.volontariato" in {c.id for c in make_registry().checks}


def test_unresolvable_citation_is_a_load_error(tmp_path) -> None:
    _write(tmp_path / "bad", "x.py", GOOD.replace('"art. 89 c. 1",)', '"art. 95 c. 1",)'))
    with pytest.raises(CheckLoadError, match="art. 95 c. 1"):
        make_registry([tmp_path / "bad"])


def test_non_canonical_citation_is_a_load_error(tmp_path) -> None:
    _write(tmp_path / "bad", "x.py", GOOD.replace('"art. 89 c. 1",)', '"89.1",)'))
    with pytest.raises(CheckLoadError, match="forma canonica 'art. 89 c. 1'"):
        make_registry([tmp_path / "bad"])


def test_unknown_fact_is_a_load_error(tmp_path) -> None:
    _write(tmp_path / "bad", "x.py", GOOD.replace('F("paid")', 'F("pagato")')
           .replace('facts=("paid",)', 'facts=("pagato",)'))
    with pytest.raises(CheckLoadError, match="pagato"):
        make_registry([tmp_path / "bad"])


def test_undeclared_fact_is_a_load_error(tmp_path) -> None:
    _write(tmp_path / "bad", "x.py", GOOD.replace('facts=("paid",)', 'facts=()'))
    with pytest.raises(CheckLoadError, match="non dichiarati: paid"):
        make_registry([tmp_path / "bad"])


def test_duplicate_id_is_a_load_error(tmp_path) -> None:
    _write(tmp_path / "bad", "x.py", GOOD.replace("comune.volontariato",
                                                  "incarichi_esterni.attivita"))
    with pytest.raises(CheckLoadError, match="stesso id"):
        make_registry([tmp_path / "bad"])


def test_broken_module_says_which_file(tmp_path) -> None:
    _write(tmp_path / "bad", "rotto.py", "def (:\n")
    with pytest.raises(UserError, match="rotto.py"):
        make_registry([tmp_path / "bad"])


def test_missing_folder_is_a_user_error(tmp_path) -> None:
    with pytest.raises(UserError, match="inesistente"):
        make_registry([tmp_path / "nope"])


def _bump_mtime(folder: Path) -> None:
    """File times are coarse (a few ms): make the change visible to an mtime check."""
    stat = folder.stat()
    os.utime(folder, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_entry_points_load_and_their_names_are_cached(tmp_path, monkeypatch) -> None:
    import importlib.metadata
    import json

    site = tmp_path / "site"
    _write(site, "mio_plugin.py", GOOD.replace("comune.volontariato", "ep.volontariato"))
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("ORDINA_DISABLE_ENTRYPOINTS")
    monkeypatch.setenv("ORDINA_CACHE_DIR", str(tmp_path / "cache"))
    assert "mio" not in plugin_names(make_plugin_manager())  # not installed yet
    cache = tmp_path / "cache" / "entry-points-ordina.json"
    assert json.loads(cache.read_text(encoding="utf-8"))["names"] == []

    _write(site / "mio_plugin-1.0.dist-info", "METADATA",
           "Metadata-Version: 2.1\nName: mio-plugin\nVersion: 1.0\n")
    _write(site / "mio_plugin-1.0.dist-info", "entry_points.txt", "[ordina]\nmio = mio_plugin\n")
    _bump_mtime(site)  # what installing a package does to its site folder
    assert "mio" in plugin_names(make_plugin_manager())
    assert json.loads(cache.read_text(encoding="utf-8"))["names"] == ["mio"]

    def no_scan(**_kw):
        raise AssertionError("entry points scanned although the cache is fresh")

    monkeypatch.setattr(importlib.metadata, "entry_points", no_scan)
    assert "mio" in plugin_names(make_plugin_manager())
    monkeypatch.setenv(ENV_ONLY, "altro")
    assert "mio" not in plugin_names(make_plugin_manager())
    monkeypatch.setenv(ENV_ONLY, "mio")
    assert "mio" in plugin_names(make_plugin_manager())


def test_an_unreadable_entry_point_cache_is_rebuilt(tmp_path, monkeypatch) -> None:
    from ordina.plugins import entry_point_names

    monkeypatch.setenv("ORDINA_CACHE_DIR", str(tmp_path))
    (tmp_path / "entry-points-ordina.json").write_text("{rotto", encoding="utf-8")
    assert entry_point_names("ordina") == []
    assert entry_point_names("ordina") == []  # now from the rewritten cache
