"""Every dated obligation that follows from the database and the register of decisions.

``collect`` gathers them (each with its source and citation), ``ics`` writes them as a
calendar that Outlook and Thunderbird import.
"""

from ordina.deadlines.collect import Deadline, collect

__all__ = ["Deadline", "collect"]
