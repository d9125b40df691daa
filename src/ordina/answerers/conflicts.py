"""A conflict of interest read from the rows (art. 4 c. 6).

"La Greco può istruire la domanda di contributo di Ricci?": the regulation bars nobody by
name; it asks whoever handles a procedure to abstain when in a conflict of interest. When
the question names two people whose family link is on record (spouse, civil partner,
cohabitant, kin or in-law within the second degree), the link is that conflict, and the
answer says so with the row it comes from.

The regulation does not define the conflict: the national code of conduct does (DPR
62/2013, art. 7), and the answer says that this is where the degrees come from.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import permutations
from typing import Any

from ordina.answer import Answer
from ordina.answerers import Env
from ordina.query import intents as I
from ordina.query.model import Query
from ordina.query.wording import fold_text

CITE = "art. 4 c. 6"
#: DPR 62/2013, art. 7: spouse, cohabitant, kin and in-laws within the second degree.
MAX_DEGREE = 2
#: Words of handling someone's matter: "istruire la pratica", "valutare la domanda".
_HANDLES = re.compile(r"\b(?:istruir\w*|istruttori\w*|segu(?:ire|e|o)|occupar\w*|se ne occup\w*|"
                      r"gestir\w*|esaminar\w*|valutar\w*|decider\w*|firmar\w*|trattar\w*|"
                      r"rilasciar\w*|handle|handling|deal with|process|assess|decide on|sign)\b")


def conflict_answer(query: Query, env: Env) -> Answer | None:
    """The abstention art. 4 c. 6 asks, when the question names two people linked on
    record and asks whether one may handle the other's matter; None otherwise."""
    names = getattr(query, "names", ()) or ()
    if query.form != "sino" or len(names) < 2 or not _HANDLES.search(fold_text(query.text)):
        return None
    from ordina.store.organisation import has_table

    db = env.db()
    if db is None or not has_table(db, "family_links"):  # a public copy holds no links
        return None
    from ordina.store.kinship import graph_from_db
    from ordina.store.queries import find_people

    people = []
    for name in dict.fromkeys(names):
        found = find_people(db, name, limit=2)
        if len(found) == 1:
            people.append(found[0])
    on = query.as_of or env.as_of
    graph = graph_from_db(db)
    for one, other in permutations(people, 2):
        link = next((k for k in graph.relatives(one.id, on) if k.relative_id == other.id
                     and (k.degree is None or k.degree <= MAX_DEGREE)), None)
        if link is not None:
            return _answer(query, env, one, other, link, on)
    return None


def _answer(query: Query, env: Env, one: Any, other: Any, link: Any, on: date) -> Answer:
    from ordina.answerers.lookup import _cap
    from ordina.formato import data as day

    comma = env.corpus().resolve(CITE)
    quote = " ".join((comma.text or "").split())
    english = query.lang == "en"
    # a partner is named by the bond (its citation in the kinship table is art. 54's, about
    # politicians' relatives); kin and in-laws with their degree and the civil code
    bond = link.term if link.degree is None else link.describe()
    if english:
        lines = [(f"**Prohibited**: whoever of {one.name} and {other.name} handles the other's "
                 f"matter must abstain and report the conflict ({CITE})."),
                 f"From the database on {day(on)}: {other.name} is {bond} of {one.name}.",
                 f"{CITE}: «{quote}»",
                 ("The regulation does not say when there is a conflict: the national code of "
                 "conduct does (DPR 62/2013, art. 7: spouse, cohabitant, kin and in-laws "
                 "within the second degree).")]
    else:
        lines = [(f"**Vietato**: chi tra {one.name} e {other.name} tratta la pratica dell'altro "
                 f"deve astenersi e segnalare il conflitto ({CITE})."),
                 f"Dal database al {day(on)}: {other.name} è {bond} di {one.name}.",
                 f"{_cap(CITE)}: «{quote}»",
                 ("Il regolamento non dice quando c'è conflitto: lo dice il codice di "
                 "comportamento (DPR 62/2013, art. 7: coniuge, conviventi, parenti e affini "
                 "entro il secondo grado).")]
    return Answer(query=query.text, intent=I.LOOKUP, answer="\n\n".join(lines),
                  citations=[CITE], kind="decision", quote=quote, verdict="vietato")
