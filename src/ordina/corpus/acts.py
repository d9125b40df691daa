"""The known national acts: dates for URN:NIR identifiers, aliases, repeals.

An URN names an act by type, date and number (``urn:nir:stato:decreto.legislativo:
2001-03-30;165``), but the regulation cites "D.Lgs n. 165/2001": the date comes from
this small table (``acts.yaml``). Normattiva resolves URNs down to the article, so
links stop there; commi and letters stay in our own citation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ordina.formato import MESI

NORMATTIVA = "https://www.normattiva.it/uri-res/N2Ls?"

#: Short Italian form of each URN act type, for citations.
TYPE_ABBR = {
    "legge": "L.",
    "decreto.legislativo": "D.Lgs.",
    "decreto.legge": "D.L.",
    "decreto.del.presidente.della.repubblica": "D.P.R.",
    "regio.decreto": "R.D.",
}

MONTHS = MESI  # one list of month names: ordina.formato

ACTS_FILE = Path(__file__).with_name("acts.yaml")


@dataclass(frozen=True)
class Repeal:
    """Who repealed an act, from when, and the act that now governs the matter."""

    by: str
    since: date
    now: str | None = None


@dataclass(frozen=True)
class Act:
    """One national act: enough to build its URN and to cite it."""

    type: str
    date: date
    number: int
    title: str = ""
    annex: int | None = None
    short: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    repealed: Repeal | None = None

    @property
    def key(self) -> str:
        """``decreto.legislativo:2001-03-30;165``: the URN without prefix and article."""
        return f"{self.type}:{self.date.isoformat()};{self.number}"

    @property
    def urn(self) -> str:
        """The act's URN:NIR (``urn:nir:stato:regio.decreto:1942-03-16;262:2`` for the c.c.)."""
        annex = f":{self.annex}" if self.annex is not None else ""
        return f"urn:nir:stato:{self.key}{annex}"

    @property
    def citation(self) -> str:
        """Short citation: ``D.Lgs. 165/2001``, ``c.c.``."""
        if self.short and self.short.islower():
            return self.short
        return f"{TYPE_ABBR.get(self.type, self.type)} {self.number}/{self.date.year}"

    @property
    def long_citation(self) -> str:
        """Full citation: ``D.Lgs. 30 marzo 2001, n. 165``."""
        d = self.date
        return (f"{TYPE_ABBR.get(self.type, self.type)} {d.day} {MONTHS[d.month - 1]} "
                f"{d.year}, n. {self.number}")

    def article_urn(self, article: str | None) -> str:
        """URN of an article (``~art53``, ``~art34bis``), or of the act without one."""
        return f"{self.urn}~art{article.replace('-', '')}" if article else self.urn


def normattiva_url(urn: str) -> str:
    """The Normattiva link that resolves ``urn``."""
    return NORMATTIVA + urn


class ActTable:
    """Known acts, looked up by (type, year, number), by key, or by alias."""

    def __init__(self, acts: list[Act]) -> None:
        self.acts = acts
        self._by_number = {(a.type, a.date.year, a.number): a for a in acts}
        self._by_key = {a.key: a for a in acts}
        self._by_alias = {alias.lower(): a for a in acts for alias in a.aliases}

    def find(self, type_: str, year: int, number: int) -> Act | None:
        """The act of this type, year and number, if known."""
        return self._by_number.get((type_, year, number))

    def by_key(self, key: str) -> Act | None:
        """The act whose key is ``key`` (``decreto.legislativo:2001-03-30;165``)."""
        return self._by_key.get(key)

    def by_alias(self, alias: str) -> Act | None:
        """The act an alias names ("TUEL", "codice civile")."""
        return self._by_alias.get(" ".join(alias.lower().replace("’", "'").split()))

    def near_misses(self, type_: str, year: int, number: int) -> list[Act]:
        """Known acts a typo probably meant: same type and number, year off by one or two."""
        return [a for a in self.acts
                if a.type == type_ and a.number == number and 0 < abs(a.date.year - year) <= 2]

    def aliases(self) -> list[tuple[str, Act]]:
        """Every alias with its act, longest first (so the regex prefers the longest)."""
        pairs = [(alias, a) for a in self.acts for alias in a.aliases]
        return sorted(pairs, key=lambda p: -len(p[0]))


def _act(entry: dict) -> Act:
    rep = entry.get("repealed")
    return Act(
        type=entry["type"], date=entry["date"], number=int(entry["number"]),
        title=entry.get("title", ""), annex=entry.get("annex"), short=entry.get("short"),
        aliases=tuple(entry.get("aliases", ())),
        repealed=Repeal(rep["by"], rep["since"], rep.get("now")) if rep else None,
    )


@lru_cache(maxsize=1)
def known_acts() -> ActTable:
    """The table shipped in ``acts.yaml`` (read once per process)."""
    import yaml

    data = yaml.safe_load(ACTS_FILE.read_text(encoding="utf-8"))
    return ActTable([_act(e) for e in data["acts"]])
