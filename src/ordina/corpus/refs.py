"""Cross-references found in the text of every unit, resolved both ways.

Internal references ("art. 19", "artt. 24 e seguenti", "comma precedente", "di cui al
presente titolo", "allegati E) e F)", "titolo III") resolve to unit ids. External ones
("art. 53 del DLgs n.165/2001", "D.L. 95/2012 convertito in L.135/2012", "TUEL", "c.c.",
"del medesimo decreto") resolve through :mod:`ordina.corpus.acts` to an URN:NIR and a
Normattiva link at article level. A reference that cannot be right (a "precedente
articolo 73" written in art. 66, a D.Lgs. 150/2010 that does not exist) keeps a
``problem`` that ``ordina lint`` reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ordina.corpus.acts import MONTHS, TYPE_ABBR, Act, ActTable, known_acts, normattiva_url
from ordina.corpus.citations import citation_for_eid, int_to_roman, roman_to_int
from ordina.corpus.model import Corpus, Unit
from ordina.corpus.refgraph import EXTERNAL, INTERNAL, Ref, RefGraph, unit_scope

# ---------------------------------------------------------------- shared patterns

_LATIN = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)"
_ORDINALS = {w: i for i, w in enumerate(
    ["primo", "secondo", "terzo", "quarto", "quinto", "sesto", "settimo", "ottavo", "nono",
     "decimo"], start=1)}

_ITEM_RE = re.compile(rf"""
    (?P<art>\b(?:articol[oi]|artt?)\b\.?\s*(?P<artn>\d+)(?:\s*-?\s*(?P<artl>{_LATIN})\b)?)
  | (?P<com>\b(?:comm[ai]|co\.|c\.)\s*(?P<comn>\d+)(?:\s*-?\s*(?P<coml>{_LATIN})\b)?)
  | (?P<ord>\b(?P<ordw>{"|".join(_ORDINALS)})\s+comma\b)
  | (?P<let>\b(?:letter[ae]|lett\.?|let\.)\s*(?P<letl>[a-z])\)?(?P<more>(?:\s*(?:e|,)\s*[a-z]\))*))
  | (?P<num>\bn\.\s*(?P<numn>\d+))
  | (?P<tit>\btitolo\s+(?P<titn>[IVXL]+)\b)
  | (?P<seq>\be\s+(?:seguenti|ss\.?)(?!\w))
""", re.IGNORECASE | re.VERBOSE)

_CONNECTIVES = frozenset([
    "e", "ed", "del", "della", "dello", "dei", "degli", "delle", "dell", "dal", "dalla",
    "dallo", "dagli", "dall", "al", "alla", "allo", "ai", "agli", "all", "di", "cui", "ex",
    "nonché", "nonche",
])

# ---------------------------------------------------------------- external acts

_N = r"(?:n\.?\s*°?|n°|nr\.?)\s*"
_DAY_MONTH = r"(?P<day{i}>\d{{1,2}})\s*°?\s*(?P<month{i}>" + "|".join(MONTHS) + ")"
_NUMBER = rf"""(?:
    \s*,?\s*(?:{_N})?(?P<num1>\d+)\s*/\s*(?P<year1>\d{{4}}|\d{{2}})(?!\d)
  | \s*,?\s*{_DAY_MONTH.format(i=2)}\s+(?P<year2>\d{{4}})\s*,?\s*{_N}(?P<num2>\d+)
  | \s*,?\s*(?P<day3>\d{{1,2}})[./](?P<month3>\d{{1,2}})[./](?P<year3>\d{{4}})\s*,?\s*{_N}
        (?P<num3>\d+)
  | \s*,?\s*{_N}(?P<num4>\d+)\s+del\s+(?:{_DAY_MONTH.format(i=4)}\s+)?(?P<year4>\d{{4}})
)"""
_TYPES = {
    "decreto.legislativo": r"\bd\.?\s*lgs\b\.?|\bdecreto\s+legislativo\b",
    "decreto.legge": r"\bd\.?\s*l\b\.?|\bdecreto[\s-]+legge\b",
    "decreto.del.presidente.della.repubblica":
        r"\bd\.\s*p\.\s*r\b\.?|\bdpr\b|\bdecreto\s+del\s+presidente\s+della\s+repubblica\b",
    "regio.decreto": r"\br\.\s*d\b\.|\bregio\s+decreto\b",
    "legge": r"\blegge\b|\bl\.",
}
_ACT_RE = re.compile(
    "(?=[dlrDLR])(?:" + "|".join(f"(?P<t{i}>{rx})" for i, rx in enumerate(_TYPES.values()))
    + ")" + _NUMBER, re.IGNORECASE | re.VERBOSE)
_TYPE_BY_GROUP = {f"t{i}": t for i, t in enumerate(_TYPES)}

_CONVERSION_RE = re.compile(
    r"^\s*,?\s*(?:convertito|conv\.?)\s*(?:,?\s*con\s+modificazioni\s*,?)?\s*(?:in|dalla|con)\s*$",
    re.IGNORECASE)
_ANAPHORA_RE = re.compile(
    r"\b(?=[dnaDNA])(?:del|della|dello|dal|dalla|dallo|nel|nella|al|alla)\s+"
    r"(?:medesim[oa]|stess[oa]|citat[oa]|predett[oa]|suddett[oa])\s+"
    r"(?P<what>decreto\s+legislativo|decreto[\s-]legge|decreto|legge|testo\s+unico|codice)\b",
    re.IGNORECASE)
_ANAPHORA_TYPES = {
    "decreto legislativo": {"decreto.legislativo"},
    "decreto legge": {"decreto.legge"},
    "decreto": {"decreto.legislativo", "decreto.legge",
                "decreto.del.presidente.della.repubblica", "regio.decreto"},
    "legge": {"legge"},
    "testo unico": {"decreto.legislativo", "decreto.del.presidente.della.repubblica"},
    "codice": {"regio.decreto", "decreto.legislativo"},
}


def _alias_pattern(alias: str) -> str:
    """A regex for an alias: flexible spaces and apostrophes, exact case for "c.c."."""
    parts = [re.escape(p) for p in alias.replace("’", "'").split()]
    body = r"\s+".join(parts).replace("'", "['’]")
    if "." in alias and len(alias) <= 8:
        return rf"(?-i:{body})(?!\w)"
    return rf"{body}(?!\w)"


def _alias_re(table: ActTable) -> re.Pattern[str]:
    # One lookbehind and a first-letter lookahead in front of the alternation: Python's
    # engine would otherwise try every alias at every position (20x slower).
    aliases = [a for a, _ in table.aliases()]
    first = "".join(sorted({a[0].lower() for a in aliases} | {a[0].upper() for a in aliases}))
    body = "|".join(f"(?:{_alias_pattern(a)})" for a in aliases)
    return re.compile(rf"(?<![\w.])(?=[{re.escape(first)}])(?:{body})", re.IGNORECASE)


def _year(text: str) -> int:
    year = int(text)
    if year < 100:
        year += 2000 if year <= date.today().year % 100 else 1900
    return year


@dataclass
class _Mention:
    """Where an act is named, before article locators are attached."""

    start: int
    end: int
    type: str | None = None
    year: int | None = None
    number: int | None = None
    act: Act | None = None
    anaphora: str | None = None
    day_month: tuple[int, int] | None = None


_DIGIT = re.compile(r"\d")
_ANAPHORA_KEYS = ("medesim", "stess", "citat", "predett", "suddett")


def _act_mentions(text: str, table: ActTable, alias_re: re.Pattern[str],
                  alias_keys: tuple[str, ...]) -> list[_Mention]:
    found: list[_Mention] = []
    low = text.lower()
    has_digit = _DIGIT.search(text) is not None
    for m in _ACT_RE.finditer(text) if has_digit else ():
        group = next(g for g in _TYPE_BY_GROUP if m.group(g))
        type_ = _TYPE_BY_GROUP[group]
        for i in (1, 2, 3, 4):
            if m.group(f"num{i}"):
                number, year = int(m.group(f"num{i}")), _year(m.group(f"year{i}"))
                day_month = None
                if i in (2, 4) and m.group(f"month{i}"):
                    day_month = (int(m.group(f"day{i}")),
                                 MONTHS.index(m.group(f"month{i}").lower()) + 1)
                elif i == 3:
                    day_month = (int(m.group("day3")), int(m.group("month3")))
                break
        found.append(_Mention(m.start(), m.end(), type_, year, number,
                              table.find(type_, year, number), day_month=day_month))
    for m in alias_re.finditer(text) if any(k in low for k in alias_keys) else ():
        act = table.by_alias(m.group())
        if act is not None:
            found.append(_Mention(m.start(), m.end(), act.type, act.date.year, act.number, act))
    for m in _ANAPHORA_RE.finditer(text) if any(k in low for k in _ANAPHORA_KEYS) else ():
        what = " ".join(m.group("what").lower().replace("-", " ").split())
        found.append(_Mention(m.start(), m.end(), anaphora=what))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[_Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _chain(window: str) -> list[re.Match[str]]:
    """The locator items ("art. 35", "comma 1", "lettera a)") written right before an act."""
    items = list(_ITEM_RE.finditer(window))
    chain: list[re.Match[str]] = []
    end = len(window)
    for item in reversed(items):
        gap = window[item.end():end]
        tokens = [t for t in re.split(r"[\s,'’]+", gap) if t]
        if any(t.lower() not in _CONNECTIVES for t in tokens):
            break
        chain.append(item)
        end = item.start()
    chain.reverse()
    return chain


@dataclass
class _Locator:
    article: str | None = None
    comma: str | None = None
    letter: str | None = None
    title: str | None = None
    number: str | None = None
    extent: str | None = None
    extent_of: str = "article"


def _locators(chain: list[re.Match[str]]) -> list[_Locator]:
    """Group chain items into one locator per article ("artt. 2222 e seguenti e 2230 …")."""
    out: list[_Locator] = []
    pending = _Locator()
    current: _Locator | None = None
    last = ""
    for item in chain:
        if item.group("art"):
            latin = item.group("artl")
            current = _Locator(article=item.group("artn") + (f"-{latin.lower()}" if latin else ""),
                               comma=pending.comma, letter=pending.letter)
            pending = _Locator()
            out.append(current)
            last = "article"
            continue
        target = current if current is not None else pending
        if item.group("com") or item.group("ord"):
            if item.group("com"):
                latin = item.group("coml")
                value = item.group("comn") + (f"-{latin.lower()}" if latin else "")
            else:
                value = str(_ORDINALS[item.group("ordw").lower()])
            if target.comma is None:
                target.comma = value
            else:
                pending = _Locator(comma=value)
        elif item.group("let"):
            letters = [item.group("letl").lower()] + re.findall(r"([a-z])\)", item.group("more"),
                                                                 re.IGNORECASE)
            target.letter = ", ".join(letters)
        elif item.group("num"):
            target.number = item.group("numn")
        elif item.group("tit"):
            target.title = item.group("titn").upper()
        elif item.group("seq"):
            target.extent = "e seguenti"
            target.extent_of = "comma" if last == "comma" else "article"
        last = "comma" if (item.group("com") or item.group("ord")) else "other"
    if not out and (pending.comma or pending.letter or pending.title):
        out.append(pending)
    return out


def _external_label(act_citation: str, loc: _Locator) -> str:
    parts = []
    if loc.title:
        parts.append(f"titolo {loc.title}")
    more = " e ss." if loc.extent else ""
    if loc.article:
        parts.append(f"art. {loc.article}" + (more if loc.extent_of == "article" else ""))
    if loc.comma:
        parts.append(f"c. {loc.comma}" + (more if loc.extent_of == "comma" else ""))
    if loc.number:
        parts.append(f"n. {loc.number}")
    if loc.letter:
        parts.append(f"lett. {loc.letter}")
    return " ".join(parts + [act_citation])


def _unknown_act_citation(m: _Mention) -> str:
    return f"{TYPE_ABBR.get(m.type or '', m.type)} {m.number}/{m.year}"


class _Extractor:
    """Walks the corpus in document order, keeping per-article context for anaphora."""

    def __init__(self, corpus: Corpus, table: ActTable) -> None:
        self.corpus = corpus
        self.table = table
        self.alias_re = _alias_re(table)
        self.alias_keys = tuple({a.lower()[:3] for a, _ in table.aliases()})
        self.refs: list[Ref] = []

    # ------------------------------------------------------------ context helpers
    def _up(self, unit: Unit, kind: str) -> Unit | None:
        u: Unit | None = unit
        while u is not None and u.kind != kind:
            u = self.corpus.get(u.parent) if u.parent else None
        return u

    def _siblings(self, unit: Unit) -> list[str]:
        parent = self.corpus.get(unit.parent) if unit.parent else None
        return parent.children if parent else []

    # ------------------------------------------------------------ external
    def external(self, unit: Unit, text: str, last_acts: list[Act]) -> list[tuple[int, int]]:
        """Extract external refs of ``unit``; return the spans they cover."""
        spans: list[tuple[int, int]] = []
        mentions = _act_mentions(text, self.table, self.alias_re, self.alias_keys)
        if not mentions:
            return spans
        prev_end = 0
        prev: _Mention | None = None
        for m in mentions:
            window_start = max(prev_end, m.start - 200)
            window = text[window_start:m.start]
            chain = _chain(window)
            locs = _locators(chain) or [_Locator()]
            start = window_start + chain[0].start() if chain else m.start
            note = None
            if (prev is not None and prev.type == "decreto.legge" and m.type == "legge"
                    and _CONVERSION_RE.match(text[prev_end:m.start])):
                note = f"legge di conversione del {self._citation_of(prev)}"
            problem = suggestion = None
            act = m.act
            if m.anaphora is not None:
                wanted = _ANAPHORA_TYPES.get(m.anaphora, set())
                act = next((a for a in reversed(last_acts) if a.type in wanted), None)
                if act is None:
                    problem = (f"«{text[m.start:m.end]}» rinvia a un atto citato prima, ma nello "
                               "stesso articolo non ne è citato nessuno del tipo giusto")
                    suggestion = "scrivere per esteso l'atto citato"
            elif act is None:
                cited = _unknown_act_citation(m)
                misses = self.table.near_misses(m.type or "", m.year or 0, m.number or 0)
                if misses:
                    problem = (f"{cited} non esiste tra gli atti noti: l'anno sembra sbagliato")
                    suggestion = "citare " + " oppure ".join(a.long_citation for a in misses)
                else:
                    problem = (f"{cited} non è nella tabella degli atti noti (acts.yaml): "
                               "senza la data non si può costruire l'URN")
                    suggestion = "verificare l'estremo dell'atto e aggiungerlo ad acts.yaml"
            elif m.day_month is not None and (act.date.day, act.date.month) != m.day_month:
                problem = (f"data dell'atto diversa da quella nota: {act.long_citation}")
                suggestion = f"citare {act.long_citation}"
            if act is not None:
                last_acts.append(act)
            for loc in locs:
                citation = act.citation if act else _unknown_act_citation(m) if m.type else "?"
                ref = Ref(
                    source=unit.eid, kind=EXTERNAL, text=text[start:m.end], start=start,
                    end=m.end, label=_external_label(citation, loc), act=act.key if act else None,
                    article=loc.article, comma=loc.comma, letter=loc.letter, extent=loc.extent,
                    note=note, problem=problem, suggestion=suggestion,
                )
                if act is not None:
                    ref.urn = act.article_urn(loc.article)
                    ref.url = normattiva_url(ref.urn)
                self.refs.append(ref)
            spans.append((start, m.end))
            prev_end, prev = m.end, m
        return spans

    def _citation_of(self, m: _Mention) -> str:
        return m.act.citation if m.act else _unknown_act_citation(m)

    # ------------------------------------------------------------ internal
    def internal(self, unit: Unit, text: str) -> None:
        """Extract internal refs of ``unit`` from ``text`` (external spans blanked out)."""
        article = self._up(unit, "articolo")
        comma = self._up(unit, "comma")
        found: list[Ref] = []
        masked = text

        def take(m: re.Match[str], **fields) -> Ref:
            nonlocal masked
            ref = Ref(source=unit.eid, kind=INTERNAL, text=text[m.start():m.end()],
                      start=m.start(), end=m.end(), **fields)
            found.append(ref)
            masked = masked[:m.start()] + " " * (m.end() - m.start()) + masked[m.end():]
            return ref

        low = text.lower()

        def scan(rx: re.Pattern[str], *keys: str) -> Iterable[re.Match[str]]:
            # Most units cite nothing: a substring test is far cheaper than a regex scan.
            return rx.finditer(masked) if any(k in low for k in keys) else ()

        for m in scan(_INT_ART, "art"):
            self._article_ref(take(m), m, article)
        for m in scan(_REL_ART, "articol"):
            direction = next(g for g in m.groups() if g).lower()
            ref = take(m)
            if article is None:
                ref.problem = "rinvio a un articolo «precedente/successivo» fuori da un articolo"
                continue
            step = -1 if direction.startswith("preced") else 1
            self._resolve(ref, f"art_{int(article.num) + step}")
            if direction in ("precedenti", "successivi"):
                ref.extent = direction
        for m in scan(_COMMA_N, "comm"):
            ref = take(m)
            latin = m.group("lat")
            num = m.group("n") + (latin.lower() if latin else "")
            if article is None:
                ref.problem = "comma citato senza articolo, fuori da un articolo"
                continue
            self._resolve(ref, f"{article.eid}__para_{num}")
            if m.group("dir") and comma is not None and ref.target:
                self._check_direction(ref, m.group("dir"), comma, self.corpus.units[ref.target])
        for m in scan(_REL_COMMA, "comm"):
            direction = next(g for g in m.groups() if g).lower()
            ref = take(m)
            if comma is None:
                ref.problem = "rinvio a un comma «precedente/successivo» fuori da un comma"
                continue
            siblings = self._siblings(comma)
            i = siblings.index(comma.eid) + (-1 if direction.startswith("preced") else 1)
            if 0 <= i < len(siblings):
                self._resolve(ref, siblings[i])
            else:
                ref.problem = f"«{ref.text}» in {comma.citation}: quel comma non esiste"
            if direction in ("precedenti", "successivi"):
                ref.extent = direction
        for m in scan(_LETTERS, "lett"):
            letters = [m.group("l")] + re.findall(r"([a-z])\)", m.group("more") or "")
            ref = take(m)
            if comma is None:
                ref.problem = "lettera citata senza comma"
                continue
            self._resolve(ref, f"{comma.eid}__point_{letters[0].lower()}")
            if len(letters) > 1:
                for extra in letters[1:]:
                    twin = Ref(**{**ref.to_dict(), "target": None, "problem": None})
                    self._resolve(twin, f"{comma.eid}__point_{extra.lower()}")
                    found.append(twin)
        for m in scan(_PRESENT, "presente"):
            what = m.group("what").lower()
            ref = take(m)
            if what == "articolo":
                self._resolve(ref, article.eid if article else None)
            elif what == "comma":
                self._resolve(ref, comma.eid if comma else None)
            elif what == "titolo":
                title = self.corpus.get(article.parent) if article and article.parent else None
                self._resolve(ref, title.eid if title else None)
            else:
                ref.problem = f"«{ref.text}»: il regolamento non è diviso in capi"
                ref.suggestion = "scrivere «presente titolo» o citare gli articoli"
        for m in scan(_SAME_ARTICLE, "articolo"):
            ref = take(m)
            before = [r for r in found if r.start < m.start() and r.target
                      and r.target.startswith("art_")]
            if before:
                self._resolve(ref, before[-1].target.split("__")[0])
            else:
                ref.problem = (f"«{ref.text}» rinvia a un articolo citato prima, ma nello stesso "
                               "testo non ne è citato nessuno")
                ref.suggestion = "citare l'articolo per numero (e l'atto, se esterno)"
        for m in scan(_ALLEGATI, "allegat"):
            letters = [m.group("x")] + re.findall(r"([A-Z])\b", m.group("more") or "")
            first = take(m)
            self._resolve(first, f"all_{letters[0]}")
            for extra in letters[1:]:
                twin = Ref(source=unit.eid, kind=INTERNAL, text=first.text, start=first.start,
                           end=first.end)
                self._resolve(twin, f"all_{extra}")
                found.append(twin)
        for m in scan(_TITLES, "titolo"):
            raw = m.group("t") or m.group("d")
            roman = int_to_roman(int(raw)) if raw.isdigit() else raw.upper()
            self._resolve(take(m), f"title_{roman}")
        for m in scan(_CAPI, "capo"):
            ref = take(m)
            ref.problem = f"«{ref.text}»: il regolamento non è diviso in capi"
        found.sort(key=lambda r: r.start)
        self.refs.extend(found)

    def _article_ref(self, ref: Ref, m: re.Match[str], article: Unit | None) -> None:
        latin = m.group("lat")
        eid = f"art_{m.group('n')}" + (latin.lower() if latin else "")
        if m.group("c"):
            eid += f"__para_{m.group('c')}"
        if m.group("l"):
            eid += f"__point_{m.group('l').lower()}"
        if m.group("seq"):
            ref.extent = "e seguenti"
        self._resolve(ref, eid)
        if m.group("dir") and article is not None and ref.target:
            cited = self.corpus.units[ref.target.split("__")[0]]
            self._check_direction(ref, m.group("dir"), article, cited)

    def _check_direction(self, ref: Ref, direction: str, here: Unit, cited: Unit) -> None:
        """A "precedente" reference must point back, a "successivo" one forward."""
        order = list(self.corpus.units)
        before = order.index(cited.eid) < order.index(here.eid)
        if direction.lower().startswith("preced") and not before:
            ref.problem = (f"«{ref.text}» in {here.citation}: {cited.citation} non precede "
                           f"{here.citation}")
        elif direction.lower().startswith("success") and before:
            ref.problem = (f"«{ref.text}» in {here.citation}: {cited.citation} non segue "
                           f"{here.citation}")
        if ref.problem and here.kind == "articolo":
            guesses = heading_neighbours(self.corpus, here,
                                         before=direction.lower().startswith("preced"))
            if guesses:
                ref.suggestion = "forse " + " o ".join(g.citation for g in guesses) + (
                    " (stesso argomento nel titolo)")

    def _resolve(self, ref: Ref, eid: str | None) -> None:
        unit = self.corpus.get(eid) if eid else None
        if unit is None:
            ref.problem = ref.problem or (
                f"«{ref.text}» non corrisponde a nessuna parte del regolamento"
                + (f" (cercato: {citation_for_eid(eid)})" if eid else ""))
            return
        ref.target = unit.eid
        ref.label = unit.citation


_INT_ART = re.compile(rf"""
    (?:\b(?P<dir>precedente|successivo)\s+)?
    \b(?:articol[oi]|artt?)\b\.?\s*(?P<n>\d+)(?:\s*-?\s*(?P<lat>{_LATIN})\b)?
    (?:\s*,?\s*(?:comma|c\.)\s*(?P<c>\d+))?
    (?:\s*,?\s*(?:lettera|lett\.?)\s*(?P<l>[a-z])\)?)?
    (?P<seq>\s+e\s+(?:seguenti|ss\.?)(?!\w))?
""", re.IGNORECASE | re.VERBOSE)
_REL_ART = re.compile(
    r"\b(?:(?P<d1>precedente|successivo)\s+articolo|articolo\s+(?P<d2>precedente|successivo)"
    r"|(?P<d3>precedenti|successivi)\s+articoli|articoli\s+(?P<d4>precedenti|successivi))\b"
    r"(?!\s*\.?\s*\d)", re.IGNORECASE)
_COMMA_N = re.compile(
    rf"(?:\b(?P<dir>precedente|successivo)\s+)?\bcomm[ai]\s+(?P<n>\d+)"
    rf"(?:\s*-?\s*(?P<lat>{_LATIN})\b)?", re.IGNORECASE)
_REL_COMMA = re.compile(
    r"\b(?:(?P<d1>precedente|successivo)\s+comma|comma\s+(?P<d2>precedente|successivo)"
    r"|(?P<d3>precedenti|successivi)\s+commi|commi\s+(?P<d4>precedenti|successivi))\b",
    re.IGNORECASE)
_LETTERS = re.compile(
    r"\b(?:letter[ae]|lett\.?)\s*(?P<l>[a-z])\)(?P<more>(?:\s*(?:e|,)\s*[a-z]\))*)", re.IGNORECASE)
_PRESENT = re.compile(r"\bpresente\s+(?P<what>articolo|titolo|comma|capo)\b", re.IGNORECASE)
_SAME_ARTICLE = re.compile(r"\b(?:medesimo|stesso)\s+articolo\b", re.IGNORECASE)
_ALLEGATI = re.compile(
    r"\b[Aa]llegat[oi]\s*[“\"«(]?\s*(?P<x>[A-Z])\b\s*[”\"»)]?"
    r"(?P<more>(?:\s*(?:e|,)\s*[“\"«(]?\s*[A-Z]\b\s*[”\"»)]?)*)")
_TITLES = re.compile(r"\b[Tt]itolo\s+(?:(?P<t>[IVXL]+)\b|(?P<d>\d+)\s*°?)")
_CAPI = re.compile(r"\b[Cc]apo\s+[IVXL]+\b")


def heading_neighbours(corpus: Corpus, here: Unit, before: bool, limit: int = 2) -> list[Unit]:
    """Articles of the same titolo, on the right side of ``here``, whose headings share
    the most words with ``here``'s: the likely target of a mistyped article number."""
    from ordina.corpus.textutil import STOPWORDS, stem

    def stems_of(u: Unit) -> set[str]:
        return {stem(w) for w in re.findall(r"[^\W\d_]+", u.heading.lower())
                if w not in STOPWORDS and len(w) > 3}

    mine = stems_of(here)
    title = corpus.get(here.parent) if here.parent else None
    pool = [corpus.units[e] for e in (title.children if title else [])
            if e != here.eid and (int(corpus.units[e].num) < int(here.num)) == before]
    scored = sorted(((len(mine & stems_of(u)), -abs(int(u.num) - int(here.num)), u)
                     for u in pool), key=lambda t: (t[0], t[1]), reverse=True)
    return [u for score, _, u in scored[:limit] if score > 0]


def extract_refs(corpus: Corpus, table: ActTable | None = None) -> list[Ref]:
    """Every reference in the corpus, in document order.

    :param table: the known acts; defaults to the shipped ``acts.yaml``.
    """
    extractor = _Extractor(corpus, table or known_acts())
    last_acts: list[Act] = []
    for unit in corpus.units.values():
        if unit.kind in ("articolo", "allegato", "titolo") or unit.eid == "org":
            last_acts = []
        if not unit.text or unit.kind == "tabella":
            continue
        spans = extractor.external(unit, unit.text, last_acts)
        masked = unit.text
        for a, b in spans:
            masked = masked[:a] + " " * (b - a) + masked[b:]
        extractor.internal(unit, masked)
    for ref in extractor.refs:
        ref.text = corpus.units[ref.source].text[ref.start:ref.end]
    return extractor.refs


def parse_act_reference(text: str, table: ActTable | None = None) -> list[Ref]:
    """Read a user's spelling of an external reference ("art. 53 D.Lgs. 165/2001", "c.c.").

    Returns the external references found (empty when the text names no act).
    """
    table = table or known_acts()
    unit = Unit("query", "comma", "1", "query", text=text)
    corpus = Corpus([unit])
    extractor = _Extractor(corpus, table)
    extractor.external(unit, text, [])
    return extractor.refs


__all__ = ["EXTERNAL", "INTERNAL", "Ref", "RefGraph", "extract_refs", "heading_neighbours",
           "parse_act_reference", "roman_to_int", "unit_scope"]
