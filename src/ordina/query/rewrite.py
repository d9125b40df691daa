"""The query grammar as Lark gets it: rewrites that keep every parse and cut the work.

``grammar/query.lark`` is written for people: a question is ``_item*``, an item is a
phrase, a cue or a word, and each cue has its own terminal. Read literally, the LALR
parser reduces every word two or three times (to ``_cue``, to ``_item``, to the list)
and carries a table column for each of sixty cue terminals. These rewrites, applied
after :func:`ordina.query.parser.split_keywords`, give the same items and errors with
one reduction per word and smaller tables (so the cached parser also loads faster):

1. :func:`merge_bare_keywords`: keyword terminals that the grammar only ever lists as
   bare alternatives (``SHOW``, ``CITE``…) become one terminal, ``CUE``; the post-lexer
   keeps the real name on the token (:class:`CueToken`).
2. :func:`inline_alternations`: a bare list of alternatives (``_cue``) is merged into
   the bare list that names it (``_item``).
3. :func:`left_recursive_start`: ``start: _item*`` becomes ``start: start (…) |``, so
   each item is one reduction handled by ``ItemTransformer.start``.

``tests/test_query_fastpaths.py`` compares the result with the grammar as written.
"""

from __future__ import annotations

import re

from ordina.query._lark import Token

#: The terminal every bare keyword becomes.
CUE = "CUE"

_BARE_RULE = re.compile(r"^(_[a-z][a-z0-9_]*)\s*:\s*(.*)$")
_SYMBOL = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class CueToken(Token):
    """A keyword token of type ``CUE`` that remembers which keyword it is (``SHOW``)."""

    __slots__ = ("cue",)


def _code(line: str) -> str:
    return line.split("//", 1)[0].rstrip()


def bare_rules(grammar: str) -> dict[str, tuple[int, int, list[str]]]:
    """``_rules`` whose body is only a list of symbols: name -> (first line, end, symbols)."""
    lines = [_code(line) for line in grammar.splitlines()]
    found: dict[str, tuple[int, int, list[str]]] = {}
    i = 0
    while i < len(lines):
        match = _BARE_RULE.match(lines[i])
        j = i + 1
        if match:
            body = [match.group(2)]
            while j < len(lines) and lines[j].lstrip().startswith("|"):
                body.append(lines[j])
                j += 1
            symbols = [s.strip() for s in " ".join(body).split("|")]
            if all(_SYMBOL.fullmatch(s) for s in symbols):
                found[match.group(1)] = (i, j, symbols)
        i = j
    return found


def _names(text: str) -> set[str]:
    """Every rule and terminal name in ``text`` (one scan: this runs on each cold start)."""
    return set(_SYMBOL.findall(text))


def _rewrite(grammar: str, rules: dict[str, tuple[int, int, list[str]]],
             bodies: dict[str, list[str] | None], drop_lines=lambda line: False) -> str:
    """The grammar with each rule of ``bodies`` written on one line (None: removed)."""
    first = {start: name for name, (start, _, _) in rules.items()}
    inside = {k for start, end, _ in rules.values() for k in range(start, end)}
    out: list[str] = []
    for k, line in enumerate(grammar.splitlines()):
        if k in first and first[k] in bodies:
            body = bodies[first[k]]
            if body is not None:
                out.append(f"{first[k]}: " + " | ".join(body))
        elif k in inside and any(rules[n][0] < k < rules[n][1] for n in bodies):
            continue  # a continuation line of a rewritten rule
        elif not drop_lines(line):
            out.append(line)
    return "\n".join(out) + "\n"


def merge_bare_keywords(grammar: str, keywords: dict[str, list[str]]
                        ) -> tuple[str, frozenset[str]]:
    """Keyword terminals used only as bare alternatives, merged into one ``CUE`` terminal.

    :param keywords: the keyword terminals, as :func:`split_keywords` returns them
        (already ``%declare``d in ``grammar``).
    :returns: the grammar, and the names that now arrive as ``CUE`` tokens.
    """
    rules = bare_rules(grammar)
    lines = [_code(line) for line in grammar.splitlines()]
    inside = {k for start, end, _ in rules.values() for k in range(start, end)}
    elsewhere = _names("\n".join(line for k, line in enumerate(lines)
                                  if k not in inside and not line.startswith("%declare")))
    bare = frozenset(name for name in keywords if name not in elsewhere)
    if not bare:
        return grammar, bare
    bodies: dict[str, list[str] | None] = {}
    for name, (_, _, symbols) in rules.items():
        kept = [s for s in symbols if s not in bare]
        if len(kept) < len(symbols):
            bodies[name] = [*kept, CUE]

    def declared_bare(line: str) -> bool:
        parts = line.split()
        return len(parts) == 2 and parts[0] == "%declare" and parts[1] in bare

    return _rewrite(grammar, rules, bodies, declared_bare) + f"%declare {CUE}\n", bare


def inline_alternations(grammar: str) -> str:
    """Each bare list of alternatives (``_cue``) merged into the bare lists that name it
    (``_item: … | _cue``), and dropped when nothing else uses it.

    The parse tree is the same (``_`` rules are inlined anyway), with one reduction less
    for each token of the merged list, and no more rules than before.
    """
    rules = bare_rules(grammar)

    def expand(name: str, seen: tuple[str, ...]) -> list[str]:
        out: list[str] = []
        for symbol in rules[name][2]:
            nested = symbol in rules and symbol not in seen
            out += expand(symbol, (*seen, symbol)) if nested else [symbol]
        return out

    lines = [_code(line) for line in grammar.splitlines()]
    inside = {k for start, end, _ in rules.values() for k in range(start, end)}
    elsewhere = _names("\n".join(line for k, line in enumerate(lines) if k not in inside))
    bodies: dict[str, list[str] | None] = {}
    for name in rules:
        bodies[name] = expand(name, (name,)) if name in elsewhere else None
    return _rewrite(grammar, rules, bodies)


def left_recursive_start(grammar: str) -> str:
    """``start: _item*`` (``_item`` a bare list) as ``start: start (…_item…) |``.

    Lark reads ``_item*`` as a hidden list rule: each item is reduced twice (to ``_item``,
    to the list) and copied into the next node. Left-recursive, each item is one
    reduction whose callback (``ItemTransformer.start``) appends it to the list.
    """
    match = re.search(r"^start:[ \t]*(_[a-z][a-z0-9_]*)\*[ \t]*$", grammar, re.MULTILINE)
    rules = bare_rules(grammar)
    if match is None or match.group(1) not in rules:
        return grammar
    symbols = rules[match.group(1)][2]
    return (grammar[:match.start()] + "start: start (" + " | ".join(symbols) + ")\n     |"
            + grammar[match.end():])
