"""The query layer: a Lark grammar turns a question into a typed :class:`Query`.

Public API: :func:`parse_question` (text -> Query), :class:`Query`, :class:`Subject`,
:class:`Clarification`, :mod:`ordina.query.intents`, the :class:`Lexicon` protocol.
"""

from __future__ import annotations

from ordina.query.model import Clarification, Query, Subject

__all__ = ["Clarification", "Query", "Subject"]
