"""The intents a question can have: one constant per kind of question.

The query layer sets ``Query.intent`` to one of these strings; the checks declare which
intents they answer. The string values are public (``ordina ask --json`` prints them),
so they never change once released.
"""

from __future__ import annotations

# -- the regulation ---------------------------------------------------------------------------
#: Show a unit of the regulation: "art. 88 c. 3", "cosa dice l'articolo 89?", "show article 17".
ARTICLE = "article"
#: What a unit cites: "cosa cita l'art. 88?", "riferimenti dell'art. 14".
REFS = "refs"
#: Who cites a unit: "chi cita l'allegato G?", "what cites article 17?".
CITED_BY = "cited_by"
#: Full-text search: "cerca patrocinio legale"; also the fallback for unreadable questions.
SEARCH = "search"
#: A rule look-up: who / how many / how long / by when / in which cases, answered from the
#: comma that states it ("chi presiede il nucleo di valutazione?").
LOOKUP = "lookup"
#: The regulation's structure: "quali articoli compongono il titolo VII?", "dove è regolato
#: il part-time?", "quali articoli citano il TUEL?".
STRUCTURE = "structure"

# -- the database: people, units, offices -----------------------------------------------------
#: Who a person is / who heads a unit: "chi è Rossi?", "chi è il responsabile dell'area tecnica?".
WHO = "who"
#: Who substitutes X (a person, unit or office) on a date (art. 6-7, 13, 17).
SUBSTITUTE = "substitute"
#: Who is competent for a matter of X: leave (art. 81), missions (76), training (75),
#: disciplinary (82), authorisations (88), publication (45-46), conference (48). ``facts["matter"]``.
COMPETENT = "competent"
#: The duties of a person or office: "obblighi di Bianchi".
OBLIGATIONS = "obligations"
#: Incompatibilities of a person: "incompatibilità di Verdi" (art. 54, 86-87, 14 c. 7).
INCOMPATIBILITY = "incompatibility"
#: Assignments (incarichi) expiring soon: "incarichi in scadenza".
EXPIRING_ASSIGNMENTS = "expiring_assignments"
#: How much a person may still be paid this year for authorised incarichi (art. 88 c. 3).
REMAINING_CAP = "remaining_cap"
#: Authorisation requests past the 30-day answer term, and what silence means (art. 88 c. 6).
OVERDUE_REQUESTS = "overdue_requests"
#: Incarichi and collaborations ending within a period.
ENDING_CONTRACTS = "ending_contracts"
#: Heads and interims of every unit on a date (art. 14, 17).
UNIT_HEADS = "unit_heads"
#: Who is absent on a date or in a period, and who stands in for the heads (art. 81, 17).
ABSENCES = "absences"

# -- permission questions (verdicts) ---------------------------------------------------------
#: May X accept an external assignment / do an activity? Titolo IX, art. 85-91.
EXTERNAL_ASSIGNMENT = "external_assignment"
#: May X work part-time? art. 80 (c. 4: not polizia municipale nor Responsabili di Area).
PART_TIME = "part_time"
#: May X get a fixed-term contract ex art. 110? art. 53-56 (20% cap, kinship of art. 54).
FIXED_TERM_CONTRACT = "fixed_term_contract"
#: May X be appointed Responsabile di Area? art. 14 c. 1-3, c. 7.
AREA_HEAD_APPOINTMENT = "area_head_appointment"
#: May X be given temporary higher duties (mansioni superiori)? art. 13.
HIGHER_DUTIES = "higher_duties"
#: May X ask for outgoing mobility? art. 51 (5 years of permanent service).
MOBILITY_OUT = "mobility_out"
#: Mobility ranking in hundredths: experience ≤ 35, interview ≤ 50, salary ≤ 15; > 75. art. 50.
MOBILITY_RANKING = "mobility_ranking"
#: Collaboration contracts, Titolo VII (art. 57-73): procedure, publication, Corte dei Conti.
COLLABORATION = "collaboration"
#: Composition and requirements of the Nucleo di valutazione, art. 37-38.
EVALUATION_BOARD = "evaluation_board"

# -- calculators ----------------------------------------------------------------------------
#: Position allowance P = G × Pmax / 100 (allegato D).
POSITION_PAY = "position_pay"
#: Scorecards and result allowance (art. 21-28, 42, allegati E-G).
EVALUATION = "evaluation"
#: Excellence bonus (art. 30).
EXCELLENCE_BONUS = "excellence_bonus"
#: Economic progressions (art. 32).
ECONOMIC_PROGRESSION = "economic_progression"
#: Career progressions and the 50% reserve (art. 33).
CAREER_PROGRESSION = "career_progression"
#: Mileage allowance with one's own vehicle (art. 76).
MILEAGE = "mileage"
#: A deadline with Italian holidays (art. 88 c. 6, 91, 4 c. 5, 18, 28; art. 2963 c.c.).
DEADLINE = "deadline"

#: The Comune's registers on a period: collaborations (art. 72), higher duties (art. 13),
#: authorised external assignments (art. 88).
REGISTER = "register"
#: The evaluations of a year, ranked: the 60-point threshold (art. 22 c. 2), the economic
#: progressions' ranking (art. 32 c. 2).
EVALUATION_RESULTS = "evaluation_results"
#: The result allowance's cap, the interim increase included: 25% of the position allowance
#: (art. 17 c. 2).
RESULT_CAP = "result_cap"
#: The family links between the staff and the Sindaco, Assessori, Consiglieri (art. 54 c. 2).
KINSHIP = "kinship"

#: Every intent, in the order the documentation lists them.
ALL_INTENTS: tuple[str, ...] = (
    ARTICLE, REFS, CITED_BY, SEARCH, LOOKUP, STRUCTURE,
    WHO, SUBSTITUTE, COMPETENT, OBLIGATIONS, INCOMPATIBILITY, EXPIRING_ASSIGNMENTS,
    REMAINING_CAP, OVERDUE_REQUESTS, ENDING_CONTRACTS, UNIT_HEADS, ABSENCES, REGISTER,
    EVALUATION_RESULTS, RESULT_CAP, KINSHIP,
    EXTERNAL_ASSIGNMENT, PART_TIME, FIXED_TERM_CONTRACT, AREA_HEAD_APPOINTMENT, HIGHER_DUTIES,
    MOBILITY_OUT, MOBILITY_RANKING, COLLABORATION, EVALUATION_BOARD,
    POSITION_PAY, EVALUATION, EXCELLENCE_BONUS, ECONOMIC_PROGRESSION, CAREER_PROGRESSION,
    MILEAGE, DEADLINE,
)

#: Intents whose answer is a verdict (consentito / vietato / ...); the others have none.
PERMISSION_INTENTS: frozenset[str] = frozenset({
    EXTERNAL_ASSIGNMENT, PART_TIME, FIXED_TERM_CONTRACT, AREA_HEAD_APPOINTMENT, HIGHER_DUTIES,
    MOBILITY_OUT, MOBILITY_RANKING, COLLABORATION,
})

#: One-line Italian description of each intent (``ordina facts --json`` and the README).
DESCRIPTIONS: dict[str, str] = {
    ARTICLE: "mostra un articolo, comma o allegato",
    REFS: "elenca i riferimenti citati da un articolo",
    CITED_BY: "elenca chi cita un articolo o allegato",
    SEARCH: "ricerca nel testo del regolamento",
    WHO: "chi è una persona o chi dirige un'unità",
    SUBSTITUTE: "chi sostituisce una persona, un'area o un ufficio a una data",
    COMPETENT: "chi è competente (ferie, missioni, formazione, disciplinare, autorizzazioni...)",
    OBLIGATIONS: "obblighi di una persona o di un ufficio",
    INCOMPATIBILITY: "incompatibilità di una persona",
    EXPIRING_ASSIGNMENTS: "incarichi in scadenza",
    EXTERNAL_ASSIGNMENT: "se un incarico esterno è consentito (art. 85-91)",
    PART_TIME: "se il part-time è consentito (art. 80)",
    FIXED_TERM_CONTRACT: "se un contratto a tempo determinato è consentito (art. 53-56)",
    AREA_HEAD_APPOINTMENT: "se si può conferire l'incarico di Responsabile di Area (art. 14)",
    HIGHER_DUTIES: "se si possono attribuire mansioni superiori (art. 13)",
    MOBILITY_OUT: "se si può chiedere la mobilità in uscita (art. 51)",
    MOBILITY_RANKING: "punteggio e idoneità nella mobilità in entrata (art. 50)",
    COLLABORATION: "incarichi di collaborazione esterna (art. 57-73)",
    EVALUATION_BOARD: "composizione e requisiti del Nucleo di valutazione (art. 37-38)",
    POSITION_PAY: "retribuzione di posizione P = G × Pmax / 100 (all. D)",
    EVALUATION: "valutazione e retribuzione di risultato (art. 21-28, 42)",
    EXCELLENCE_BONUS: "bonus delle eccellenze (art. 30)",
    ECONOMIC_PROGRESSION: "progressioni economiche (art. 32)",
    CAREER_PROGRESSION: "progressioni di carriera (art. 33)",
    MILEAGE: "rimborso chilometrico con il mezzo proprio (art. 76)",
    DEADLINE: "calcolo di una scadenza con le festività (art. 2963 c.c.)",
    ABSENCES: "chi è assente in una data o in un periodo, con chi fa le veci (art. 81, 17)",
    REGISTER: "i registri in un periodo: collaborazioni (art. 72), mansioni superiori (art. 13), "
              "incarichi esterni autorizzati (art. 88)",
    EVALUATION_RESULTS: "le valutazioni di un anno in graduatoria: soglia dei 60 punti (art. 22), "
                        "progressioni economiche (art. 32)",
    RESULT_CAP: "tetto della retribuzione di risultato con la maggiorazione per l'interim "
                "(art. 17 c. 2)",
    KINSHIP: "parentele tra il personale e Sindaco, assessori, consiglieri (art. 54 c. 2)",
}
