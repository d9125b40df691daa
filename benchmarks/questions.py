"""Question banks (tests/bank/*.yaml): load them, check them against the format, score answers.

Shared by ``benchmarks/bench_questions.py`` and ``tests/test_question_bank.py``; it is kept out
of the ``ordina`` package because no user command needs it. The format is described in
``tests/bank/README.md``. Right means, together: the verdict equal to the expected one (``null``
means the answer gives no verdict), at least one decisive citation among the answer's citations
(or a unit inside one: ``art. 87 c. 1 lett. d`` is inside ``art. 87 c. 1``, ``art. 88 c. 6`` is
inside ``art. 88``) and every expected word in the answer text (``answer`` plus ``quote``), case-,
accent- and apostrophe-insensitive, a list inside the list giving alternatives.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
BANK_DIR = REPO / "tests" / "bank"

LANGS = ("it", "en")
VOICES = ("dipendente", "ufficio_personale", "segretario", "chiunque")
KINDS = ("lookup", "decision", "structure", "search", "calculation")
VERDICTS = ("consentito", "vietato", "autorizzazione", "comunicazione", "dati_mancanti")
#: Verdicts that decide; ``dati_mancanti`` asks instead of deciding.
DECIDED = frozenset(VERDICTS) - {"dati_mancanti"}
REQUIRED = ("id", "q", "lang", "voice", "kind", "verdict", "cite", "words")
OPTIONAL = ("as_of", "note")
#: Bank name -> the letter its ids start with (tests/bank/README.md).
ID_PREFIX = {"regolamento": "r", "personale": "p"}
SPLITS = ("tuning", "frozen")
_ID = re.compile(r"^[a-z][A-Za-z0-9-]*$")


class BankError(ValueError):
    """A bank file that does not follow the format; the message lists every problem."""


@dataclass(frozen=True)
class Entry:
    """One question of a bank, with what a right answer holds."""

    id: str
    q: str
    lang: str
    voice: str
    kind: str
    verdict: str | None
    cite: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]
    """Each item is a tuple of alternatives; one of them must appear."""
    as_of: date | None = None
    note: str | None = None
    bank: str = ""
    split: str = ""


@dataclass
class Score:
    """How one answer fared against one entry."""

    verdict_ok: bool
    cite_ok: bool
    missing_words: list[str] = field(default_factory=list)

    @property
    def words_ok(self) -> bool:
        return not self.missing_words

    @property
    def right(self) -> bool:
        return self.verdict_ok and self.cite_ok and self.words_ok


# --------------------------------------------------------------------------- files
def split_of(entry_id: str) -> str:
    """The split an id belongs to: ``frozen`` for one third of the ids, by hash."""
    return "frozen" if int(hashlib.sha1(entry_id.encode("utf-8")).hexdigest(), 16) % 3 == 0 \
        else "tuning"


def bank_of(path: Path) -> tuple[str, str]:
    """``tests/bank/regolamento.frozen.yaml`` -> ``("regolamento", "frozen")``.

    :raises BankError: a file name that is not ``<bank>.<tuning|frozen>.yaml``.
    """
    parts = path.name.split(".")
    if len(parts) != 3 or parts[2] != "yaml" or parts[1] not in SPLITS:
        raise BankError(f"{path.name}: il nome deve essere <banca>.tuning.yaml o "
                        f"<banca>.frozen.yaml")
    return parts[0], parts[1]


def bank_files(root: Path = BANK_DIR) -> list[Path]:
    """The bank files present, sorted by name."""
    return sorted(root.glob("*.yaml"))


def load_bank(path: Path) -> list[Entry]:
    """Read and check one bank file.

    :raises BankError: with every problem found (file, entry id, field), in Italian.
    """
    path = Path(path)
    bank, split = bank_of(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise BankError(f"{path.name}: YAML non valido: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise BankError(f"{path.name}: il file deve essere una lista di domande")
    problems: list[str] = []
    entries: list[Entry] = []
    for i, raw in enumerate(data, 1):
        where = f"{path.name}, voce {i}"
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            where += f" ({raw['id']})"
        found = entry_problems(raw, bank)
        if found:
            problems += [f"{where}: {p}" for p in found]
            continue
        entries.append(_entry(raw, bank, split))
    if problems:
        raise BankError("\n".join(problems))
    return entries


def entry_problems(raw: Any, bank: str) -> list[str]:
    """What is wrong with one raw entry (empty when it follows the format)."""
    if not isinstance(raw, dict):
        return ["ogni voce deve essere un dizionario (id, q, lang, ...)"]
    out = [f"manca il campo «{k}»" for k in REQUIRED if k not in raw]
    out += [f"campo sconosciuto «{k}»" for k in raw if k not in REQUIRED + OPTIONAL]
    entry_id = raw.get("id")
    if "id" in raw:
        if not isinstance(entry_id, str) or not _ID.match(entry_id):
            out.append("«id» deve essere una parola come r088-06-a")
        elif bank in ID_PREFIX and not entry_id.startswith(ID_PREFIX[bank]):
            out.append(f"gli id della banca {bank} iniziano con «{ID_PREFIX[bank]}»")
    if "q" in raw and (not isinstance(raw["q"], str) or not raw["q"].strip()):
        out.append("«q» deve essere il testo della domanda")
    for key, allowed in (("lang", LANGS), ("voice", VOICES), ("kind", KINDS)):
        if key in raw and raw[key] not in allowed:
            out.append(f"«{key}» deve essere uno di: {', '.join(allowed)}")
    if "verdict" in raw:
        verdict = raw["verdict"]
        if verdict is not None and verdict not in VERDICTS:
            out.append(f"«verdict» deve essere null o uno di: {', '.join(VERDICTS)}")
        elif raw.get("kind") == "decision" and verdict is None:
            out.append("una domanda di kind decision vuole un verdict")
        elif raw.get("kind") in KINDS and raw.get("kind") != "decision" and verdict is not None:
            out.append("solo le domande di kind decision hanno un verdict (le altre: null)")
    if "cite" in raw:
        cite = raw["cite"]
        if not isinstance(cite, list) or not cite or not all(
                isinstance(c, str) and c.strip() for c in cite):
            out.append("«cite» deve essere una lista non vuota di citazioni")
    if "words" in raw and _words(raw["words"]) is None:
        out.append("«words» deve essere una lista di parole o di liste di alternative")
    if "as_of" in raw and _date(raw["as_of"]) is None:
        out.append("«as_of» deve essere una data AAAA-MM-GG")
    if bank == "personale" and "as_of" not in raw:
        out.append("le domande della banca personale hanno sempre «as_of»")
    if "note" in raw and not isinstance(raw["note"], str):
        out.append("«note» deve essere un testo")
    return out


def _words(value: Any) -> tuple[tuple[str, ...], ...] | None:
    if not isinstance(value, list):
        return None
    out = []
    for item in value:
        alts = [item] if isinstance(item, str) else item
        if not isinstance(alts, list) or not alts or not all(
                isinstance(a, str) and a.strip() for a in alts):
            return None
        out.append(tuple(alts))
    return tuple(out)


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _entry(raw: dict, bank: str, split: str) -> Entry:
    return Entry(id=raw["id"], q=raw["q"], lang=raw["lang"], voice=raw["voice"],
                 kind=raw["kind"], verdict=raw["verdict"], cite=tuple(raw["cite"]),
                 words=_words(raw["words"]) or (), as_of=_date(raw.get("as_of"))
                 if "as_of" in raw else None, note=raw.get("note"), bank=bank, split=split)


# --------------------------------------------------------------------------- scoring
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"',
                              "«": '"', "»": '"', "\u00a0": " "})


def normalize(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: how words are compared."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(text.split())


def missing_words(words: tuple[tuple[str, ...], ...], text: str) -> list[str]:
    """The expected words (each a tuple of alternatives) of which no alternative is in ``text``."""
    haystack = normalize(text)
    return [" | ".join(alts) for alts in words
            if not any(normalize(a) in haystack for a in alts)]


def citation_covers(expected: str, got: str, corpus: Any = None) -> bool:
    """True when ``got`` is the unit ``expected`` names or a unit inside it.

    With a corpus both are resolved to units (so any spelling the corpus reads works) and
    ``got`` must have ``expected`` among its ancestors or be it; without one, the canonical
    citations are compared as text (``art. 88`` covers ``art. 88 c. 6``, not ``art. 8``).
    """
    if corpus is not None:
        exp_unit, got_unit = _unit(corpus, expected), _unit(corpus, got)
        if exp_unit is not None and got_unit is not None:
            eid: str | None = got_unit.eid
            while eid is not None:
                if eid == exp_unit.eid:
                    return True
                parent = corpus.get(eid)
                eid = parent.parent if parent is not None else None
            return False
    exp, found = " ".join(expected.split()).lower(), " ".join(got.split()).lower()
    return found == exp or found.startswith(exp + " ")


def _unit(corpus: Any, ref: str) -> Any:
    unit = corpus.by_citation(ref)
    if unit is not None:
        return unit
    from ordina.errors import UserError  # only when a corpus is given: ordina is importable

    try:
        return corpus.resolve(ref)
    except UserError:  # an unreadable citation simply covers nothing
        return None


def answer_text(answer: Any) -> str:
    """What the user reads: the answer and the quoted decisive words."""
    return "\n".join(part for part in (getattr(answer, "answer", "") or "",
                                       getattr(answer, "quote", None) or "") if part)


def score(answer: Any, entry: Entry, corpus: Any = None) -> Score:
    """Score one :class:`ordina.answer.Answer` against one entry."""
    got = list(getattr(answer, "citations", None) or [])
    return Score(
        verdict_ok=getattr(answer, "verdict", None) == entry.verdict,
        cite_ok=any(citation_covers(exp, g, corpus) for exp in entry.cite for g in got),
        missing_words=missing_words(entry.words, answer_text(answer)),
    )


def confident_wrong(answer: Any, entry: Entry) -> bool:
    """A decided verdict (not ``dati_mancanti``) different from the expected one."""
    verdict = getattr(answer, "verdict", None)
    return verdict in DECIDED and verdict != entry.verdict
