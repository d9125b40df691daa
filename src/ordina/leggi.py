"""Numbers of national law that the office's obligations follow, beside their article.

The regulation keeps them by reference (art. 90: «Rimangono fermi i vincoli di pubblicità
e comunicazione previsti dalla normativa in vigore»), so their citation is to the statute,
not to a comma of the corpus; ``tests/test_acts.py`` checks that each cites an act the
corpus knows (``acts.yaml``).
"""

from __future__ import annotations

from ordina.norma import Norma

#: Incarichi conferred or authorised to employees go to the Funzione Pubblica (PerlaPA).
PERLAPA = Norma(15, "art. 53 c. 12 D.Lgs. 165/2001", "nel termine di quindici giorni")
