"""The parser's speed-ups change nothing: same normalised text, same items, same errors.

The normaliser skips rewrites whose pattern cannot match and translates accented text in
one call; the grammar given to Lark is rewritten (cue alternatives merged, so fewer
reductions per word); the transformer builds transient nodes directly. Each is checked
here against the plain definition it replaces, on real questions and generated ones.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ordina.query import normalize as N
from ordina.query import parser as P
from ordina.query._lark import Lark, Transformer, UnexpectedInput

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_parse import QUESTIONS

# ------------------------------------------------------------------ the normaliser


def _reference_chars(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch in N._CHAR_MAP:
            mapped = N._CHAR_MAP[ch]
        elif "\ud800" <= ch <= "\udfff":
            mapped = "\ufffd"
        elif ch.isascii():
            mapped = ch
        else:
            decomposed = unicodedata.normalize("NFKD", ch)
            mapped = "".join(c for c in decomposed if not unicodedata.combining(c)) or ch
        out += mapped
        origin += [i] * len(mapped)
    return "".join(out), origin


def reference_normalize(text: str) -> N.Normalized:
    """The normaliser as first written: every character and every rewrite, always."""
    text = N.clean_input(text)
    out, origin = _reference_chars(text)
    out, origin = N._sub(N._POSSESSIVE_RE, lambda m: " 's", out, origin)
    out, origin = N._sub(N._ACCENT_APOSTROPHE_RE, lambda m: "", out, origin)
    out, origin = N._sub(N._ELISION_RE, lambda m: "' ", out, origin)
    out, origin = N._sub(N._NUMBER_WORD_RE,
                         lambda m: f"{N._NUMBER_WORDS[m.group(1).lower()]}{m.group(2)}",
                         out, origin)
    out, origin = N._sub(N._THOUSANDS_RE, N._thousands, out, origin)
    out, origin = N._sub(N._MILLE_RE, lambda m: "1000", out, origin)
    return N.Normalized(original=text, text=out, origin=tuple(origin))


_PIECES = ["può", "PUÒ", "l'incarico", "l’art.", "dell'ente", "e'", "perche'", "Rossi's",
           "tre anni", "Tre Mesi", "due settimane", "un anno", "24mila", "1,5 k", "mille",
           "12 K", "n°", "1ª", "«sì»", "—", "\t", "\n", "€ 1.500", "40%", "art. 88 c. 3",
           "città", "naïve", "ﬁ", "Ⅻ", "²", "x", " ", "years", "week"]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=12))
def test_normalize_matches_the_plain_definition(parts: list[str]) -> None:
    text = " ".join(parts)
    assert N.normalize(text) == reference_normalize(text)


@pytest.mark.parametrize("question", QUESTIONS)
def test_normalize_matches_on_the_benchmark_questions(question: str) -> None:
    assert N.normalize(question) == reference_normalize(question)


# ------------------------------------------------------------------ the parser


class _PlainTransformer(P.ItemTransformer):
    __default__ = Transformer.__default__  # lark's own tree building


@pytest.fixture(scope="module")
def reference_parser():
    """The grammar file as written (only the keyword split), no parser shortcuts."""
    text, keywords = P.split_keywords(P.grammar_path().read_text(encoding="utf-8"))
    postlex = P.KeywordPostLexer()
    postlex.learn(keywords)
    return Lark(text, parser="lalr", lexer="contextual", transformer=_PlainTransformer(),
                maybe_placeholders=True, propagate_positions=False, postlex=postlex)


def _outcome(parse, text: str):
    try:
        return parse(text)
    except UnexpectedInput as exc:
        token = getattr(exc, "token", None)
        where = getattr(token, "start_pos", None) if token is not None else exc.pos_in_stream
        return type(exc).__name__, where, str(token) if token is not None else None


def _check(reference_parser, question: str) -> None:
    text = N.normalize(question).text
    assert _outcome(P.parse_items, text) == _outcome(reference_parser.parse, text), question


@pytest.mark.parametrize("question", QUESTIONS)
def test_parse_matches_the_plain_grammar(reference_parser, question: str) -> None:
    _check(reference_parser, question)


def _vocabulary() -> list[str]:
    P.get_parser()
    words = list(P._POSTLEX.words)[::7]
    phrases = [" ".join(w) for options in P._POSTLEX.phrases.values() for w, _ in options][::5]
    return sorted(set(words + phrases))


_WORDS = _vocabulary()
_OTHER = ["art.", "art", "articolo", "c.", "comma", "lett.", "lettera", "d", "all.", "G",
          "88", "3", "1.500", "€", "%", "euro", "12/03/2026", "marzo", "2027", "anni", "fa",
          "72/100", "km", "C1", "cat. D", "ex art. 110", "cerca", "Rossi", "?", ",", "l'",
          "per cento", "punti", "oggi"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS + _OTHER), max_size=9))
def test_parse_matches_the_plain_grammar_on_generated_questions(reference_parser,
                                                                 words: list[str]) -> None:
    _check(reference_parser, " ".join(words))


def test_inline_alternations_merges_only_bare_lists() -> None:
    grammar = ("start: _a*\n_a: x | _b\n   | WORD\n_b: FOO | BAR  // cues\n"
               "x: NUMBER _c\n_c: BAZ | _b\n")
    out = P.inline_alternations(grammar)
    assert re.search(r"^_a: x \| FOO \| BAR \| WORD$", out, re.MULTILINE)
    assert "_b:" not in out  # nothing else used it
    assert re.search(r"^_c: BAZ \| FOO \| BAR$", out, re.MULTILINE)  # x still uses _c
