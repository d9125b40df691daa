"""Structure questions: which articles make up a titolo, where a matter is regulated, which
articles cite a law, how many articles or allegati there are. Answered from the corpus's
structure and its reference graph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ordina.answer import Answer
from ordina.answerers.lookup import MIN_COVERAGE, Found, find, lead_in, searched_text
from ordina.corpus.model import Corpus, Unit
from ordina.corpus.refs import parse_act_reference, roman_to_int
from ordina.corpus.retrieve import comma_index, word_stems
from ordina.query import intents as I
from ordina.query.model import Query
from ordina.query.wording import fold_text, retrieval_terms

_TITOLO_RE = re.compile(r"\b(?:titolo|title|tit\.)\s+([ivxl]+|\d+)\b")
_COUNT_RE = re.compile(r"\b(?:quant[ie]|how many)\b")
_KINDS = {"articol": "articolo", "article": "articolo", "allegat": "allegato", "annex": "allegato",
          "titol": "titolo", "title": "titolo"}
_CITE_RE = re.compile(r"\b(?:cit|richiam|rinvi|riman|menzion|cite|refer|mention)\w*")
#: Question forms (``grammar/domande.yaml``) that ask for a fact of the text, not a place.
FACT_FORMS = frozenset({"chi", "quanti", "quanto", "durata", "termine", "frequenza", "casi",
                        "come", "cosa", "elenco"})
_WHERE_TITLE = re.compile(r"\b(?:quale|che|which|what)\s+(?:titolo|title)\b")


def answer_structure(query: Query, corpus: Corpus) -> Answer:
    """The answer to a question about how the regulation is made."""
    text = fold_text(query.text)
    english = query.lang == "en"
    placed = _where_the_unit_is(query, corpus, english)
    if placed is not None:
        return placed
    titolo = _titolo(corpus, text)
    kind = next((k for stem, k in _KINDS.items() if stem in text), None)
    if _CITE_RE.search(text):
        acts = parse_act_reference(query.text)
        if acts:
            return _citing_act(query, corpus, acts[0], english)
    if titolo is not None and kind in ("articolo", None):
        return _titolo_articles(query, corpus, titolo, english)
    if _COUNT_RE.search(text) and kind:
        return _count(query, corpus, kind, english)
    named = kind == "titolo" and titolo is not None  # "a quali incarichi non si applica il
    # titolo VII?" asks of that titolo, not for the list of titoli
    if kind in ("allegato", "titolo") and not named and re.search(
            r"\b(?:quali|which|elenc|list)", text):
        return _listing(query, corpus, kind, english)
    return _where(query, corpus, english, by_title=bool(_WHERE_TITLE.search(text)),
                  titolo=titolo)


def _where_the_unit_is(query: Query, corpus: Corpus, english: bool) -> Answer | None:
    """"L'art. 46 di cosa parla e in che titolo sta?": the unit named, its heading and its
    titolo, from the corpus's structure (None when the question names no unit)."""
    from ordina.errors import UnknownReference

    if not query.ref:
        return None
    try:
        unit = corpus.resolve(query.ref)
    except UnknownReference:
        return None
    article = corpus.get(unit.article_eid) if unit.article_eid else unit
    parent = corpus.get(article.parent or "") if article is not None else None
    while parent is not None and parent.kind != "titolo":
        parent = corpus.get(parent.parent or "") if parent.parent else None
    if article is None or parent is None:
        return None
    about = f" – {article.heading}" if article.heading else ""
    line = (f"**{article.citation}**{about}: it is in **{parent.citation}** ({parent.heading})."
            if english else
            f"**{article.citation}**{about}: è nel **{parent.citation}** ({parent.heading}).")
    return _answer(query, [line, "", _more_line(article, english)],
                   [article.citation, parent.citation])


def _more_line(article: Unit, english: bool) -> str:
    """Where to read the article whole."""
    command = f'`ordina article "{article.citation}"`'
    return f"Full text: {command}." if english else f"Testo completo: {command}."


def _titolo(corpus: Corpus, text: str) -> Unit | None:
    m = _TITOLO_RE.search(text)
    if not m:
        return _titolo_about(corpus, text)
    num = m.group(1)
    roman = num.upper() if not num.isdigit() else _to_roman(int(num))
    return corpus.get(f"title_{roman}")


#: "il titolo sul ciclo della performance", "the title on outside jobs": a titolo named by
#: what it is about.
_TITOLO_ABOUT = re.compile(r"\b(?:titolo|title|parte|part|sezione|section)\s+"
                           r"(?:del regolamento\s+|of the regulation\s+)?"
                           r"(?:su|sul|sullo|sulla|sui|sugli|sulle|"
                           r"dedicat[ao]\s+\w+|che\s+(?:disciplina|regola|tratta)|on|about|"
                           r"covering|dealing with)\s+(.+)|"
                           # "quali sono gli articoli delle disposizioni finali?"
                           r"\b(?:quali|which)\s+(?:sono\s+)?(?:gli\s+|the\s+)?(?:articoli|articles)"
                           r"\s+(?:delle|della|dei|degli|del|sulle|sugli|sui|sul|of the|on the)"
                           r"\s+(.+)")


def _titolo_about(corpus: Corpus, text: str) -> Unit | None:
    """The titolo whose heading holds most of the words after "il titolo sul…" (its
    articles' headings break a tie); None when no titolo shares a word with them."""
    from ordina.corpus.retrieve import word_stems
    from ordina.query.wording import italian_for

    m = _TITOLO_ABOUT.search(text)
    if not m:
        return None
    words = [italian_for(w) or w for w in re.findall(r"[\w']+", m.group(1) or m.group(2))]
    asked = set(word_stems(" ".join(words)))
    best, best_score = None, (0, 0)
    for unit in corpus.units.values():
        if unit.kind != "titolo":
            continue
        own = len(asked & set(word_stems(unit.heading or "")))
        below = len(asked & {s for e in unit.children
                             for s in word_stems(corpus.units[e].heading or "")})
        if (own, below) > best_score:
            best, best_score = unit, (own, below)
    return best


def _to_roman(n: int) -> str:
    values = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in values:
        while n >= v:
            out, n = out + s, n - v
    return out


def _article_line(corpus: Corpus, unit: Unit) -> str:
    return f"- **{unit.citation}** – {unit.heading}"


def _titolo_articles(query: Query, corpus: Corpus, titolo: Unit, english: bool) -> Answer:
    articles = [corpus.units[e] for e in titolo.children if corpus.units[e].kind == "articolo"]
    first, last = articles[0].citation, articles[-1].citation
    head = (f"{_cap(titolo.citation)} ({titolo.heading}) is made of {len(articles)} articles, "
            f"{first} to {last}:" if english else
            f"Il {titolo.citation} ({titolo.heading}) comprende {len(articles)} articoli, "
            f"dall'{first} all'{last}:")
    lines = [head] + [_article_line(corpus, a) for a in articles]
    return _answer(query, lines, [titolo.citation, first, last])


def _count(query: Query, corpus: Corpus, kind: str, english: bool) -> Answer:
    units = [u for u in corpus.units.values() if u.kind == kind]
    names = {"articolo": ("articoli", "articles"), "allegato": ("allegati", "annexes"),
             "titolo": ("titoli", "titles")}[kind]
    span = f" ({units[0].citation} – {units[-1].citation})" if units else ""
    line = (f"The regulation has {len(units)} {names[1]}{span}." if english else
            f"Il regolamento ha {len(units)} {names[0]}{span}.")
    return _answer(query, [line], [units[0].citation, units[-1].citation] if units else [])


def _listing(query: Query, corpus: Corpus, kind: str, english: bool) -> Answer:
    units = [u for u in corpus.units.values() if u.kind == kind]
    head = {"allegato": ("Gli allegati del regolamento:", "The regulation's annexes:"),
            "titolo": ("I titoli del regolamento:", "The regulation's titles:")}[kind]
    lines = [head[1] if english else head[0]]
    lines += [f"- **{u.citation}** – {u.heading}" for u in units]
    return _answer(query, lines, [u.citation for u in units][:5])


def _citing_act(query: Query, corpus: Corpus, act, english: bool) -> Answer:
    refs = corpus.refs.citing_act(act.act, act.article) if act.act else []
    by_article: dict[str, list[str]] = defaultdict(list)
    for ref in refs:
        unit = corpus.units.get(ref.source)
        if unit is None:
            continue
        article = corpus.get(unit.article_eid or unit.eid) or unit
        if unit.citation not in by_article[article.citation]:
            by_article[article.citation].append(unit.citation)
    label = act.label or act.text
    if not by_article:
        line = (f"No article of the regulation cites {label}." if english else
                f"Nessun articolo del regolamento cita {label}.")
        return _answer(query, [line], [])
    head = (f"{len(by_article)} articles cite {label}:" if english else
            f"Citano {label} {len(by_article)} articoli:")
    lines = [head]
    for article, commi in by_article.items():
        unit = corpus.by_citation(article)
        heading = f" – {unit.heading}" if unit is not None else ""
        lines.append(f"- **{article}**{heading} ({', '.join(commi)})")
    if act.url:
        lines.append(f"\n{label}: {act.url}")
    return _answer(query, lines, [commi[0] for commi in by_article.values()][:5])


def _where(query: Query, corpus: Corpus, english: bool, by_title: bool,
           titolo: Unit | None = None) -> Answer:
    """Where a matter is regulated: the articles whose commi and headings match best (of
    the titolo the question names, if it names one: "cosa disciplina il titolo VII?")."""
    index = comma_index(corpus)
    within = _articles_of(corpus, titolo)
    ranked = index.rank(list(retrieval_terms(searched_text(query))), 30 if within is None else
                        len(index.docs))
    if within is not None:
        ranked = [r for r in ranked if (r.unit.article_eid or r.unit.eid) in within][:30]
    scores: dict[str, float] = defaultdict(float)
    for r in ranked:
        eid = r.unit.article_eid or r.unit.eid
        scores[eid] = max(scores[eid], r.score) + 0.1 * r.score
    terms = index.widen(list(retrieval_terms(searched_text(query))))
    top_score = max(scores.values(), default=0.0)
    for eid in list(scores):
        # an article whose heading, or its titolo's, names the matter ("incarichi esterni
        # al personale dipendente") is where it is regulated
        article = corpus.units.get(eid)
        if article is not None:
            parent = corpus.get(article.parent or "")
            named = _heading_share(terms, f"{article.heading} {parent.heading if parent else ''}",
                                   index.idf)
            scores[eid] += W_HEADING * top_score * named
    best = sorted(scores, key=lambda e: -scores[e])[:3]
    articles = [corpus.units[e] for e in best if e in corpus.units]
    if not articles:
        line = ("No article of the regulation speaks of it." if english else
                "Nessun articolo del regolamento ne parla.")
        return _answer(query, [line], [])
    if not by_title and within is None:
        # the article of the comma the look-up finds answering ("dove sono pubblicati gli
        # esiti della valutazione?": art. 29 c. 3), when it is among those listed, comes first
        found = find(corpus, searched_text(query), query.form, query.lang)[:1]
        if found and found[0].coverage >= MIN_COVERAGE:
            first = next((a for a in articles if a.eid == found[0].unit.article_eid), None)
            if first is not None:
                articles = [first] + [a for a in articles if a is not first]
    top = articles[0]
    titolo = corpus.get(top.parent or "")
    if by_title:  # the titolo whose commi match best overall
        # its best article, plus a little for each other: a long titolo sharing common
        # words («incarichi») does not outweigh the one whose articles are on the matter
        per_title: dict[str, float] = defaultdict(float)
        for eid, score in sorted(scores.items(), key=lambda kv: -kv[1]):
            parent = corpus.units[eid].parent if eid in corpus.units else None
            if parent:
                per_title[parent] = per_title[parent] + (0.1 * score if parent in per_title
                                                         else score)
        for eid in per_title:  # a titolo whose heading names the matter
            heading = corpus.units[eid].heading if eid in corpus.units else ""
            per_title[eid] += W_HEADING * top_score * _heading_share(terms, heading, index.idf)
        if per_title:
            titolo = corpus.get(max(per_title, key=lambda t: per_title[t])) or titolo
            inside = [corpus.units[e] for e in sorted(scores, key=lambda e: -scores[e])
                      if e in corpus.units and corpus.units[e].parent == (
                          titolo.eid if titolo else None)]
            top = inside[0] if inside else top
    where = f" ({titolo.citation}, {titolo.heading})" if titolo is not None else ""
    if english:
        head = f"It is regulated in **{top.citation}** – {top.heading}{where}."
    else:
        head = f"Se ne occupa l'**{top.citation}** – {top.heading}{where}."
    if by_title and titolo is not None:
        head = (f"It is in **{titolo.citation}** ({titolo.heading}): {top.citation} – "
                f"{top.heading}." if english else
                f"È nel **{titolo.citation}** ({titolo.heading}): {top.citation} – "
                f"{top.heading}.")
    lines = [head]
    comma = _deciding_comma(query, corpus, top, within)
    if comma is not None:
        lines.append(_particular(corpus, comma, english))
    if len(articles) > 1:
        lines.append(("See also: " if english else "Vedi anche: ") + "; ".join(
            f"{a.citation} – {a.heading}" for a in articles[1:]))
    cites = [top.citation] + ([titolo.citation] if by_title and titolo is not None else [])
    cites += [comma.unit.citation] if comma is not None else []
    return _answer(query, lines, cites + [a.citation for a in articles[1:]])


#: How much a heading naming the question's matter adds, against the best comma's rank.
W_HEADING = 0.5


def _heading_share(terms: list[Any], heading: str, idf: Any) -> float:
    """The share of the question's terms (each with its synonyms) a heading holds, each
    weighed by its rarity: «dipendente» names no matter, «patrocinio» does."""
    weights = [min((w for s in t if (w := idf(s)) > 0), default=0.0) for t in terms]
    total = sum(weights)
    if not total:
        return 0.0
    held = set(word_stems(heading))
    return sum(w for t, w in zip(terms, weights) if held & set(t)) / total


def _deciding_comma(query: Query, corpus: Corpus, article: Unit,
                    within: frozenset[str] | None) -> Found | None:
    """The comma of ``article`` to quote for the question, when it holds enough of it.

    A question asking for a fact (who, how many, what…: :data:`FACT_FORMS`) gets the comma
    of the article that states it ("a chi viene trasmessa copia del regolamento?": art. 93
    c. 2); a "where" question only the look-up's own best, when it is in the article ("dove
    sono pubblicati gli esiti…": art. 29 c. 3, "sul sito internet")."""
    scope = frozenset([article.eid]) if query.form in FACT_FORMS else within
    for found in find(corpus, searched_text(query), query.form, query.lang, scope)[:1]:
        if found.coverage >= MIN_COVERAGE and found.unit.article_eid == article.eid:
            return found
    return None


def _articles_of(corpus: Corpus, titolo: Unit | None) -> frozenset[str] | None:
    """The eids of the articles of ``titolo`` (None without one: the whole regulation)."""
    if titolo is None:
        return None
    return frozenset(e for e in titolo.children if e in corpus.units
                     and corpus.units[e].kind == "articolo")


def _particular(corpus: Corpus, comma: Found, english: bool) -> str:
    lead = lead_in(corpus, comma.unit)
    quote = f"{lead} … {comma.quote}" if lead else comma.quote
    return (f"In particular, {comma.unit.citation}: «{quote}»" if english else
            f"In particolare, {comma.unit.citation}: «{quote}»")


def _answer(query: Query, lines: list[str], citations: list[str]) -> Answer:
    return Answer(query=query.text, intent=I.STRUCTURE, answer="\n".join(lines),
                  citations=citations[:5], kind="structure")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


__all__ = ["answer_structure", "roman_to_int"]
