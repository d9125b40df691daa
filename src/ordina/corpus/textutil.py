"""Words and stems of Italian text, the same way for the index and for the query.

Accents are stripped *before* stemming, so "responsabilita" and "responsabilità" always
give the same stem (the Snowball stemmer alone would not); "part-time" yields "part",
"time" and the joined "parttime" so every spelling of the compound meets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ordina.textfold import strip_accents

WORD_RE = re.compile(r"[^\W\d_]+|\d+")
COMPOUND_RE = re.compile(r"\b([^\W\d_]+)-([^\W\d_]+)\b")

#: Words too common to help a search; dropped from queries (documents keep them).
STOPWORDS = frozenset([
    "a", "ad", "al", "alla", "alle", "allo", "ai", "agli", "all", "anche", "che", "chi",
    "ci", "come", "con", "cosa", "cui", "da", "dal", "dalla", "dalle", "dallo", "dai",
    "dagli", "dall", "del", "della", "delle", "dello", "dei", "degli", "dell", "di", "e",
    "ed", "gli", "i", "il", "in", "la", "le", "lo", "l", "ma", "ne", "nel", "nella",
    "nelle", "nello", "nei", "negli", "nell", "non", "o", "per", "quale", "quali", "quando",
    "se", "si", "sia", "sono", "su", "sul", "sulla", "sulle", "sullo", "sui", "sugli",
    "tra", "fra", "un", "una", "uno", "è", "e", "essere", "puo", "può", "deve", "devono",
    "chi",
])


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("italian")


#: Precomputed stems of the shipped documents' words. The Snowball stemmer is pure
#: Python (~80 µs a word): stemming the 4,000 distinct words of a cold index build
#: would take 0.35 s on its own. Ignored when the installed snowballstemmer differs.
STEM_CACHE = Path(__file__).with_name("stems.tsv")

_STEMS: dict[str, str] = {}


def _stemmer_version() -> str:
    """``snowballstemmer 3.1.1``, from its ``.dist-info`` folder name when it sits beside
    the package (importlib.metadata would cost a cold search ~0.02 s)."""
    from importlib.util import find_spec

    spec = find_spec("snowballstemmer")
    if spec is not None and spec.origin:
        found = list(Path(spec.origin).parents[1].glob("snowballstemmer-*.dist-info"))
        if len(found) == 1:
            return f"snowballstemmer {found[0].name[len('snowballstemmer-'):-len('.dist-info')]}"
    from importlib.metadata import version

    return f"snowballstemmer {version('snowballstemmer')}"


def _load_stem_cache() -> None:
    _STEMS[""] = ""
    try:
        lines = STEM_CACHE.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    if lines and lines[0] == f"# {_stemmer_version()}":
        _STEMS.update(line.split("\t", 1) for line in lines[1:] if "\t" in line)
    _STEMS.update(STEM_OVERRIDES)


#: Words Snowball runs together with others of another meaning: "volontariato"
#: (volunteering, art. 89) and "volontaria" (voluntary, "mobilità volontaria") share "volontar";
#: and the regulation's own misspelling «perfomance» (art. 24 c. 8), read as the word meant.
STEM_OVERRIDES = {"volontariato": "volontariat", "volontariati": "volontariat",
                  "perfomance": "performanc"}


def stem(word: str) -> str:
    """The accent-free Snowball stem of one word (``"Incarichi"`` -> ``"incar"``)."""
    if not _STEMS:
        _load_stem_cache()
    key = word.lower()
    found = _STEMS.get(key)
    if found is None:
        found = _STEMS[key] = _stemmer().stemWord(strip_accents(key))
    return found


def write_stem_cache(texts: list[str], path: Path = STEM_CACHE) -> int:
    """Write the stems of every word of ``texts`` to the cache file; return how many."""
    vocabulary = sorted({w for t in texts for w in WORD_RE.findall(t.lower())}
                        | {a + b for t in texts for a, b in COMPOUND_RE.findall(t.lower())})
    stemmer = _stemmer()
    lines = [f"# {_stemmer_version()}"]
    lines += [f"{w}\t{stemmer.stemWord(strip_accents(w))}" for w in vocabulary]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(vocabulary)


def words(text: str) -> Iterator[re.Match[str]]:
    """Every word or number of ``text``, as matches (so callers know where it is)."""
    return WORD_RE.finditer(text)


def stems(text: str) -> list[str]:
    """The stems of ``text`` in order, plus one joined stem per hyphenated compound."""
    low = text.lower()
    cache = _STEMS
    if not cache:
        _load_stem_cache()
    out = [cache.get(w) or stem(w) for w in WORD_RE.findall(low)]
    if "-" in low:
        out += [stem(a + b) for a, b in COMPOUND_RE.findall(low)]
    return out


def stem_line(text: str) -> str:
    """``stems(text)`` as one space-separated string: the shadow column of the index."""
    return " ".join(stems(text))


def query_terms(text: str) -> list[tuple[str, ...]]:
    """The terms of a question, each a tuple of alternatives, stop words and repeats dropped.

    An alternative with a space is an AND of stems: "part-time" gives
    ``("part tim", "parttim")``, so it meets both "part-time" and "parttime".
    """
    terms: dict[tuple[str, ...], None] = {}
    covered: set[int] = set()
    for m in COMPOUND_RE.finditer(text):
        a, b = m.group(1), m.group(2)
        terms.setdefault((f"{stem(a)} {stem(b)}", stem(a + b)), None)
        covered.update(range(m.start(), m.end()))
    for m in words(text):
        word = m.group()
        if m.start() in covered or strip_accents(word.lower()) in STOPWORDS:
            continue
        terms.setdefault((stem(word),), None)
    return list(terms)


if __name__ == "__main__":  # python -m ordina.corpus.textutil: refresh the stem cache
    from ordina.corpus.loader import corpus_as_of
    from ordina.resources import data_dir

    texts = [p.read_text(encoding="utf-8") for p in sorted(data_dir("regulation").glob("*.txt"))]
    texts += [f"{u.heading} {u.text}" for u in corpus_as_of().units.values()]  # "[tab. 1]"…
    print(f"{write_stem_cache(texts)} parole in {STEM_CACHE}")
