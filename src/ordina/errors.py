"""Errors a user can meet. Each says what was wrong and what to do, in Italian.

The CLI turns :class:`UserError` into exit code 2 and a one-line message on stderr;
anything else is an internal error (exit 1), still without a traceback.
"""

from __future__ import annotations


class OrdinaError(Exception):
    """Base class of every error ordina raises on purpose."""


class UserError(OrdinaError):
    """Bad input or an unknown reference: exit code 2."""

    exit_code = 2


class UnknownReference(UserError):
    """A reference ("art. 95", "all. Z") that is not in the indexed regulation."""

    def __init__(self, ref: str, suggestions: list[str] | None = None) -> None:
        self.ref = ref
        self.suggestions = suggestions or []
        hint = (
            "; forse cercavi: " + ", ".join(self.suggestions)
            if self.suggestions
            else "; usa per esempio 'art. 88 c. 3' o 'all. D'"
        )
        super().__init__(f"riferimento sconosciuto: '{ref}'{hint}")
