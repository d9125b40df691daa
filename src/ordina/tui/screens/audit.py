"""The audit tab: ``ordina check --all`` as a sortable, filterable table; a finding's trace."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Label, Markdown

from ordina.tui import audit_view
from ordina.tui.links import unit_href
from ordina.tui.screens.base import ModeScreen
from ordina.tui.widgets.mode_bar import ModeBar
from ordina.tui.widgets.ref_list import RefList


class AuditScreen(ModeScreen):
    """Every finding of the whole-Comune audit; Invio opens one with its reasoning."""

    MODE = "audit"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+f", "focus_filter", "Filtra", id="audit.filter",
                tooltip="Scrivi parole per tenere solo i rilievi che le contengono"),
        Binding("s", "sort_next", "Ordina", id="audit.sort",
                tooltip="Ordina per la colonna successiva (clic sull'intestazione: inverte)"),
        Binding("ctrl+r", "run", "Ricalcola", id="audit.run",
                tooltip="Esegue di nuovo tutte le verifiche sul database (in background)"),
        Binding("escape", "close_detail", "Elenco", id="audit.close",
                tooltip="Torna all'elenco dei rilievi"),
        Binding("ctrl+g", "deadlines", "Scadenze", id="audit.deadlines",
                tooltip="Le scadenze di ordina deadlines: risposte, PerlaPA, diffide…",
                show=False),  # in the command palette (Ctrl+P) as «Scadenze»
    ]

    class Done(Message):
        """The audit worker finished."""

        def __init__(self, report: Any) -> None:
            super().__init__()
            self.report = report

    FILTER_DELAY = 0.15
    """Seconds of quiet in the filter box before the table is rebuilt."""

    def __init__(self) -> None:
        super().__init__()
        self._refill_timer: Timer | None = None
        self.sort_column = "severity"
        """The column the table is sorted by."""
        self.reverse = False
        """Descending order."""

    def compose(self):
        yield ModeBar(self.MODE)
        with Horizontal(id="audit-bar"):
            yield Input(placeholder="Filtra: gravità, verifica, persona, articolo…",
                        id="audit-filter", compact=True)
            yield Label("", id="audit-count")
        yield Label("Verifiche in corso…", id="audit-status")
        yield DataTable(id="findings", cursor_type="row", zebra_stripes=True)
        with Vertical(id="finding-detail"):
            with VerticalScroll():
                yield Markdown(id="finding-md", open_links=False)
            yield RefList(id="finding-cites", compact=True)
        yield Footer()

    @property
    def report(self) -> Any:
        """The audit shown (shared with the people tab)."""
        return self.app.data.audit

    def on_resize(self, event: events.Resize) -> None:
        """Fit the columns to the width (rows are rebuilt with them)."""
        widths = audit_view.column_widths(event.size.width)
        table = self.query_one("#findings", DataTable)
        if [c.width for c in table.columns.values()] == list(widths.values()):
            return
        table.clear(columns=True)
        for key, heading in audit_view.COLUMNS:
            table.add_column(heading, key=key, width=widths[key])
        self.refill()

    def on_mount(self) -> None:
        """Show the last audit, or run one in the background."""
        self.query_one("#audit-filter", Input).cursor_blink = not self.app.testing
        arriving = self.app.arriving
        if arriving is not None and arriving.mode == self.MODE:
            self.target = arriving.target
        if self.report is None:
            self.action_run()
        else:
            self.post_message(self.Done(self.report))

    def action_run(self) -> None:
        """Run every check over the database as of the app's date, off the UI thread."""
        self.query_one("#audit-status", Label).update("Verifiche in corso…")
        self._audit()

    @work(thread=True, exclusive=True, group="audit")
    def _audit(self) -> None:
        self.post_message(self.Done(self.app.data.run_audit()))

    async def on_audit_screen_done(self, message: Done) -> None:
        """Fill the table; open the finding asked for, if any."""
        report = message.report
        counts = ", ".join(f"{n} {audit_view.SEVERITY_LABELS.get(s, s)}"
                           for s, n in report.by_severity().items())
        self.query_one("#audit-status", Label).update(
            f"{len(report.findings)} rilievi al {report.as_of:%d/%m/%Y}: {counts or 'nessuno'} "
            f"({report.evaluations} valutazioni)")
        self.refill()
        if self.target.startswith("finding:"):
            await self.show(self.target)

    def refill(self) -> None:
        """Rebuild the rows for the current filter and order."""
        table = self.query_one("#findings", DataTable)
        table.clear()
        if self.report is None or not table.columns:  # columns come with the first resize
            return
        text = self.query_one("#audit-filter", Input).value
        kept = audit_view.rows(self.report.findings, text, self.sort_column, self.reverse)
        for index, finding in kept:
            table.add_row(*audit_view.cells(finding), key=str(index))
        self.query_one("#audit-count", Label).update(
            audit_view.counter(len(kept), len(self.report.findings), bool(text.strip())))
        self._refill_timer = None

    @on(Input.Changed, "#audit-filter")
    def _filter(self) -> None:
        # Rebuild once typing pauses: thousands of rows per key would slow the typing down.
        if self._refill_timer is not None:
            self._refill_timer.stop()
        self._refill_timer = self.set_timer(self.FILTER_DELAY, self.refill)

    @on(Input.Submitted, "#audit-filter")
    def _to_table(self) -> None:
        if self._refill_timer is not None:  # Invio applies the filter at once
            self._refill_timer.stop()
            self.refill()
        self.query_one("#findings", DataTable).focus()

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self.reverse = not self.reverse if column == self.sort_column else False
        self.sort_column = column
        self.refill()

    def action_sort_next(self) -> None:
        """Sort by the next column."""
        keys = [key for key, _ in audit_view.COLUMNS]
        self.sort_column = keys[(keys.index(self.sort_column) + 1) % len(keys)]
        self.reverse = False
        self.refill()
        self.notify(f"Ordinati per {dict(audit_view.COLUMNS)[self.sort_column].lower()}")

    @on(DataTable.RowSelected, "#findings")
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.go(self.MODE, f"finding:{event.row_key.value}")

    async def show(self, target: str) -> None:
        """``finding:<n>`` opens the n-th finding; anything else shows the table."""
        self.target = target
        if not target.startswith("finding:") or self.report is None:
            self.remove_class("-detail")
            return
        index = int(target.partition(":")[2])
        if not 0 <= index < len(self.report.findings):
            return
        finding = self.report.findings[index]
        corpus = self.app.corpus
        await self.query_one("#finding-md", Markdown).update(
            audit_view.finding_markdown(corpus, finding))
        cites = [(unit_href(u.eid), f"↪ {u.citation}  (apri il comma)") for c in finding.citations
                 if (u := corpus.by_citation(c)) is not None]
        self.query_one("#finding-cites", RefList).set_refs(cites)
        self.add_class("-detail")
        self.query_one("#finding-cites", RefList).focus()

    def action_close_detail(self) -> None:
        """Back to the table, on the finding that was open."""
        if not self.has_class("-detail"):
            return
        self.remove_class("-detail")
        self.target = ""
        self.app.history.visit(self.location)
        self.query_one("#findings", DataTable).focus()

    def action_focus_filter(self) -> None:
        """Into the filter box."""
        self.action_close_detail()
        self.query_one("#audit-filter", Input).focus()

    def action_deadlines(self) -> None:
        """Open the Scadenze view over the table."""
        from ordina.tui.screens.deadlines import DeadlinesScreen

        self.app.push_screen(DeadlinesScreen())
