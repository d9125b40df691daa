"""ordina: the Regolamento sull'ordinamento degli uffici e dei servizi, made answerable."""

__version__ = "0.1.0"
