"""The ordina app: one tab per job (ask, read, search, people, audit) and a shared history."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen

from ordina.errors import UserError
from ordina.tui.commands import ActionsProvider, PeopleProvider, ReferenceProvider
from ordina.tui.completion import Completer
from ordina.tui.data import AppData
from ordina.tui.history import History, Location
from ordina.tui.navigation import Navigator
from ordina.tui.palette import ItalianCommandPalette, system_commands
from ordina.tui.screens import screen_class

if TYPE_CHECKING:
    from ordina.corpus import Corpus
    from ordina.tui.screens.ask import Answerer

_MODE_KEYS = Binding.Group("Schede", compact=True)
#: The tabs; each screen module is imported when its tab first opens (fast first frame).
TABS = ("ask", "read", "search", "people", "audit")


def _mode(key: str, mode: str, label: str, tooltip: str) -> Binding:
    return Binding(key, f"go_mode('{mode}')", label, key_display=key.upper(), id=f"app.{mode}",
                   group=_MODE_KEYS, tooltip=tooltip)


class OrdinaApp(Navigator, App[None]):
    """Ask the regulation, read it, follow its references, interview, audit."""

    TITLE = "ordina"
    CSS_PATH = Path(__file__).with_name("ordina.tcss")  # absolute: subclasses live elsewhere
    MODES: ClassVar[dict[str, Callable[[], Screen]]] = {
        mode: (lambda mode=mode: screen_class(mode)()) for mode in TABS}
    DEFAULT_MODE = "ask"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = (
        App.COMMANDS | {ActionsProvider, ReferenceProvider, PeopleProvider})
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        _mode("f1", "ask", "Domande", "Fai una domanda sul regolamento o sul personale"),
        _mode("f2", "read", "Regolamento", "Sfoglia titoli, articoli, commi e allegati"),
        _mode("f3", "search", "Cerca", "Ricerca nel testo del regolamento"),
        _mode("f4", "people", "Persone", "Organigramma, responsabili, sostituti, schede personali"),
        _mode("f5", "audit", "Verifiche", "I rilievi di ordina check --all, filtrabili e ordinabili"),
        Binding("alt+left", "back", "Indietro", key_display="Alt+←", id="app.back",
                tooltip="Torna alla pagina o alla scheda precedente"),
        Binding("alt+right", "forward", "Avanti", key_display="Alt+→", id="app.forward",
                tooltip="Rifai il passo annullato con Indietro", show=False),
        Binding("ctrl+p", "command_palette", "Comandi", show=False, priority=True,
                id="app.palette", tooltip="Apri la tavolozza dei comandi"),
        Binding("ctrl+t", "toggle_theme", "Tema", id="app.theme",
                tooltip="Passa dal tema scuro a quello chiaro e viceversa", show=False),
    ]

    def __init__(self, db_path: str | None = None, as_of: date | None = None, *,
                 demo: bool = False, answerer: Answerer | None = None,
                 testing: bool = False, export_dir: str | None = None) -> None:
        super().__init__()
        self.data = AppData(db_path, as_of or date.today(), demo)
        """The regulation and the database, read at :attr:`as_of`."""
        self.answerer = answerer
        """Answers a question; None means ``ordina.ask.answer_question``."""
        self.testing = testing
        """True under tests: no cursor blink, no animations, deterministic output."""
        self.export_dir = export_dir
        """Where exports are saved in a terminal (None: the user's downloads folder)."""
        self.completer = Completer()
        """Proposals for question boxes; names arrive once the database is open."""
        self.history = History()
        """Back/forward across tabs and pages."""
        self.arriving: Location | None = None
        """The location being navigated to, so a tab opening for it starts there."""
        if testing:
            self.animation_level = "none"

    @property
    def as_of(self) -> date:
        """The date questions, pages and audits are answered for."""
        return self.data.as_of

    @property
    def corpus(self) -> Corpus:
        """The regulation in force on :attr:`as_of`."""
        return self.data.corpus

    def on_mount(self) -> None:
        """Start on the ask tab."""
        self.theme = "textual-dark"
        self.history.visit(Location(self.DEFAULT_MODE))

    def on_ready(self) -> None:
        """The first frame is on screen: now open the database and warm the corpus."""
        self.prepare()

    @work(thread=True, group="prepare")
    def prepare(self) -> None:
        """Schema, demo data, names for completions (in this thread's own connection)."""
        try:
            entities = self.data.prepare()
        except UserError as exc:
            self.call_from_thread(self.notify, str(exc), title="Database", severity="error")
            return
        self.completer.add(entities)  # builds its index here, swaps it in at once

    def action_command_palette(self) -> None:
        """Open the command palette (in Italian)."""
        if self.use_command_palette and not ItalianCommandPalette.is_open(self):
            self.push_screen(ItalianCommandPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Theme, quit, keys, screenshot: in Italian."""
        return system_commands(self, screen)

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        """An export was written: say where, in full."""
        where = f": {event.path}" if event.path else ""
        self.notify(f"{event.name or 'File'} salvata{where}", title="Esportazione")

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        """An export could not be written: say why."""
        self.notify(f"{event.name or 'File'} non salvata: {event.exception}",
                    title="Esportazione", severity="error")

    def action_toggle_theme(self) -> None:
        """Switch between the dark and the light theme."""
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"
