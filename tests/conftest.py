"""Shared fixtures. Entry-point plugin loading is off during tests (as in Datasette)."""

from __future__ import annotations

import os

os.environ.setdefault("ORDINA_DISABLE_ENTRYPOINTS", "1")
