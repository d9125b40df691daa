"""A question that asks two things: "chi presiede il nucleo e da quanti membri è composto?".

People often ask a second thing in the same breath, after "e" or a second question mark.
The look-up answers the whole question first; the second part, found here, is answered too
when another comma (or another sentence) states it.
"""

from __future__ import annotations

import re

from ordina.query.wording import fold_text

#: The words a second question starts with, after "e" / "and" (Italian and English).
_ASKING = (r"(?:(?:a|da|di|in|per|con|su|fino a|entro|ogni)\s+)?"
           r"(?:chi|quant[aeio]|quando|qual[ei]?|che cosa|che tipo|cosa|come|dove)|"
           r"perche|se|who|whom|how|what|when|which|where|whether|why")
_SECOND = re.compile(rf"(?:,\s*|\s)(?:e|and)\s+(?=(?:{_ASKING})\b)")
_AFTER_MARK = re.compile(r"\?\s+(?=\S)")
#: A part this short ("e poi?") asks nothing of its own.
_MIN_WORDS = 2


def second_question(text: str) -> tuple[str, str] | None:
    """The question's two parts, when it asks a second thing; else None.

    >>> second_question("chi presiede il nucleo e da quanti membri è composto?")
    ('chi presiede il nucleo', 'da quanti membri è composto?')
    """
    folded = fold_text(text)
    if len(folded) != len(text):  # folding keeps positions only letter for letter
        return None
    mark = _AFTER_MARK.search(text)
    if mark is not None:
        first, second = text[:mark.start() + 1], text[mark.end():]
    else:
        if "?" not in text[-3:] and not folded.startswith(("chi ", "quant", "quando", "come ",
                                                           "cosa ", "who ", "how ", "what ")):
            return None
        cut = _SECOND.search(folded)
        if cut is None:
            return None
        first, second = text[:cut.start()], text[cut.end():]
    first, second = first.strip(" ,;"), second.strip()
    if second.lower().startswith(("e ", "and ")):
        second = second.split(" ", 1)[1]
    if len(first.split()) < _MIN_WORDS or len(second.split()) < _MIN_WORDS:
        return None
    return first, second
