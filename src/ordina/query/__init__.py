"""The query layer: a Lark grammar turns a question into a typed :class:`Query`.

Public API::

    parse_question(text, lexicon=None, today=None) -> Query
    Query, Subject, Clarification            (ordina.query.model)
    Lexicon, InMemoryLexicon, Entry           (ordina.query.lexicon)
    intents                                   (ordina.query.intents: one constant per intent)
"""

from __future__ import annotations

from ordina.query.api import MAX_QUESTION_CHARS, EmptyQuestion, QuestionTooLong, parse_question
from ordina.query.lexicon import EmptyLexicon, Entry, InMemoryLexicon, Lexicon
from ordina.query.model import Clarification, Query, Subject

__all__ = [
    "MAX_QUESTION_CHARS", "Clarification", "EmptyLexicon", "EmptyQuestion", "Entry",
    "InMemoryLexicon", "Lexicon", "Query", "QuestionTooLong", "Subject", "parse_question",
]
