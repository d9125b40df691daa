"""Typed query objects: what a question means, independent of how it was phrased.

The engine receives a :class:`Query` and never looks at the grammar. ``facts`` uses the
names of :mod:`ordina.facts`; ``subject`` is a mention still to be resolved against the
personnel database (the engine resolves it as of ``as_of``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

SubjectKind = Literal["person", "unit", "office", "self", "generic", "assignment"]


@dataclass(frozen=True)
class Subject:
    """Who or what the question is about, as mentioned.

    :param kind: ``person`` ("Rossi"), ``unit`` ("area tecnica"), ``office`` ("il segretario",
        "il responsabile del personale"), ``self`` ("posso...?", "sono..."), ``generic``
        ("un dipendente"), ``assignment`` ("l'incarico 12").
    :param text: the words as typed (normalised spacing).
    :param name: the resolved canonical name (from the lexicon), when known.
    :param key: the database key (person id, unit id, office code), when known.
    """

    kind: SubjectKind
    text: str
    name: str | None = None
    key: str | None = None


@dataclass(frozen=True)
class Clarification:
    """A question the user must answer before the query can be answered.

    ``fact`` is the fact (or ``"subject"``) being clarified; ``options`` the possible values.
    """

    fact: str
    question: str
    options: tuple[str, ...] = ()


@dataclass
class Query:
    """One parsed question.

    :param text: the question as typed.
    :param intent: one of :mod:`ordina.query.intents`.
    :param subject: who or what it is about (``None`` for regulation look-ups).
    :param ref: a canonical regulation reference ("art. 88 c. 3", "all. G").
    :param facts: facts stated in the question, by the names of :mod:`ordina.facts`.
    :param as_of: the date the question is about ("il 3 marzo 2027"); ``None`` = the context's.
    :param search_text: words to search for (intent ``search``).
    :param fallback: True when the grammar could not read the question and it became a search.
    :param clarifications: things to ask back ("nipote": di nonno o di zio?; "Rosi": Rossi?).
    :param error: a friendly parse-error message when ``fallback`` is set.
    :param lang: "it" or "en", the language the question was recognised in.
    :param form: what the question asks for (``grammar/domande.yaml``: ``chi``, ``termine``,
        ``sino``…), or None.
    :param alternative: a second plausible intent, named in the answer ("se intendevi…").
    """

    text: str
    intent: str
    subject: Subject | None = None
    ref: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    as_of: date | None = None
    search_text: str | None = None
    fallback: bool = False
    clarifications: list[Clarification] = field(default_factory=list)
    error: str | None = None
    lang: str = "it"
    form: str | None = None
    alternative: str | None = None
    #: The case is a relative of the person named ("la moglie di Rossi", "Rossi's wife"):
    #: the person only says whose relative it is.
    relative_of_subject: bool = False
    #: The words that name people of the Comune ("Rossi", "la Bianchi"): the regulation
    #: never holds them, so the commi are searched without them.
    names: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """A JSON-friendly dict (dates as ISO strings)."""
        data = asdict(self)
        if self.as_of is not None:
            data["as_of"] = self.as_of.isoformat()
        data["facts"] = {k: (v.isoformat() if isinstance(v, date) else v)
                         for k, v in self.facts.items()}
        return data
