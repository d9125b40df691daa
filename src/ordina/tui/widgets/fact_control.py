"""One missing fact asked with the control that fits its type.

yes/no → two buttons; choice → a list of the allowed values with their Italian
labels; amount, number, percent, date, text → a box that checks the value with the
same parser as ``--fact`` and says what is wrong before sending it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from ordina.errors import UserError
from ordina.facts import Fact, parse_value

_PLACEHOLDERS = {
    "amount": "importo in euro, es. 1.500 o 1500,00",
    "percent": "percentuale, es. 50",
    "number": "numero, es. 70,70",
    "int": "numero intero",
    "date": "data GG/MM/AAAA (o 'oggi')",
    "str": "testo",
}


class FactValidator(Validator):
    """Accepts exactly what ``parse_value`` accepts; its message says what to type."""

    def __init__(self, fact: Fact) -> None:
        super().__init__()
        self.fact = fact

    def validate(self, value: str) -> ValidationResult:
        try:
            parse_value(self.fact, value)
        except UserError as exc:
            return self.failure(str(exc).split("; ", 1)[-1])
        return self.success()


class FactControl(Vertical):
    """Asks one fact; posts :class:`FactControl.Answered` with the parsed value."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Risposta precedente", show=False, id="interview.prev",
                tooltip="Passa al pulsante a sinistra (Sì / No / Non so)"),
        Binding("right", "step(1)", "Risposta successiva", show=False, id="interview.next",
                tooltip="Passa al pulsante a destra (Sì / No / Non so)"),
    ]

    DEFAULT_CSS = """
    FactControl { height: auto; }
    FactControl Horizontal { height: auto; }
    FactControl Button { margin-right: 2; }
    FactControl #value { width: 1fr; margin-right: 2; }
    FactControl OptionList { max-height: 8; }
    FactControl .error { color: $error; display: none; }
    FactControl .error.-shown { display: block; }
    """

    class Answered(Message):
        """The user gave a valid value for the fact."""

        def __init__(self, fact: str, value: Any) -> None:
            super().__init__()
            self.fact = fact
            """The fact name (``ordina.facts``)."""
            self.value = value
            """The parsed value (bool, str, float, int, date)."""

    class Skipped(Message):
        """The user does not know the fact."""

        def __init__(self, fact: str) -> None:
            super().__init__()
            self.fact = fact
            """The fact name."""

    def __init__(self, fact: Fact, **kwargs) -> None:
        super().__init__(**kwargs)
        self.fact = fact
        """The fact being asked."""

    def compose(self):
        fact = self.fact
        with Horizontal():
            if fact.type == "bool":
                yield Button("Sì", id="yes", variant="success", compact=True)
                yield Button("No", id="no", variant="error", compact=True)
            elif fact.type != "choice":
                yield Input(placeholder=_PLACEHOLDERS.get(fact.type, ""), id="value",
                            validators=[FactValidator(fact)], validate_on=["submitted"],
                            compact=True)
            yield Button("Non so", id="skip", compact=True)
        if fact.type == "choice":
            options = [Option(fact.labels.get(c, c), id=c) for c in fact.choices]
            yield OptionList(*options, id="choice", compact=True)
        yield Label("", classes="error")

    def on_mount(self) -> None:
        """Put the focus on the control so the user can answer straight away."""
        self.focus_first()

    def focus_first(self) -> None:
        """Focus the list, the box or «Sì»: whatever answers the question."""
        target = self.query("#choice, #value, #yes")
        if target:
            target.first().focus()

    def action_step(self, delta: int) -> None:
        """← / → move between the buttons (Sì / No / Non so)."""
        buttons = list(self.query(Button))
        focused = self.screen.focused
        if focused not in buttons:
            return
        buttons[(buttons.index(focused) + delta) % len(buttons)].focus()

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "skip":
            self.post_message(self.Skipped(self.fact.name))
        elif event.button.id in ("yes", "no"):
            self.post_message(self.Answered(self.fact.name, event.button.id == "yes"))

    @on(OptionList.OptionSelected, "#choice")
    def _choice(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Answered(self.fact.name, event.option.id))

    @on(Input.Submitted, "#value")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one(".error", Label)
        result = event.validation_result
        if result is not None and not result.is_valid:
            error.update(" ".join(result.failure_descriptions))
            error.add_class("-shown")
            return
        error.remove_class("-shown")
        self.post_message(self.Answered(self.fact.name, parse_value(self.fact, event.value)))
