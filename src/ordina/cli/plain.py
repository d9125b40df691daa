"""Markdown as plain text, for pipes and ``NO_COLOR``: no ``**``, no ``##``, tables aligned.

Line-based on purpose: a piped ``ordina ask`` is on the cold path, which never imports
a Markdown parser (tests/test_cold_path.py); on a terminal rich renders with
markdown-it. Lists, numbering and paragraphs are already plain text and stay as written;
what is markup (emphasis, headings, links, code marks, escapes, table rules) goes.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+\s*)?$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HARD_BREAK = re.compile(r"(?:  |\\)$")


def inline_text(text: str) -> str:
    """One line's inline Markdown as text: links keep their words, marks disappear."""
    codes: list[str] = []

    def keep_code(match: re.Match[str]) -> str:
        codes.append(match.group(2).strip())
        return f"\x00{len(codes) - 1}\x00"

    text = _CODE.sub(keep_code, text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(lambda m: m.group(1) if not m.group(2).startswith(("http", "mailto"))
                     else f"{m.group(1)} ({m.group(2)})", text)
    text = _AUTOLINK.sub(r"\1", text)
    for pattern in (_STRONG, _EM_STAR, _EM_UNDER):
        text = pattern.sub(lambda m: m.group(m.lastindex or 1), text)
    text = _ESCAPE.sub(r"\1", text)
    return re.sub("\x00(\\d+)\x00", lambda m: codes[int(m.group(1))], text)


def _cells(line: str) -> list[str]:
    line = line.strip()
    line = line.removeprefix("|")
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    return [inline_text(c.strip()) for c in re.split(r"(?<!\\)\|", line)]


def _table(rows: list[list[str]]) -> list[str]:
    """Rows as columns padded to the widest cell, the header underlined."""
    count = max(len(r) for r in rows)
    rows = [r + [""] * (count - len(r)) for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(count)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def markdown_to_text(source: str) -> str:
    """``source`` (Markdown) as plain text with the same paragraphs, lists and tables."""
    lines = source.splitlines()
    out: list[str] = []
    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            in_fence = not in_fence
            i += 1
            continue
        if in_fence:
            out.append(line)
            i += 1
            continue
        if "|" in line and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]) \
                and "-" in lines[i + 1]:
            rows = [_cells(line)]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(_cells(lines[i]))
                i += 1
            out += _table(rows)
            continue
        heading = _HEADING.match(line)
        if heading:
            out.append(inline_text(heading.group(1)))
        elif _RULE.match(line):
            out.append("-" * 40)
        else:
            out.append(inline_text(_HARD_BREAK.sub("", line)).rstrip())
        i += 1
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
