"""Parse a Comune's own description of its organisation (the Livorno organigramma).

Each section is a paragraph opening with its name and a colon ("Settori: strutture
apicali…"); paragraphs without a name continue the section above.
"""

from __future__ import annotations

import re
import unicodedata

from ordina.corpus.model import Unit

SECTION_RE = re.compile(r"^([A-ZÀ-Ý][A-Za-zÀ-ÿ' ]{2,60}):\s+(\S.*)$")


def slug(text: str) -> str:
    """``Dipartimenti e Strutture di Staff apicali`` -> ``dipartimenti_e_strutture_di_staff_apicali``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def parse_organigramma(text: str) -> list[Unit]:
    """The organigramma as a root unit (``org``) with one child per section."""
    root = Unit("org", "sezione", "", "organigramma", heading="Organigramma")
    units = [root]
    current: Unit | None = None
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if m := SECTION_RE.match(line):
            name = m.group(1).strip()
            current = Unit(f"org__sec_{slug(name)}", "sezione", slug(name),
                           f"organigramma, {name}", heading=name, text=m.group(2).strip(),
                           parent="org", line=line_no)
            root.children.append(current.eid)
            units.append(current)
        elif current is not None and len(line) > 60:
            current.text = f"{current.text}\n{line}"
        elif current is None and line.endswith(":"):
            root.text = line
    return units
