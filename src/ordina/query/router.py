"""Route a question to an intent by the example questions it is most like.

Every check declares the questions it answers (key ``esempi`` of the YAML beside it); the
intents answered from the regulation itself declare theirs in ``grammar/esempi.yaml``. A
question and every example become bags of features: stems of its words, the regulation's
terms it names (the thesaurus), what it asks for (its form: ``chi``, ``termine``, ``sino``…)
and whether it carries numbers or dates. The intents are ranked by TF-IDF cosine similarity
to their closest examples. No database is opened; nothing depends on the order of rules.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ordina.query.wording import fold_text, italian_for, question_form, thesaurus
from ordina.resources import data_dir

#: How many of an intent's closest examples its score averages.
NEIGHBOURS = 2
_FORM_WEIGHT = 2.0
_CONCEPT_WEIGHT = 1.5
_NUMBER_RE = re.compile(r"\d")
_WORD_RE = re.compile(r"[^\W\d_]+")
#: Bump when :func:`features` changes, so cached example features are rebuilt.
FEATURES_VERSION = "22"
_AMOUNT_RE = re.compile(r"\d[\d.,]*\s*(?:euro|€|%|punti|km|centesimi)|(?:pmax|graduazione|"
                        r"punti|km|posti|valutati|dipendenti)\s*[:=]?\s*\d")
_DATE_RE = re.compile(r"\b\d{1,2}\s+(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|"
                      r"agosto|settembre|ottobre|novembre|dicembre|january|february|march|"
                      r"april|may|june|july|august|september|october|november|december)\b|"
                      r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")
_REF_RE = re.compile(r"\b(?:art\.?|articol[oi]|article|allegato|all\.|annex|comma|c\.)\s*"
                     r"(?:\d+|[a-g]\b)")
_NUMBER_WORDS = frozenset({
    "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici",
    "dodici", "quindici", "diciotto", "venti", "trenta", "sessanta", "novanta", "cento",
    "mille", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "twelve", "fifteen", "twenty", "thirty",
})
_NAME_RE = re.compile(r"(?<=[^\W\d_] )([A-Z][^\W\d_A-Z]+)")
_MINOR = frozenset({
    "a", "ad", "al", "alla", "allo", "ai", "agli", "all", "il", "lo", "la", "le", "i", "gli",
    "l", "un", "una", "uno", "di", "del", "della", "dello", "dei", "degli", "dell", "da",
    "dal", "dalla", "dai", "e", "ed", "o", "in", "nel", "nella", "nei", "su", "per", "con",
    "tra", "fra", "the", "an", "of", "to", "on", "at", "for", "by", "and", "or",
    # English words that carry no topic (the form is read on its own: ``f:``)
    "is", "are", "was", "were", "be", "been", "that", "this", "it", "its", "as", "s", "my",
    "me", "we", "our", "you", "your", "there", "do", "does", "did", "has", "have", "had",
    "will", "would", "should", "if", "so", "from", "with", "into", "any",
})


@lru_cache(maxsize=1024)
def features(text: str) -> Counter[str]:
    """The bag of features of one question (weights as counts); shared, do not modify."""
    from ordina.corpus.textutil import stems

    folded = fold_text(text)
    bag: Counter[str] = Counter()
    found = _WORD_RE.findall(folded)
    # a capitalised word inside the question is a name ("chi è Cost?"), not English
    names = {fold_text(w) for w in _NAME_RE.findall(text)}
    for word, stem in zip(found, stems(" ".join(found)), strict=False):
        if word in _NUMBER_WORDS:
            bag["n:numero"] += 1
        elif word not in _MINOR:
            bag["w:" + stem] += 1
            italian = italian_for(word) if word not in names else None
            if italian is not None:  # "mayor" is also "sindaco"
                for stem_it in stems(italian):
                    bag["w:" + stem_it] += 0.5
    for concept in thesaurus().concepts(text):
        bag["c:" + concept] += _CONCEPT_WEIGHT
    for fact in _stated_choices(folded):  # "gestire un bar" states an activity kind
        bag["v:" + fact] += _CONCEPT_WEIGHT
    form = question_form(text)
    bag["f:" + (form or "nessuna")] += _FORM_WEIGHT
    if _REF_RE.search(folded):
        bag["n:rif"] += 1.5
    if _DATE_RE.search(folded):
        bag["n:data"] += 1.5
    if _AMOUNT_RE.search(folded):
        bag["n:cifra"] += 1.5
    elif _NUMBER_RE.search(_REF_RE.sub(" ", folded)):  # "art. 110" is no count
        bag["n:numero"] += 1
    return bag


@lru_cache(maxsize=1024)
def name_features(text: str) -> frozenset[str]:
    """The word features of the names inside the question ("Silvia Lodi")."""
    from ordina.corpus.textutil import stems

    names = [fold_text(w) for w in _NAME_RE.findall(text)]
    return frozenset("w:" + s for s in stems(" ".join(names))) if names else frozenset()


#: Choice facts whose naming in a question says what it is about (the activity, the client).
_ROUTING_FACTS = ("activity_kind", "client_type", "client_relation")


def _stated_choices(folded: str) -> set[str]:
    """The routing facts the question names, by their vocabulary words or surface forms."""
    from ordina.query.surface import stated_facts
    from ordina.query.vocabulary import find_terms

    named = {name for term in find_terms(folded) for name, _v in term.meanings}
    named |= set(stated_facts(folded))
    return named & set(_ROUTING_FACTS)


@dataclass(frozen=True)
class Example:
    """One example question and the intent it belongs to."""

    intent: str
    text: str
    source: str


def example_files() -> list[Path]:
    """``grammar/esempi.yaml`` and every check YAML (only their ``esempi`` are read)."""
    return [data_dir("grammar") / "esempi.yaml", *sorted(data_dir("checks").glob("*.yaml"))]


def load_examples(paths: list[Path] | None = None) -> list[Example]:
    """Every declared example, with the file it comes from."""
    from ordina.query.datafiles import cached, load_yaml

    files = paths if paths is not None else example_files()

    def build() -> list[list[str]]:
        out: list[list[str]] = []
        for path in files:
            if path.parent.name == "grammar":
                data = load_yaml(path)
            else:
                block = _esempi_block(path.read_text(encoding="utf-8"))
                if not block:
                    continue
                import yaml

                data = yaml.safe_load(block)
            for intent, questions in ((data or {}).get("esempi") or {}).items():
                out += [[str(intent), str(q), path.name] for q in questions or ()]
        return out

    rows = cached("esempi", files, build) if paths is None else build()
    return [Example(*row) for row in rows]


def _esempi_block(text: str) -> str:
    """Only the top-level ``esempi:`` mapping of a check YAML (its scenarios are not parsed)."""
    m = re.search(r"^esempi:[ \t]*\n(?:(?:[ \t]+.*|[ \t]*#.*|[ \t]*)\n)*", text, re.MULTILINE)
    return m.group(0) if m else ""


#: A name of the question that is a word of at most this many examples and no example's
#: name ("Long" of "how long") is taken as a name, not as that word.
NAME_AS_WORD_MAX = 2
#: A feature in the examples of at most this many intents tells them apart.
DISTINCTIVE_SPREAD = 4


class Router:
    """TF-IDF nearest examples per intent."""

    def __init__(self, examples: list[Example], bags: list[Counter[str]] | None = None,
                 built: dict | None = None) -> None:
        """:param built: ``{"idf", "vectors", "names"}`` of :meth:`to_json`, to skip the
        computation."""
        self.examples = examples
        if built is not None:
            self.idf = built["idf"]
            self.vectors = built["vectors"]
            self.names = frozenset(built["names"])
        else:
            #: The word features of the names in the examples ("Rossi", "Verdi"): a name of
            #: the question that is only an example's word ("Long" of "how long") is none.
            self.names = frozenset(f for e in examples for f in name_features(e.text))
            bags = bags if bags is not None else [features(e.text) for e in examples]
            df: Counter[str] = Counter()
            for bag in bags:
                df.update(bag.keys())
            n = max(len(bags), 1)
            self.idf = {f: math.log((n + 1) / (c + 0.5)) for f, c in df.items()}
            self.vectors = [self._vector(b) for b in bags]
        self.by_intent: dict[str, list[int]] = defaultdict(list)
        for i, e in enumerate(examples):
            self.by_intent[e.intent].append(i)
        self.intents_of: dict[str, set[str]] = defaultdict(set)
        """Feature -> the intents whose examples have it."""
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        """Feature -> the examples holding it, with its weight there."""
        for i, vec in enumerate(self.vectors):
            for f, w in vec.items():
                self.intents_of[f].add(examples[i].intent)
                self.postings[f].append((i, w))

    def to_json(self) -> dict:
        """What :class:`Router` needs to be rebuilt without stemming the examples again."""
        return {"idf": self.idf, "vectors": self.vectors, "names": sorted(self.names)}

    def _asked(self, text: str) -> Counter[str]:
        """The question's features, less the names that are no example's name nor a common
        word of the examples: who is asked about ("Sono Silvia Lodi, …") says nothing of what
        is asked, and would dilute it; "Area Tecnica" keeps its words."""
        bag = features(text)
        rare = math.log((len(self.examples) + 1) / (NAME_AS_WORD_MAX + 0.5))
        # a rare word the examples use is that word ("Bar Centrale", "Regione"), unless it
        # names someone of an example or a unit ("Ragioneria"): who the question is about
        unknown = {f for f in name_features(text) if self.idf.get(f, rare) >= rare
                   and (f in self.names or f in _unit_words() or f not in self.idf)}
        return Counter({f: c for f, c in bag.items() if f not in unknown}) if unknown else bag

    def _vector(self, bag: Counter[str]) -> dict[str, float]:
        vec = {f: (1 + math.log(c)) * self.idf.get(f, math.log(len(self.examples) + 1))
               for f, c in bag.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {f: v / norm for f, v in vec.items()}

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Every intent with examples, best first, with its similarity (0–1)."""
        sims = self._similarities(self._vector(self._asked(text)))
        scores = []
        for intent, idx in self.by_intent.items():
            best = sorted((sims[i] for i in idx), reverse=True)[:NEIGHBOURS]
            scores.append((intent, sum(best) / len(best)))
        scores.sort(key=lambda x: -x[1])
        return scores

    def _similarities(self, query: dict[str, float]) -> list[float]:
        """The cosine of ``query`` with every example (sparse: only shared features)."""
        sims = [0.0] * len(self.vectors)
        for f, w in query.items():
            for i, v in self.postings.get(f, ()):
                sims[i] += w * v
        return sims

    def distinctive(self, text: str, intent: str) -> frozenset[str]:
        """The words and concepts of ``text`` that few intents' examples share with
        ``intent``'s ("scadenza" is about what expires; "incarico" is about a dozen things).
        Who the question is about is not what it asks ("does the police officer profile
        require a licence?" is no part-time question): role and profile words do not count."""
        roles = _role_features()
        return frozenset(f for f in self._asked(text) if f[:2] in ("w:", "c:")
                         and f not in roles
                         and intent in self.intents_of.get(f, ())
                         and len(self.intents_of[f]) <= DISTINCTIVE_SPREAD)

    def nearest(self, text: str, intent: str) -> Example | None:
        """The example of ``intent`` closest to ``text`` (to explain a routing)."""
        query = self._vector(self._asked(text))
        idx = self.by_intent.get(intent, [])
        if not idx:
            return None
        best = max(idx, key=lambda i: sum(w * self.vectors[i].get(f, 0.0)
                                          for f, w in query.items()))
        return self.examples[best]


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """The word features of the Italian names of the units ("ragioneria", "tributi")."""
    from ordina.corpus.textutil import stems
    from ordina.query.lexicon import unit_words

    return frozenset("w:" + s for name in unit_words() for s in stems(name))


@lru_cache(maxsize=1)
def _role_features() -> frozenset[str]:
    """The features that name a profile ("vigile", "police officer") or, as a concept, an
    office ("segretario"): they say who a question is about."""
    from ordina.corpus.textutil import stems
    from ordina.facts import PROFILE_SYNONYMS
    from ordina.query.vocabulary import OFFICES

    offices = {w for _label, words in OFFICES.values() for w in words}
    out = {"c:" + p for p in set(PROFILE_SYNONYMS) | offices}
    for phrase in PROFILE_SYNONYMS:  # an office's words ("personale") may be the matter
        words = [w for w in _WORD_RE.findall(fold_text(phrase)) if w not in _MINOR]
        words += [it for w in words if (it := italian_for(w))]  # "officer": "funzionario"
        out |= {"w:" + stem for stem in stems(" ".join(words))}
    return frozenset(out)


@lru_cache(maxsize=1)
def default_router() -> Router:
    """The router over the shipped examples, built once per process.

    Its vectors are kept in the user's cache folder, keyed by the examples, the thesaurus,
    the glossary, the question forms and the facts' surface forms, so a cold ``ordina ask``
    need not stem them again (a change to the code of :func:`features`, or to the
    vocabulary in ``ordina.facts``, bumps :data:`FEATURES_VERSION`).
    """
    from ordina.query.datafiles import cached

    examples = load_examples()
    grammar = data_dir("grammar")
    from ordina.fact_forms import COMPILED_FILE

    files = [grammar / "thesaurus.yaml", grammar / "domande.yaml", grammar / "glossario.yaml",
             COMPILED_FILE, *example_files()]  # the facts' surface forms are features too
    built = cached(f"router{FEATURES_VERSION}", files, lambda: Router(examples).to_json())
    if len(built.get("vectors", ())) != len(examples):  # examples changed under us
        return Router(examples)
    return Router(examples, built=built)


