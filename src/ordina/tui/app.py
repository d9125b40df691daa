"""The ordina app: one tab per job (ask, read, search, people, audit) and a shared history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen
from textual.widgets import Markdown

from ordina.errors import UserError
from ordina.tui.commands import ActionsProvider, ReferenceProvider
from ordina.tui.history import History, Location
from ordina.tui.links import href_target, is_external
from ordina.tui.messages import LocationChanged, OpenRef
from ordina.tui.screens.ask import Answerer, AskScreen
from ordina.tui.screens.base import ModeScreen
from ordina.tui.screens.reader import ReaderScreen

if TYPE_CHECKING:
    from ordina.corpus import Corpus

_MODE_KEYS = Binding.Group("Schede", compact=True)


class OrdinaApp(App[None]):
    """Ask the regulation, read it, follow its references, interview, audit."""

    TITLE = "ordina"
    CSS_PATH = "ordina.tcss"
    MODES: ClassVar[dict[str, Callable[[], Screen]]] = {"ask": AskScreen, "read": ReaderScreen}
    DEFAULT_MODE = "ask"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = App.COMMANDS | {ActionsProvider, ReferenceProvider}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "go_mode('ask')", "Domande", key_display="F1", id="app.ask",
                group=_MODE_KEYS,
                tooltip="Fai una domanda sul regolamento o sul personale"),
        Binding("f2", "go_mode('read')", "Regolamento", key_display="F2", id="app.read",
                group=_MODE_KEYS,
                tooltip="Sfoglia titoli, articoli, commi e allegati"),
        Binding("alt+left", "back", "Indietro", key_display="Alt+←", id="app.back",
                tooltip="Torna alla pagina o alla scheda precedente"),
        Binding("alt+right", "forward", "Avanti", key_display="Alt+→", id="app.forward",
                tooltip="Rifai il passo annullato con Indietro", show=False),
        Binding("ctrl+t", "toggle_theme", "Tema", id="app.theme",
                tooltip="Passa dal tema scuro a quello chiaro e viceversa", show=False),
    ]

    def __init__(self, db_path: str | None = None, as_of: date | None = None, *,
                 answerer: Answerer | None = None, testing: bool = False,
                 export_dir: str | None = None) -> None:
        super().__init__()
        self.export_dir = export_dir
        """Where exports are saved in a terminal (None: the user's downloads folder)."""
        self.db_path = db_path
        """The personnel database file; each worker thread opens its own connection."""
        self.as_of = as_of or date.today()
        """The date questions and audits are answered for."""
        self.answerer = answerer
        """Answers a question; None means ``ordina.ask.answer_question``."""
        self.testing = testing
        """True under tests: no cursor blink, no animations, deterministic output."""
        self.history = History()
        """Back/forward across tabs and pages."""
        self._restoring = False
        self.arriving: Location | None = None
        """The location being navigated to, so a tab opening for it starts there."""
        if testing:
            self.animation_level = "none"

    @cached_property
    def corpus(self) -> Corpus:
        """The regulation (parsed once per process; about 70 ms)."""
        from ordina.corpus import load_corpus

        return load_corpus()

    def on_mount(self) -> None:
        """Start on the ask tab, remembered as the first location."""
        self.theme = "textual-dark"
        self.history.visit(Location(self.DEFAULT_MODE))

    # ------------------------------------------------------------------ navigation
    async def navigate(self, location: Location, *, record: bool = True) -> None:
        """Show ``location``: switch tab, then bring the tab to its target."""
        self._restoring = not record
        self.arriving = location
        try:
            await self.switch_mode(location.mode)
            screen = self.screen
            if (isinstance(screen, ModeScreen) and location.target
                    and location.target != screen.target):
                await screen.show(location.target)
            if record:
                self.history.visit(self._here())
        finally:
            self._restoring = False
            self.arriving = None

    def _here(self) -> Location:
        screen = self.screen
        if isinstance(screen, ModeScreen):
            return screen.location
        return Location(self.current_mode)

    async def action_go_mode(self, mode: str) -> None:
        """Switch to a tab, where it was left."""
        if mode in self.MODES:
            await self.navigate(Location(mode))

    def open_unit(self, eid: str) -> None:
        """Open unit ``eid`` in the reader (recorded in the history)."""
        self.run_worker(self.navigate(Location("read", eid)), group="navigate")

    def open_ref(self, ref: str) -> bool:
        """Open a reference as a person types it; says so when it does not exist."""
        try:
            unit = self.corpus.resolve(ref)
        except UserError as exc:
            self.notify(str(exc), title="Riferimento", severity="warning")
            return False
        self.open_unit(unit.eid)
        return True

    @on(OpenRef)
    def _on_open_ref(self, message: OpenRef) -> None:
        self.open_ref(message.ref)

    @on(LocationChanged)
    def _on_location_changed(self, message: LocationChanged) -> None:
        if not self._restoring:
            self.history.visit(Location(message.mode, message.target))

    @on(Markdown.LinkClicked)
    def _on_link(self, message: Markdown.LinkClicked) -> None:
        message.stop()
        self.follow_link(message.href)

    def follow_link(self, href: str) -> None:
        """Open in-app links here; show (and copy) external ones rather than leave the app."""
        target = href_target(href)
        if target is not None:
            self.open_ref(target)
        elif is_external(href):
            self.copy_to_clipboard(href)
            self.notify(f"{href}\n(copiato negli appunti)", title="Riferimento esterno")

    async def action_back(self) -> None:
        """Go back one step in the history."""
        location = self.history.back()
        if location is None:
            self.bell()
            return
        await self.navigate(location, record=False)

    async def action_forward(self) -> None:
        """Redo the step undone by back."""
        location = self.history.forward()
        if location is None:
            self.bell()
            return
        await self.navigate(location, record=False)

    def action_toggle_theme(self) -> None:
        """Switch between the dark and the light theme."""
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"
