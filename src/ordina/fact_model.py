"""What one fact of the vocabulary is (name, type, allowed values, question).

Apart from :mod:`ordina.facts` so that the modules that declare facts
(:mod:`ordina.facts_calcs`) and the one that collects them import it, not each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ordina.fact_labels import label_for

FactType = Literal["bool", "choice", "amount", "percent", "number", "int", "date", "str"]


@dataclass(frozen=True)
class Fact:
    """One fact: its name, type, allowed values, the question to ask and what it means."""

    name: str
    type: FactType
    question: str
    description: str
    choices: tuple[str, ...] = ()
    #: Canonical choice -> Italian label shown to people.
    labels: dict[str, str] = field(default_factory=dict)
    #: Typed word (normalised: lowercase, no accents) -> canonical choice.
    synonyms: dict[str, str] = field(default_factory=dict)
    minimum: float | None = None
    maximum: float | None = None
    #: The comma that makes the fact matter (documentation only).
    citation: str | None = None

    @property
    def label(self) -> str:
        """The fact's name for people ("retribuito"), never its id (``paid``)."""
        return label_for(self.name, self.description)

    def to_json(self) -> dict[str, Any]:
        """The fact as listed by ``ordina facts --json``."""
        return {
            "name": self.name, "type": self.type, "question": self.question,
            "description": self.description, "choices": list(self.choices),
            "labels": dict(self.labels), "minimum": self.minimum, "maximum": self.maximum,
            "citation": self.citation,
        }
