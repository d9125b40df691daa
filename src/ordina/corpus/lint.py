"""What a Segretario must fix before adoption: ``ordina lint``.

Each rule reads the corpus and yields findings with the citation, the words as
written, why they are a problem and the suggested fix. Rules: blank placeholders,
editorial notes left in, references that do not resolve or cannot be right, repealed
or renamed sources, terms superseded by the CCNL Funzioni Locali of 16.11.2022,
numbering anomalies, and headings that the INDICE or the list of allegati give
differently from the bodies.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import NamedTuple

from ordina.corpus.model import Corpus, Unit
from ordina.corpus.parser import next_letters

ERROR, WARNING, INFO = "errore", "avviso", "info"
SEVERITIES = (ERROR, WARNING, INFO)

#: The contract that replaced posizioni organizzative and categorie (Titolo III,
#: ordinamento professionale): signed 16 November 2022.
CCNL_FL = "CCNL Funzioni Locali 2019-2021 del 16.11.2022 (Titolo III, ordinamento professionale)"
AREAS = {"A": "area degli Operatori", "B": "area degli Operatori esperti",
         "C": "area degli Istruttori", "D": "area dei Funzionari e dell'Elevata Qualificazione"}


@dataclass
class Finding:
    """One problem in the text, where it is and what to do about it."""

    code: str
    severity: str
    citation: str
    quote: str
    why: str
    fix: str
    eid: str | None = None
    line: int | None = None
    start: int | None = None
    end: int | None = None
    """Where ``quote`` sits in the unit's text (for highlighting beside it)."""

    def to_dict(self) -> dict:
        """JSON-ready fields."""
        return asdict(self)


Rule = Callable[[Corpus], Iterable[Finding]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    """Register a lint rule (kept in the order they are defined)."""
    RULES.append(fn)
    return fn


def _text_units(corpus: Corpus, kinds: tuple[str, ...] = ("comma", "lettera", "trattino",
                                                           "articolo", "allegato")) -> Iterator[Unit]:
    for unit in corpus.units.values():
        if unit.kind in kinds and unit.text and unit.eid != "org":
            yield unit


def _finding(code: str, severity: str, unit: Unit, m: re.Match[str] | None, why: str, fix: str,
             quote: str | None = None) -> Finding:
    text = unit.text
    if m is not None and quote is None:
        a, b = max(0, m.start() - 30), min(len(text), m.end() + 30)
        a = text.rfind(" ", 0, m.start() - 30) + 1 if a > 0 else 0
        quote = ("…" if a > 0 else "") + text[a:b].strip() + ("…" if b < len(text) else "")
    return Finding(code, severity, unit.citation, quote or text[:120], why, fix, eid=unit.eid,
                   line=unit.line or None, start=m.start() if m else None,
                   end=m.end() if m else None)


# ---------------------------------------------------------------- placeholders

_NUMBER_BLANK = re.compile(r"\bn\.\s*(?:del\s*)?(?=[;,)]|e\b|$)", re.MULTILINE)
_DOTS_BLANK = re.compile(r"…{2,}\.*|\.{4,}")
_HEADER_BLANK = re.compile(r"^\s*(comune|provincia)\s+di\s*$", re.IGNORECASE)


@rule
def placeholders(corpus: Corpus) -> Iterator[Finding]:
    """Blanks left by the model: "deliberazione n. del ;", "articoli ………… del regolamento"."""
    for unit in _text_units(corpus):
        for m in _NUMBER_BLANK.finditer(unit.text):
            yield _finding("segnaposto", ERROR, unit, m,
                           "numero (e data) dell'atto lasciati in bianco dal modello",
                           "inserire numero e data della deliberazione citata")
        for m in _DOTS_BLANK.finditer(unit.text):
            yield _finding("segnaposto", ERROR, unit, m,
                           "puntini lasciati al posto di un riferimento da completare",
                           "completare con gli articoli e il nome del regolamento citato, "
                           "o togliere l'inciso")
    for skipped in getattr(corpus, "skipped", []):
        if _HEADER_BLANK.match(skipped.text):
            yield Finding("segnaposto", ERROR, f"intestazione, riga {skipped.line}",
                          skipped.text.strip(), "il nome del Comune (o della Provincia) manca",
                          "completare l'intestazione", line=skipped.line)


# ---------------------------------------------------------------- editorial notes

_NOTES = [
    (re.compile(r"\bNON CAPISCO\b[^.;\n]*"), "nota di chi ha redatto il testo, non una norma"),
    (re.compile(r"\(NB\b[^)]*\)"), "nota per il redattore («NB …») lasciata nel testo"),
    (re.compile(r"\(In aggiunta si può[^)]*\)", re.IGNORECASE),
     "opzione del modello di regolamento lasciata tra parentesi: va scelta, non citata"),
]
_SHOUTING = re.compile(r"\b[A-ZÀ-Ý]{2,}(?:\s+[A-ZÀ-Ý’']{2,}){3,}\b")


@rule
def editorial_notes(corpus: Corpus) -> Iterator[Finding]:
    """Notes of the drafter left in the text ("NON CAPISCO LA PARTE SUCCESSIVA", "(NB …)")."""
    for unit in _text_units(corpus, ("comma", "lettera", "trattino", "articolo")):
        seen: list[tuple[int, int]] = []
        for pattern, why in _NOTES:
            for m in pattern.finditer(unit.text):
                seen.append((m.start(), m.end()))
                yield _finding("nota-redazionale", ERROR, unit, m, why,
                               "eliminare la nota e, se serve, riscrivere la disposizione",
                               quote=m.group())
        for m in _SHOUTING.finditer(unit.text):
            if not any(a <= m.start() < b for a, b in seen):
                yield _finding("nota-redazionale", WARNING, unit, m,
                               "frase tutta in maiuscolo dentro un comma: sembra una nota",
                               "verificare e togliere se non è testo normativo", quote=m.group())


# ---------------------------------------------------------------- references

@rule
def references(corpus: Corpus) -> Iterator[Finding]:
    """Every reference that does not resolve, or that cannot be right."""
    for ref in corpus.refs.problems():
        unit = corpus.units.get(ref.source)
        if unit is None:
            continue
        if "non precede" in ref.problem or "non segue" in ref.problem:
            code, severity = "rinvio-impossibile", ERROR
        elif ref.kind == "esterno":
            code, severity = "atto-da-verificare", ERROR
        else:
            code, severity = "rinvio-non-risolto", ERROR
        yield Finding(code, severity, unit.citation, ref.text, ref.problem,
                      ref.suggestion or "correggere il rinvio", eid=unit.eid,
                      line=unit.line or None, start=ref.start, end=ref.end)


@rule
def repealed_sources(corpus: Corpus) -> Iterator[Finding]:
    """References to acts that were repealed, with what governs the matter now."""
    from ordina.corpus.acts import known_acts

    table = known_acts()
    for ref in corpus.refs.refs:
        act = table.by_key(ref.act) if ref.act else None
        if act is None or act.repealed is None or ref.source not in corpus.units:
            continue
        now = table.by_key(act.repealed.now) if act.repealed.now else None
        since = act.repealed.since.strftime("%d/%m/%Y")
        unit = corpus.units[ref.source]
        fix = (f"citare il {now.long_citation} ({now.title})" if now
               else "citare la disciplina vigente")
        if ref.article:
            fix += f" e la disposizione che oggi corrisponde all'art. {ref.article}"
        yield Finding("fonte-abrogata", WARNING, unit.citation, ref.text,
                      f"{act.long_citation} è abrogato dal {act.repealed.by}, dal {since}", fix,
                      eid=unit.eid, line=unit.line or None, start=ref.start, end=ref.end)


class Renamed(NamedTuple):
    """A name that no longer exists, why, and what to write instead."""

    pattern: re.Pattern[str]
    why: str
    fix: str


#: Bodies and instruments renamed or replaced since the model was written.
RENAMED = [
    Renamed(
        pattern=re.compile(r"\bCIVIT\b|Commissione per la valutazione, la trasparenza e "
                           r"l[’']integrit", re.IGNORECASE),
        why=("la CIVIT è diventata Autorità nazionale anticorruzione (ANAC: L. 190/2012, "
             "art. 1 c. 2; D.L. 101/2013, art. 5); le sue funzioni sulla performance sono "
             "passate al Dipartimento della funzione pubblica (D.L. 90/2014, art. 19 c. 9)"),
        fix=("scrivere «ANAC» per trasparenza e anticorruzione, «Dipartimento della funzione "
             "pubblica» per la valutazione della performance")),
    Renamed(
        pattern=re.compile(r"Regioni e (?:delle )?Autonomie Locali", re.IGNORECASE),
        why="il comparto Regioni-Autonomie locali è oggi il comparto Funzioni Locali",
        fix="citare il «CCNL del comparto Funzioni Locali»"),
    Renamed(
        pattern=re.compile(r"relazione previsionale e programmatica", re.IGNORECASE),
        why=("la Relazione previsionale e programmatica è stata sostituita dal Documento unico "
             "di programmazione (DUP, art. 170 TUEL come modificato dal D.Lgs. 126/2014)"),
        fix="scrivere «Documento unico di programmazione (DUP)»"),
    Renamed(
        pattern=re.compile(r"programma triennale per la trasparenza e l[’']integrità",
                           re.IGNORECASE),
        why=("il programma triennale per la trasparenza è confluito nel piano anticorruzione "
             "(D.Lgs. 97/2016) e poi nel PIAO (D.L. 80/2021, art. 6)"),
        fix="citare la sezione «Rischi corruttivi e trasparenza» del PIAO"),
]


@rule
def renamed_sources(corpus: Corpus) -> Iterator[Finding]:
    """Names of bodies and instruments that no longer exist under that name."""
    for unit in _text_units(corpus):
        for renamed in RENAMED:
            m = renamed.pattern.search(unit.text)
            if m:
                yield _finding("fonte-rinominata", WARNING, unit, m, renamed.why, renamed.fix,
                               quote=m.group())


# ---------------------------------------------------------------- superseded terms

_PO = re.compile(r"\bposizion[ei]\s+organizzativ[ae]\b|\bP\.\s?O\.?(?![\w])|\btitolar[ei]\s+di\s+"
                 r"posizione\b|\bresponsabil[ei]\s+di\s+(?:P\.\s?O|posizione)\b"
                 r"|\balt[ae]\s+professionalit[àa]", re.IGNORECASE)
_CATEGORY = re.compile(r"\bcategori[ae]\b(?:\s+(?:giuridic[ae]\s+)?(?P<letter>[ABCD])[1-6]?\b)?"
                       r"|\bposizion[ei]\s+(?P<pos>[ABCD])[1-6]\b", re.IGNORECASE)


@rule
def superseded_terms(corpus: Corpus) -> Iterator[Finding]:
    """Posizioni organizzative and categorie A/B/C/D, replaced by the 2022 contract."""
    for unit in _text_units(corpus):
        m = _PO.search(unit.text)
        if m:
            yield _finding("termine-superato", INFO, unit, m,
                           f"dal {CCNL_FL} le posizioni organizzative sono «incarichi di "
                           "Elevata Qualificazione» (EQ)",
                           "sostituire con «incarico di Elevata Qualificazione (EQ)» e "
                           "«titolare di incarico di EQ»", quote=m.group())
        m = _CATEGORY.search(unit.text)
        if m:
            letter = (m.group("letter") or m.group("pos") or "").upper()
            target = AREAS.get(letter)
            fix = (f"categoria {letter} -> {target}" if target else
                   "usare le aree: A -> Operatori, B -> Operatori esperti, C -> Istruttori, "
                   "D -> Funzionari e dell'Elevata Qualificazione")
            yield _finding("termine-superato", INFO, unit, m,
                           f"dal {CCNL_FL} le categorie A, B, C, D sono sostituite dalle aree",
                           fix, quote=m.group())
    for table in corpus.of_kind("tabella"):
        header = [c.lower().strip(". ") for c in (table.rows or [[]])[0]]
        if any(c in ("cat", "categoria") for c in header):
            yield Finding("termine-superato", INFO, table.citation, " | ".join(table.rows[0]),
                          f"la tabella classifica i posti per categoria; dal {CCNL_FL} si usano "
                          "le aree",
                          "aggiungere o sostituire la colonna con l'area: B1/B3 -> Operatori "
                          "esperti, C -> Istruttori, D1/D3 -> Funzionari e EQ",
                          eid=table.eid, line=table.line or None)


# ---------------------------------------------------------------- numbering

@rule
def numbering(corpus: Corpus) -> Iterator[Finding]:
    """Parser anomalies (repeated or missing numbers, "Artico") and gaps in lettered lists."""
    first = min((u.line for u in corpus.articles if u.line), default=0)
    for a in corpus.anomalies:
        unit = _unit_at_line(corpus, a.line)
        named = re.search(r"\bart\. (\d+)", a.reason)
        target = unit or (corpus.get(f"art_{named.group(1)}") if named else None)
        where = (unit.citation if unit else
                 f"indice, riga {a.line}" if a.line < first else f"riga {a.line}")
        yield Finding("numerazione", WARNING, where, a.text, a.reason,
                      "correggere la numerazione o l'intestazione nel testo",
                      eid=target.eid if target else None, line=a.line)
    for comma in corpus.of_kind("comma"):
        letters = [corpus.units[c].num for c in comma.children
                   if corpus.units[c].kind == "lettera" and len(corpus.units[c].num) == 1]
        prev = ""
        for letter in letters:
            fine = letter == "a" if not prev else letter in next_letters(prev)
            if not fine:
                wanted = "a" if not prev else "/".join(sorted(next_letters(prev)))
                yield Finding("numerazione", WARNING, comma.citation,
                              f"lettere {', '.join(letters)}",
                              f"l'elenco passa dalla lettera «{prev or 'inizio'}» alla «{letter}»: "
                              f"manca la «{wanted}»",
                              "rinumerare le lettere o inserire quella mancante",
                              eid=comma.eid, line=comma.line or None)
                break
            prev = letter


def _unit_at_line(corpus: Corpus, line: int) -> Unit | None:
    best = None
    for unit in corpus.units.values():
        if (unit.line and unit.line <= line and unit.kind in ("articolo", "comma", "lettera")
                and (best is None or unit.line >= best.line)):
            best = unit
    return best if best is not None and line - best.line < 3 else None


# ---------------------------------------------------------------- index vs bodies

def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    from ordina.corpus.textutil import strip_accents

    def norm(s: str) -> str:
        return " ".join(strip_accents(s.lower().replace("’", "'")).split())

    return fuzz.token_set_ratio(norm(a), norm(b))


_TITLE_IN_HEADING = re.compile(r"\btitolo\s+([IVXL]+|\d+)\s*°?", re.IGNORECASE)


@rule
def index_headings(corpus: Corpus) -> Iterator[Finding]:
    """The INDICE and the list of allegati must name things as the bodies do."""
    from ordina.corpus.citations import int_to_roman

    allegati = {u.num: u for u in corpus.of_kind("allegato")}
    for entry in corpus.index_entries:
        if entry.kind == "allegato":
            yield from _allegato_entry(entry, allegati)
            continue
        unit = corpus.get(f"art_{entry.num}" if entry.kind == "articolo" else f"title_{entry.num}")
        if unit is None:
            yield Finding("indice-difforme", ERROR, f"indice, riga {entry.line}", entry.text,
                          f"l'indice elenca {entry.kind} {entry.num}, che nel testo non c'è",
                          "togliere la voce o aggiungere la parte mancante", line=entry.line)
            continue
        m = _TITLE_IN_HEADING.search(entry.text)
        parent = corpus.get(unit.parent) if unit.parent else None
        if m and parent is not None and parent.kind == "titolo":
            named = m.group(1)
            named = int_to_roman(int(named)) if named.isdigit() else named.upper()
            if named != parent.num:
                yield Finding("indice-difforme", ERROR, f"indice, riga {entry.line}", entry.text,
                              f"la voce dell'indice parla del titolo {named}, ma "
                              f"{unit.citation} sta nel titolo {parent.num}",
                              f"scrivere «titolo {parent.num}» nell'indice",
                              eid=unit.eid, line=entry.line)
                continue
        if _similarity(entry.text, unit.heading) < 90:
            yield Finding("indice-difforme", WARNING, f"indice, riga {entry.line}", entry.text,
                          f"l'indice intitola {unit.citation} «{entry.text}», il testo "
                          f"«{unit.heading}»",
                          "allineare la rubrica dell'indice a quella del testo",
                          eid=unit.eid, line=entry.line)


def _allegato_entry(entry, allegati: dict[str, Unit]) -> Iterator[Finding]:
    body = allegati.get(entry.num)
    where = f"elenco allegati, riga {entry.line}"
    if body is None:
        yield Finding("allegati-elenco", ERROR, where, entry.text,
                      f"l'elenco nomina l'allegato {entry.num}, che non c'è",
                      "aggiungere l'allegato o togliere la voce", line=entry.line)
        return
    scores = {num: _similarity(entry.text, u.heading) for num, u in allegati.items()}
    own = scores[entry.num]
    best = max(scores, key=lambda n: scores[n])
    if own >= 80:
        return
    if best != entry.num and scores[best] > own + 5:
        why = (f"l'elenco chiama «{entry.text}» l'allegato {entry.num}, ma l'allegato "
               f"{entry.num} è «{body.heading}»; la voce descrive piuttosto l'allegato {best} "
               f"(«{allegati[best].heading}»)")
        fix = (f"riallineare l'elenco ai testi degli allegati (che concordano con gli articoli "
               f"che li citano): {entry.num} = «{body.heading}»")
    else:
        why = (f"l'elenco chiama «{entry.text}» l'allegato {entry.num}, ma il suo testo è "
               f"intitolato «{body.heading}»")
        fix = f"usare nell'elenco il titolo dell'allegato: «{body.heading}»"
    yield Finding("allegati-elenco", ERROR if own < 60 else WARNING, where, entry.text, why, fix,
                  eid=body.eid, line=entry.line)


@rule
def empty_allegati(corpus: Corpus) -> Iterator[Finding]:
    """An allegato with a title and nothing else."""
    for unit in corpus.of_kind("allegato"):
        lines = [ln for ln in unit.text.splitlines() if ln.strip()]
        if not unit.children and all(_similarity(ln, unit.heading) >= 90 for ln in lines):
            yield Finding("allegato-vuoto", ERROR, unit.citation, unit.heading or unit.citation,
                          "l'allegato ha solo il titolo: il contenuto manca",
                          "inserire il contenuto (es. l'organigramma) o togliere l'allegato e "
                          "i rinvii ad esso", eid=unit.eid, line=unit.line or None)


# ---------------------------------------------------------------- entry point

def lint(corpus: Corpus) -> list[Finding]:
    """Every finding of every rule, in document order."""
    order = {eid: i for i, eid in enumerate(corpus.units)}
    findings = [f for r in RULES for f in r(corpus)]
    return sorted(findings, key=lambda f: (order.get(f.eid or "", -1) if f.eid else -1,
                                           f.line or 0, f.start or 0))
