"""Widgets of the ordina app."""
