"""Parse a regulation exported from a word processor into units.

The text is messy and the parser copes: an INDICE that repeats every heading, article
headings spelled half a dozen ways ("Articolo 12 –", "Art.88 L'…", "Artico 87-",
"89 Incarichi…"), commi marked by "- ", "2.", "3.Nell'…", "7) …" or nothing, lists that
use "- ", "a)", "- a)", "iii." and skip j/k or not, and allegati holding pipe tables.

Headings that appear more than once (the INDICE, the list of allegati) are resolved by
keeping the last occurrence: the index always precedes the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ordina.corpus.model import IndexEntry, Skipped, Unit

ARTICLE_RE = re.compile(
    r"^\s*(?:articolo|artico|articol|art\.?)\s*(\d{1,3})\s*(?:[-–—.:]+\s*)?(.*)$", re.IGNORECASE
)
BARE_ARTICLE_RE = re.compile(r"^(\d{1,3})\s+([A-ZÀ-Ýa-zà-ý][^|]*)$")
TITLE_RE = re.compile(r"^\s*TITOLO\s+([IVXL]+)\b\s*[-–—.:]*\s*(.*)$")
ALLEGATO_RE = re.compile(
    r"^\s*\(?\s*allegato\s*[\"“”']?\s*([A-Z])\s*[\"“”']?\s*\)?\s*\)?\s*$", re.IGNORECASE
)
SEPARATOR_RE = re.compile(r"^\s*_{5,}\s*$")

COMMA_NUM_RE = re.compile(r"^[-–]?\s*(\d{1,2})\s*(?:\.(?!\d)|\))\s*(.*)$")
BARE_COMMA_RE = re.compile(r"^[-–]?\s*(\d{1,2})\s+([A-ZÀ-Ý].*)$")
LETTER_RE = re.compile(r"^[-–]?\s*([a-z])\s*\)\s*(.*)$")
ROMAN_RE = re.compile(r"^[-–]?\s*([ivx]{2,})[.)]\s*(.*)$")
DASH_RE = re.compile(r"^[-–—•]\s*(.*)$")


@dataclass
class ParseResult:
    """Units in document order, plus what was skipped and what looked odd."""

    units: list[Unit]
    skipped: list[Skipped] = field(default_factory=list)
    anomalies: list[Skipped] = field(default_factory=list)
    index_entries: list[IndexEntry] = field(default_factory=list)


def starts_lowercase(text: str) -> bool:
    """True when the first letter of ``text`` is lowercase (list items, not new commi)."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
    return False


def _heading_text(text: str) -> str:
    return text.strip().strip("–—-").strip().rstrip(".").strip()


@dataclass
class _Heading:
    kind: str  # "titolo" | "articolo" | "allegato"
    num: str
    line: int  # 0-based index
    text: str


def _scan_headings(lines: list[str]) -> list[_Heading]:
    """Every line that looks like a heading, before the keep-last rule."""
    found: list[_Heading] = []
    last_article = 0
    in_allegati = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if m := TITLE_RE.match(line):
            found.append(_Heading("titolo", m.group(1), i, m.group(2)))
            in_allegati = False
            continue
        if m := ALLEGATO_RE.match(line):
            found.append(_Heading("allegato", m.group(1).upper(), i, ""))
            in_allegati = True
            continue
        if in_allegati:
            continue
        if (m := ARTICLE_RE.match(line)) and len(line) < 160:
            num = int(m.group(1))
            if num > 0:
                found.append(_Heading("articolo", str(num), i, m.group(2)))
                last_article = num
            continue
        m = BARE_ARTICLE_RE.match(line)
        if (m and int(m.group(1)) == last_article + 1 and len(line) < 120
                and line[-1] not in ";:." and m.group(2)[:1].isupper()):
            found.append(_Heading("articolo", m.group(1), i, m.group(2)))
            last_article += 1
    return found


def _keep_last(headings: list[_Heading]) -> list[_Heading]:
    """Drop headings repeated later (the INDICE and the list of allegati precede the body)."""
    last: dict[tuple[str, str], int] = {}
    for h in headings:
        last[(h.kind, h.num)] = h.line
    return [h for h in headings if last[(h.kind, h.num)] == h.line]


class _ArticleBuilder:
    """Turns the body lines of one article into commi, lettere and trattini."""

    def __init__(self, art: Unit, result: ParseResult, units: list[Unit]) -> None:
        self.art = art
        self.result = result
        self.units = units
        self.comma: Unit | None = None
        self.comma_num = 0
        self.point: Unit | None = None  # last lettered point of the current comma
        self.last: Unit = art  # where continuation lines go
        self.items = 0  # unlettered items of the current comma
        self.subitems = 0  # items under the current lettered point
        self.prev_comma: Unit | None = None
        self.comma_unmarked = False  # current comma began with no dash and no number
        self.unmarked_item: Unit | None = None  # last list item written without any marker

    def _add(self, unit: Unit, parent: Unit) -> Unit:
        existing = {u.eid for u in self.units}
        if unit.eid in existing:
            n = 2
            while f"{unit.eid}_{n}" in existing:
                n += 1
            self.result.anomalies.append(Skipped(unit.line, unit.text[:80],
                                                 f"numero ripetuto: {unit.citation}"))
            unit.eid = f"{unit.eid}_{n}"
            unit.citation = f"{unit.citation} ({n}ª occorrenza)"
        unit.parent = parent.eid
        parent.children.append(unit.eid)
        self.units.append(unit)
        self.last = unit
        return unit

    def new_comma(self, text: str, line: int, num: int | None) -> None:
        given = num is not None
        if num is None:
            num = self.comma_num + 1
        elif num != self.comma_num + 1 and f"{self.art.eid}__para_{num}" not in {
                u.eid for u in self.units}:  # a repeated number is reported by _add
            self.result.anomalies.append(Skipped(
                line, text[:80],
                f"comma numerato {num} dopo il comma {self.comma_num} in {self.art.citation}"))
        self.comma_num = num
        self.prev_comma = self.comma
        self.comma_unmarked = False
        eid = f"{self.art.eid}__para_{num}"
        self.comma = self._add(
            Unit(eid, "comma", str(num), f"{self.art.citation} c. {num}", text=text, line=line,
                 number_given=given), self.art)
        self.point = None
        self.items = 0
        self.subitems = 0

    def _ensure_comma(self, line: int) -> Unit:
        if self.comma is None:
            self.new_comma("", line, None)
        assert self.comma is not None
        return self.comma

    def _rejoin_list(self, letter: str) -> bool:
        """A bare paragraph inside a lettered list ("c) … / Nel caso in cui … / d) …") made
        a comma of its own; when the letters carry on, fold it back into the last point."""
        comma, prev = self.comma, self.prev_comma
        if (letter == "a" or comma is None or prev is None or not self.comma_unmarked
                or comma.children):
            return False
        points = [u for u in self.units if u.parent == prev.eid and u.kind == "lettera"]
        if not points or letter not in next_letters(points[-1].num):
            return False
        points[-1].text = f"{points[-1].text} {comma.text}".strip()
        self.units.remove(comma)
        self.art.children.remove(comma.eid)
        self.comma, self.comma_num, self.point = prev, self.comma_num - 1, points[-1]
        self.comma_unmarked = False
        return True

    def new_point(self, letter: str, text: str, line: int) -> None:
        self._rejoin_list(letter)
        comma = self._ensure_comma(line)
        self.point = self._add(
            Unit(f"{comma.eid}__point_{letter}", "lettera", letter,
                 f"{comma.citation} lett. {letter}", text=text, line=line), comma)
        self.subitems = 0

    def new_item(self, text: str, line: int, under_point: bool) -> None:
        comma = self._ensure_comma(line)
        if under_point and self.point is not None:
            self.subitems += 1
            parent, n = self.point, self.subitems
        else:
            self.items += 1
            parent, n = comma, self.items
            self.point = None
        self._add(Unit(f"{parent.eid}__item_{n}", "trattino", str(n),
                       f"{parent.citation} trattino {n}", text=text, line=line), parent)

    def continue_text(self, text: str) -> None:
        self.last.text = f"{self.last.text} {text}".strip() if self.last.text else text

    def _list_open(self) -> bool:
        comma = self.comma
        return comma is not None and (comma.text.rstrip().endswith(":") or bool(comma.children))

    def feed(self, raw: str, line: int) -> None:
        text = raw.strip()
        if text.startswith(". "):
            text = text[2:].strip()
        if not text or set(text) <= set(".;,"):
            if text:
                self.result.skipped.append(Skipped(line, raw, "riga di sola punteggiatura"))
            return
        if m := COMMA_NUM_RE.match(text):
            self.new_comma(m.group(2).strip(), line, int(m.group(1)))
            return
        if (m := BARE_COMMA_RE.match(text)) and int(m.group(1)) == self.comma_num + 1:
            # "2 Le ferie del Segretario…": the next number, with no dot or bracket
            self.new_comma(m.group(2).strip(), line, int(m.group(1)))
            return
        if m := LETTER_RE.match(text):
            self.new_point(m.group(1), m.group(2).strip(), line)
            return
        if m := ROMAN_RE.match(text):
            self.new_item(m.group(2).strip(), line, under_point=True)
            return
        dash = DASH_RE.match(text)
        content = dash.group(1).strip() if dash else text
        if not content:
            return
        if starts_lowercase(content):
            point_open = self.point is not None and self.point.text.rstrip().endswith(":")
            if self.comma is None:
                self.new_comma(content, line, None)
            elif point_open:
                self.new_item(content, line, under_point=True)
            elif dash or self._list_open():
                self.new_item(content, line, under_point=False)
            else:
                self.continue_text(content)
        elif not dash and self._unmarked_item_fits(content):
            self.new_item(content, line, under_point=False)
            self.unmarked_item = self.last
        else:
            self.new_comma(content, line, None)
            self.comma_unmarked = not dash

    def _unmarked_item_fits(self, content: str) -> bool:
        """A list written without markers: "In particolare la Conferenza:" then "Verifica …;",
        "Decide …;" on lines of their own."""
        comma = self.comma
        if comma is None:
            return False
        if self.unmarked_item is not None and self.last is self.unmarked_item:
            return True
        return (comma.text.rstrip().endswith(":") and not comma.children
                and content.rstrip().endswith(";"))


def next_letters(letter: str) -> set[str]:
    """Letters that may follow ``letter`` in a list (Italian lists may skip j and k)."""
    if len(letter) != 1 or not letter.isalpha() or letter == "z":
        return set()
    nxt = {chr(ord(letter) + 1)}
    return nxt | {"l"} if letter == "i" else nxt


def _parse_table_rows(lines: list[str]) -> list[list[str]]:
    rows = []
    for raw in lines:
        cells = [c.strip() for c in raw.split("|")]
        while cells and not cells[-1]:
            cells.pop()
        rows.append(cells)
    return rows


def _build_allegato(unit: Unit, body: list[tuple[int, str]], units: list[Unit]) -> None:
    """Text and tables of one allegato; a table is a run of lines with '|'."""
    paragraphs: list[str] = []
    table: list[str] = []
    table_line = 0
    tables = 0

    def flush() -> None:
        nonlocal table, tables
        if table:
            tables += 1
            child = Unit(f"{unit.eid}__table_{tables}", "tabella", str(tables),
                         f"{unit.citation} tab. {tables}", text="\n".join(table),
                         parent=unit.eid, line=table_line, rows=_parse_table_rows(table))
            unit.children.append(child.eid)
            units.append(child)
            paragraphs.append(f"[tab. {tables}]")
            table = []

    for idx, (line_no, raw) in enumerate(body):
        text = raw.strip()
        if not text:
            continue
        next_has_pipe = idx + 1 < len(body) and "|" in body[idx + 1][1]
        if "|" in text or (table and next_has_pipe):
            if not table:
                table_line = line_no
            table.append(text)
            continue
        flush()
        if not unit.heading and text.isupper():
            unit.heading = _heading_text(text)
            continue
        paragraphs.append(text)
    flush()
    unit.text = "\n".join(paragraphs)


_KEYWORD_RE = re.compile(r"^\s*([A-Za-zÀ-ÿ]+)")
_SPELLED_RIGHT = {"articolo", "art"}


def _note_headings(lines: list[str], scanned: list[_Heading], kept: dict[int, _Heading],
                   body_start: int, result: ParseResult) -> None:
    """Record index entries and heading anomalies (misspelt keyword, repeated number)."""
    kept_at = {(h.kind, h.num): h.line for h in kept.values()}
    for h in scanned:
        raw = lines[h.line].strip()
        if h.kind == "articolo":
            word = _KEYWORD_RE.match(raw)
            keyword = word.group(1).lower() if word else ""
            if not keyword or raw[0].isdigit():
                result.anomalies.append(Skipped(
                    h.line + 1, raw[:80], f"intestazione dell'art. {h.num} senza «Articolo»"))
            elif keyword not in _SPELLED_RIGHT:
                result.anomalies.append(Skipped(
                    h.line + 1, raw[:80],
                    f"intestazione dell'art. {h.num} scritta «{word.group(1)}» invece di «Articolo»"))
        if h.line in kept:
            continue
        text = h.text
        if h.kind == "allegato" and not text:
            text = next((ln.strip() for ln in lines[h.line + 1:h.line + 3] if ln.strip()), "")
        result.index_entries.append(IndexEntry(h.kind, h.num, h.line + 1, _heading_text(text)))
        if h.kind == "articolo" and h.line > body_start:
            result.anomalies.append(Skipped(
                h.line + 1, raw[:80],
                f"art. {h.num} ripetuto nel testo (anche alla riga {kept_at[(h.kind, h.num)] + 1}): "
                "il primo è stato ignorato"))


def parse_regulation(text: str) -> ParseResult:
    """Parse the full text of a regulation into titoli, articoli, commi, lettere, allegati."""
    lines = text.splitlines()
    headings = _keep_last(_scan_headings(lines))
    result = ParseResult(units=[])
    units = result.units
    if not headings:
        result.skipped.append(Skipped(1, lines[0] if lines else "", "nessun articolo trovato"))
        return result
    at = {h.line: h for h in headings}
    body_start = headings[0].line
    scanned = _scan_headings(lines)
    superseded = {h.line for h in scanned} - set(at)
    _note_headings(lines, scanned, at, body_start, result)
    for i in range(body_start):
        if lines[i].strip():
            result.skipped.append(Skipped(i + 1, lines[i], "intestazione o indice"))

    title: Unit | None = None
    builder: _ArticleBuilder | None = None
    allegato: Unit | None = None
    allegato_body: list[tuple[int, str]] = []
    title_heading_open = False
    skipping_index = False

    def close_allegato() -> None:
        nonlocal allegato, allegato_body
        if allegato is not None:
            _build_allegato(allegato, allegato_body, units)
        allegato, allegato_body = None, []

    for i in range(body_start, len(lines)):
        raw = lines[i]
        line_no = i + 1
        stripped = raw.strip()
        if i in superseded:
            skipping_index = True
            result.skipped.append(Skipped(line_no, raw, "voce ripetuta dell'indice"))
            continue
        if i in at:
            skipping_index = False
            h = at[i]
            if h.kind == "titolo":
                close_allegato()
                builder = None
                title = Unit(f"title_{h.num}", "titolo", h.num, f"titolo {h.num}",
                             heading=_heading_text(h.text), line=line_no)
                units.append(title)
                title_heading_open = True
            elif h.kind == "articolo":
                art = Unit(f"art_{h.num}", "articolo", h.num, f"art. {h.num}",
                           heading=_heading_text(h.text), line=line_no,
                           parent=title.eid if title else None)
                if title:
                    title.children.append(art.eid)
                units.append(art)
                builder = _ArticleBuilder(art, result, units)
                title_heading_open = False
            else:
                close_allegato()
                builder = None
                title = None
                allegato = Unit(f"all_{h.num}", "allegato", h.num, f"all. {h.num}", line=line_no)
                units.append(allegato)
            continue
        if not stripped or SEPARATOR_RE.match(stripped):
            continue
        if skipping_index:
            result.skipped.append(Skipped(line_no, raw, "voce ripetuta dell'indice"))
            continue
        if title_heading_open and title is not None:
            title.heading = f"{title.heading} {stripped}".strip()
            continue
        if allegato is not None:
            allegato_body.append((line_no, raw))
        elif builder is not None:
            builder.feed(raw, line_no)
        else:
            result.skipped.append(Skipped(line_no, raw, "testo fuori da ogni articolo"))
    close_allegato()
    for unit in units:
        if unit.kind == "titolo":
            unit.heading = _heading_text(unit.heading)
    return result
