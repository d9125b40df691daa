"""The Textual app: ask, read, follow references, interview, audit.

Only ``ordina`` with no subcommand and ``ordina serve`` import this package, so the
other commands never pay for Textual.
"""
