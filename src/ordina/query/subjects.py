"""Who or what a question is about: a person, a unit, an office, the asker, or anyone.

Names are found three ways: exact (accent- and case-insensitive) matches of the
lexicon over every run of words; offices from the vocabulary ("il segretario");
and, when the lexicon does not know a name, words that look like one (capitalised, or
right after "di"/"employee"). An unknown name with a close match in the lexicon becomes a
clarification ("Rosi" -> "intendi Rossi?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ordina.query.lexicon import Entry, Lexicon
from ordina.query.model import Clarification, Subject
from ordina.query.parser import Item
from ordina.query.periods import FEASTS, MONTHS
from ordina.query.scan import NAME_MARKERS, NOT_NAMES, TITLES, Scan
from ordina.query.vocabulary import UNIT_WORDS, office_label
from ordina.textfold import fold


@dataclass(frozen=True)
class NameMatch:
    """Words of the question that name an entry of the lexicon."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


def _word_runs(scan: Scan) -> list[list[Item]]:
    """Maximal runs of consecutive word items (names live inside them)."""
    runs: list[list[Item]] = []
    current: list[Item] = []
    for item in scan.items:
        if item.kind == "word":
            current.append(item)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


#: Words right before a unit's name that make it the unit ("il capo della polizia municipale").
_HEAD_OF = re.compile(r"\b(?:responsabil\w*|resp\.?|capo|capi|dirigent\w*|comandant\w*|"
                      r"head|heads|chief|runs|dirige|guida)\s+(?:of\s+(?:the\s+)?|del|della|"
                      r"dello|dei|degli|delle|dell'\s?|di|al|alla|ai)\s*$")


def lexicon_matches(scan: Scan, lexicon: Lexicon) -> list[NameMatch]:
    """Longest exact lexicon matches over the word runs, left to right."""
    limit = max(1, lexicon.max_words())
    found: list[NameMatch] = []
    for run in _word_runs(scan):
        i = 0
        while i < len(run):
            hit = None
            for n in range(min(limit, len(run) - i), 0, -1):
                words = run[i:i + n]
                phrase = " ".join(w.value for w in words)
                if n == 1 and words[0].value.lower() in NOT_NAMES:
                    continue
                if all(scan.covered_by_term(w) for w in words) and not _HEAD_OF.search(
                        scan.lower[:words[0].start]):
                    # "polizia municipale" is a profile before it is a unit name, unless it
                    # is what someone heads ("il responsabile della polizia municipale")
                    continue
                entries = lexicon.lookup(phrase)
                if entries and n == 1 and not _looks_like_name(scan, run[i]):
                    entries = [e for e in entries if e.kind != "person"]
                if entries and n == 1 and _another_surname_follows(scan, run, i, entries):
                    # "Paolo Serra" is not Paolo Galli: a given name before a capitalised word
                    # that is no surname of theirs names someone the database does not hold
                    entries = [e for e in entries if e.kind != "person"]
                if entries:
                    hit = NameMatch(words[0].start, words[-1].end,
                                    scan.norm.original_span(words[0].start, words[-1].end),
                                    tuple(entries))
                    i += n
                    break
            if hit is None:
                i += 1
            else:
                found.append(hit)
    return found


def _another_surname_follows(scan: Scan, run: list[Item], i: int,
                             entries: list[Entry]) -> bool:
    """The word after a one-word person match is capitalised and is not the surname of any
    of them ("Paolo Serra" against Paolo Galli)."""
    if i + 1 >= len(run) or not any(e.kind == "person" for e in entries):
        return False
    nxt = run[i + 1]
    written = scan.norm.original_span(nxt.start, nxt.end)
    if not written[:1].isupper() or nxt.value.lower() in NOT_NAMES:
        return False
    word = fold(nxt.value)
    return not any(word in fold(e.name).split() for e in entries if e.kind == "person")


def _looks_like_name(scan: Scan, item: Item) -> bool:
    """A lone surname counts only when capitalised or after "di", "employee", "può"...

    So "quanto costa?" does not name Elisa Costa, while "obblighi di costa" does.
    """
    original = scan.norm.original_span(item.start, item.end)
    if original[:1].isupper():
        return True
    idx = scan.index(item)
    if idx == 0:
        return False
    prev = scan.items[idx - 1]
    if prev.kind == "word":
        return prev.value.lower().rstrip(".") in NAME_MARKERS | TITLES
    return prev.kind == "cue" and prev.value in (
        "PERMIT", "GENERIC", "WHO_IS", "SUBSTITUTE", "OBLIGATIONS", "INCOMPAT", "COMPETENT")


#: Markers that are also articles or prepositions of common words ("a side activity",
#: "per il servizio"): after them only a capitalised word is taken for a name.
_WEAK_MARKERS = frozenset({"a", "al", "alla", "per", "of", "for"})


#: Days and months by name ("a Natale", "ad Agosto"): dates, not unknown people (a person
#: so named is in the lexicon and found before the candidates).
_DATE_WORDS = frozenset(w for w in (*FEASTS, *MONTHS) if " " not in w and len(w) > 3)


def name_candidates(scan: Scan, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Words that look like a person's name but are not in the lexicon.

    A candidate is a word that is not a stopword nor vocabulary, and is either
    capitalised as typed (not a sentence-opening common word) or follows a name marker
    ("di", "employee", "dott."). Consecutive candidates form one name ("Mario Rossi").
    """
    items = scan.items
    out: list[tuple[int, int, str]] = []
    current: list[Item] = []

    def flush() -> None:
        if current:
            out.append((current[0].start, current[-1].end,
                        scan.norm.original_span(current[0].start, current[-1].end)))
            current.clear()

    for idx, item in enumerate(items):
        if item.kind != "word":
            flush()
            continue
        low = item.value.lower()
        original = scan.norm.original_span(item.start, item.end)
        if (low in NOT_NAMES or low in _DATE_WORDS or scan.covered_by_term(item)
                or any(s <= item.start < e for s, e in taken) or len(low) < 2
                or low.endswith("'")):
            flush()
            continue
        prev = items[idx - 1] if idx > 0 else None
        prev_low = prev.value.lower().rstrip(".") if prev is not None and prev.kind == "word" \
            else ""
        capitalised = original[:1].isupper() and not original.isupper() or (
            original.isupper() and len(original) > 2)
        marker = prev_low in NAME_MARKERS and (prev_low not in _WEAK_MARKERS or capitalised)
        after_marker = marker or prev_low in TITLES or bool(current)
        if prev is not None and prev.kind == "cue" and prev.value in ("GENERIC",):
            after_marker = True
        if capitalised or after_marker:
            current.append(item)
        else:
            flush()
    flush()
    return out


def find_subject(scan: Scan, lexicon: Lexicon, wants_name: bool,
                 skip: list[tuple[int, int]], prefer_staff: bool = False,
                 ) -> tuple[Subject | None, list[Clarification]]:
    """The subject of the question and any clarification it needs.

    :param wants_name: the intent is about a specific person/unit, so lowercase words
        after "di" may be a name ("obblighi di bianchi").
    :param skip: spans already used for something else (e.g. "dell'assessore" in a kinship).
    :param prefer_staff: among namesakes, the only one on the staff is meant (said in a
        note); else the namesakes are listed and asked.
    """
    clarifications: list[Clarification] = []
    matches = [m for m in lexicon_matches(scan, lexicon)
               if not any(s <= m.start < e for s, e in skip)]
    people = [m for m in matches if any(e.kind == "person" for e in m.entries)]
    office_spans = [(t.start, t.end) for t, _ in scan.offices()]
    # "del segretario" is the office, not «Ufficio del Segretario»: a unit alias that
    # is only an office word (no "ufficio"/"area" before it) names the office.
    units = [m for m in matches if any(e.kind == "unit" for e in m.entries)
             and not only_an_office_word(m, office_spans)]

    if people:
        match = people[0]
        entries = [e for e in match.entries if e.kind == "person"]
        staff = _only_staff_member(entries) if prefer_staff else None
        if staff is not None and not _after_political_office(scan, match):
            # "la Lodi" in the personnel office is the one Lodi on the staff: say so, and
            # name the others, rather than stop the answer on a question
            others = ", ".join(e.label for e in entries if e is not staff)
            clarifications.append(Clarification(
                "subject", f"Ho inteso «{match.text}» come {staff.label}, l'unica persona "
                           f"con questo nome nel personale (ci sono anche: {others})."))
            return Subject("person", match.text, staff.name, staff.key), clarifications
        placed = _namesake_of_the_unit(entries, units)
        if placed is not None:
            # "il Galli dell'Area Vigilanza": the unit named tells the namesakes apart
            clarifications.append(Clarification(
                "subject", f"Ho inteso «{match.text}» come {placed.label}."))
            return Subject("person", match.text, placed.name, placed.key), clarifications
        if len(entries) > 1:
            clarifications.append(Clarification(
                "subject", f"Ci sono {len(entries)} persone che si chiamano «{match.text}»: "
                           f"intendi {_choices(entries)}?",
                tuple(e.name for e in entries[:MAX_CANDIDATES])))
            return Subject("person", match.text), clarifications
        return Subject("person", match.text, entries[0].name, entries[0].key), clarifications
    if units:
        match = units[0]
        entry = next(e for e in match.entries if e.kind == "unit")
        text = _with_unit_word(scan, match)
        return Subject("unit", text, entry.name, entry.key), clarifications

    offices = [(t, v) for t, v in scan.offices()
               if not any(s <= t.start < e for s, e in skip)]
    unit_text = _unit_mention(scan, skip)
    taken = [(m.start, m.end) for m in matches] + list(skip) + \
        [(t.start, t.end) for t, _ in offices]
    candidates = [c for c in name_candidates(scan, taken)
                  if scan.norm.original_span(c[0], c[1])[:1].isupper()
                  or (wants_name and _nearest_prefix(lexicon, c[2])[1])]
    if unit_text is not None:
        candidates = [c for c in candidates if not (unit_text[0] <= c[0] < unit_text[1])]
    if candidates:
        text = candidates[0][2]
        text, near = _nearest_prefix(lexicon, text)
        if len(near) == 1:  # one letter off one person only: "Rosi" is Rossi, say so
            clarifications.append(Clarification(
                "subject", f"Ho inteso «{text}» come {near[0].label}."))
            return Subject("person", text, near[0].name, near[0].key), clarifications
        if near:
            clarifications.append(Clarification(
                "subject", f"Non conosco «{text}»: intendi {_choices(near)}?",
                tuple(e.name for e in near[:MAX_CANDIDATES])))
            return Subject("person", text), clarifications
        suggestions = lexicon.suggest(text)
        people_sugg = [e for e in suggestions if e.kind == "person"]
        if people_sugg:
            names = tuple(dict.fromkeys(e.name for e in people_sugg))
            clarifications.append(Clarification(
                "subject", f"Non conosco «{text}»: intendi {_or_list(names)}?", names))
        return Subject("person", text), clarifications
    if unit_text is not None:
        _start, _end, text = unit_text
        near_units = list({e.key: e for e in _near(lexicon, text) if e.kind == "unit"}.values())
        if len(near_units) == 1:  # one letter off one unit only: "servizi socali", say so
            unit = near_units[0]
            clarifications.append(Clarification("subject", f"Ho inteso «{text}» come {unit.name}."))
            return Subject("unit", text, unit.name, unit.key), clarifications
        suggestions = [e for e in lexicon.suggest(text) if e.kind == "unit"]
        if suggestions:
            names = tuple(dict.fromkeys(e.name for e in suggestions))
            clarifications.append(Clarification(
                "subject", f"Non conosco «{text}»: intendi {_or_list(names)}?", names))
        return Subject("unit", text), clarifications
    if offices:
        term, key = offices[0]
        # "responsabile dell'area tecnica" is about the unit, handled above; a bare office
        return Subject("office", scan.norm.original_span(term.start, term.end),
                       office_label(key), key), clarifications
    if scan.has("SELF") or _english_i(scan) or scan.cue_text("PERMIT") in (
            "posso", "possiamo", "potrei"):
        return Subject("self", "io"), clarifications
    generic = scan.cue("GENERIC")
    profile_terms = [(t, v) for t, v in scan.term_values("profile")
                     if not any(s <= t.start < e for s, e in skip)]
    if profile_terms:
        term, _value = profile_terms[0]
        return Subject("generic", scan.norm.original_span(term.start, term.end)), clarifications
    if generic is not None:
        return Subject("generic", scan.norm.original_span(generic.start, generic.end)), \
            clarifications
    return None, clarifications


#: Offices whose holder is not on the staff: "l'assessore Galli" is not Paolo Galli.
_POLITICAL_WORDS = ("sindaco", "assessore", "assessora", "consigliere", "consigliera",
                    "vicesindaco", "mayor", "councillor")


def _only_staff_member(entries: list[Entry]) -> Entry | None:
    """The one namesake with a unit of the Comune in the record (a member of staff), when
    there are several namesakes and exactly one of them is; else None."""
    if len(entries) < 2:
        return None
    staff = [e for e in entries if "," in getattr(e, "detail", "")]
    return staff[0] if len(staff) == 1 else None


#: Words before a name that make it the person stood in for ("al posto della Romano").
_STOOD_IN_FOR_BEFORE = re.compile(r"(?:al posto (?:di|del|della|dello|dell')|sostituir\w*|"
                                  r"(?:ferie|assenza|malattia|maternit\w*|congedo|aspettativa) "
                                  r"(?:di|del|della|dello|dell')|"
                                  r"sostituisce|in sostituzione (?:di|del|della|dello|dell')|"
                                  r"stand(?:s|ing)? in for|cover(?:s|ing)? for|replac\w*)"
                                  r"\s*(?:il|la|lo|l'|the)?\s*$", re.IGNORECASE)
#: Words after a name that make it the one away ("la Romano era in ferie").
_AWAY_AFTER = re.compile(r"^\s*(?:che\s+)?(?:e|è|era|sara|sarà|andasse|andra|andrà|va|fosse|"
                         r"resta|rimane|is|was|goes|went)\s+(?:\w+\s+)?(?:in ferie|in "
                         r"maternit\w*|in malattia|assente|in congedo|in aspettativa|on leave|"
                         r"on holiday|off sick|on sick leave|on maternity leave|away)"
                         r"|^\s*(?:si\s+)?(?:ammalasse|ammala|ammalera|ammalerà|e ammalat\w*|"
                         r"è ammalat\w*|assentasse|assenta|falls ill|fell ill|gets sick|got sick)",
                         re.IGNORECASE)
#: Words before a name that make it the one the duties are given to ("affidare alla Lodi").
_GIVEN_TO_BEFORE = re.compile(r"(?:affid\w*|assegn\w*|attribu\w*|confer\w*|dare|diamo|"
                              r"give|assign)\s+(?:[\w'’]+\s+){0,6}?(?:a|al|alla|allo|all'|to)\s*$",
                              re.IGNORECASE)


def people_named(scan: Scan, lexicon: Lexicon) -> int:
    """How many people of the lexicon the question names."""
    return sum(1 for m in lexicon_matches(scan, lexicon)
               if any(e.kind == "person" for e in m.entries))


def people_words(scan: Scan, lexicon: Lexicon) -> tuple[str, ...]:
    """The words of the question, as typed, that name people of the lexicon."""
    text = scan.norm.original
    return tuple(text[scan.norm.original_pos(m.start):scan.norm.original_pos(m.end)]
                 for m in lexicon_matches(scan, lexicon)
                 if any(e.kind == "person" for e in m.entries))


def stood_in_for(scan: Scan, lexicon: Lexicon) -> list[tuple[int, int]]:
    """The spans of people the question names as the ones away or stood in for ("la Lodi
    al posto della Romano", "se la Romano andasse in maternità"), when someone else is named
    too: the duties are the other one's, who is the subject."""
    people = [m for m in lexicon_matches(scan, lexicon)
              if any(e.kind == "person" for e in m.entries)]
    if len(people) < 2:
        return []
    text = scan.norm.original
    out = []
    given = []
    for m in people:
        start, end = scan.norm.original_pos(m.start), scan.norm.original_pos(m.end)
        if _STOOD_IN_FOR_BEFORE.search(text[max(0, start - 30):start]) or \
                _AWAY_AFTER.search(text[end:end + 50]):
            out.append((m.start, m.end))
        elif _GIVEN_TO_BEFORE.search(text[max(0, start - 60):start]):
            given.append(m)
    if not out and len(given) == 1:  # "…affidare alla Lodi…": the others are stood in for
        out = [(m.start, m.end) for m in people if m is not given[0]]
    return out if len(out) < len(people) else []


def _namesake_of_the_unit(entries: list[Entry], units: list[NameMatch]) -> Entry | None:
    """Of several namesakes, the one who works in the unit the question also names ("il
    Galli dei vigili", "Galli dell'Area Vigilanza"); None when no unit tells them apart."""
    if len(entries) < 2 or not units:
        return None
    names = {fold(e.name) for m in units for e in m.entries if e.kind == "unit"}
    found = [e for e in entries if any(n in fold(e.detail) for n in names)]
    return found[0] if len(found) == 1 else None


def _after_political_office(scan: Scan, match: NameMatch) -> bool:
    """ "l'assessore Galli", "del sindaco Sala": the name follows a political office."""
    before = scan.norm.original[:scan.norm.original_pos(match.start)].lower().split()
    return bool(before) and before[-1].strip("'’").split("'")[-1] in _POLITICAL_WORDS


def only_an_office_word(match: NameMatch, office_spans: list[tuple[int, int]]) -> bool:
    """The unit match is an office word without any unit word ("segretario")."""
    if any(w in UNIT_WORDS for w in match.text.lower().replace("'", " ").split()):
        return False
    return any(s < match.end and match.start < e for s, e in office_spans)


def _english_i(scan: Scan) -> bool:
    return any(i.kind == "word" and i.value == "I" for i in scan.items) or \
        bool(scan.search(r"(?<![\w'])(?:can|may|could|am)\s+i(?![\w'])"))


def _unit_mention(scan: Scan, skip: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """ "area Finanziaria", "servizio tributi": a unit word and the name words after it."""
    items = scan.items
    for idx, item in enumerate(items):
        if item.kind != "word" or item.value.lower() not in UNIT_WORDS:
            continue
        if scan.covered_by_term(item) or any(s <= item.start < e for s, e in skip):
            continue
        tail: list[Item] = []
        for nxt in items[idx + 1: idx + 4]:
            low = nxt.value.lower() if nxt.kind == "word" else ""
            if nxt.kind != "word" or scan.covered_by_term(nxt):
                break
            if low in NOT_NAMES and low not in ("di", "del", "della", "dei", "degli", "e"):
                break
            tail.append(nxt)
        while tail and tail[-1].value.lower() in ("di", "del", "della", "dei", "degli", "e"):
            tail.pop()
        if tail:
            return (item.start, tail[-1].end,
                    scan.norm.original_span(item.start, tail[-1].end))
    return None


def _with_unit_word(scan: Scan, match: NameMatch) -> str:
    return match.text


#: At most this many namesakes are listed; the rest are counted.
MAX_CANDIDATES = 10


def _nearest_prefix(lexicon: Lexicon, text: str) -> tuple[str, list[Entry]]:
    """The longest leading words of ``text`` one letter off a person ("Ferari still earn"
    -> "Ferari"), with those people; ``text`` and none when no prefix is."""
    words = text.split()
    for n in range(len(words), 0, -1):
        if n < len(words) and words[n][:1].isupper():
            break  # "Paolo Serra" is not one letter off Paola Greco: the surname is part of it
        head = " ".join(words[:n])
        near = [e for e in _near(lexicon, head) if e.kind == "person"]
        if near:
            return head, near
    return text, []


def _near(lexicon: Lexicon, text: str) -> list[Entry]:
    """Entries one letter away from ``text`` (lexicons without ``near`` give none)."""
    near = getattr(lexicon, "near", None)
    return list(near(text)) if near is not None else []


def _choices(entries: list[Entry] | tuple[Entry, ...]) -> str:
    """ "Mario Rossi (matr. M002, Area Finanziaria), ... o Luca Rossi (...)"; beyond
    :data:`MAX_CANDIDATES`, how many more there are."""
    shown = tuple(getattr(e, "label", e.name) for e in entries[:MAX_CANDIDATES])
    more = len(entries) - len(shown)
    if more > 0:
        return ", ".join(shown) + f" o una delle altre {more} persone (indica nome e matricola)"
    return _or_list(shown)


def _or_list(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " o " + names[-1]
