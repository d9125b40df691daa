"""The corpus in force on a date: from the shipped sources, or fast from the database index.

``load_corpus()`` parses the shipped regulation and organigramma and applies the
amendments in force today. ``load_corpus(db=db)`` reads the same thing back from the
index kept in the database (building or rebuilding it first when the sources or the
amendments changed), which is what the commands use.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ordina.corpus.model import Corpus
from ordina.resources import regulation_file

if TYPE_CHECKING:
    from ordina.corpus.parser import ParseResult

REGULATION_FILE = "regolamento_uffici_servizi.txt"
ORGANIGRAMMA_FILE = "organigramma_livorno.txt"


def source_path(source: str | Path | None = None) -> Path:
    """The regulation file: ``source`` when given, else the shipped one."""
    return Path(source) if source else regulation_file(REGULATION_FILE)


def corpus_from_text(text: str, organigramma: str | None = None,
                     source_name: str = REGULATION_FILE) -> tuple[Corpus, ParseResult]:
    """Parse a regulation (and the organigramma) into a corpus, with the parse report."""
    from ordina.corpus.organigramma import parse_organigramma
    from ordina.corpus.parser import parse_regulation

    reg = parse_regulation(text)
    org_text = organigramma if organigramma is not None else regulation_file(
        ORGANIGRAMMA_FILE).read_text(encoding="utf-8")
    corpus = Corpus(reg.units + parse_organigramma(org_text), source_name=source_name,
                    anomalies=reg.anomalies, index_entries=reg.index_entries,
                    skipped=reg.skipped)
    return corpus, reg


@lru_cache(maxsize=4)
def _source_corpus(source: str) -> Corpus:
    path = source_path(source or None)
    corpus, _ = corpus_from_text(path.read_text(encoding="utf-8"), source_name=path.name)
    return corpus


@lru_cache(maxsize=16)
def _corpus_in_force(source: str, amendments_key: tuple[str, ...], fingerprint: str) -> Corpus:
    from ordina.corpus.versions import apply_amendments, load_amendments

    base = _source_corpus(source)
    if not amendments_key:
        return base
    wanted = [a for a in load_amendments() if a.id in amendments_key]
    return apply_amendments(base, wanted)


def corpus_as_of(as_of: date | None = None, source: str | Path | None = None) -> Corpus:
    """Parse ``source`` (default: shipped) and apply the amendments in force on ``as_of``."""
    from ordina.corpus.versions import amendment_files, fingerprint, in_force, load_amendments

    when = as_of or date.today()
    key: tuple[str, ...] = ()
    digest = ""
    if amendment_files():
        digest = fingerprint()
        key = tuple(a.id for a in in_force(load_amendments(), when))
    corpus = _corpus_in_force(str(source or ""), key, digest)
    corpus.as_of = when if key else corpus.as_of
    return corpus


def load_corpus(as_of: date | None = None, *, db=None) -> Corpus:
    """The regulation and the organigramma as in force on ``as_of`` (default: today).

    :param db: a ``sqlite_utils.Database``; when given the corpus comes from its index
        (built on first use, rebuilt when the sources or amendments change), including
        a regulation indexed with ``ordina index --source``.
    """
    if db is None:
        return corpus_as_of(as_of)
    from ordina.corpus import index

    return index.corpus_for(db, as_of or date.today())
