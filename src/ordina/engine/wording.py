"""The words the engine puts around a decision, in Italian (the source) and English.

Rule texts, citations and quotes stay in Italian, as the regulation says them; an English
question gets this frame in English around them. Each phrase is one entry: Italian first,
English beside it.
"""

from __future__ import annotations

import re

from ordina.answer import VERDICT_LABELS, VERDICT_LABELS_EN

#: key -> (Italian, English).
PHRASES: dict[str, tuple[str, str]] = {
    "missing": ("Mancano dati per decidere.", "Some facts are missing to decide."),
    "settled": ("Già accertato:", "Already established:"),
    "to_clarify": ("Da chiarire, nell'ordine:", "To clarify, in order:"),
    "read": ("Fatti letti:", "Facts read:"),
    "depends": ("Dipende da un solo fatto ({label})", "It depends on one fact ({label})"),
    "depends_first": ("Dipende anzitutto da {label}", "It depends first of all on {label}"),
    "bound": (("**{label}** ({cite}): è il caso più rigoroso tra quelli possibili, nessuno "
               "dei quali è vietato; chiariti i fatti qui sotto, può bastare meno."),
              ("**{label}** ({cite}): the strictest of the possible cases, none of which is "
               "prohibited; once the facts below are clear, less may be needed.")),
    "beside_bans": (("**{label}** ({cite}) per ogni attività che non sia vietata in sé: i "
                     "divieti di {bans} valgono comunque, e i fatti qui sotto dicono se uno "
                     "di essi ricorre."),
                    ("**{label}** ({cite}) for any activity not prohibited in itself: the bans "
                     "of {bans} apply regardless, and the facts below tell whether one does.")),
    "still_open": ("restano da chiarire altri fatti", "other facts remain to clarify"),
    "if_yes": ("se {label}: sì", "if {label}: yes"),
    "if_no": ("se {label}: no", "if {label}: no"),
    "if_value": ("se {label} è {value}", "if {label} is {value}"),
    "up_to": ("con {label} fino a {n}", "with {label} up to {n}"),
    "above": ("con {label} oltre {n}", "with {label} above {n}"),
    "between": ("con {label} oltre {a} e fino a {b}", "with {label} above {a} and up to {b}"),
    "below": ("con {label} sotto {n}", "with {label} below {n}"),
    "at_least": ("con {label} di almeno {n}", "with {label} of at least {n}"),
    "other": ("altro", "other"),
    "rule_it": ("", "The rule, in the regulation's words:"),
}



def say(key: str, lang: str = "it", **values: object) -> str:
    """The phrase ``key`` in ``lang`` ("en" or Italian), with ``{placeholders}`` filled."""
    it, en = PHRASES[key]
    text = en if lang == "en" else it
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def verdict_label(verdict: str | None, lang: str = "it") -> str:
    """The verdict in words for people, in ``lang``."""
    labels = VERDICT_LABELS_EN if lang == "en" else VERDICT_LABELS
    return labels.get(verdict or "", "")


#: The engine's own Italian sentences around the rules (not the rules' words), and their
#: English form: (Italian pattern, English replacement).
FRAME_EN: tuple[tuple[str, str], ...] = (
    (r"Sui fatti noti non ricorrono i divieti di (.+?)\.$",
     r"On the known facts none of the bans of \1 applies."),
    (r"Sui fatti noti non ricorre il divieto dell'(art\. [^(]+?)(?: \((.+)\))?\.$",
     r"On the known facts the ban of \1 does not apply."),
    (r"^A condizione che non ricorrano i divieti ancora da verificare: (.+)$",
     r"Provided that these bans, still to be verified, do not apply: \1"),
    (r"^Mancano dati per decidere\.$", "Some facts are missing to decide."),
    (r"^Dal database: (.+)$", r"From the database: \1"),
    # the evaluation check's score (art. 22 c. 2, allegati E, F, G)
    ((r"^Punteggio \*\*(.+?)\*\* su 100\. L'indennità di risultato non spetta \(serve più "
     r"di (\d+) punti\)\.$"),
     (r"Score **\1** out of 100. The result allowance is not due (it needs more than \2 "
     r"points).")),
    ((r"^Punteggio \*\*(.+?)\*\* su 100\. L'indennità di risultato spetta \(più di (\d+) "
     r"punti\), in proporzione al punteggio\.$"),
     (r"Score **\1** out of 100. The result allowance is due (more than \2 points), in "
     r"proportion to the score.")),
    (r"^Punteggio \*\*(.+?)\*\* su 100\. Indennità di risultato: \*\*(.+?)\*\*\.$",
     r"Score **\1** out of 100. Result allowance: **\2**."),
    (r"^Punteggio \*\*(.+?)\*\* su 100\.$", r"Score **\1** out of 100."),
    ((r"^Valutazione (\d+) \(scheda dell'allegato (\w+)\): (.+?) punti \(dal database "
     r"\(valutazioni di (.+)\)\)\.$"),
     (r"Evaluation \1 (scorecard of allegato \2): \3 points (from the database: evaluations "
     r"of \4).")),
    (r"^Valutazione (\d+) \(scheda dell'allegato (\w+)\): (.+?) punti \((.+)\)\.$",
     r"Evaluation \1 (scorecard of allegato \2): \3 points (\4)."),
)


def frame_en(text: str) -> str:
    """``text`` with the engine's Italian frame sentences put in English, line by line."""
    lines = []
    for line in text.split("\n"):
        body = line.removeprefix("- ")
        for pattern, english in FRAME_EN:
            if re.search(pattern, body):
                body = re.sub(pattern, english, body)
                break
        lines.append(("- " if line.startswith("- ") else "") + body)
    return "\n".join(lines)


def joined_citations(cites: list[str] | tuple[str, ...], lang: str = "it") -> str:
    """ "art. 87 c. 1 lett. a, b e l": the lettere of one comma said once."""
    last = " and " if lang == "en" else " e "
    groups: dict[str, list[str]] = {}
    for cite in cites:
        head, sep, letter = cite.partition(" lett. ")
        groups.setdefault(head if sep else cite, []).append(letter if sep else "")
    parts = []
    for head, letters in groups.items():
        named = [x for x in letters if x]
        if not named:
            parts.append(head)
        else:
            said = named[0] if len(named) == 1 else ", ".join(named[:-1]) + last + named[-1]
            parts.append(f"{head} lett. {said}")
    return ", ".join(parts)

