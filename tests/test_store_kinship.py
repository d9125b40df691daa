"""Kinship and affinity degrees by the civil code (art. 74-78 c.c.)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from ordina.store.kinship import AFFINITA, PARENTELA, FamilyGraph

ON = date(2026, 1, 1)

# A family: 1 -> {2, 3}; 2 -> 4; 3 -> 5; 4 -> 6; 5 -> 7; spouses 4~8, 5~9; 8 child of 10.
LINKS = [(1, 2, "genitore"), (1, 3, "genitore"), (2, 4, "genitore"), (3, 5, "genitore"),
         (4, 6, "genitore"), (5, 7, "genitore"), (4, 8, "coniuge"), (5, 9, "coniuge"),
         (10, 8, "genitore"), (10, 11, "genitore")]


def relation(graph, a, b, kind=PARENTELA):
    found = [k for k in graph.relatives(a, ON) if k.relative_id == b and k.relation == kind]
    return found[0] if found else None


def test_degrees_of_kinship():
    g = FamilyGraph.from_links(LINKS)
    assert relation(g, 4, 2).degree == 1 and relation(g, 4, 2).line == "retta"
    assert relation(g, 4, 1).degree == 2  # nonno
    assert relation(g, 2, 3).degree == 2 and relation(g, 2, 3).line == "collaterale"
    assert relation(g, 4, 3).degree == 3 and relation(g, 4, 3).term == "zio"
    assert relation(g, 4, 5).degree == 4 and relation(g, 4, 5).term == "cugino"
    assert relation(g, 6, 7).degree == 6  # secondi cugini
    assert relation(g, 6, 5).degree == 5


def test_affinity_both_ways_and_spouse_not_a_relative():
    g = FamilyGraph.from_links(LINKS)
    # 8 is the spouse of 4: 4's father (2) is 8's father-in-law, 1st degree.
    assert relation(g, 8, 2, AFFINITA).degree == 1
    assert relation(g, 2, 8, AFFINITA).degree == 1
    # 11 is 8's sibling: brother-in-law of 4, 2nd degree.
    assert relation(g, 4, 11, AFFINITA).degree == 2
    # the spouses of two cousins are not affines of each other
    assert relation(g, 8, 9, AFFINITA) is None
    assert relation(g, 4, 8) is None
    assert [k.relation for k in g.relatives(4, ON) if k.relative_id == 8] == ["coniugio"]


def test_affinity_ends_with_divorce_survives_death():
    links = [(1, 2, "genitore"), (1, 3, "genitore")]
    divorced = FamilyGraph.from_links(links + [(3, 4, "coniuge", "2000-01-01", "2020-01-01",
                                                "divorzio")])
    widowed = FamilyGraph.from_links(links + [(3, 4, "coniuge", "2000-01-01", "2020-01-01",
                                               "morte")])
    assert relation(divorced, 2, 4, AFFINITA) is None
    assert relation(widowed, 2, 4, AFFINITA).degree == 2
    assert relation(widowed, 2, 4, AFFINITA).via_id == 3


def test_cohabitant_is_its_own_relation_and_dated():
    g = FamilyGraph.from_links([(1, 2, "convivente", "2025-01-01", None, None),
                                (3, 2, "genitore")])
    assert [k.relation for k in g.relatives(1, ON)] == ["convivenza"]
    assert g.relatives(1, date(2024, 1, 1)) == []


def test_no_kinship_beyond_sixth_degree():
    chain = [(i, i + 1, "genitore") for i in range(1, 10)]
    g = FamilyGraph.from_links(chain)
    assert relation(g, 1, 7).degree == 6
    assert relation(g, 1, 8) is None


@st.composite
def families(draw):
    n = draw(st.integers(2, 12))
    links = set()
    for child in range(2, n + 1):
        for parent in draw(st.sets(st.integers(1, child - 1), max_size=2)):
            links.add((parent, child, "genitore"))
    return n, sorted(links)


@given(families())
@settings(max_examples=150, deadline=None)
def test_kinship_is_symmetric_and_degree_is_shortest_path(family):
    n, links = family
    g = FamilyGraph.from_links(links)
    for a in range(1, n + 1):
        for k in g.relatives(a, ON):
            back = relation(g, k.relative_id, a)
            assert back is not None and back.degree == k.degree
            assert k.up + k.down == k.degree <= 6
            assert (k.line == "retta") == (k.up == 0 or k.down == 0)


def test_demo_art54_case():
    from store_fixtures import ON as DAY
    from store_fixtures import demo_db, pid

    from ordina.store.queries import kinship_between

    db = demo_db()
    ks = kinship_between(db, pid(db, "Paolo Galli"), pid(db, "Roberto Galli"), DAY)
    assert [(k.relation, k.degree, k.term) for k in ks] == [(PARENTELA, 3, "zio")]
    ks = kinship_between(db, pid(db, "Silvia Lodi"), pid(db, "Roberto Galli"), DAY)
    assert [(k.relation, k.degree) for k in ks] == [(AFFINITA, 2)]
