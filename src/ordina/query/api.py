"""``parse_question``: text in, :class:`Query` out, never an exception for bad questions.

Empty or oversized input raises :class:`ordina.errors.UserError` (the CLI exits 2);
everything else gives a Query — a question the grammar cannot read becomes a search
flagged ``fallback=True``, with a friendly ``error`` when it was a near miss.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from ordina.errors import UserError
from ordina.query.lexicon import EmptyLexicon, Lexicon
from ordina.query.model import Query

#: Longer input is not a question; 2,000 characters is a long paragraph.
MAX_QUESTION_CHARS = 2000


#: Words of a reference: no use searching for them when a reference did not parse.
_REF_WORDS = frozenset({"art", "artt", "articolo", "articoli", "all", "allegato", "comma",
                        "lett", "lettera", "article", "annex", "par", "para", "co"})


class EmptyQuestion(UserError):
    """The question is empty or only spaces and punctuation."""


class QuestionTooLong(UserError):
    """The question exceeds :data:`MAX_QUESTION_CHARS`."""


def check_text(text: str) -> str:
    """Validate the raw question; returns it cleaned of argv surrogates.

    :raises EmptyQuestion: when there is nothing to read.
    :raises QuestionTooLong: beyond :data:`MAX_QUESTION_CHARS`.
    """
    from ordina.query.normalize import clean_input

    cleaned = clean_input(text or "")
    if not any(ch.isalnum() for ch in cleaned):
        raise EmptyQuestion(
            "la domanda è vuota; scrivi per esempio: ordina ask \"chi sostituisce il "
            "segretario?\" oppure ordina ask \"art. 88 c. 3\"")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise QuestionTooLong(
            f"la domanda è troppo lunga ({len(cleaned):,} caratteri; massimo "
            f"{MAX_QUESTION_CHARS:,}): riformulala in breve".replace(",", "."))
    return cleaned


def parse_question(text: str, lexicon: Lexicon | None = None,
                   today: date | None = None, stated: Collection[str] = (),
                   prefer: Collection[str] = ()) -> Query:
    """Parse one question into a :class:`Query`.

    :param text: the question as typed (Italian or English).
    :param lexicon: names of people and units; ``None`` = no names known.
    :param today: the reference date for "oggi", "40 giorni fa" (default: today).
    :param stated: names of the facts given apart from the question (``--fact``).
    :param prefer: the intents whose checks read those facts: the question is one of them.
    :raises EmptyQuestion, QuestionTooLong: for input that is not a question.
    """
    from ordina.query._lark import UnexpectedInput
    from ordina.query.errors import explain
    from ordina.query.interpret import interpret
    from ordina.query.normalize import normalize
    from ordina.query.parser import is_keyword, parse_items
    from ordina.query.scan import NOT_NAMES, Scan

    cleaned = check_text(text)
    today = today or date.today()
    norm = normalize(cleaned)
    try:
        items = parse_items(norm.text)
    except UnexpectedInput as exc:
        error = explain(exc, norm)
        import re

        words = re.findall(r"[^\W\d_]{2,}", cleaned)
        content = [w for w in words
                   if w.lower() not in NOT_NAMES | _REF_WORDS and not is_keyword(w)]
        if error.label is None and content:
            # not a known slip of a reference or an amount: the grammar only lacks a
            # phrase for it, so the commi that state it answer (a rule look-up)
            from ordina.query.interpret import _ENGLISH, _ITALIAN
            from ordina.query.wording import fold_text, question_form

            folded = fold_text(cleaned)
            english = len(_ENGLISH.findall(folded)) > len(_ITALIAN.findall(folded))
            return Query(text=cleaned, intent="lookup", form=question_form(cleaned),
                         search_text=" ".join(content), lang="en" if english else "it")
        return Query(text=cleaned, intent="search", fallback=True, error=error.render(),
                     search_text=" ".join(content) or None)
    scan = Scan(norm=norm, items=items, today=today)
    return interpret(scan, lexicon or EmptyLexicon(), today, frozenset(stated),
                     frozenset(prefer))
