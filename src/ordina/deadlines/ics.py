"""The deadlines as an iCalendar file (RFC 5545) that Outlook and Thunderbird import."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from ordina import __version__
from ordina.deadlines.collect import Deadline

#: How long before an all-day deadline the reminder rings.
REMINDER = timedelta(days=3)


def uid(d: Deadline) -> str:
    """A stable id, so that importing the file again updates events instead of doubling them."""
    digest = hashlib.sha256(f"{d.kind}|{d.key}|{d.what}".encode()).hexdigest()[:20]
    return f"{digest}@ordina"


def to_ics(items: Iterable[Deadline], comune: str, stamp: datetime | None = None) -> bytes:
    """The calendar of ``items``: one all-day event each, with a reminder."""
    cal = Calendar()
    cal.add("prodid", f"-//ordina {__version__}//Scadenze {comune}//IT")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Scadenze del personale — {comune}")
    now = stamp or datetime.now(UTC)
    for d in items:
        event = Event()
        event.add("uid", uid(d))
        event.add("dtstamp", now)
        event.add("dtstart", d.day)
        event.add("dtend", d.day + timedelta(days=1))
        event.add("summary", f"{d.what} ({d.cite})")
        event.add("description", f"{d.subject}\n{d.meaning}\nFonte: {d.source}\n"
                                 f"Riferimento: {d.cite}")
        event.add("categories", [d.kind])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", d.what)
        alarm.add("trigger", -REMINDER)
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def read_ics(data: bytes) -> list[tuple[date, str, str]]:
    """``(day, summary, category)`` of each event of a calendar file (for tests and checks)."""
    cal = Calendar.from_ical(data)
    out = []
    for event in cal.walk("VEVENT"):
        cats = event.get("categories")
        kind = str(cats.cats[0]) if cats is not None and cats.cats else ""
        out.append((event.decoded("dtstart"), str(event.get("summary")), kind))
    return out
