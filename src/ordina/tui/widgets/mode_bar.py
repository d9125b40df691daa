"""The row of tabs at the top: one per app mode, each with its key, clickable."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

#: Tabs in order: mode, label, key.
TABS: tuple[tuple[str, str, str], ...] = (
    ("ask", "Domande", "F1"),
    ("read", "Regolamento", "F2"),
    ("search", "Cerca", "F3"),
    ("people", "Persone", "F4"),
    ("audit", "Verifiche", "F5"),
)


class ModeBar(Static):
    """Shows every tab with its function key and highlights the current one."""

    DEFAULT_CSS = """
    ModeBar { height: 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, current: str) -> None:
        super().__init__(id="mode-bar")
        self.current = current
        """The mode of the screen this bar belongs to."""

    def on_mount(self) -> None:
        """Render the tabs the app offers (a tab appears once its screen exists)."""
        self.update(self._render_tabs(self.current, set(self.app.MODES)))

    @staticmethod
    def _render_tabs(current: str, modes: set[str]) -> Content:
        parts: list[Content] = [Content.from_markup(" [b]ordina[/b] ")]
        for mode, label, key in TABS:
            if mode not in modes:
                continue
            style = "reverse bold" if mode == current else ""
            parts.append(Content.from_markup(
                f"[@click=app.go_mode('{mode}')][{style}] {key} {label} [/][/] "
                if style else f"[@click=app.go_mode('{mode}')] [dim]{key}[/dim] {label} [/] "
            ))
        return Content("").join(parts)
