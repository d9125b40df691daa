"""One screen per tab of the app (Textual modes), plus modal dialogs."""
