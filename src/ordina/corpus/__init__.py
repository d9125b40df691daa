"""The regulation as data: units (titoli, articoli, commi, lettere, allegati) with stable ids.

Typical use::

    from ordina.corpus import load_corpus
    corpus = load_corpus()
    corpus.resolve("88.3").citation   # 'art. 88 c. 3'
"""

from ordina.corpus.loader import load_corpus
from ordina.corpus.model import Corpus, Unit

__all__ = ["Corpus", "Unit", "load_corpus"]
