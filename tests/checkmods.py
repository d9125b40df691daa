"""Import a built-in check module from the top-level ``checks/`` folder, as the plugins do."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

CHECKS = Path(__file__).resolve().parents[1] / "checks"


def load(stem: str) -> ModuleType:
    """The module ``checks/<stem>.py`` under the name the plugin manager gives it."""
    try:
        from ordina.plugins import import_path
    except ImportError:  # before the engine lands
        import_path = None
    path = CHECKS / f"{stem}.py"
    if import_path is not None:
        return import_path(path, "ordina_checks")
    name = f"ordina_checks.{stem}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
