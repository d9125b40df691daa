"""The interview: after a *dati mancanti* answer, ask the missing facts one at a time.

The engine lists missing facts most decisive first; the interview asks the first,
re-runs the check with it, and asks the next only if the answer is still open.
"""

from __future__ import annotations

from textual.containers import Vertical
from textual.widgets import Label

from ordina.answer import Missing
from ordina.facts import FACTS, Fact
from ordina.tui.widgets.fact_control import FactControl


def fact_for(missing: Missing) -> Fact:
    """The vocabulary entry of a missing fact; unknown names are asked as free text."""
    return FACTS.get(missing.fact) or Fact(missing.fact, "str", missing.question,
                                           missing.question)


class InterviewCard(Vertical):
    """The next question of the interview with its control."""

    DEFAULT_CSS = """
    InterviewCard { height: auto; border: round $secondary; padding: 0 1;
        margin-bottom: 1; }
    InterviewCard .step { color: $text-muted; }
    InterviewCard .ask { text-style: bold; }
    """

    def __init__(self, missing: Missing, remaining: int) -> None:
        super().__init__(classes="interview")
        self.missing = missing
        """The fact asked now."""
        self.remaining = remaining
        """How many facts the engine still lists as missing (this one included)."""
        self.border_title = "Mancano dati: rispondi per decidere"

    def compose(self):
        others = self.remaining - 1
        step = f"ancora {others} dat{'o' if others == 1 else 'i'} dopo questo" if others else \
            "ultimo dato richiesto"
        yield Label(step, classes="step")
        yield Label(self.missing.question, classes="ask", markup=False)
        yield FactControl(fact_for(self.missing))

    def focus_control(self) -> None:
        """Give the focus back to the control (the tab was shown again)."""
        self.query_one(FactControl).focus_first()
