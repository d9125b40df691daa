"""The Lark names the query layer uses, imported without the optional ``regex`` module.

Lark imports ``regex`` whenever it is installed, only to allow ``\\p{..}`` classes in
grammars (or with ``Lark(regex=True)``); ``grammar/query.lark`` uses neither, and the
import costs a cold ``ordina ask`` ~0.015 s. Masked only when nothing has imported Lark
or ``regex`` yet, and only while Lark loads: later imports of ``regex`` work as usual.
"""

from __future__ import annotations

import sys

if "lark" not in sys.modules and "regex" not in sys.modules:
    sys.modules["regex"] = None  # type: ignore[assignment]  # makes the import fail fast
    try:
        import lark  # noqa: F401
    finally:
        del sys.modules["regex"]

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import (
    UnexpectedCharacters,
    UnexpectedInput,
    UnexpectedToken,
)

__all__ = ["Lark", "Token", "Transformer", "UnexpectedCharacters", "UnexpectedInput",
           "UnexpectedToken", "v_args"]
