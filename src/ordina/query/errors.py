"""Friendly parse errors: which word broke the question, and the forms that would work.

Lark reports *where* an LALR parse failed (the parser state). ``match_examples`` maps
that state to a label by re-parsing a catalogue of known-bad inputs; each label carries
an Italian message and the closest supported forms. The catalogue is data, unit-tested
(every example must fail with its own label).
"""

from __future__ import annotations

from dataclasses import dataclass

from ordina.query._lark import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from ordina.query.normalize import Normalized, normalize


@dataclass(frozen=True)
class ErrorKind:
    """One entry of the catalogue."""

    label: str
    message: str
    forms: tuple[str, ...]
    examples: tuple[str, ...]


CATALOGUE: tuple[ErrorKind, ...] = (
    ErrorKind(
        "numero_articolo_mancante",
        "dopo «art.» ci vuole il numero dell'articolo",
        ("art. 88", "art. 88 c. 3", "articolo 17"),
        ("art.", "cosa dice l'art.?", "art. ottantotto", "mostra art. del regolamento",
         "art. ?", "art. c. 3"),
    ),
    ErrorKind(
        "numero_comma_mancante",
        "dopo «c.» o «comma» ci vuole il numero del comma",
        ("art. 88 c. 3", "articolo 88 comma 3"),
        ("art. 88 c.", "art. 88 comma", "articolo 88 comma tre", "art. 88 c. ?",
         "art. 87 c. lett. d"),
    ),
    ErrorKind(
        "lettera_mancante",
        "dopo «lett.» ci vuole la lettera (a, b, c...)",
        ("art. 87 c. 1 lett. d", "art. 87 comma 2 lettera a"),
        ("art. 87 c. 1 lett.", "art. 87 lett.", "art. 87 c. 1 lett. 4", "art. 87 c. 1 lett. dd",
         "art. 87 c. 2 lettera ?"),
    ),
    ErrorKind(
        "lettera_allegato_mancante",
        "dopo «all.» ci vuole la lettera dell'allegato (A-G)",
        ("all. D", "allegato G"),
        ("all.", "mostra all.", "all. 5", "all. ?", "chi cita all. del regolamento"),
    ),
    ErrorKind(
        "testo_ricerca_mancante",
        "dopo «cerca» scrivi che cosa cercare",
        ("cerca patrocinio legale", "cerca mansioni superiori"),
        ("cerca", "cerca?", "search", "trova", "cerca:", "find"),
    ),
    ErrorKind(
        "importo_mancante",
        "dopo «€» ci vuole l'importo",
        ("€ 1.500", "1.500 euro", "1.500,00 €"),
        ("€", "incarico da €", "compenso € euro", "€?"),
    ),
    ErrorKind(
        "percentuale_senza_numero",
        "il simbolo «%» va dopo un numero",
        ("part-time al 40%", "40 per cento"),
        ("%", "part-time al %", "maggiorazione % del 25"),
    ),
)

_BY_LABEL = {kind.label: kind for kind in CATALOGUE}


@dataclass(frozen=True)
class FriendlyError:
    """A parse error explained: message, the offending word, caret context, suggestions."""

    label: str | None
    message: str
    word: str
    context: str
    forms: tuple[str, ...]

    def render(self) -> str:
        """Markdown-friendly text for the answer (message, caret, suggestions)."""
        lines = [self.message, "", "```", self.context, "```"]
        if self.forms:
            lines.append("Forme accettate: " + ", ".join(f"«{f}»" for f in self.forms) + ".")
        return "\n".join(lines)

    def one_line(self) -> str:
        forms = ("; prova: " + ", ".join(f"'{f}'" for f in self.forms)) if self.forms else ""
        return f"{self.message}{forms}"


def _examples() -> dict[str, list[str]]:
    return {kind.label: [normalize(e).text for e in kind.examples] for kind in CATALOGUE}


def classify(exc: UnexpectedInput, text: str) -> str | None:
    """The catalogue label of a parse error of normalised ``text`` (None when unknown)."""
    from ordina.query.parser import get_parser

    parser = get_parser()
    try:
        return exc.match_examples(parser.parse, _examples(), token_type_match_fallback=True,
                                  use_accepts=True)
    except Exception:  # noqa: BLE001 - a classifier must never turn an error into a crash
        return None


def error_position(exc: UnexpectedInput, norm: Normalized) -> int:
    """Offset in the normalised text where the parse broke."""
    if isinstance(exc, UnexpectedToken):
        token = exc.token
        if token.type == "$END" or token.start_pos is None:
            return len(norm.text)
        return int(token.start_pos)
    if isinstance(exc, UnexpectedCharacters):
        return int(exc.pos_in_stream)
    return len(norm.text)


def caret(original: str, pos: int, width: int = 30) -> str:
    """Two lines: the text around ``pos`` and a caret under it."""
    flat = original.replace("\n", " ").replace("\t", " ")
    start = max(0, pos - width)
    end = min(len(flat), pos + width)
    prefix = "..." if start > 0 else ""
    suffix = "..." if end < len(flat) else ""
    snippet = prefix + flat[start:end] + suffix
    return snippet + "\n" + " " * (len(prefix) + pos - start) + "^"


def explain(exc: UnexpectedInput, norm: Normalized) -> FriendlyError:
    """Turn a Lark error on ``norm.text`` into a :class:`FriendlyError`."""
    pos = error_position(exc, norm)
    orig_pos = norm.original_pos(pos)
    rest = norm.original[orig_pos:].split()
    word = rest[0] if rest else ""
    label = classify(exc, norm.text)
    kind = _BY_LABEL.get(label or "")
    where = (f"Non ho capito la domanda vicino a «{word}»" if word
             else "La domanda si interrompe troppo presto")
    if kind is not None:
        message = f"{where}: {kind.message}."
        forms = kind.forms
    else:
        message = f"{where}."
        forms = ()
    return FriendlyError(label, message, word, caret(norm.original, orig_pos), forms)
