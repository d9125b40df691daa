"""The question box: an input with completions as you type and the questions asked so far.

↓/↑ move through the proposals (or through earlier questions when none is shown),
Tab or → takes the proposal, Invio asks.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ordina.tui.completion import Completer


class _CompleterSuggester(Suggester):
    """Ghost text in the input: the best completion when it extends what was typed."""

    def __init__(self, completer: Completer) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.completer = completer

    async def get_suggestion(self, value: str) -> str | None:
        for completion in self.completer.complete(value, limit=3):
            if completion.value.lower().startswith(value.lower()):
                return value + completion.value[len(value):]
        return None


class QuestionInput(Input):
    """The input line; its keys drive the completion list and the question history."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Proposta successiva", show=False, id="ask.next-completion",
                tooltip="Scorri le proposte o le domande già fatte"),
        Binding("up", "move(-1)", "Proposta precedente", show=False, id="ask.prev-completion",
                tooltip="Scorri le proposte o le domande già fatte"),
        Binding("tab", "accept", "Completa", show=False, id="ask.complete",
                tooltip="Accetta la proposta evidenziata"),
        Binding("escape", "dismiss", "Chiudi proposte", show=False, id="ask.dismiss",
                tooltip="Nasconde le proposte"),
    ]

    def action_move(self, delta: int) -> None:
        """Move in the completion list, or recall an earlier question."""
        self.parent.move(delta)  # type: ignore[union-attr]

    def action_accept(self) -> None:
        """Take the highlighted completion; with none, Tab moves the focus as usual."""
        if not self.parent.accept():  # type: ignore[union-attr]
            self.screen.focus_next()

    def action_dismiss(self) -> None:
        """Hide the completion list."""
        self.parent.show_completions([])  # type: ignore[union-attr]


class QuestionBox(Vertical):
    """Input plus completion list; posts :class:`QuestionBox.Asked` on Invio."""

    DEFAULT_CSS = """
    QuestionBox { height: auto; dock: bottom; }
    QuestionBox #completions { display: none; max-height: 7; border: none; }
    QuestionBox.-completing #completions { display: block; }
    """

    class Asked(Message):
        """The user asked a question."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text
            """The question as typed."""

    def __init__(self, completer: Completer, **kwargs) -> None:
        super().__init__(**kwargs)
        self.completer = completer
        """Where the proposals come from (names arrive after start-up)."""
        self.history: list[str] = []
        """Questions asked, oldest first."""
        self._recall = 0

    def compose(self):
        yield OptionList(id="completions")
        yield QuestionInput(
            placeholder="Scrivi una domanda: «art. 88 c. 3», «chi sostituisce il segretario?»",
            suggester=_CompleterSuggester(self.completer), id="question",
        )

    @property
    def input(self) -> QuestionInput:
        """The input line."""
        return self.query_one(QuestionInput)

    @property
    def options(self) -> OptionList:
        """The completion list."""
        return self.query_one("#completions", OptionList)

    def show_completions(self, values: list[tuple[str, str]]) -> None:
        """Show ``(value, label)`` proposals under the input; an empty list hides them."""
        options = self.options
        options.clear_options()
        options.add_options([Option(label, id=value) for value, label in values])
        self.set_class(bool(values), "-completing")

    @on(Input.Changed, "#question")
    def _changed(self, event: Input.Changed) -> None:
        proposals = self.completer.complete(event.value)
        self.show_completions([(c.value, c.label) for c in proposals])

    def move(self, delta: int) -> None:
        """Highlight another proposal; without proposals walk the history."""
        if self.has_class("-completing"):
            options = self.options
            if options.highlighted is None:
                options.highlighted = 0 if delta > 0 else options.option_count - 1
            else:
                options.highlighted = (options.highlighted + delta) % options.option_count
            return
        if not self.history:
            return
        self._recall = max(0, min(len(self.history), self._recall - delta))
        value = self.history[-self._recall] if self._recall else ""
        with self.input.prevent(Input.Changed):
            self.input.value = value
        self.input.cursor_position = len(value)

    def accept(self) -> bool:
        """Put the highlighted (or first) proposal in the input; False when there is none."""
        options = self.options
        if not self.has_class("-completing") or not options.option_count:
            return False
        index = options.highlighted if options.highlighted is not None else 0
        value = options.get_option_at_index(index).id or ""
        self.input.value = value
        self.input.cursor_position = len(value)
        return True

    @on(OptionList.OptionSelected, "#completions")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.input.value = event.option.id or ""
        self.input.cursor_position = len(self.input.value)
        self.input.focus()

    @on(Input.Submitted, "#question")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.has_class("-completing") and self.options.highlighted is not None:
            self.accept()
            return
        text = event.value.strip()
        if not text:
            return
        if not self.history or self.history[-1] != text:
            self.history.append(text)
        self._recall = 0
        self.input.value = ""
        self.show_completions([])
        self.post_message(self.Asked(text))
