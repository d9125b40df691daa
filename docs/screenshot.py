"""Regenerate the README's picture of the app: ``python docs/screenshot.py``.

Textual draws the screen itself (``App.save_screenshot`` inside ``run_test``), on the
demo Comune at its reference date, after a real question to the engine.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from ordina.store.demo import REFERENCE_DATE
from ordina.tui.app import OrdinaApp

QUESTION = "un dipendente a tempo pieno può fare l'amministratore di una srl?"


async def main(out: Path, size: tuple[int, int] = (100, 30)) -> None:
    """Ask one question in the app and save the screen as SVG."""
    with tempfile.TemporaryDirectory() as tmp:
        app = OrdinaApp(db_path=str(Path(tmp) / "ordina.db"), as_of=REFERENCE_DATE, demo=True,
                        testing=True)
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press(*QUESTION, "escape", "enter")
            await app.workers.wait_for_complete()
            await pilot.pause(0.3)
            app.save_screenshot(filename=out.name, path=str(out.parent))
    print(f"scritto {out}")


if __name__ == "__main__":
    asyncio.run(main(HERE / "ordina-app.svg"))
