"""Names of people and units, so that "Rossi", "mario rossi" and "area tecnica" resolve.

The query layer does not know the personnel database: it asks a :class:`Lexicon`. The
real one is backed by ``ordina.store`` (:func:`lexicon_from_db`); tests use
:class:`InMemoryLexicon`. Matching is accent- and case-insensitive; fuzzy suggestions
("Rosi" -> "intendi Rossi?") use rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from ordina.query.normalize import fold

EntryKind = Literal["person", "unit"]

_UNIT_PREFIXES = ("area ", "servizio ", "ufficio ", "settore ", "dipartimento ", "unita ")
#: Words that name a smaller unit: "ufficio tributi" is the Servizio Tributi too.
_SWAPPABLE = ("servizio ", "ufficio ", "settore ")
#: Other names of units, English included (data, not code).
ALIASES_FILE = Path(__file__).with_name("unit_aliases.tsv")


@dataclass(frozen=True)
class Entry:
    """A person or unit the question may name."""

    kind: EntryKind
    key: str
    name: str
    detail: str = ""
    """What tells two namesakes apart: ``matr. M002, Area Finanziaria``."""

    @property
    def label(self) -> str:
        """``Mario Rossi (matr. M002, Area Finanziaria)``, or the name alone."""
        return f"{self.name} ({self.detail})" if self.detail else self.name


@runtime_checkable
class Lexicon(Protocol):
    """What the query layer needs to know about names."""

    def lookup(self, phrase: str) -> list[Entry]:
        """Entries whose name or alias is exactly ``phrase`` (folded: no accents, no case)."""
        ...

    def suggest(self, phrase: str, limit: int = 3) -> list[Entry]:
        """The closest names to ``phrase`` (fuzzy), best first."""
        ...

    def max_words(self) -> int:
        """The longest alias in words (bounds the n-gram search)."""
        ...


def person_aliases(name: str, surname: str | None = None) -> set[str]:
    """Folded aliases of a person: full name both ways and the surname alone."""
    full = fold(name)
    words = full.split()
    aliases = {full}
    if surname:
        aliases.add(fold(surname))
    elif len(words) >= 2:
        aliases.add(words[-1])
    if len(words) >= 2:
        aliases.add(" ".join(words[1:] + words[:1]))
    if surname and len(words) > len(fold(surname).split()):
        aliases.add(" ".join(words[:len(words) - len(fold(surname).split())]))  # given name
    return {a for a in aliases if a}


@lru_cache(maxsize=1)
def _alias_data() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, set[str]]]:
    """The words, unit words and phrases of :data:`ALIASES_FILE`, folded.

    A plain tab-separated file, not YAML: building the lexicon is on the cold path of
    ``ordina ask`` and must not import a YAML parser.
    """
    words: dict[str, list[str]] = {}
    kinds: dict[str, list[str]] = {}
    phrases: dict[str, set[str]] = {}
    try:
        text = ALIASES_FILE.read_text(encoding="utf-8")
    except OSError:
        return words, kinds, phrases
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) != 3:
            continue
        kind, name, others = parts[0].strip(), fold(parts[1]), [
            fold(o) for o in parts[2].split(";") if o.strip()]
        if kind == "word":
            words.setdefault(name, []).extend(others)
        elif kind == "unit":
            kinds.setdefault(name, []).extend(others)
        elif kind == "phrase":
            phrases.setdefault(name, set()).update(others)
    return words, kinds, phrases


def unit_words() -> tuple[str, ...]:
    """The Italian words of the units' names that :data:`ALIASES_FILE` knows ("ragioneria")."""
    return tuple(_alias_data()[0])


def unit_aliases(name: str) -> set[str]:
    """Folded aliases of a unit: the full name, the name without "area"/"servizio", the
    same with "ufficio"/"servizio" swapped, and the names of :data:`ALIASES_FILE`
    ("technical area", "finance office", "ufficio tecnico")."""
    full = fold(name)
    aliases = {full}
    words, kinds, phrases = _alias_data()
    aliases |= phrases.get(full, set())
    for prefix in _UNIT_PREFIXES:
        if full.startswith(prefix) and len(full) > len(prefix) + 2:
            rest = full[len(prefix):]
            aliases.add(rest)
            for article in ("di ", "del ", "della ", "dei ", "degli ", "delle ", "dell'"):
                if rest.startswith(article):
                    aliases.add(rest[len(article):].strip())
            if prefix in _SWAPPABLE:
                aliases |= {other + rest for other in _SWAPPABLE}
            for english in words.get(rest, ()):
                for kind in kinds.get(prefix.strip(), ()):
                    aliases.add(f"{english} {kind}")
    return aliases


class InMemoryLexicon:
    """A lexicon held in dicts: exact lookups in O(1), fuzzy ones with rapidfuzz."""

    def __init__(self, entries: Iterable[tuple[Entry, Iterable[str]]] = ()) -> None:
        self._by_alias: dict[str, list[Entry]] = {}
        self._seen: set[tuple[str, str, str]] = set()
        self._max_words = 1
        for entry, aliases in entries:
            self.add(entry, aliases)

    @classmethod
    def from_names(cls, people: Sequence[str | tuple[str, str]] = (),
                   units: Sequence[str | tuple[str, str]] = ()) -> InMemoryLexicon:
        """Build from names ("Mario Rossi") or (key, name) pairs."""
        lex = cls()
        for item in people:
            key, name = item if isinstance(item, tuple) else (item, item)
            lex.add(Entry("person", key, name), person_aliases(name))
        for item in units:
            key, name = item if isinstance(item, tuple) else (item, item)
            lex.add(Entry("unit", key, name), unit_aliases(name))
        return lex

    def add(self, entry: Entry, aliases: Iterable[str]) -> None:
        """Register ``entry`` under each alias (folded here)."""
        for alias in aliases:
            folded = fold(alias)
            if not folded:
                continue
            seen = (folded, entry.kind, entry.key)
            if seen in self._seen:  # a set: given-name buckets hold thousands of people
                continue
            self._seen.add(seen)
            self._by_alias.setdefault(folded, []).append(entry)
            self._max_words = max(self._max_words, len(folded.split()))

    def lookup(self, phrase: str) -> list[Entry]:
        return list(self._by_alias.get(fold(phrase), ()))

    def suggest(self, phrase: str, limit: int = 3) -> list[Entry]:
        from rapidfuzz import fuzz, process

        target = fold(phrase)
        if len(target) < 3 or not self._by_alias:
            return []
        found: list[Entry] = []
        for alias, _score, _i in process.extract(
                target, list(self._by_alias), scorer=fuzz.ratio, limit=limit * 2,
                score_cutoff=75):
            for entry in self._by_alias[alias]:
                if entry not in found:
                    found.append(entry)
        return found[:limit]

    def near(self, phrase: str, edits: int = 1) -> list[Entry]:
        """Entries whose alias is at most ``edits`` letters away ("Rosi" -> Rossi)."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        target = fold(phrase)
        if len(target) < 4:
            return []
        found: list[Entry] = []
        for alias, _dist, _i in process.extract(target, list(self._by_alias),
                                                scorer=Levenshtein.distance,
                                                score_cutoff=edits, limit=None):
            for entry in self._by_alias[alias]:
                if entry not in found:
                    found.append(entry)
        return found

    def max_words(self) -> int:
        return self._max_words

    def __len__(self) -> int:
        return len(self._by_alias)


class EmptyLexicon:
    """No names known: every name stays unresolved (the engine resolves it later)."""

    def lookup(self, phrase: str) -> list[Entry]:
        return []

    def near(self, phrase: str, edits: int = 1) -> list[Entry]:
        return []

    def suggest(self, phrase: str, limit: int = 3) -> list[Entry]:
        return []

    def max_words(self) -> int:
        return 1


def lexicon_from_rows(people: Iterable[dict[str, Any]], units: Iterable[dict[str, Any]]
                      ) -> InMemoryLexicon:
    """Build a lexicon from database rows.

    People rows need ``id`` and either ``name`` or ``first_name``/``last_name`` (also
    ``nome``/``cognome``); unit rows need ``id`` and ``name`` (or ``nome``).
    """
    lex = InMemoryLexicon()
    for row in people:
        first = row.get("first_name") or row.get("nome") or ""
        last = row.get("last_name") or row.get("cognome") or ""
        name = row.get("name") or row.get("full_name") or f"{first} {last}".strip()
        if not name:
            continue
        code = str(row.get("code") or "")
        lex.add(Entry("person", str(row.get("id", name)), name, str(row.get("detail") or "")),
                person_aliases(name, last or None) | ({code} if code else set()))
    for row in units:
        name = row.get("name") or row.get("nome") or ""
        if name:
            lex.add(Entry("unit", str(row.get("id", name)), name), unit_aliases(name))
    return lex


class LazyLexicon:
    """A lexicon built on first use: regulation look-ups never open the database."""

    def __init__(self, factory: Any) -> None:
        self._factory = factory
        self._lexicon: Lexicon | None = None

    def _get(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = self._factory()
        return self._lexicon

    def lookup(self, phrase: str) -> list[Entry]:
        return self._get().lookup(phrase)

    def suggest(self, phrase: str, limit: int = 3) -> list[Entry]:
        return self._get().suggest(phrase, limit)

    def near(self, phrase: str, edits: int = 1) -> list[Entry]:
        near = getattr(self._get(), "near", None)
        return near(phrase, edits) if near is not None else []

    def max_words(self) -> int:
        return self._get().max_words()


_STORE_CACHE: dict[tuple[int, int], InMemoryLexicon] = {}

#: People with their matricola and the unit of their latest employment (namesakes apart).
_PEOPLE_SQL = """
    SELECT p.id, p.surname, p.given_name, p.code,
           (SELECT u.name FROM employments e JOIN units u ON u.id = e.unit_id
            WHERE e.person_id = p.id ORDER BY e.valid_from DESC LIMIT 1)
    FROM people p"""


def _detail(code: str | None, unit: str | None) -> str:
    return ", ".join(x for x in (f"matr. {code}" if code else "", unit or "") if x)


def store_lexicon(db: Any) -> Lexicon:
    """The names of the personnel database (``ordina.store`` schema) as a lexicon.

    Read once per database and change count, so a warm process answers without
    re-reading 25,000 names. A database without the personnel tables gives an empty
    lexicon (the question is still parsed; names stay unresolved).
    """
    conn = getattr(db, "conn", db)
    try:
        changes = conn.execute("PRAGMA data_version").fetchone()[0]
    except Exception:  # noqa: BLE001 - not a SQLite connection: no names
        return EmptyLexicon()
    key = (id(conn), int(changes))
    cached = _STORE_CACHE.get(key)
    if cached is not None:
        return cached
    try:
        try:
            rows = conn.execute(_PEOPLE_SQL).fetchall()
        except Exception:  # noqa: BLE001 - public export: no employments, no units of people
            rows = [(*r, None) for r in conn.execute(
                "SELECT id, surname, given_name, code FROM people")]
        people = [{"id": pid, "last_name": surname or "", "first_name": given or "",
                   "code": code, "detail": _detail(code, unit)} for pid, surname, given, code, unit in rows]
        units = [{"id": uid, "name": name}
                 for uid, name in conn.execute("SELECT id, name FROM units")]
    except Exception:  # noqa: BLE001 - no personnel tables yet
        return EmptyLexicon()
    lex = lexicon_from_rows(people, units)
    _STORE_CACHE.clear()
    _STORE_CACHE[key] = lex
    return lex
