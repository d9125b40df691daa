"""Build the corpus from the shipped sources (regulation and organigramma)."""

from __future__ import annotations

from functools import lru_cache

from ordina.corpus.model import Corpus
from ordina.corpus.organigramma import parse_organigramma
from ordina.corpus.parser import parse_regulation
from ordina.resources import regulation_file

REGULATION_FILE = "regolamento_uffici_servizi.txt"
ORGANIGRAMMA_FILE = "organigramma_livorno.txt"


@lru_cache(maxsize=4)
def load_corpus() -> Corpus:
    """Parse the shipped regulation and organigramma into one corpus (cached per process)."""
    reg = parse_regulation(regulation_file(REGULATION_FILE).read_text(encoding="utf-8"))
    org = parse_organigramma(regulation_file(ORGANIGRAMMA_FILE).read_text(encoding="utf-8"))
    return Corpus(reg.units + org, source_name=REGULATION_FILE)
