"""The README documents every store table and command (the table list is generated)."""

from __future__ import annotations

from pathlib import Path

from ordina.store.tables import SPECS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def table_list() -> str:
    """The README's list of tables and headers, generated from the specs."""
    lines = []
    for s in SPECS:
        cols = ", ".join(f"**{c.header}**" if c.required else c.header for c in s.columns)
        lines.append(f"- `{s.name}` — {s.description}; chiave: {', '.join(s.key)}. "
                     f"Colonne: {cols}")
    return "\n".join(lines)


def test_readme_lists_every_table_with_its_headers():
    start = README.index("<!-- store-tables -->") + len("<!-- store-tables -->\n")
    end = README.index("<!-- /store-tables -->")
    assert README[start:end].strip() == table_list()


def test_every_store_command_is_documented_and_has_help():
    from ordina.cli import build_parser

    parser = build_parser()
    choices = parser._subparsers._group_actions[0].choices
    for command in ("people", "units", "demo", "import", "export", "backup"):
        assert choices[command].description, command
        assert f"ordina {command}" in README, command
