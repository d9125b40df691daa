"""The ask tab: a chat with the regulation, with interviews for missing facts."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Footer, LoadingIndicator, Static

from ordina.answer import Answer
from ordina.tui.conversation import Conversation, answer_markdown
from ordina.tui.screens.base import ModeScreen
from ordina.tui.widgets.mode_bar import ModeBar
from ordina.tui.widgets.question_box import QuestionBox

# The answer card and the interview load with the first answer: the first frame needs
# neither (nor the Markdown parser they bring).

#: ``(question, db, as_of, facts) -> Answer``, the signature of ``ordina.ask.answer_question``.
Answerer = Callable[[str, Any, Any, dict[str, Any]], Answer]

WELCOME = """\
[b]Fai una domanda[/b] sul regolamento o sul personale, in italiano (o in inglese). Per esempio:

 • [i]art. 88 c. 3[/i] · [i]cosa dice l'articolo 89?[/i] · [i]cerca patrocinio legale[/i]
 • [i]chi sostituisce il segretario?[/i] · [i]chi autorizza le ferie di Neri?[/i]
 • [i]un dipendente a tempo pieno può fare l'amministratore di una srl?[/i]

Le proposte compaiono mentre scrivi (↓ per sceglierle, Tab per accettarle).
"""


def default_answerer() -> Answerer:
    """``ordina.ask.answer_question``, imported only when the first question is asked."""
    from ordina.ask import answer_question

    return answer_question


class AskScreen(ModeScreen):
    """Questions and answers, newest at the bottom, with the question box docked below."""

    MODE = "ask"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+y", "copy_answer", "Copia", id="ask.copy",
                tooltip="Copia l'ultima risposta negli appunti (Markdown)"),
        # priority: the question box has the focus, and its own Ctrl+E means "end of line".
        Binding("ctrl+e", "export", "Esporta", id="ask.export", priority=True,
                tooltip="Salva l'intera conversazione come file Markdown"),
        Binding("ctrl+l", "clear", "Pulisci", id="ask.clear", show=False,
                tooltip="Svuota la conversazione (la cronologia delle domande resta)"),
    ]

    class Answered(Message):
        """A worker finished answering."""

        def __init__(self, question: str, facts: dict[str, Any], answer: Answer) -> None:
            super().__init__()
            self.question = question
            self.facts = facts
            self.answer = answer

    def __init__(self) -> None:
        super().__init__()
        self.conversation = Conversation()
        """Every answer of this session, for export."""
        self._interview: tuple[str, dict[str, Any], set[str]] | None = None

    def compose(self):
        yield ModeBar(self.MODE)
        with VerticalScroll(id="chat"):
            yield Static(Content.from_markup(WELCOME), id="welcome")
        yield QuestionBox(self.app.completer, id="question-box")
        yield Footer()

    def on_mount(self) -> None:
        """No blinking cursor under tests (stable snapshots)."""
        self.query_one(QuestionBox).input.cursor_blink = not self.app.testing

    def on_screen_resume(self) -> None:
        """Whenever the tab is shown (start, F1, Alt+←) typing goes to the question box,
        or to the open interview."""
        self.focus_question()

    def focus_question(self) -> None:
        """Focus the interview's control when one is open, else the question box."""
        from ordina.tui.widgets.interview import InterviewCard

        interviews = self.query(InterviewCard)
        if interviews:
            interviews.last().focus_control()
        else:
            self.query_one(QuestionBox).input.focus()

    # -------------------------------------------------------------------- asking
    @on(QuestionBox.Asked)
    def _asked(self, message: QuestionBox.Asked) -> None:
        self._interview = None
        self.remove_interview()
        self.ask(message.text, {})

    def ask(self, question: str, facts: dict[str, Any]) -> None:
        """Show a spinner and answer in a worker thread."""
        chat = self.query_one("#chat")
        chat.mount(LoadingIndicator(classes="thinking"))
        self._scroll_to_end()
        self._answer(question, dict(facts))

    @work(thread=True, exclusive=True, group="ask")
    def _answer(self, question: str, facts: dict[str, Any]) -> None:
        """Run the answerer on a connection owned by this thread."""
        from ordina.errors import UserError

        answerer = self.app.answerer or default_answerer()
        try:
            with self.app.data.connection() as db:
                answer = answerer(question, db, self.app.as_of, facts)
        except UserError as exc:
            answer = Answer(query=question, intent="errore", answer=str(exc))
        except Exception as exc:  # noqa: BLE001 - never a traceback in the chat
            answer = Answer(query=question, intent="errore",
                            answer=f"Errore interno ({type(exc).__name__}: {exc}).")
        self.post_message(self.Answered(question, facts, answer))

    async def on_ask_screen_answered(self, message: Answered) -> None:
        """Append the answer; a *dati mancanti* answer starts or continues the interview."""
        from ordina.tui.widgets.answer_card import AnswerCard
        from ordina.tui.widgets.interview import InterviewCard

        await self.query(".thinking").remove()
        turn = self.conversation.add(message.question, message.answer, message.facts)
        chat = self.query_one("#chat")
        card = AnswerCard(turn, self.app.corpus)
        await chat.mount(card)
        answer = message.answer
        skipped = self._interview[2] if self._interview else set()
        pending = [m for m in answer.missing if m.fact not in skipped]
        if pending:  # undecided, or a permitted bound that the facts may lighten
            self._interview = (message.question, dict(message.facts), skipped)
            await chat.mount(InterviewCard(pending[0], len(pending)))
            self._scroll_to_end()
        else:
            self._interview = None
            self.query_one(QuestionBox).input.focus()
            self._show_top_of(card)

    def _show_top_of(self, card: Widget) -> None:
        """Keep the newest answer's first lines (question, verdict) in view: a card that
        fits ends at the bottom as usual, a taller one starts at the top of the chat."""
        chat = self.query_one("#chat")

        def scroll() -> None:
            if card.outer_size.height <= chat.scrollable_content_region.height:
                chat.anchor()
                return
            chat.anchor(False)
            chat.scroll_to(y=max(0, min(card.virtual_region.y, chat.max_scroll_y)),
                           animate=False, immediate=True)

        self.call_after_refresh(scroll)
        self.set_timer(0.05, scroll)  # again once the Markdown has its height

    def _scroll_to_end(self) -> None:
        """Keep the newest message in view as it grows (until the user scrolls away)."""
        self.query_one("#chat").anchor()

    def remove_interview(self) -> None:
        """Drop an open interview card (a new question replaces it)."""
        self.query(".interview").remove()

    def on_fact_control_answered(self, message: Any) -> None:
        """The user answered the interview's question: ask again with the new fact."""
        if self._interview is None:
            return
        question, facts, _skipped = self._interview
        facts[message.fact] = message.value
        self.remove_interview()
        self.ask(question, facts)

    async def on_fact_control_skipped(self, message: Any) -> None:
        """The user does not know: ask the next missing fact, if any."""
        from ordina.tui.widgets.interview import InterviewCard

        if self._interview is None:
            return
        _question, _facts, skipped = self._interview
        skipped.add(message.fact)
        self.remove_interview()
        last = self.conversation.turns[-1].answer
        pending = [m for m in last.missing if m.fact not in skipped]
        if pending:
            await self.query_one("#chat").mount(InterviewCard(pending[0], len(pending)))
            self._scroll_to_end()
        else:
            self.notify("Senza questi dati la risposta resta aperta.", title="Intervista")
            self.query_one(QuestionBox).input.focus()

    # ------------------------------------------------------------------ actions
    def action_copy_answer(self) -> None:
        """Copy the last answer as Markdown."""
        if not self.conversation.turns:
            self.notify("Ancora nessuna risposta da copiare.", severity="warning")
            return
        turn = self.conversation.turns[-1]
        self.app.copy_to_clipboard(f"> {turn.question}\n\n{answer_markdown(turn.answer)}")
        self.notify("Risposta copiata negli appunti.")

    def action_export(self) -> None:
        """Save the conversation as Markdown (a download when served in a browser)."""
        if not self.conversation.turns:
            self.notify("Ancora nessuna domanda da esportare.", severity="warning")
            return
        from ordina.tui.saving import export_folder

        text = self.conversation.to_markdown(self.app.as_of)
        name = f"ordina-conversazione-{datetime.now():%Y%m%d-%H%M%S}.md"
        try:
            folder = export_folder(self.app.export_dir)
        except OSError as exc:
            self.notify(f"Cartella non disponibile: {exc}", title="Esportazione",
                        severity="error")
            return
        # The app says where the file went once it is written (or why it was not).
        self.app.deliver_text(io.StringIO(text), save_filename=name, save_directory=folder,
                              name="Conversazione")

    async def action_clear(self) -> None:
        """Empty the chat and the conversation."""
        self.conversation = Conversation()
        self._interview = None
        await self.query("#chat > *").exclude("#welcome").remove()
