"""What every question gets back: the answer contract shared by the engine, the CLI and the app.

The JSON form is the public integration format of ``ordina ask --json``::

    {"query", "intent", "verdict", "answer", "citations", "missing", "trace", "kind", "quote"}
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

#: At most this many commi are an answer's ``citations``: the ones that decided it (the
#: others go to the trace), or the commi a look-up quotes and offers beside it.
MAX_CITATIONS = 5

Verdict = Literal["consentito", "vietato", "autorizzazione", "comunicazione", "dati_mancanti"]

#: The verdicts, in Italian words for people.
VERDICT_LABELS: dict[str, str] = {
    "consentito": "consentito",
    "vietato": "vietato",
    "autorizzazione": "consentito previa autorizzazione",
    "comunicazione": "consentito con sola comunicazione",
    "dati_mancanti": "mancano dati per decidere",
}
#: The verdicts in English words, for a question in English.
VERDICT_LABELS_EN: dict[str, str] = {
    "consentito": "allowed",
    "vietato": "prohibited",
    "autorizzazione": "allowed with prior authorisation",
    "comunicazione": "allowed with a simple communication",
    "dati_mancanti": "facts are missing to decide",
}


@dataclass(frozen=True)
class Missing:
    """A fact the answer needs, with the question to ask the user."""

    fact: str
    question: str


@dataclass(frozen=True)
class TraceStep:
    """One step of the reasoning, in Italian, with the comma it comes from (if any)."""

    step: str
    citation: str | None = None


@dataclass
class Answer:
    """The answer to one question."""

    query: str
    intent: str
    answer: str
    verdict: Verdict | None = None
    citations: list[str] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)
    #: What kind of answer: "lookup", "decision", "structure", "search" or "calculation".
    kind: str | None = None
    #: For look-ups: the decisive words of the cited comma.
    quote: str | None = None
    #: The question's language ("it" or "en"), for the words around the answer; not in the
    #: JSON contract.
    lang: str = "it"
    #: False when a record the question names otherwise stood for its person (a contract by
    #: its contractor, «Ferraro»): a guess at the person is not said; not in the JSON contract.
    subject_read: bool = True

    def to_json(self) -> dict[str, Any]:
        """The public JSON object, keys in the documented order."""
        data = asdict(self)
        return {key: data[key] for key in
                ("query", "intent", "verdict", "answer", "citations", "missing", "trace",
                 "kind", "quote")}
