"""Scadenze: the dated obligations of ``ordina deadlines``, over the Verifiche tab.

Opened with Ctrl+G from the Verifiche tab; Esc closes it. The list is read in a worker
thread with its own database connection.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Label

#: (column key, heading, width).
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("day", "Scadenza", 10), ("left", "Giorni", 7), ("what", "Adempimento", 48),
    ("cite", "Norma", 22), ("source", "Fonte", 34),
)
WITHIN = 90
"""Days ahead the view shows (open obligations already due stay)."""


def cells(item: Any, on: Any) -> tuple[str, ...]:
    """The row of one :class:`ordina.deadlines.Deadline`."""
    left = item.days_left(on)
    return (f"{item.day:%d/%m/%Y}", f"{left:+d}" if left else "oggi", item.what, item.cite,
            item.source)


class DeadlinesScreen(ModalScreen[None]):
    """The deadlines as of the app's date, soonest (and overdue) first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Chiudi", id="deadlines.close",
                tooltip="Torna ai rilievi delle verifiche"),
    ]
    DEFAULT_CSS = """
    DeadlinesScreen { align: center middle; }
    #deadlines-box { width: 95%; height: 90%; border: round $accent; background: $surface; }
    #deadlines { height: 1fr; }
    """

    class Loaded(Message):
        """The worker read the deadlines."""

        def __init__(self, items: list[Any]) -> None:
            super().__init__()
            self.items = items

    def compose(self):
        with Vertical(id="deadlines-box"):
            yield Label("Scadenze in lettura…", id="deadlines-status")
            table = DataTable(id="deadlines", cursor_type="row", zebra_stripes=True)
            for key, heading, width in COLUMNS:
                table.add_column(heading, key=key, width=width)
            yield table
        yield Footer()

    def on_mount(self) -> None:
        """Read the deadlines off the UI thread."""
        self._load()

    @work(thread=True, exclusive=True, group="deadlines")
    def _load(self) -> None:
        from ordina.deadlines import collect

        data = self.app.data
        with data.connection() as db:
            items = collect(db, data.as_of, WITHIN)
        self.post_message(self.Loaded(items))

    def on_deadlines_screen_loaded(self, message: Loaded) -> None:
        """Fill the table."""
        on = self.app.data.as_of
        overdue = sum(1 for d in message.items if d.day < on)
        self.query_one("#deadlines-status", Label).update(
            f"{len(message.items)} scadenze al {on:%d/%m/%Y} (entro {WITHIN} giorni), "
            f"{overdue} già scadute e ancora aperte")
        table = self.query_one("#deadlines", DataTable)
        table.clear()
        for index, item in enumerate(message.items):
            table.add_row(*cells(item, on), key=str(index))
        table.focus()
