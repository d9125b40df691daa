"""Names of people and units, so that "Rossi", "mario rossi" and "area tecnica" resolve.

The query layer does not know the personnel database: it asks a :class:`Lexicon`. The
real one is backed by ``ordina.store`` (:func:`lexicon_from_db`); tests use
:class:`InMemoryLexicon`. Matching is accent- and case-insensitive; fuzzy suggestions
("Rosi" -> "intendi Rossi?") use rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, runtime_checkable

from ordina.query.normalize import fold

EntryKind = Literal["person", "unit"]

_UNIT_PREFIXES = ("area ", "servizio ", "ufficio ", "settore ", "dipartimento ", "unita ")


@dataclass(frozen=True)
class Entry:
    """A person or unit the question may name."""

    kind: EntryKind
    key: str
    name: str


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
    return {a for a in aliases if a}


def unit_aliases(name: str) -> set[str]:
    """Folded aliases of a unit: the full name and the name without "area"/"servizio"."""
    full = fold(name)
    aliases = {full}
    for prefix in _UNIT_PREFIXES:
        if full.startswith(prefix) and len(full) > len(prefix) + 2:
            rest = full[len(prefix):]
            aliases.add(rest)
            for article in ("di ", "del ", "della ", "dei ", "degli ", "delle ", "dell'"):
                if rest.startswith(article):
                    aliases.add(rest[len(article):].strip())
    return aliases


class InMemoryLexicon:
    """A lexicon held in dicts: exact lookups in O(1), fuzzy ones with rapidfuzz."""

    def __init__(self, entries: Iterable[tuple[Entry, Iterable[str]]] = ()) -> None:
        self._by_alias: dict[str, list[Entry]] = {}
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
            bucket = self._by_alias.setdefault(folded, [])
            if entry not in bucket:
                bucket.append(entry)
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

    def max_words(self) -> int:
        return self._max_words

    def __len__(self) -> int:
        return len(self._by_alias)


class EmptyLexicon:
    """No names known: every name stays unresolved (the engine resolves it later)."""

    def lookup(self, phrase: str) -> list[Entry]:
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
        lex.add(Entry("person", str(row.get("id", name)), name),
                person_aliases(name, last or None))
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

    def max_words(self) -> int:
        return self._get().max_words()


_STORE_CACHE: dict[tuple[int, int], InMemoryLexicon] = {}


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
        people = [{"id": pid, "last_name": surname or "", "first_name": given or ""}
                  for pid, surname, given in conn.execute(
                      "SELECT id, surname, given_name FROM people")]
        units = [{"id": uid, "name": name}
                 for uid, name in conn.execute("SELECT id, name FROM units")]
    except Exception:  # noqa: BLE001 - no personnel tables yet
        return EmptyLexicon()
    lex = lexicon_from_rows(people, units)
    _STORE_CACHE.clear()
    _STORE_CACHE[key] = lex
    return lex
