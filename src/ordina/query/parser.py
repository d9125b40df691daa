"""The Lark LALR parser of ``grammar/query.lark`` and its transformer to phrase items.

The parser is built once per process; its compiled tables are cached on disk in the
user cache directory (``cache=``), which makes a cold ``ordina ask`` 2-3x faster. The
transformer runs inside the LALR parser, so no parse tree is ever built.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ordina.query._lark import Lark, Token, Transformer, v_args
from ordina.query.rewrite import (
    CUE,
    CueToken,
    inline_alternations,
    left_recursive_start,
    merge_bare_keywords,
)
from ordina.resources import data_dir

MONTHS = {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6,
    "luglio": 7, "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}


@dataclass(frozen=True, slots=True)
class Item:
    """One phrase of a question.

    :param kind: ``ref``, ``comma_ref``, ``letter_ref``, ``amount``, ``percent``, ``points``,
        ``date``, ``duration``, ``km``, ``number``, ``cue``, ``word``, ``category``.
    :param value: the typed value (for a cue, the terminal name, e.g. ``"SUBSTITUTE"``).
    :param start: start offset in the normalised text.
    :param end: end offset in the normalised text.
    :param text: the normalised surface text of the main token.
    """

    kind: str
    value: Any
    start: int
    end: int
    text: str


def _start(x: Any) -> int:
    return x.start_pos if isinstance(x, Token) else x.start


def _end(x: Any) -> int:
    return x.end_pos if isinstance(x, Token) else x.end


def number_value(text: str) -> float:
    """The value of a NUMBER token ("1.500" = 1500, "70,70" = 70.7, "12.5" = 12.5)."""
    if text.isdecimal():  # most numbers: no separators to read
        return float(text)
    from ordina.facts import parse_number

    try:
        return float(parse_number(text))
    except ValueError:
        # "16.00016.000" (a typo): keep the digits, the last comma as the decimal point
        head, _, tail = text.replace(".", "").rpartition(",")
        digits = (head.replace(",", "") + "." + tail) if head else tail
        return float(digits or 0)


#: Terminal names the interpreter reads under another name.
_CUE_NAMES = {"COMMA_WORD": "COMMA_KW", "LETT_WORD": "LETT", "PERCENT_WORD": "PERCENT"}


def _token_item(tok: Token) -> Item:
    """A bare token of the question: a plain word, or a cue named after its terminal."""
    if tok.type == "WORD":
        return Item("word", str(tok), tok.start_pos, tok.end_pos, str(tok))
    name = tok.cue if tok.type == CUE else tok.type
    name = _CUE_NAMES.get(name, name)
    return Item("cue", name, tok.start_pos, tok.end_pos, str(tok))


@v_args(inline=True)
class ItemTransformer(Transformer):
    """Turns each phrase of the grammar into an :class:`Item` (inline, no tree)."""

    #: Without a ``__default__``, Lark builds the transient nodes of ``_item`` and of the
    #: ``_item*`` list (expanded into ``start`` at once) straight from its tree class,
    #: not through three calls per node.
    __default__ = None

    @v_args(inline=False)  # the children as one list: one call less per item
    def start(self, children: list[Any]) -> list[Item]:
        """The items so far plus one (``start: start (…) |``, see ordina.query.rewrite)."""
        if not children:
            return []
        out, item = children
        if isinstance(item, Token):
            out.append(_token_item(item))
        elif isinstance(item, list):
            out.extend(item)
        else:
            out.append(item)
        return out

    # -- references
    def article_ref(self, head: Token, number: Token, comma: Item | None,
                    letter: Item | None) -> Item:
        art, _, para = str(number).replace(",", ".").partition(".")
        citation = f"art. {int(art)}"
        para = para.partition(".")[0]  # "88.3.1": art. 88 c. 3 (a number inside the comma)
        if para.isdecimal() and comma is None:
            citation += f" c. {int(para)}"
        if comma is not None:
            citation += f" c. {comma.value[0]}"
            if comma.value[1]:
                citation += f" lett. {comma.value[1]}"
        if letter is not None:
            citation += f" lett. {letter.value}"
        last = letter or comma or number
        return Item("ref", citation, head.start_pos, _end(last), str(head))

    def annex_ref(self, head: Token, letter: Token) -> Item:
        return Item("ref", f"all. {str(letter).upper()}", head.start_pos, letter.end_pos,
                    str(head))

    def comma_ref(self, head: Token, number: Token, letter: Item | None) -> Item:
        value = (int(number_value(str(number))), letter.value if letter else None)
        return Item("comma_ref", value, head.start_pos, _end(letter or number), str(head))

    def letter_ref(self, head: Token, letter: Token) -> Item:
        return Item("letter_ref", str(letter).lower(), head.start_pos, letter.end_pos,
                    str(head))

    # -- values
    def amount(self, *parts: Token) -> Item:
        number = next(p for p in parts if p.type == "NUMBER")
        raw = str(number)
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw):
            # "3,000 euros": euro amounts have two decimals, so three digits after each comma
            # are English thousands ("3,000" is never three euro)
            raw = raw.replace(",", "")
        return Item("amount", number_value(raw), parts[0].start_pos,
                    parts[-1].end_pos, str(number))

    def percent(self, number: Token, sign: Token) -> Item:
        return Item("percent", number_value(str(number)), number.start_pos, sign.end_pos,
                    str(number))

    def points(self, first: Token, unit: Token | None = None) -> Item:
        raw = str(first)
        head = re.split(r"/|\s+su\s+|\s+out", raw)[0].strip()
        return Item("points", number_value(head), first.start_pos, (unit or first).end_pos,
                    raw)

    def date_numeric(self, tok: Token) -> Item:
        raw = str(tok)
        parts = [p for p in re.split(r"[/.\-]", raw) if p]
        if len(parts[0]) == 4:
            y, m, d = (int(p) for p in parts)
        elif len(parts) == 2:
            d, m, y = int(parts[0]), int(parts[1]), 0
        else:
            d, m, y = (int(p) for p in parts)
            if y < 100:
                y += 2000
        return Item("date", ("ymd", y, m, d), tok.start_pos, tok.end_pos, raw)

    def date_words(self, day: Token, month: Token, year: Token | None) -> Item:
        y = int(str(year)) if year is not None and str(year).isdigit() else 0
        if 0 < y < 100:
            y += 2000
        end = (year or month).end_pos
        raw = str(day)
        d = int(raw) if raw.isdigit() else 0
        return Item("date", ("ymd", y, MONTHS[str(month).lower()], d), day.start_pos, end,
                    f"{day} {month}")

    def month_year(self, month: Token, year: Token) -> Item:
        y = int(str(year)) if str(year).isdigit() else 0
        return Item("date", ("month", y, MONTHS[str(month).lower()], 1), month.start_pos,
                    year.end_pos, f"{month} {year}")

    def date_today(self, tok: Token) -> Item:
        return Item("date", ("rel", 0), tok.start_pos, tok.end_pos, str(tok))

    def date_tomorrow(self, tok: Token) -> Item:
        return Item("date", ("rel", 1), tok.start_pos, tok.end_pos, str(tok))

    def date_yesterday(self, tok: Token) -> Item:
        return Item("date", ("rel", -1), tok.start_pos, tok.end_pos, str(tok))

    def duration(self, number: Token, unit: Token, ago: Token | None) -> Item:
        name = str(unit).lower()
        if name.startswith(("ann", "year")):
            kind = "years"
        elif name.startswith(("mes", "month")):
            kind = "months"
        elif name.startswith(("sett", "week")):
            kind = "weeks"
        else:
            kind = "days"
        value = (number_value(str(number)), kind, ago is not None)
        return Item("duration", value, number.start_pos, (ago or unit).end_pos, str(number))

    def km(self, number: Token, unit: Token) -> Item:
        return Item("km", number_value(str(number)), number.start_pos, unit.end_pos,
                    str(number))

    def number(self, tok: Token) -> Item:
        return Item("number", number_value(str(tok)), tok.start_pos, tok.end_pos, str(tok))

    # -- commands and categories (cues and words are bare tokens, see _token_item)
    def search(self, head: Token, item: Any) -> list[Item]:
        cue = Item("cue", "SEARCH_KW", head.start_pos, head.end_pos, str(head))
        if isinstance(item, Token):
            item = _token_item(item)
        return [cue, *(item if isinstance(item, list) else [item])]

    def category(self, tok: Token) -> Item:
        raw = str(tok).upper()
        code = raw[-2:] if raw[-1:].isdigit() else raw[-1:]
        return Item("category", code.strip(), tok.start_pos, tok.end_pos, str(tok))



def grammar_path() -> Path:
    """The shipped grammar file."""
    return data_dir("grammar") / "query.lark"


def _cache_file(grammar: str) -> str | bool:
    """Where Lark keeps the compiled parser; ``True`` (temp dir) when no cache dir is usable.

    The name carries a hash of the grammar and of the Lark and Python versions: two
    installed versions of ordina (a checkout and a wheel) would otherwise overwrite each
    other's file and rebuild the tables (~0.15 s) on every start.
    """
    import hashlib
    import sys

    import lark

    override = os.environ.get("ORDINA_CACHE_DIR")
    key = f"{grammar}\n{lark.__version__}\n{sys.version_info[:2]}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    try:
        if override:
            base = Path(override)
        else:
            from platformdirs import user_cache_dir

            base = Path(user_cache_dir("ordina", appauthor=False))
        base.mkdir(parents=True, exist_ok=True)
        return str(base / f"query-grammar-{digest}.lark.cache")
    except OSError:
        return True


_TERMINAL_START = re.compile(r"^([A-Z][A-Z0-9_]*)\s*:\s*(.*)$")
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"i?')


def split_keywords(grammar: str) -> tuple[str, dict[str, list[str]]]:
    """The grammar for Lark, with keyword terminals turned into ``%declare``, and them.

    Keyword terminals are produced by :class:`KeywordPostLexer`, never by Lark's lexer,
    so Lark must not compile hundreds of literals into its scanners (that alone took
    half a second on a cold start).
    """
    keywords = keyword_terminals(grammar)
    lines = []
    current: str | None = None
    for raw in grammar.splitlines():
        line = raw.split("//", 1)[0].rstrip()
        match = _TERMINAL_START.match(line)
        if match and match.group(1) in keywords:
            current = match.group(1)
            lines.append(f"%declare {current}")
            continue
        if current is not None and line.lstrip().startswith("|"):
            continue
        current = None
        lines.append(raw)
    return "\n".join(lines) + "\n", keywords


def keyword_terminals(grammar: str) -> dict[str, list[str]]:
    """Terminals of the grammar defined only by string literals: name -> literals.

    ``SHOW: "mostra"i | "mostrami"i`` (continued on lines that start with ``|``).
    """
    found: dict[str, list[str]] = {}
    current: str | None = None
    for raw in grammar.splitlines():
        line = raw.split("//", 1)[0].rstrip()
        match = _TERMINAL_START.match(line)
        if match:
            current = match.group(1)
            body = match.group(2)
        elif current is not None and line.lstrip().startswith("|"):
            body = line
        else:
            current = None
            continue
        rest = _LITERAL.sub("", body).replace("|", "").strip()
        literals = _LITERAL.findall(body)
        if rest or not literals:
            found.pop(current, None)
            current = None
            continue
        found.setdefault(current, []).extend(literals)
    # "€" and "%" stay with Lark's lexer: only words can come out of the post-lexer
    return {name: lits for name, lits in found.items() if all(x[:1].isalpha() for x in lits)}


class KeywordPostLexer:
    """Retypes words into keyword tokens, merging runs of words into key phrases.

    The grammar writes every keyword as a string literal ("tempo pieno"i); the lexer
    only produces WORDs. Here a dictionary (single words) and a table of phrases keyed
    by their first word (longest first) turn them into the literals' tokens. This is
    what makes parsing fast: no regular expression per keyword at every position.
    """

    always_accept = ("WORD",)

    def __init__(self) -> None:
        self.words: dict[str, str] = {}
        #: Keyword terminals that reach the parser as ``CUE`` (see ordina.query.rewrite).
        self.bare: frozenset[str] = frozenset()
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def learn(self, keywords: dict[str, list[str]]) -> None:
        """Learn the keyword terminals (name -> literals) read from the grammar."""
        for name, literals in keywords.items():
            for literal in literals:
                words = tuple(literal.lower().split())
                if len(words) == 1:
                    self.words[words[0]] = name
                else:
                    self.phrases.setdefault(words[0], []).append((words, name))
        for options in self.phrases.values():
            options.sort(key=lambda option: -len(option[0]))

    def process(self, stream: Any) -> Any:
        """The token stream with keywords retyped (Lark's post-lexer protocol)."""
        pending: list[Token] = []
        stream = iter(stream)
        phrases, keywords, bare = self.phrases, self.words, self.bare
        borrow, borrow_cue = Token.new_borrow_pos, CueToken.new_borrow_pos

        def pull() -> Token | None:
            if pending:
                return pending.pop(0)
            return next(stream, None)

        while True:
            if pending:
                token = pending.pop(0)
            else:
                token = next(stream, None)
                if token is None:
                    return
            if token.type != "WORD":
                yield token
                continue
            low = token.value.lower()
            options = phrases.get(low)
            if options:
                # read ahead one word at a time, only while some phrase can still match:
                # a token read ahead is lexed in the parser state of the word before, so
                # never read past a non-word (after "a 30" may come a "%")
                ahead: list[Token] = []
                alive = options
                while alive and any(len(words) > len(ahead) + 1 for words, _ in alive):
                    nxt = pull()
                    if nxt is None:
                        break
                    ahead.append(nxt)
                    if nxt.type != "WORD":
                        break
                    depth = len(ahead)
                    alive = [(words, name) for words, name in alive
                             if len(words) > depth and words[depth] == nxt.value.lower()]
                found = None
                for words, name in options:
                    rest = words[1:]
                    if len(rest) <= len(ahead) and all(
                            t.type == "WORD" and t.value.lower() == w
                            for t, w in zip(ahead, rest, strict=False)):
                        found = (name, len(rest))
                        break
                if found is not None:
                    name, used = found
                    last = ahead[used - 1]
                    merged = self._token(name, " ".join(t.value for t in [token, *ahead[:used]]),
                                         token.start_pos, token.line, token.column,
                                         last.end_line, last.end_column, last.end_pos)
                    pending[:0] = ahead[used:]
                    yield merged
                    continue
                pending[:0] = ahead
            name = keywords.get(low)
            if name is None:
                yield token
            elif name in bare:
                cue = borrow_cue(CUE, token.value, token)
                cue.cue = name
                yield cue
            else:
                yield borrow(name, token.value, token)

    def _token(self, name: str, value: str, *pos: Any) -> Token:
        """A keyword token: ``CUE`` (naming ``name``) for a bare keyword."""
        if name not in self.bare:
            return Token(name, value, *pos)
        token = CueToken(CUE, value, *pos)
        token.cue = name
        return token


_POSTLEX = KeywordPostLexer()
_PARSER: Lark | None = None


def get_parser() -> Lark:
    """The process-wide LALR parser (built on first use, tables cached on disk)."""
    global _PARSER
    if _PARSER is None:
        text, keywords = split_keywords(grammar_path().read_text(encoding="utf-8"))
        text, _POSTLEX.bare = merge_bare_keywords(text, keywords)
        text = left_recursive_start(inline_alternations(text))
        options: dict[str, Any] = {
            "parser": "lalr", "lexer": "contextual", "transformer": ItemTransformer(),
            "maybe_placeholders": True, "propagate_positions": False,
            "postlex": _POSTLEX,
        }
        cache = _cache_file(text)
        try:
            _PARSER = Lark(text, cache=cache, **options)
        except (OSError, EOFError, ValueError):
            # an unreadable or stale cache file must never break a question
            _PARSER = Lark(text, **options)
        _POSTLEX.learn(keywords)
    return _PARSER


def is_keyword(word: str) -> bool:
    """True when ``word`` is one of the grammar's keywords ("cosa", "dice", "può")."""
    get_parser()
    return word.lower() in _POSTLEX.words


def parse_items(text: str) -> list[Item]:
    """Parse normalised ``text`` into items.

    :raises lark.exceptions.UnexpectedInput: when a phrase starts but does not finish.
    """
    return get_parser().parse(text)
