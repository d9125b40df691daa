"""The conversation of the ask tab: questions, the facts given in interviews, the answers.

Kept apart from the widgets so it can be exported and tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ordina.answer import VERDICT_LABELS, Answer


@dataclass
class Turn:
    """One answer: the question, the facts the user added, and what came back."""

    question: str
    answer: Answer
    facts: dict[str, Any] = field(default_factory=dict)
    """Facts supplied in the interview (``--fact`` names), as they were sent."""


def fact_text(value: Any) -> str:
    """A fact value as a person reads it (sì/no, Italian dates)."""
    if value is True:
        return "sì"
    if value is False:
        return "no"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fact_line(name: str, value: Any) -> str:
    """``retribuito: sì``: the fact's name for people and its value in words."""
    from ordina.facts import FACTS  # the vocabulary loads with the first answer, not at start

    fact = FACTS.get(name)
    if fact is None:
        return f"{name.replace('_', ' ')}: {fact_text(value)}"
    shown = fact.labels.get(value, fact_text(value)) if isinstance(value, str) else \
        fact_text(value)
    return f"{fact.label}: {shown}"


def answer_markdown(answer: Answer, *, with_trace: bool = True) -> str:
    """One answer as Markdown: verdict, text, citations, missing facts, reasoning."""
    lines: list[str] = []
    if answer.verdict:
        lines += [f"**Esito: {VERDICT_LABELS.get(answer.verdict, answer.verdict)}**", ""]
    lines += [answer.answer.strip(), ""]
    if answer.citations:
        lines += ["Fonti: " + ", ".join(answer.citations), ""]
    if answer.missing:
        lines.append("Dati mancanti:")
        lines += [f"- {m.question}" for m in answer.missing]
        lines.append("")
    if with_trace and answer.trace:
        lines.append("Ragionamento:")
        for step in answer.trace:
            cite = f" ({step.citation})" if step.citation else ""
            lines.append(f"1. {step.step}{cite}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


class Conversation:
    """The turns of one session, in order."""

    def __init__(self) -> None:
        self.turns: list[Turn] = []

    def add(self, question: str, answer: Answer, facts: dict[str, Any] | None = None) -> Turn:
        """Record an answer and return its turn."""
        turn = Turn(question, answer, dict(facts or {}))
        self.turns.append(turn)
        return turn

    @property
    def questions(self) -> list[str]:
        """Distinct questions asked, oldest first (the input's history)."""
        seen: list[str] = []
        for turn in self.turns:
            if turn.question not in seen:
                seen.append(turn.question)
        return seen

    def to_markdown(self, as_of: date) -> str:
        """The whole conversation as a Markdown document to keep or send."""
        out = [f"# Conversazione con ordina ({as_of.strftime('%d/%m/%Y')})", ""]
        for number, turn in enumerate(self.turns, 1):
            out += [f"## {number}. {turn.question}", ""]
            if turn.facts:
                out.append("Dati forniti:")
                out += [f"- {fact_line(k, v)}" for k, v in turn.facts.items()]
                out.append("")
            out.append(answer_markdown(turn.answer))
        return "\n".join(out).rstrip() + "\n"
