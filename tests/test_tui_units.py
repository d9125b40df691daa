"""The app's pure parts: history, links, pages, completions, conversation export."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from ordina.answer import Answer, Missing, TraceStep
from ordina.corpus import load_corpus
from ordina.tui import document
from ordina.tui.completion import Completer, Entity
from ordina.tui.conversation import Conversation
from ordina.tui.history import History, Location
from ordina.tui.links import Span, annotate, escape, href_target, route, unit_href

# ---------------------------------------------------------------- history
locations = st.builds(Location, st.sampled_from(["ask", "read", "search"]),
                      st.sampled_from(["", "art_1", "art_88__para_3"]))
steps = st.lists(st.one_of(locations, st.just("back"), st.just("forward")), max_size=40)


@given(steps)
def test_history_behaves_like_a_browser(ops) -> None:
    history, model, index = History(limit=1000), [], -1
    for op in ops:
        if op == "back":
            got = history.back()
            if index > 0:
                index -= 1
                assert got == model[index]
            else:
                assert got is None
        elif op == "forward":
            got = history.forward()
            if index < len(model) - 1:
                index += 1
                assert got == model[index]
            else:
                assert got is None
        elif index < 0 or model[index] != op:
            model = [*model[: index + 1], op]
            index = len(model) - 1
            history.visit(op)
        assert history.current == (model[index] if index >= 0 else None)


def test_history_is_bounded() -> None:
    history = History(limit=3)
    for n in range(10):
        history.visit(Location("read", f"art_{n}"))
    assert len(history) == 3 and history.current == Location("read", "art_9")


# ---------------------------------------------------------------- links and pages
def test_references_link_inside_the_app_and_to_normattiva() -> None:
    corpus = load_corpus()
    source = document.to_markdown(corpus, corpus.resolve("art. 53"))
    assert "[comma 1](unit:art_53__para_1)" in source
    assert ("[Art. 110 del Testo Unico delle Leggi sull’Ordinamento degli Enti Locali]"
            "(https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:"
            "2000-08-18;267~art110)") in source


def test_lint_findings_are_flagged_in_the_text() -> None:
    from ordina.corpus.lint import lint

    corpus = load_corpus()
    findings: dict = {}
    for f in lint(corpus):
        findings.setdefault(f.eid, []).append(f)
    source = document.to_markdown(corpus, corpus.resolve("art. 1"), findings)
    assert "deliberazione ⚠`n. del `;" in source
    assert "deliberazione" in document.lint_markdown(corpus, corpus.resolve("art. 1"), findings)


def test_cited_by_lists_the_citing_units() -> None:
    corpus = load_corpus()
    labels = [label for _href, label in document.cited_by(corpus, corpus.resolve("art. 23"))]
    assert labels and all(label.startswith("← ") for label in labels)


@given(st.text(max_size=80))
def test_annotate_without_spans_only_escapes(text: str) -> None:
    import re

    assert re.sub(r"\\(.)", r"\1", annotate(text, [])) == text


@given(st.text(alphabet="abc ", min_size=30, max_size=30),
       st.lists(st.tuples(st.integers(0, 29), st.integers(1, 5), st.booleans()), max_size=6))
def test_annotate_marks_each_non_overlapping_span_once(text: str, raw: list) -> None:
    marks = [Span(a, min(a + n, 30), None if flag else "unit:x", flag) for a, n, flag in raw]
    out = annotate(text, marks)
    kept, pos = 0, 0
    for m in sorted(marks, key=lambda s: (s.start, not s.flag, -s.end)):
        if m.start >= pos and m.start < m.end:
            kept, pos = kept + 1, m.end
    assert out.count("](unit:x)") + out.count("⚠`") == kept


def test_escape_neutralises_markdown() -> None:
    assert escape("[a](b) *c*") == "\\[a\\](b) \\*c\\*"


def test_links_route_to_tabs() -> None:
    assert href_target(unit_href("art_88__para_3")) == "art_88__para_3"
    assert href_target("https://www.normattiva.it/x") is None
    assert route("unit:art_88") == ("read", "art_88")
    assert route("person:12") == ("people", "person:12")
    assert route("finding:3") == ("audit", "finding:3")
    assert route("https://www.normattiva.it/x") is None


def test_page_of_a_comma_is_its_article_with_the_comma_set_apart() -> None:
    corpus = load_corpus()
    unit = corpus.resolve("art. 87 c. 1 lett. d")
    assert document.page_of(corpus, unit).eid == "art_87"
    source = document.to_markdown(corpus, unit)
    assert source.startswith("# art. 87")
    assert "> **1.**" in source and "> - d) " in source
    assert "> **2.**" not in source


def test_allegato_tables_are_placed_where_the_text_says() -> None:
    corpus = load_corpus()
    source = document.to_markdown(corpus, corpus.resolve("all. A"))
    assert "[tab. 1]" not in source
    assert "| N. Ord. | FIGURA PROFESSIONALE | CAT. | POSTI IN ORGANICO |" in source


# ---------------------------------------------------------------- completions
def _completer() -> Completer:
    return Completer([
        Entity("art. 88", "art. 88 – L'autorizzazione", "riferimento"),
        Entity("art. 8", "art. 8 – Responsabili di Area", "riferimento"),
        Entity("Mario Rossi", kind="persona"),
        Entity("Area Tecnica", kind="unità"),
    ])


def test_completes_question_forms_names_and_articles() -> None:
    c = _completer()
    assert c.complete("chi sos")[0].value == "chi sostituisce "
    assert c.complete("obblighi di ros")[0].value == "obblighi di Mario Rossi"
    assert c.complete("chi sostituisce l'area tec")[0].value == "chi sostituisce l'Area Tecnica"
    assert [x.value for x in c.complete("cosa dice l'art. 8")] == ["cosa dice l'art. 88"]
    assert c.complete("chì SOS")[0].value == "chi sostituisce "  # accents and case


@given(st.text(max_size=60))
def test_completions_never_fail_and_always_change_the_text(text: str) -> None:
    for completion in _completer().complete(text):
        assert completion.value and completion.value != text


# ---------------------------------------------------------------- conversation
def test_conversation_exports_markdown_with_facts_verdict_and_trace() -> None:
    conv = Conversation()
    conv.add("posso fare l'amministratore di una srl?", Answer(
        query="q", intent="external_assignment", verdict="dati_mancanti", answer="Serve altro.",
        missing=[Missing("part_time_percent", "Qual è la percentuale?")]))
    conv.add("posso fare l'amministratore di una srl?", Answer(
        query="q", intent="external_assignment", verdict="vietato", answer="No.",
        citations=["art. 87 c. 1 lett. d"], trace=[TraceStep("Part-time al 100%", "art. 87 c. 1")]),
        {"part_time_percent": 100.0, "paid": True, "request_date": date(2026, 3, 1)})
    text = conv.to_markdown(date(2026, 3, 12))
    assert text.startswith("# Conversazione con ordina (12/03/2026)")
    assert "**Esito: mancano dati per decidere**" in text
    assert "- percentuale del rapporto di lavoro: 100" in text and "- retribuito: sì" in text
    assert "part_time_percent" not in text and "`paid`" not in text
    assert "- data della richiesta: 01/03/2026" in text
    assert "1. Part-time al 100% (art. 87 c. 1)" in text
    assert conv.questions == ["posso fare l'amministratore di una srl?"]


# ---------------------------------------------------------------- audit table
def _findings():
    from ordina.engine.audit import Finding

    def make(severity, subject, citations):
        return Finding(severity, "c." + subject, f"Verifica {subject}", "persona", 1, subject,
                       "vietato", "No.", citations, [TraceStep("Perché sì", citations[0])])

    return [make("info", "Zeta Rossi", ["art. 88 c. 3"]),
            make("grave", "Àlfa Bianchi", ["art. 87 c. 1"]),
            make("attenzione", "Beta Verdi", ["art. 13 c. 2"])]


def test_audit_rows_filter_without_accents_and_sort() -> None:
    from ordina.tui import audit_view

    found = _findings()
    assert [i for i, _ in audit_view.rows(found)] == [1, 2, 0]  # grave first
    assert [i for i, _ in audit_view.rows(found, column="subject")] == [1, 2, 0]
    assert [i for i, _ in audit_view.rows(found, column="subject", reverse=True)] == [0, 2, 1]
    assert [i for i, _ in audit_view.rows(found, "alfa")] == [1]
    assert [i for i, _ in audit_view.rows(found, "88 rossi")] == [0]
    assert audit_view.rows(found, "nessuno") == []


def test_finding_page_links_its_commi() -> None:
    from ordina.tui import audit_view

    text = audit_view.finding_markdown(load_corpus(), _findings()[0])
    assert "[art. 88 c. 3](unit:art_88__para_3)" in text and "## Perché" in text
