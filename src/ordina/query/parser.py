"""The Lark LALR parser of ``grammar/query.lark`` and its transformer to phrase items.

The parser is built once per process; its compiled tables are cached on disk in the
user cache directory (``cache=``), which makes a cold ``ordina ask`` 2-3x faster. The
transformer runs inside the LALR parser, so no parse tree is ever built.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer, v_args

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
    from ordina.facts import parse_number

    return float(parse_number(text))


@v_args(inline=True)
class ItemTransformer(Transformer):
    """Turns each phrase of the grammar into an :class:`Item` (inline, no tree)."""

    def start(self, *items: Any) -> list[Item]:
        out: list[Item] = []
        for item in items:
            if isinstance(item, list):
                out.extend(item)
            else:
                out.append(item)
        return out

    # -- references
    def article_ref(self, head: Token, number: Token, comma: Item | None,
                    letter: Item | None) -> Item:
        art, _, para = str(number).replace(",", ".").partition(".")
        citation = f"art. {int(art)}"
        if para and comma is None:
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
        return Item("amount", number_value(str(number)), parts[0].start_pos,
                    parts[-1].end_pos, str(number))

    def percent(self, number: Token, _sign: Token) -> Item:
        return Item("percent", number_value(str(number)), number.start_pos, _sign.end_pos,
                    str(number))

    def points(self, first: Token, _unit: Token | None = None) -> Item:
        raw = str(first)
        head = raw.split("/")[0].split(" su ")[0].split(" out")[0].strip()
        value = number_value(head)
        end = (_unit or first).end_pos
        return Item("points", value, first.start_pos, end, raw)

    def date_numeric(self, tok: Token) -> Item:
        raw = str(tok)
        parts = [p for p in raw.replace("-", "/").replace(".", "/").split("/") if p]
        try:
            if len(parts[0]) == 4:
                y, m, d = (int(p) for p in parts)
            elif len(parts) == 2:
                d, m, y = int(parts[0]), int(parts[1]), 0
            else:
                d, m, y = (int(p) for p in parts)
                if y < 100:
                    y += 2000
        except ValueError:  # pragma: no cover - the regex admits only digits
            return Item("bad_date", raw, tok.start_pos, tok.end_pos, raw)
        return Item("date", ("ymd", y, m, d), tok.start_pos, tok.end_pos, raw)

    def date_words(self, day: Token, month: Token, year: Token | None) -> Item:
        y = int(str(year)) if year is not None and str(year).isdigit() else 0
        if 0 < y < 100:
            y += 2000
        end = (year or month).end_pos
        try:
            d = int(str(day))
        except ValueError:
            return Item("bad_date", str(day), day.start_pos, end, str(day))
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

    # -- commands, cues, words
    def search(self, head: Token, item: Any) -> list[Item]:
        cue = Item("cue", "SEARCH_KW", head.start_pos, head.end_pos, str(head))
        return [cue, *(item if isinstance(item, list) else [item])]

    def cue(self, tok: Token) -> Item:
        if tok.type == "CATEGORY":
            letters = "".join(ch for ch in str(tok)[-2:] if ch.isalnum()).upper()
            code = letters if letters[:1] in "ABCD" else letters[-1:]
            return Item("category", code.strip(), tok.start_pos, tok.end_pos, str(tok))
        return Item("cue", tok.type, tok.start_pos, tok.end_pos, str(tok))

    def word(self, tok: Token) -> Item:
        return Item("word", str(tok), tok.start_pos, tok.end_pos, str(tok))


def grammar_path() -> Path:
    """The shipped grammar file."""
    return data_dir("grammar") / "query.lark"


def _cache_file() -> str | bool:
    """Where Lark keeps the compiled parser; ``True`` (temp dir) when no cache dir is usable."""
    override = os.environ.get("ORDINA_CACHE_DIR")
    try:
        if override:
            base = Path(override)
        else:
            from platformdirs import user_cache_dir

            base = Path(user_cache_dir("ordina", appauthor=False))
        base.mkdir(parents=True, exist_ok=True)
        return str(base / "query-grammar.lark.cache")
    except OSError:
        return True


_PARSER: Lark | None = None


def get_parser() -> Lark:
    """The process-wide LALR parser (built on first use, tables cached on disk)."""
    global _PARSER
    if _PARSER is None:
        text = grammar_path().read_text(encoding="utf-8")
        options: dict[str, Any] = dict(
            parser="lalr", lexer="contextual", transformer=ItemTransformer(),
            maybe_placeholders=True, propagate_positions=False,
        )
        cache = _cache_file()
        try:
            _PARSER = Lark(text, cache=cache, **options)
        except (OSError, EOFError, ValueError):
            # an unreadable or stale cache file must never break a question
            _PARSER = Lark(text, **options)
    return _PARSER


def parse_items(text: str) -> list[Item]:
    """Parse normalised ``text`` into items.

    :raises lark.exceptions.UnexpectedInput: when a phrase starts but does not finish.
    """
    return get_parser().parse(text)
