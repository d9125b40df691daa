"""The words the query layer recognises beyond the grammar's keywords.

Activity kinds, client types, kinship, profiles, matters... come from
:mod:`ordina.facts` (the single source of truth, shared with ``--fact``). Offices
(segretario, responsabile del personale...) are defined here: they are *subjects*,
resolved to a person by the engine as of a date.

Matching runs on the normalised lowercase text with one compiled regex, longest
phrase first, so "amministratore di condominio" beats "amministratore".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ordina import facts, facts_calcs
from ordina.fact_forms import FactForms, all_forms

#: Offices a question can be about: key -> (label, synonyms).
OFFICES: dict[str, tuple[str, tuple[str, ...]]] = {
    "segretario": ("Segretario comunale", (
        "segretario", "segretario comunale", "segretaria", "segretaria comunale",
        "secretary", "town clerk", "segretario generale")),
    "vice_segretario": ("Vice Segretario", (
        "vice segretario", "vicesegretario", "vice-segretario", "deputy secretary",
        "vice secretary")),
    "responsabile_personale": ("Responsabile del personale", (
        "responsabile del personale", "responsabile dell'ufficio personale",
        "responsabile dell' ufficio personale", "responsabile ufficio personale",
        "capo del personale", "ufficio personale", "personnel head", "head of personnel",
        "hr manager")),
    "rpc": ("Responsabile della prevenzione della corruzione", (
        "rpc", "rpct", "responsabile anticorruzione",
        "responsabile della prevenzione della corruzione",
        "responsabile prevenzione corruzione", "responsabile per la prevenzione della corruzione",
        "anti-corruption officer", "anticorruption officer")),
    "sindaco": ("Sindaco", ("sindaco", "sindaca", "mayor")),
    "giunta": ("Giunta comunale", ("giunta", "giunta comunale", "executive board")),
    "direttore_generale": ("Direttore generale", ("direttore generale", "general manager")),
    "responsabile_area": ("Responsabile di Area (titolare di PO/EQ)", (
        "responsabile di area", "responsabile d'area", "responsabile d' area",
        "responsabili di area", "responsabile di servizio", "responsabile del servizio",
        "titolare di posizione organizzativa", "titolare di po", "titolare di eq",
        "titolare di p.o.", "area head", "head of area")),
    "responsabile_procedimento": ("Responsabile del procedimento", (
        "responsabile del procedimento", "responsabili del procedimento",
        "responsabile di procedimento", "responsabile dell'istruttoria",
        "responsabile dell' istruttoria", "case officer")),
    "datore_di_lavoro": ("Datore di lavoro (sicurezza, art. 83)", (
        "datore di lavoro", "employer")),
    "rspp": ("Responsabile del servizio di prevenzione e protezione (RSPP)", (
        "rspp", "r.s.p.p.", "responsabile del servizio di prevenzione e protezione",
        "responsabile della sicurezza", "health and safety officer")),
    "componente_delegazione": ("Delegazione trattante di parte pubblica", (
        "delegazione trattante", "delegazione trattante di parte pubblica",
        "delegazione di parte pubblica", "bargaining delegation", "negotiating delegation")),
}

#: Office keys of :data:`OFFICES` whose code in the personnel database differs.
_STORE_OFFICE_CODES = {"datore_di_lavoro": "datore_lavoro"}


def store_office_code(key: str) -> str:
    """The personnel database's code (``offices.office``) of an office key of a question."""
    return _STORE_OFFICE_CODES.get(key, key)


#: Words naming a PO/EQ holder (posizione organizzativa = EQ, old and new terms).
PO_WORDS: tuple[str, ...] = (
    "po", "p.o.", "eq", "e.q.", "posizione organizzativa", "posizioni organizzative",
    "elevata qualificazione", "titolare di po", "titolare di eq",
    "titolare di posizione organizzativa", "incaricato di eq", "incaricato di po",
)

#: Words that begin a unit name ("area tecnica", "servizio finanziario").
UNIT_WORDS: tuple[str, ...] = (
    "area", "servizio", "ufficio", "settore", "dipartimento", "unita", "u.o.", "staff",
)

#: Kinship words that are ambiguous and must be asked back.
AMBIGUOUS = facts.AMBIGUOUS_KINSHIP

#: Fact name -> synonyms (typed word -> canonical value), matched in questions.
FACT_SYNONYMS: dict[str, dict[str, str]] = {
    "activity_kind": facts.ACTIVITY_SYNONYMS,
    "client_type": facts.CLIENT_SYNONYMS,
    "client_relation": facts.CLIENT_RELATION_SYNONYMS,
    "profile": facts.PROFILE_SYNONYMS,
    "area": facts.AREA_SYNONYMS,
    "kinship": facts.KINSHIP_SYNONYMS,
    "related_to": facts.POLITICAL_ROLE_SYNONYMS,
    "matter": facts.MATTER_SYNONYMS,
    "absence_kind": facts.ABSENCE_SYNONYMS,
    "deadline_kind": facts.DEADLINE_SYNONYMS,
    "trip_purpose": {**{k: k for k in facts_calcs.TRIP_PURPOSES if k != "altro"},
                     **facts_calcs.TRIP_SYNONYMS},
}


@dataclass(frozen=True)
class Term:
    """A vocabulary phrase found in a question: what it can mean, and where it is."""

    start: int
    end: int
    text: str
    #: (fact or "office" / "po" / "ambiguous_kinship", canonical value) pairs.
    meanings: tuple[tuple[str, str], ...]

    def value(self, fact: str) -> str | None:
        """The canonical value this term gives ``fact``, if any."""
        for name, value in self.meanings:
            if name == fact:
                return value
        return None

    def means(self, fact: str) -> bool:
        return any(name == fact for name, _ in self.meanings)


#: Synonyms ``--fact`` accepts but a question must not match on its own: in "un
#: fornitore del Comune" the Comune is the employer, not the client.
NOT_IN_QUESTIONS: frozenset[tuple[str, str]] = frozenset({
    ("client_type", "comune"), ("client_type", "ente"),
    # who evaluates, assigns higher duties or decides an internal move is read by the
    # competence look-up from a who-question (checks/competenze.py, WHO_DECIDES): the bare
    # words are the subject of many other questions ("nucleo di valutazione")
    ("matter", "valutazione"), ("matter", "mansioni_superiori"), ("matter", "mobilita_interna"),
    # art. 87 c. 1 lett. h-i speak of the client's dealings with the Comune: a bare "causa",
    # "permesso" or "autorizzazione" ("a causa di", "un permesso", "senza autorizzazione")
    # says nothing about them; the phrases of fact_forms.yaml do ("ha una causa con il Comune")
    *(("client_relation", word) for word in (
        "causa", "lite", "ricorso", "autorizzazione", "permesso", "licenza", "contributo",
        "sovvenzione", "nulla osta", "concessione", "controllo", "vigilanza", "controllato",
        "licence", "nessuna")),
    # "nessuna risposta", "nessuno mi ha risposto": a negation, not "no kinship" or "no office"
    ("kinship", "nessuna"), ("kinship", "nessuno"), ("related_to", "nessuna"),
    ("related_to", "nessuno"), ("related_to", "none"),
})

_NO_FORMS = FactForms("")

_TOKEN_RE = re.compile(r"[^\W_]+(?:['.\-][^\W_]*)*")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of lowercase text as (key, start, end); "srl." at a sentence end is "srl"."""
    out = []
    for match in _TOKEN_RE.finditer(text):
        word = match.group(0)
        if word.endswith(".") and word.count(".") == 1:
            word = word[:-1]
        out.append((word, match.start(), match.end()))
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[tuple[str, ...], tuple[tuple[str, str], ...]]]]:
    meanings: dict[str, list[tuple[str, str]]] = {}

    def add(phrase: str, meaning: tuple[str, str]) -> None:
        key = re.sub(r"\s+", " ", facts.normalise_word(phrase)).replace("' ", "'")
        bucket = meanings.setdefault(key, [])
        if meaning not in bucket:
            bucket.append(meaning)

    for fact_name, synonyms in FACT_SYNONYMS.items():
        for word, value in synonyms.items():
            if (fact_name, word) not in NOT_IN_QUESTIONS:
                add(word, (fact_name, value))
                if fact_name in _PEOPLE_NOUNS:
                    add(feminine(word), (fact_name, value))
        for value in facts.FACTS[fact_name].choices:
            if (fact_name, value) not in NOT_IN_QUESTIONS:
                add(value.replace("_", " "), (fact_name, value))
        for value, phrases in all_forms().get(fact_name, _NO_FORMS).values.items():
            for phrase in phrases:
                add(phrase, (fact_name, value))
    for key, (_label, words) in OFFICES.items():
        for word in words:
            add(word, ("office", key))
    for word in PO_WORDS:
        add(word, ("po", "true"))
    for word, options in AMBIGUOUS.items():
        add(word, ("ambiguous_kinship", "|".join(options)))
    for phrase in [p for p in meanings if " " in p]:
        if _compound(phrase, meanings):
            del meanings[phrase]
    index: dict[str, list[tuple[tuple[str, ...], tuple[tuple[str, str], ...]]]] = {}
    for phrase, meaning in meanings.items():
        words = tuple(w for w, _s, _e in _tokens(phrase.replace("'", "' ")))
        if words:
            index.setdefault(words[0], []).append((words, tuple(meaning)))
    for options in index.values():
        options.sort(key=lambda option: -len(option[0]))
    return index


#: Facts whose synonyms name people ("volontario", "amministratore di condominio"): each is
#: also read in the feminine ("volontaria", "amministratrice di condominio").
_PEOPLE_NOUNS = frozenset({"activity_kind", "profile"})
_FEMININE_ENDINGS = (("tore", "trice"), ("ario", "aria"), ("iere", "iera"), ("ista", "ista"),
                     ("ro", "ra"), ("no", "na"))


def feminine(phrase: str) -> str:
    """The phrase with its first word in the feminine: "revisore" stays, "istruttore di
    tiro" -> "istruttrice di tiro", "volontario" -> "volontaria"."""
    first, _, rest = phrase.partition(" ")
    for male, female in _FEMININE_ENDINGS:
        if first.endswith(male):
            first = first[: -len(male)] + female
            break
    return f"{first} {rest}".strip()


def _compound(phrase: str, meanings: dict[str, list[tuple[str, str]]]) -> bool:
    """True for "amministratore di una srl": a phrase of one fact glued to another's.

    In a question such a phrase must not hide the second fact ("srl" is the client),
    so it is matched as its parts; ``--fact`` still accepts it whole.
    """
    facts_here = {name for name, _ in meanings[phrase]}
    words = phrase.split()
    for i in range(1, len(words)):
        for j in range(i + 1, len(words) + 1):
            part = meanings.get(" ".join(words[i:j]))
            if not part or not ({name for name, _ in part} - facts_here):
                continue
            for k in range(1, i + 1):
                head = meanings.get(" ".join(words[:k]))
                if head and facts_here & {name for name, _ in head}:
                    return True
    return False


def find_terms(lower_text: str) -> list[Term]:
    """Every vocabulary phrase in the normalised lowercase text, longest first, left to right."""
    index = _index()
    tokens = _tokens(lower_text)
    found: list[Term] = []
    i = 0
    while i < len(tokens):
        options = index.get(tokens[i][0])
        hit = None
        if options:
            for words, meaning in options:
                n = len(words)
                if i + n <= len(tokens) and all(tokens[i + k][0] == words[k] for k in range(n)):
                    start, end = tokens[i][1], tokens[i + n - 1][2]
                    hit = Term(start, end, lower_text[start:end], meaning)
                    i += n
                    break
        if hit is None:
            i += 1
        else:
            found.append(hit)
    return found


def office_label(key: str) -> str:
    """The Italian name of an office key."""
    return OFFICES[key][0] if key in OFFICES else key
