"""Terms and thresholds of the regulation that more than one module needs.

Each is a :class:`~ordina.norma.Norma` beside the comma that states it, so the deadline
calculator (``checks/scadenze.py``), the checks that apply the same term (Titolo VII,
Titolo IX), the duties (``checks/doveri.py``) and the database facts (``engine/dbfacts.py``)
read one number from one place.
"""

from __future__ import annotations

from decimal import Decimal

from ordina.norma import Norma

#: Authorised compensation in a year at most one fifth of the gross base salary.
QUOTA_TETTO = Norma(Decimal(1) / 5, "art. 88 c. 3",
                    "un quinto del trattamento economico fondamentale lordo spettante")
#: The prohibitions of art. 87 c. 1 bind full-time staff and part-time above 50%.
SOGLIA_PART_TIME = Norma(50, "art. 87 c. 3", "I dipendenti in part time fino al 50%")
#: Political or union offices «attualmente o negli ultimi 2 anni» bar the personnel office.
ANNI_CARICHE = Norma(2, "art. 14 c. 7", "negli ultimi 2 anni")

#: The weekly hours of full-time staff; a part-time share is read against them.
ORE_SETTIMANALI = Norma(36, "art. 79 c. 1", "36 ore settimanali,per i lavoratori a tempo pieno")

#: The answer to a request for authorisation of an external assignment.
RISPOSTA_AUTORIZZAZIONE = Norma(30, "art. 88 c. 6", "devono trovare risposta entro 30 giorni")
#: The warning to stop unauthorised work, then dismissal.
DIFFIDA = Norma(30, "art. 91 c. 1", "nei successivi 30 giorni")
#: The report of a conflict of interest (sixth paragraph of art. 4 in the corpus).
CONFLITTO_INTERESSI = Norma(15, "art. 4 c. 6", "entro i 15 giorni successivi")
#: The wait for the other Areas' answer before hiring an external collaborator.
RISORSE_INTERNE = Norma(15, "art. 63 c. 3", "decorsi 15 giorni dalla richiesta")
#: The least publication of a comparative-selection notice.
AVVISO_COMPARATIVO = Norma(10, "art. 64 c. 2", "per un periodo non inferiore a 10 giorni")
#: The least term for applications in that notice.
DOMANDE_COMPARATIVA = Norma(10, "art. 64 c. 2 lett. c", "il termine, non inferiore a dieci giorni")
#: The least publication of the outcome of a comparative selection.
ESITO_COMPARATIVA = Norma(10, "art. 65 c. 6", "per un periodo non inferiore a 10 giorni")
#: The least publication of a mobility notice.
BANDO_MOBILITA = Norma(10, "art. 50 c. 1", "per almeno 10 giorni")
#: Applications for mobility, after the notice's publication ends.
DOMANDE_MOBILITA = Norma(15, "art. 50 c. 2", "entro i 15 giorni successivi")
