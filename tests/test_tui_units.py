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
from ordina.tui.links import escape, href_target, linkify, unit_href

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
def test_internal_references_become_links_external_laws_do_not() -> None:
    exists = load_corpus().__contains__
    text = ("secondo l'art. 23 del presente regolamento e l'art. 53 del D.Lgs. 165/2001, "
            "vedi allegato G) e titolo III")
    out = linkify(text, exists)
    assert "[art. 23](unit:art_23)" in out
    assert "art. 53 del D.Lgs" in out and "unit:art_53" not in out
    assert "(unit:all_G)" in out and "(unit:title_III)" in out


@given(st.text(max_size=200))
def test_linkify_never_loses_text(text: str) -> None:
    out = linkify(text, lambda eid: True)
    plain = out.replace("\\", "")
    for eid_link in ("(unit:",):
        while eid_link in plain:
            start = plain.index(eid_link)
            plain = plain[:start] + plain[plain.index(")", start) + 1:]
    assert plain.replace("[", "").replace("]", "") == text.replace("\\", "").replace(
        "[", "").replace("]", "")


def test_escape_neutralises_markdown() -> None:
    assert escape("[a](b) *c*") == "\\[a\\](b) \\*c\\*"


def test_href_targets() -> None:
    assert href_target(unit_href("art_88__para_3")) == "art_88__para_3"
    assert href_target("https://www.normattiva.it/x") is None


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
    assert "- `part_time_percent` = 100" in text and "- `paid` = sì" in text
    assert "- `request_date` = 01/03/2026" in text
    assert "1. Part-time al 100% (art. 87 c. 1)" in text
    assert conv.questions == ["posso fare l'amministratore di una srl?"]
