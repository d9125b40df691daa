"""One exchange in the chat: the question, the verdict badge, the answer, its sources."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widgets import Collapsible, Label, Markdown, Static

from ordina.answer import VERDICT_LABELS, Answer
from ordina.corpus import Corpus
from ordina.errors import UserError
from ordina.tui.conversation import Turn, fact_line
from ordina.tui.links import escape, unit_href
from ordina.tui.widgets.ref_list import RefList


class VerdictBadge(Static):
    """The verdict in words on a coloured badge (class ``-<verdict>`` picks the colour)."""

    DEFAULT_CSS = """
    VerdictBadge { width: auto; padding: 0 1; text-style: bold; margin-right: 1; }
    VerdictBadge.-consentito { background: $success; color: $text; }
    VerdictBadge.-vietato { background: $error; color: $text; }
    VerdictBadge.-autorizzazione, VerdictBadge.-comunicazione { background: $warning;
        color: $text; }
    VerdictBadge.-dati_mancanti { background: $secondary; color: $text; }
    """

    def __init__(self, verdict: str) -> None:
        super().__init__(VERDICT_LABELS.get(verdict, verdict).upper(), classes=f"-{verdict}")
        self.verdict = verdict
        """The verdict shown (``consentito``, ``vietato``...)."""


def _cite(corpus: Corpus, citation: str) -> str:
    unit = corpus.by_citation(citation)
    if unit is None:
        try:
            unit = corpus.resolve(citation)
        except UserError:  # an engine citation that does not resolve stays text
            return escape(citation)
    return f"[{escape(citation)}]({unit_href(unit.eid)})"


def _snippet(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def sources(corpus: Corpus, answer: Answer) -> tuple[list[tuple[str, str]], list[str]]:
    """The citations as ``(href, label)`` for the list, and those that do not resolve."""
    found, unknown = [], []
    for citation in answer.citations:
        unit = corpus.by_citation(citation)
        if unit is None:
            unknown.append(citation)
        else:
            found.append((unit_href(unit.eid),
                          f"↪ {citation}  {_snippet(unit.heading or unit.text)}"))
    return found, unknown


def trace_markdown(corpus: Corpus, answer: Answer) -> str:
    """The reasoning, one numbered step per rule, each with its comma as a link."""
    lines = []
    for number, step in enumerate(answer.trace, 1):
        cite = f" — {_cite(corpus, step.citation)}" if step.citation else ""
        lines.append(f"{number}. {escape(step.step)}{cite}")
    return "\n".join(lines)


class AnswerCard(Vertical):
    """A question and its answer; citations are links and a keyboard list."""

    DEFAULT_CSS = """
    AnswerCard { height: auto; margin-bottom: 1; }
    AnswerCard .question { text-style: bold; color: $accent; }
    AnswerCard .facts { color: $text-muted; }
    AnswerCard Markdown { margin: 0; padding: 0 1; }
    AnswerCard Collapsible { padding: 0; border: none; }
    AnswerCard .citations { margin: 0 1; }
    """

    def __init__(self, turn: Turn, corpus: Corpus) -> None:
        super().__init__(classes="answer-card")
        self.turn = turn
        """The exchange shown (kept for copying and export)."""
        self._corpus = corpus

    def compose(self):
        turn, answer = self.turn, self.turn.answer
        yield Label(f"› {turn.question}", classes="question", markup=False)
        if turn.facts:
            given = "; ".join(fact_line(k, v) for k, v in turn.facts.items())
            yield Label(f"  dati forniti · {given}", classes="facts", markup=False)
        if answer.verdict:
            yield VerdictBadge(answer.verdict)
        refs, unknown = sources(self._corpus, answer)
        text = answer.answer.strip()
        if unknown:
            text += "\n\nFonti: " + ", ".join(escape(c) for c in unknown)
        yield Markdown(text, open_links=False)
        if refs:
            citations = RefList(classes="citations", compact=True)
            citations.border_title = "Fonti"
            citations.set_refs(refs)
            yield citations
        if answer.trace:
            with Collapsible(title="Perché (ragionamento)", collapsed=True):
                yield Markdown(trace_markdown(self._corpus, answer), open_links=False)
