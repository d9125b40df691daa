"""Facts stated in words: the surface forms of ``fact_forms.yaml`` found in a question.

A form is a phrase ("a titolo gratuito", "capo area", "selezione partita"). It matches the
question's words in order, with up to :data:`MAX_GAP` small words between two of its words
("la selezione *non è ancora* partita"). A negation (non, nessuno, mai, senza, not, no,
never...) inside that gap or among the few words just before the phrase flips a boolean
fact: "nessuno mi ha ancora risposto" states ``request_answered`` false. A negated choice
("non è un fornitore") states nothing. Longer phrases win over the shorter ones inside
them, and a phrase never crosses a comma or a "ma" / "but".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ordina import facts as vocab
from ordina import termini
from ordina.fact_forms import all_forms
from ordina.query.vocabulary import _tokens

#: Words that turn a statement around.
NEGATIONS: frozenset[str] = frozenset({
    "non", "nessuno", "nessuna", "nessun", "mai", "senza", "neanche", "nemmeno", "neppure",
    "not", "no", "never", "without", "nobody", "none", "isn't", "hasn't", "haven't",
    "doesn't", "don't", "wasn't", "didn't", "aren't", "won't", "cannot",
})

#: Small words a phrase may skip between two of its words, and the negation scope crosses.
FILLERS: frozenset[str] = NEGATIONS | frozenset({
    "e", "sia", "stata", "stato", "stati", "state", "ancora", "gia", "mi", "ci", "ti", "gli",
    "le", "lo", "la", "il", "l'", "ha", "hanno", "ho", "hai", "abbiamo", "avuto", "un", "una",
    "uno", "un'", "si", "viene", "venuta", "venuto", "of", "the", "a", "an", "has", "have",
    "is", "was", "been", "yet", "ever", "still", "me", "i", "my", "it", "be", "per", "ora",
    "finora", "proprio", "affatto", "davvero", "really", "far",
    # the state of what the phrase names: "ha una causa *in corso* con il Comune"
    "in", "corso", "pendente", "pendenti", "aperta", "aperto", "aperte", "attualmente",
    "tuttora", "legale", "ongoing", "pending", "currently", "legal", "open",
})

#: Words of doubt: "non so se è retribuito" states nothing about the pay.
DOUBT: frozenset[str] = frozenset({"so", "sa", "sappiamo", "sanno", "sapere", "know", "sure",
                                   "certo", "chiaro", "ricordo", "remember", "if", "whether"})

#: Words (and punctuation) that end the scope of a negation or a phrase.
BOUNDARY_WORDS: frozenset[str] = frozenset({"ma", "pero", "but", "mentre", "while", "however",
                                            "and", "perche", "because"})
_PUNCT = re.compile(r"[,;:.?!()\[\]]")

#: How many small words may sit between two words of a phrase.
MAX_GAP = 3
#: How many words before a phrase a negation reaches.
NEGATION_REACH = 4


@dataclass(frozen=True)
class Hit:
    """A form found in the question."""

    fact: str
    value: object
    start: int
    end: int
    negated: bool
    size: int
    #: "non so se è retribuito": the phrase is named in doubt, it states nothing.
    doubted: bool = False


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The words of a form; a trailing ``*`` ("occasional*") matches any ending."""
    text = re.sub(r"\s+", " ", vocab.normalise_word(phrase).replace("'", "' ")).strip()
    words = []
    for word in text.split(" "):
        star = word.endswith("*")
        found = [w for w, _s, _e in _tokens(word.rstrip("*"))]
        if found and star:
            found[-1] += "*"
        words += found
    return tuple(words)


def _same(token: str, word: str) -> bool:
    """True when a question's word is a form's word (``occasional*`` = "occasionale")."""
    return token.startswith(word[:-1]) if word.endswith("*") else token == word


#: Forms whose first word has a ``*``: tried at every word (few of them).
_PREFIXED = "*"


@lru_cache(maxsize=1)
def _forms_index() -> dict[str, list[tuple[tuple[str, ...], str, object]]]:
    """First word -> (phrase words, fact, value), longest phrases first."""
    index: dict[str, list[tuple[tuple[str, ...], str, object]]] = {}

    def add(phrase: str, fact: str, value: object) -> None:
        words = _phrase_tokens(phrase)
        if words:
            key = _PREFIXED if words[0].endswith("*") else words[0]
            index.setdefault(key, []).append((words, fact, value))

    for name, forms in all_forms().items():
        for phrase in forms.true_forms:
            add(phrase, name, True)
        for phrase in forms.false_forms:
            add(phrase, name, False)
        for value, phrases in forms.values.items():
            for phrase in phrases:
                add(phrase, name, value)
    for options in index.values():
        options.sort(key=lambda o: -len(o[0]))
    return index


#: A bracketed gloss of one short word ("(EQ)", "(PO)").
_GLOSS = re.compile(r"\(([^\W\d_]{1,4})\)")


class Words:
    """The question's words with their positions and the boundaries between them."""

    def __init__(self, lower: str) -> None:
        # a short gloss in brackets is a word of the phrase, not a break ("PO (EQ) dell'area");
        # the brackets become spaces, so every position stays where it was
        lower = _GLOSS.sub(lambda m: f" {m.group(1)} ", lower)
        self.text = lower
        self.tokens = _tokens(lower)

    def broken(self, i: int) -> bool:
        """True when punctuation or a boundary word separates token ``i`` from ``i + 1``."""
        if i + 1 >= len(self.tokens):
            return True
        between = self.text[self.tokens[i][2]:self.tokens[i + 1][1]]
        return bool(_PUNCT.search(between)) or self.tokens[i + 1][0] in BOUNDARY_WORDS

    def match(self, i: int, words: tuple[str, ...]) -> tuple[int, int] | None:
        """(last token index, negations in the gaps) when ``words`` match from token ``i``."""
        if not _same(self.tokens[i][0], words[0]):
            return None
        j, negs = i, 0
        for word in words[1:]:
            k, skipped = j + 1, 0
            while k < len(self.tokens) and not self.broken(k - 1):
                if _same(self.tokens[k][0], word):
                    break
                if self.tokens[k][0] not in FILLERS or skipped >= MAX_GAP \
                        or self.tokens[k][0] in DOUBT:
                    return None
                negs += self.tokens[k][0] in NEGATIONS
                skipped += 1
                k += 1
            else:
                return None
            j = k
        return j, negs

    def doubted(self, i: int) -> bool:
        """True when a word of doubt ("non so se", "not sure whether") shortly precedes ``i``."""
        k = i - 1
        while k >= 0 and i - k <= NEGATION_REACH and not self.broken(k):
            if self.tokens[k][0] in DOUBT:
                return True
            k -= 1
        return False

    def negations_before(self, i: int) -> int:
        """Negation words among the few words before token ``i``, within its clause."""
        count, k = 0, i - 1
        while k >= 0 and i - k <= NEGATION_REACH and not self.broken(k):
            word = self.tokens[k][0]
            if word in DOUBT:
                return 0
            if word in NEGATIONS:
                count += 1
            elif word not in FILLERS and i - k > 2:
                break
            k -= 1
        return count

    def negated_at(self, pos: int) -> bool:
        """True when the word starting at character ``pos`` is in a negation's scope."""
        for i, (_w, start, _e) in enumerate(self.tokens):
            if start >= pos:
                return self.negations_before(i) > 0
        return False


@cache
def _not_after(fact: str) -> frozenset[str]:
    from ordina.fact_forms import forms

    return frozenset(forms(fact).not_after)


#: Articles skipped when looking at the word before a phrase ("for *the* head of area"), and
#: «di» with its article ("verifica *delle* professionalità interne").
_ARTICLES = frozenset({"the", "a", "an", "il", "lo", "la", "l'", "i", "gli", "le", "un", "una",
                       "del", "dello", "della", "dell'", "dei", "degli", "delle"})


def _after_excluded(words: Words, i: int, excluded: frozenset[str]) -> bool:
    """True when the word before token ``i`` (past an article) makes the phrase speak of
    someone else ("sostituisce *il* capo area", "standing in *for the* head of area")."""
    j = i - 1
    if j >= 0 and words.tokens[j][0] in _ARTICLES:
        j -= 1
    return j >= 0 and (words.tokens[j][0] in excluded or words.tokens[i - 1][0] in excluded)


@lru_cache(maxsize=512)
def find_forms(lower: str) -> tuple[Hit, ...]:
    """Every surface form in the normalised lowercase question, longest first, no overlaps
    (kept per question: the reading of the facts and the routing both ask for them)."""
    words = Words(lower)
    index = _forms_index()
    hits: list[Hit] = []
    for i, (token, _s, _e) in enumerate(words.tokens):
        for phrase, fact, value in (*index.get(token, ()), *index.get(_PREFIXED, ())):
            found = words.match(i, phrase)
            if found is None:
                continue
            last, negs = found
            if _after_excluded(words, i, _not_after(fact)):
                continue
            negs += words.negations_before(i)
            # Italian negative concord: "non è mai", "non ... nessuno" is one negation
            hits.append(Hit(fact, value, words.tokens[i][1], words.tokens[last][2],
                            negs > 0, len(phrase), words.doubted(i)))
    hits.sort(key=lambda h: (-h.size, -(h.end - h.start), h.start))
    chosen: list[Hit] = []
    for hit in hits:
        if not any(h.start < hit.end and hit.start < h.end for h in chosen):
            chosen.append(hit)
    return tuple(sorted(chosen, key=lambda h: h.start))


def stated_facts(lower: str) -> dict[str, object]:
    """Facts the forms state: booleans (negation flips them) and non-negated choices.

    A boolean stated both ways ("in un altro comune" but "finanziata dal nostro ente") is
    not read: it is asked."""
    out: dict[str, object] = {}
    conflicting: set[str] = set()
    for hit in find_forms(lower):
        if hit.doubted:
            continue
        if isinstance(hit.value, bool):
            value = (not hit.value) if hit.negated else hit.value
            if out.get(hit.fact, value) != value:
                conflicting.add(hit.fact)
            out.setdefault(hit.fact, value)
        elif not hit.negated and hit.fact not in out:
            out[hit.fact] = hit.value
    for name, value in list(out.items()):
        window = all_forms()[name].window if value is True else ""
        if window:
            within = within_window(lower, getattr(termini, window).value * 12)
            if within is None:
                del out[name]  # "ero consigliere": when is what decides, it is asked
            else:
                out[name] = within
    return {k: v for k, v in out.items() if k not in conflicting}


#: Words placing what the question tells now or inside the last year or two.
_RECENT = re.compile(r"\b(?:attualmente|tuttora|ancora|oggi|adesso|anno scorso|quest' ?anno|"
                     r"da poco|di recente|recentemente|mese scorso|fino a poco fa|currently|"
                     r"still|now|last year|this year|recently|last month)\b")
#: "3 anni fa", "two years ago" (number words are digits after normalisation).
_AGO = re.compile(r"\b(\d+) (anni|anno|mesi|mese) fa\b|\b(\d+) (years?|months?) ago\b")
#: Words telling the phrase in the past ("ero", "è stato", "was", "former").
_PAST = re.compile(r"\b(?:ero|era|eri|eravamo|erano|stato|stata|stati|state|fui|fu|avevo|aveva|"
                   r"avuto|ex|was|were|used to|had been|former|formerly|previously|"
                   r"in passato)\b")


def within_window(lower: str, months: float) -> bool | None:
    """Whether what the (normalised) question tells falls in the last ``months``: True when
    it is told now or with a recent time ("fino all'anno scorso"), False when its time is
    older ("3 anni fa" against 24 months), None when it is told in the past with no time."""
    ago = _AGO.search(lower)
    if ago is not None:
        number, unit = (ago.group(1), ago.group(2)) if ago.group(1) else (ago.group(3),
                                                                          ago.group(4))
        return int(number) * (12 if unit.startswith(("ann", "year")) else 1) <= months
    if _RECENT.search(lower):
        return True
    return None if _PAST.search(lower) else True


def doubted_facts(lower: str) -> set[str]:
    """Facts named only in doubt ("non so se è retribuito"): nothing may be read for them."""
    named: dict[str, list[bool]] = {}
    for hit in find_forms(lower):
        named.setdefault(hit.fact, []).append(hit.doubted)
    return {fact for fact, flags in named.items() if all(flags)}


def negated_choices(lower: str) -> set[str]:
    """Choice facts whose only mention is negated ("non è un fornitore"): not stated."""
    named: dict[str, list[bool]] = {}
    for hit in find_forms(lower):
        if not isinstance(hit.value, bool):
            named.setdefault(hit.fact, []).append(hit.negated or hit.doubted)
    return {fact for fact, flags in named.items() if all(flags)}


@lru_cache(maxsize=1)
def _label_index() -> list[tuple[tuple[str, ...], str]]:
    out = [(_phrase_tokens(label), name) for name, forms in all_forms().items()
           for label in forms.number_labels]
    return sorted((o for o in out if o[0]), key=lambda o: -len(o[0]))


#: Words that may stand between a figure and the label after it ("30 punti per l'esperienza").
_UNIT_AND_LINK = frozenset({"punti", "punto", "points", "point", "per", "di", "del", "della",
                            "dell", "dell'", "al", "alla", "allo", "all", "all'", "nel", "nella",
                            "il", "la", "lo", "l", "l'", "for", "in", "at", "the", "on"})


def labelled_number_facts(lower: str, positions: list[int], intent: str = "") -> dict[int, str]:
    """For each value starting at a character in ``positions``: the fact its label names
    (not a fact whose forms name something else in ``intent``: ``intenti_esclusi``).

    The label must end at most two words before the value ("importo massimo di 14.000",
    "part-time al 40%"), or follow it at once ("3 componenti") or after a unit and a link
    ("30 punti per l'esperienza"), in the same clause.
    """
    words = Words(lower)
    labels: list[tuple[int, int, str]] = []  # (first token, last token, fact)
    index = [(p, f) for p, f in _label_index()
             if not intent or intent not in all_forms()[f].not_in_intents]
    for i in range(len(words.tokens)):
        for phrase, fact in index:
            found = words.match(i, phrase)
            if found is not None and found[1] == 0 and found[0] - i + 1 == len(phrase):
                labels.append((i, found[0], fact))
                break
    out: dict[int, str] = {}
    for pos in positions:
        first = next((i for i, t in enumerate(words.tokens) if t[1] >= pos), None)
        if first is None:
            continue
        best: tuple[int, str] | None = None
        for start, last, fact in labels:
            distance = first - last
            if 1 <= distance <= 3 and not any(words.broken(k) for k in range(last, first)):
                if best is None or distance < best[0]:
                    best = (distance, fact)
            elif start == first + 1 and not words.broken(first) \
                    and (best is None or best[0] > 1):  # "3 componenti"
                best = (1, fact)
            elif first + 1 < start <= first + 4 and (best is None or best[0] > 1) and all(
                    words.tokens[k][0] in _UNIT_AND_LINK and not words.broken(k - 1)
                    for k in range(first + 1, start)) and not words.broken(start - 1):
                best = (2, fact)  # "30 punti per l'esperienza", "40 al colloquio"
        if best is not None:
            out[pos] = best[1]
    return out
