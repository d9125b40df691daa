"""The plugin manager: built-in checks, a Comune's own folder, third-party entry points.

Load order (later plugins see earlier ones' hooks as well; all results are collected):

1. :data:`DEFAULT_PLUGINS`, modules of the package (facts from the database);
2. every module in the shipped ``checks/`` folder, imported by file path;
3. every module in the folders of ``--checks DIR`` / ``ORDINA_CHECKS_DIR``
   (several folders separated by ``os.pathsep``);
4. entry points of group ``ordina``, unless ``ORDINA_DISABLE_ENTRYPOINTS`` is set
   (the test suite sets it). Scanning every installed distribution for them costs a cold
   start ~0.03 s, so the names found are cached (:func:`entry_point_names`) until a
   folder of ``sys.path`` changes, as it does when a package is installed or removed.

``ORDINA_PLUGINS=incarichi_esterni,competenze`` restricts loading to the named
plugins (module stems or entry-point names); the default plugins always load.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType

import pluggy

from ordina import hookspecs
from ordina.errors import UserError

#: Package modules that are plugins too, registered before everything else.
DEFAULT_PLUGINS: tuple[str, ...] = ("ordina.engine.dbfacts",)

ENV_DISABLE_ENTRYPOINTS = "ORDINA_DISABLE_ENTRYPOINTS"
ENV_CHECKS_DIR = "ORDINA_CHECKS_DIR"
ENV_ONLY = "ORDINA_PLUGINS"


def _allowed() -> set[str] | None:
    raw = os.environ.get(ENV_ONLY)
    if raw is None:
        return None
    return {name.strip() for name in raw.split(",") if name.strip()}


def check_modules(folder: Path) -> list[Path]:
    """The plugin modules of a checks folder: ``*.py`` not starting with ``_`` or ``test_``."""
    return sorted(p for p in folder.glob("*.py")
                  if not p.name.startswith(("_", "test_")))


def import_path(path: Path, namespace: str) -> ModuleType:
    """Import the module at ``path`` as ``namespace.<stem>``.

    :raises UserError: when the file cannot be imported (a syntax error, a bad import).
    """
    name = f"{namespace}.{path.stem}"
    if name in sys.modules and getattr(sys.modules[name], "__file__", None) == str(path):
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise UserError(f"impossibile caricare il plugin {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001 - a plugin may raise anything on import
        del sys.modules[name]
        raise UserError(f"il plugin {path} non si carica ({type(exc).__name__}: {exc}); "
                        "correggerlo o toglierlo dalla cartella") from None
    return module


def extra_dirs(dirs: Sequence[str | os.PathLike[str]] = ()) -> list[Path]:
    """Folders of a Comune's own checks: ``dirs`` plus ``ORDINA_CHECKS_DIR``."""
    out = [Path(d) for d in dirs]
    env = os.environ.get(ENV_CHECKS_DIR)
    if env:
        out += [Path(p) for p in env.split(os.pathsep) if p]
    for folder in out:
        if not folder.is_dir():
            raise UserError(f"cartella di verifiche inesistente: {folder}; "
                            "indicare una cartella che contiene moduli .py")
    return out


def builtin_checks_dir() -> Path:
    """The shipped ``checks/`` folder."""
    from ordina.resources import data_dir

    return data_dir("checks")


def make_plugin_manager(dirs: Iterable[str | os.PathLike[str]] = (),
                        builtin: bool = True) -> pluggy.PluginManager:
    """A plugin manager with every plugin loaded, as described in the module docstring.

    :param dirs: extra folders of checks (``--checks DIR``).
    :param builtin: False to skip the shipped ``checks/`` (tests of one plugin alone).
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    allowed = _allowed()
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    folders: list[tuple[Path, str]] = []
    if builtin:
        folders.append((builtin_checks_dir(), "ordina_checks"))
    folders += [(folder, f"ordina_local_{i}") for i, folder in enumerate(extra_dirs(list(dirs)))]
    for folder, namespace in folders:
        for path in check_modules(folder):
            if allowed is not None and path.stem not in allowed:
                continue
            module = import_path(path, namespace)
            plugin_name = path.stem if namespace == "ordina_checks" else f"{folder}:{path.stem}"
            if pm.get_plugin(plugin_name) is None:
                pm.register(module, name=plugin_name)
    if not os.environ.get(ENV_DISABLE_ENTRYPOINTS):
        names = entry_point_names(hookspecs.PROJECT)
        if allowed is not None:
            for name in (n for n in names if n in allowed):
                pm.load_setuptools_entrypoints(hookspecs.PROJECT, name=name)
        elif names:
            pm.load_setuptools_entrypoints(hookspecs.PROJECT)
    pm.check_pending()
    return pm


def plugin_names(pm: pluggy.PluginManager) -> list[str]:
    """Names of the registered plugins, in registration order."""
    return [name for name, _ in pm.list_name_plugin()]


def _path_key() -> list[list]:
    """The folders (and zips) of ``sys.path`` with their modification times: installing or
    removing a distribution adds or removes its ``.dist-info`` folder in one of them."""
    key = []
    for entry in sys.path:
        try:
            key.append([entry, os.stat(entry or ".").st_mtime_ns])
        except OSError:
            key.append([entry, None])
    return key


def _cache_file(group: str) -> Path | None:
    override = os.environ.get("ORDINA_CACHE_DIR")
    try:
        if override:
            base = Path(override)
        else:
            from platformdirs import user_cache_dir

            base = Path(user_cache_dir("ordina", appauthor=False))
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base / f"entry-points-{group}.json"


def entry_point_names(group: str) -> list[str]:
    """Names of the installed entry points of ``group``, scanned once per ``sys.path`` state.

    The cache (in ``ORDINA_CACHE_DIR`` or the user cache folder) holds only names: the
    plugins themselves are always loaded by pluggy from the distributions.
    """
    path = _cache_file(group)
    key = _path_key()
    if path is not None:
        try:
            cached = json.loads(path.read_text(encoding="utf-8"))
            if cached["key"] == key:
                return list(cached["names"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
    from importlib.metadata import entry_points

    names = sorted({ep.name for ep in entry_points(group=group)})
    if path is not None:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps({"key": key, "names": names}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)
    return names
