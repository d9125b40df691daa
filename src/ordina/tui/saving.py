"""Where the app saves what the user exports: a folder that exists, said in full.

Textual's terminal driver writes to ``~/Downloads`` whether or not it exists; on a
server or a fresh account it often does not, and the file is silently lost.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs


def export_folder(preferred: str | Path | None = None) -> Path:
    """``preferred`` (created if needed), else the first existing of the user's
    downloads folder, documents folder and home."""
    if preferred is not None:
        folder = Path(preferred).expanduser()
        folder.mkdir(parents=True, exist_ok=True)
        return folder.resolve()
    for candidate in (platformdirs.user_downloads_path(), platformdirs.user_documents_path(),
                      Path.home()):
        if candidate.is_dir():
            return candidate.resolve()
    return Path.cwd()
