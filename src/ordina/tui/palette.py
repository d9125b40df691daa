"""The command palette in Italian: its prompt, its keys, "nessun risultato", system commands.

Textual writes these in English; the app's users read Italian.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

PLACEHOLDER = "Cerca comandi, articoli, persone…"
NO_MATCHES = "Nessun risultato"


class ItalianCommandPalette(CommandPalette):
    """Textual's palette with Italian text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+end, shift+end", "command_list('last')", "Vai in fondo", show=False),
        Binding("ctrl+home, shift+home", "command_list('first')", "Vai in cima", show=False),
        Binding("down", "cursor_down", "Comando successivo", show=False),
        Binding("escape", "escape", "Chiudi la tavolozza dei comandi"),
        Binding("pagedown", "command_list('page_down')", "Pagina successiva", show=False),
        Binding("pageup", "command_list('page_up')", "Pagina precedente", show=False),
        Binding("up", "command_list('cursor_up')", "Comando precedente", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("placeholder", PLACEHOLDER)
        super().__init__(**kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Say "Nessun risultato" (Textual's own method, with the text in Italian)."""
        self._stop_no_matches_countdown()

        def show() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(NO_MATCHES, style="not bold")), disabled=True,
                    id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)


def system_commands(app: App, screen: Screen) -> Iterable[SystemCommand]:
    """Textual's system commands, in Italian."""
    yield SystemCommand("Tema", "Cambia il tema dei colori", app.action_change_theme)
    yield SystemCommand("Esci", "Chiude ordina", app.action_quit)
    if screen.query("HelpPanel"):
        yield SystemCommand("Tasti", "Nasconde il pannello dei tasti",
                            app.action_hide_help_panel)
    else:
        yield SystemCommand("Tasti", "Mostra i tasti disponibili e l'aiuto del campo attivo",
                            app.action_show_help_panel)
    if screen.maximized is not None:
        yield SystemCommand("Riduci", "Riporta il riquadro alla dimensione normale",
                            screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand("Ingrandisci", "Ingrandisce il riquadro attivo",
                            screen.action_maximize)
    yield SystemCommand("Schermata", "Salva un'immagine SVG della schermata",
                        lambda: app.set_timer(0.1, app.deliver_screenshot))
