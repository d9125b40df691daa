"""The words of a question as the regulation says them: thesaurus and question forms.

Both are data in ``grammar/``: ``thesaurus.yaml`` maps the ways people say a thing
("vigile", "PO", "head of area") to the regulation's term; ``domande.yaml`` says what a
question asks for ("chi…" a role, "entro quando…" a deadline, "posso…?" a decision).
Nothing here opens the database.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ordina.resources import data_dir

if TYPE_CHECKING:
    from ordina.corpus.retrieve import Term

#: Question forms that ask for a decision (a verdict), as opposed to a fact of the text.
DECISION_FORMS = frozenset({"sino"})


def _load(name: str) -> Any:
    """A data file of ``grammar/``, parsed (from the JSON cache when unchanged)."""
    from ordina.query.datafiles import cached, load_yaml

    path = data_dir("grammar") / name
    return cached(path.stem, [path], lambda: load_yaml(path))


def fold_text(text: str) -> str:
    """Lower case, accents and typographic apostrophes folded, one space between words."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = "".join(c for c in unicodedata.normalize("NFD", text.lower())
                   if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", text).strip()


_TOKEN_RE = re.compile(r"[^\s,;:!?()«»\"]+")


def _tokens(folded: str) -> list[str]:
    """Words of folded text, keeping inner dots and apostrophes ("p.o.", "dell'area")."""
    return [t.rstrip(".") if t.count(".") == 1 and t.endswith(".") and len(t) > 2 else t
            for t in _TOKEN_RE.findall(folded)]


@dataclass(frozen=True)
class Thesaurus:
    """Variants -> the regulation's terms, matched as whole phrases, longest first."""

    terms: dict[tuple[str, ...], str]
    longest: int

    def concepts(self, text: str) -> list[str]:
        """The regulation's terms that ``text`` names (its own words or a variant), in order."""
        words = _tokens(fold_text(text))
        out: list[str] = []
        i = 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                term = self.terms.get(tuple(words[i:i + n]))
                if term is not None:
                    if term not in out:
                        out.append(term)
                    i += n
                    break
            else:
                i += 1
        return out

    def variants_of(self, term: str) -> list[str]:
        """The one-word variants of ``term`` (its synonyms for the search)."""
        return [words[0] for words, t in self.terms.items() if t == term and len(words) == 1]

    def expand(self, text: str) -> str:
        """``text`` followed by the regulation's terms for the variants it uses."""
        folded = fold_text(text)
        extra = [t for t in self.concepts(text) if fold_text(t) not in folded]
        return f"{text} {' '.join(extra)}" if extra else text


@lru_cache(maxsize=1)
def thesaurus() -> Thesaurus:
    """The shipped thesaurus (``grammar/thesaurus.yaml``), loaded once."""
    terms: dict[tuple[str, ...], str] = {}
    for entry in _load("thesaurus.yaml") or []:
        term = str(entry["termine"])
        for variant in [term, *entry.get("varianti", [])]:
            words = tuple(_tokens(fold_text(str(variant))))
            if words:
                terms.setdefault(words, term)
    return Thesaurus(terms, max((len(w) for w in terms), default=0))


@lru_cache(maxsize=1)
def glossary() -> dict[str, str]:
    """English word -> the Italian word the regulation uses (``grammar/glossario.yaml``)."""
    data = _load("glossario.yaml") or {}
    return {fold_text(str(k)): fold_text(str(v)) for k, v in (data.get("glossario") or {}).items()}


#: English endings tried when a word is not in the glossary as typed: (ending, replacement).
_ENGLISH_ENDINGS = (("'s", ""), ("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""),
                    ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""), ("ers", ""))


@lru_cache(maxsize=4096)
def italian_for(word: str) -> str | None:
    """The Italian the regulation uses for an English word, also when it is inflected
    ("authorisations", "renewed", "examining"): the glossary's word, or None."""
    english = glossary()
    found = english.get(word)
    if found is not None or len(word) < 4:
        return found
    for ending, repl in _ENGLISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            found = english.get(word[:-len(ending)] + repl)
            if found is not None:
                return found
    return None


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    data = _load("domande.yaml") or {}
    return tuple((name, tuple(re.compile(p) for p in patterns))
                 for name, patterns in (data.get("forme") or {}).items())


@lru_cache(maxsize=2048)
def question_form(text: str) -> str | None:
    """What the question asks for: a key of ``domande.yaml`` (``chi``, ``termine``, ``sino``…)."""
    folded = fold_text(text).replace("'", "' ").replace("  ", " ")
    folded = re.sub(r"\b(\w+)' (?=[aeiou])", r"\1'", folded)  # "qual' e" stays, "l' area" joins
    introduced = _INTRODUCTION.match(folded)
    if introduced and folded[introduced.end():].strip():
        # "sono resp. di area: … cosa rischio?": who asks, then the question
        return question_form(folded[introduced.end():])
    for name, patterns in _forms():
        if any(p.search(folded) for p in patterns):
            if name != "sino" and _asks_yes_or_no(folded):
                return "sino"  # "posso dare le mansioni … per la durata dell'assenza?"
            if name == "sino" and _INTERROGATIVE.search(folded) and not _asks_yes_or_no(
                    folded) and not any(p.search(folded) for p in patterns[:1]):
                return None  # "può essere richiesta l'iscrizione a quale albo?" asks which
            return name
    # a premise, then the question: "se coprissimo il posto…, chi farebbe la selezione?"
    clauses = [c.strip() for c in re.split(r"[,:;.?!]\s", folded)[1:] if c.strip()]
    # ("…25.000 €: qual è il tetto?" asks the figure of the premise: "qual è" is no "cosa")
    for name, patterns in _forms():
        if name != "cosa" and any(p.pattern.startswith("^") and p.search(c)
                                  and not (name == "sino" and _INTERROGATIVE.search(c))
                                  for p in patterns for c in clauses):
            # ("…, e su quale posto?" asks which: its «e» is no «è» of a yes/no)
            return name
    return None


#: Who asks, said first: "sono resp. di area:", "io sono la Greco,", "I'm a PO holder."
_INTRODUCTION = re.compile(r"^(?:io )?sono (?:il |la |l'|un |una |uno )?[^:,;.?!]{1,40}?[:,;.]\s|"
                           r"^i'?m (?:an? |the )?[^:,;.?!]{1,40}?[:,;.]\s|"
                           r"^i am (?:an? |the )?[^:,;.?!]{1,40}?[:,;.]\s")


#: Words asking which form a thing needs: "devo chiedere l'autorizzazione?", "basta
#: comunicarlo?", "is permission needed?".
_ASKS_THE_FORM = re.compile(r"\b(?:autorizz\w*|comunic\w*|permess\w*|nulla osta|permission|"
                            r"authori[sz]\w*|notif\w*)\b")


def asks_the_form(text: str) -> bool:
    """The question asks whether an authorisation or a communication is needed."""
    return bool(_ASKS_THE_FORM.search(fold_text(text)))


#: Words that ask for something other than yes or no, wherever they stand.
_INTERROGATIVE = re.compile(r"\b(?:chi|quale|quali|qual|quanto|quanta|quanti|quante|cosa|"
                            r"perche|who|whom|which|what|how|why|"
                            r"(?:da|fino a|entro|a partire da) quando|(?:from|until|since) when)\b")


def _asks_yes_or_no(folded: str) -> bool:
    """The question opens as a yes/no ("posso…", "può…", "can I…") and asks nothing else."""
    opening = dict(_forms()).get("sino", ())[:1]
    return any(p.search(folded) for p in opening) and not _INTERROGATIVE.search(folded)


#: Words that frame a question and never name what it is about.
_FRAME_WORDS = frozenset(fold_text(w) for w in ["chi", "cosa", "che", "quale", "ha", "ho", "hanno", "abbiamo", "avere", "quali", "quanto", "quanta", "quanti", "quante", "quando", "dove", "come", "perche", "perché", "entro", "posso", "puo", "può", "fa", "fare", "fanno", "faccio", "facciamo", "possono", "devo", "deve", "devono", "serve", "occorre", "bisogna", "vorrei", "sapere", "sai", "sapete", "dire", "dimmi", "scusate", "scusi", "ciao", "buongiorno", "grazie", "allora", "ma", "io", "mi", "ti", "ci", "vi", "si", "noi", "voi", "loro", "mio", "mia", "miei", "mie", "nostro", "ecc", "etc", "cioe", "ovvero", "oppure", "anche", "ancora", "gia", "già", "solo", "sempre", "mai", "qualcuno", "who", "what", "which", "when", "where", "how", "why", "can", "could", "may", "might", "must", "should", "shall", "will", "would", "do", "does", "did", "is", "are", "was", "were", "be", "been", "am", "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "they", "their", "the", "a", "an", "of", "to", "in", "on", "at", "for", "from", "by", "with", "about", "and", "or", "not", "no", "there", "this", "that", "these", "those", "please", "tell", "know", "any", "some", "ever", "still", "yet", "need", "needed", "casi", "caso", "ipotesi", "cases", "case", "circumstances", "situazioni", "situazione", "quale", "quali", "dire", "sapere", "rifiutarmi", "rifiutare", "rifiutarsi", "rifiutarci", "sottrarmi", "refuse", "decline", "semplicemente", "tranquillamente", "davvero", "proprio", "magari", "pure", "nostra", "nostri", "nostre", "just", "simply", "really", "actually", "basically", "possiamo", "potete", "potrei", "potremmo", "potrebbe", "potrebbero", "dobbiamo", "dovete", "dovrei", "dovremmo", "dovrebbe", "dovrebbero", "sta", "stanno", "sto", "stiamo", "vorremmo", "vuole", "vogliono", "voglio", "vogliamo", "stata", "stati", "state", "quest"])


#: A variant shorter than this is an abbreviation ("dip", "po", "eq"): it names the concept
#: in a question, but its letters are no word of the text ("dip" would find "dipende").
MIN_VARIANT = 4
#: A stem this short cuts a verb to its root ("valuta" -> "val", "dipende" -> "dip"), which
#: misses its noun ("valutazione" -> "valut"): the word's first letters join the family.
SHORT_STEM = 5


def _word_start(word: str, stems: list[str]) -> frozenset[str]:
    """The word's first :data:`SHORT_STEM` letters when its stem is shorter (a root, not a
    stem: the index widens it to the stems that begin so)."""
    if len(stems) == 1 and len(stems[0]) < SHORT_STEM < len(word) and word.isalpha():
        return frozenset([word[:SHORT_STEM]])
    return frozenset()


@lru_cache(maxsize=2048)
def retrieval_terms(text: str) -> tuple[Term, ...]:
    """The question's search terms over the commi: one per content word, one per concept.

    A concept of the thesaurus ("vigile" -> "agente di polizia municipale") becomes one term
    whose alternatives are the stems of all its single words, so synonyms count once.
    """
    from ordina.corpus.retrieve import Term, word_stems

    words = [w for w in re.findall(r"[^\W_]+", fold_text(text)) if w not in _FRAME_WORDS]
    terms: list[Term] = []
    seen: set[str] = set()
    for word in words:
        stems = word_stems(word)
        italian = italian_for(word)
        translated = frozenset(word_stems(italian) if italian else ())
        start = _word_start(word, stems)
        alternatives = frozenset(stems) | translated | start
        if alternatives and not alternatives <= seen:
            seen |= alternatives
            # a root cut short ("val") weighs as its family ("valut…"), not as a rare stem
            terms.append(Term(alternatives, translated or start or stems))
    book = thesaurus()
    for concept in book.concepts(text):
        if " " in concept:  # "agente di polizia municipale": each of its words counts
            for stem in word_stems(concept):
                if stem not in seen:
                    seen.add(stem)
                    terms.append(Term([stem]))
            continue
        group = [concept] + [v for v in book.variants_of(concept) if len(v) >= MIN_VARIANT]
        alternatives = frozenset(s for g in group for s in word_stems(g))
        terms = [t for t in terms if not (len(t) == 1 and t <= alternatives)]
        terms.append(Term(alternatives, word_stems(concept)))
        seen |= alternatives
    return tuple(terms)


@lru_cache(maxsize=2048)
def retrieval_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Adjacent content stems of the question ("retribuzione di risultato" -> (retribu, risult))."""
    from ordina.corpus.retrieve import word_stems

    words = [w for w in re.findall(r"[^\W_]+", fold_text(text)) if w not in _FRAME_WORDS]
    content = word_stems(" ".join(words))
    return frozenset(pairwise(content))


#: A question about what a unit holds or where it sits ("quali servizi ci sono", "sotto
#: che area sta", "how many Areas").
ASKS_THE_PARTS = re.compile(
    r"\b(?:quali|quanti|quante|che|elenco (?:dei|delle|degli)) (?:sono (?:i|le|gli) )?"
    r"(?:servizi|uffici|aree|unita|articolazioni)\b|"
    r"\bcosa (?:contiene|comprende)\b|\bcom'?e (?:articolat|organizzat|suddivis)\w*|"
    r"\b(?:sotto|dentro|in|a) (?:che|quale|quali) (?:servizio|area)\b|"
    r"\bdi (?:che|quale) (?:servizio|area) fa parte\b|"
    r"\b(?:which|what|how many) (?:services|offices|areas|units)\b|"
    r"\b(?:which|what) (?:service|area)\b|\bmade up of\b|\bmake up\b|\bbelongs? to\b")


def asks_the_parts(text: str) -> bool:
    """The question asks what a unit holds, where it sits, or which Areas there are."""
    return bool(ASKS_THE_PARTS.search(fold_text(text)))
