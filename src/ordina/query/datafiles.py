"""The query layer's data files (YAML), read once and kept as JSON in the user's cache.

A cold ``ordina ask`` should not pay for a YAML parser: the thesaurus, the question forms and
the example questions are cached as JSON under the user's cache folder (or
``ORDINA_CACHE_DIR``), keyed by the bytes of the files they come from, so an edited file is
read again at once. A cache that cannot be written only costs the next start the parse.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Bump when what is cached changes shape.
VERSION = "3"


def cache_dir() -> Path:
    """Where the cached data lives."""
    from platformdirs import user_cache_dir

    return Path(os.environ.get("ORDINA_CACHE_DIR") or user_cache_dir("ordina"))


def load_yaml(path: Path) -> Any:
    """Parse one YAML file (the C loader when PyYAML has it)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def cached(key: str, paths: list[Path], build: Callable[[], Any]) -> Any:
    """``build()``'s JSON value, from the cache when ``paths`` have not changed."""
    digest = hashlib.sha256(VERSION.encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    target = cache_dir() / f"{key}-{digest.hexdigest()[:20]}.json"
    try:
        return json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = build()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob(f"{key}-*.json"):
            old.unlink(missing_ok=True)
        tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass  # a read-only home: parsed again next time
    return value
