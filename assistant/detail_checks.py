"""Checks on the draft details whose form can be checked: email addresses, phone numbers, the incident's dates.

Which field gets which check is data (`check:` in flows/documents.yaml). A
check returns what is wrong in plain words, or None; the caller says which
field it was and keeps the question open.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from itertools import pairwise

# One address: something@domain.tld, nothing around it. Several may be given, separated by , or ;.
_EMAIL = re.compile(r"[^@\s<>,;]+@(?!-)[^@\s<>,;.]+(?:\.[^@\s<>,;.]+)*\.[A-Za-z]{2,}")
# The dates an incident date is written with. Other numbers ("at 14.30", "fractions 1-3") are left alone.
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_FULL_DATES = [
    re.compile(r"(?<![\d/.-])(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?![\d/.-])"),
    re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})[/.](?P<mon>\d{1,2})[/.](?P<year>\d{4})(?![\d/.-])"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
]
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
# What joins the first and last date of a range: "2 March 2026 to 5 March 2026", "2026-03-02 – 2026-03-05".
_RANGE = re.compile(r"\s*(?:-|–|—|to|until|till|through)\s*", re.IGNORECASE)
_SHORT_YEAR = re.compile(r"(?<![\d/.-])\d{1,2}[/.]\d{1,2}[/.]\d{2}(?![\d/.-])")
_DATE_FORMS = "YYYY-MM-DD (e.g. 2026-11-20), 20/11/2026 or 20 Nov 2026"
_MONTHS = {
    name: n
    for n, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}

Check = Callable[[str, "dt.date | None", dt.date], "str | None"]


def _email(text: str, discovered_on: dt.date | None, today: dt.date) -> str | None:
    addresses = [a.strip() for a in re.split(r"[,;]", text) if a.strip()]
    wrong = [a for a in addresses if not _EMAIL.fullmatch(a)]
    if wrong:
        return f"“{wrong[0]}” is not an email address: give one like rpa@example.nhs.uk."
    return None


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:3]]


def _incident_dates(text: str, discovered_on: dt.date | None, today: dt.date) -> str | None:
    if short := _SHORT_YEAR.search(text):
        return f"“{short.group(0)}” has a two-digit year: write the year in full, as {_DATE_FORMS}."
    found: list[tuple[re.Match[str], dt.date]] = []
    for pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            month = int(m["mon"]) if "mon" in m.groupdict() and m["mon"] else _month(m["month"])
            try:
                found.append((m, dt.date(int(m["year"]), month, int(m["day"]))))
            except ValueError:
                return f"“{m.group(0)}” is not a real date; give it as {_DATE_FORMS}."
    taken = [m.span() for m, _ in found]
    for m in _MONTH_YEAR.finditer(text):  # "March 2026": judged by its first day
        if not any(start <= m.start() < end for start, end in taken):
            found.append((m, dt.date(int(m["year"]), _month(m["month"]), 1)))
    found.sort(key=lambda pair: pair[0].start())
    dates = [(m.group(0), date) for m, date in found]
    for (first, start), (last, end) in pairwise(found):
        if last.re is _MONTH_YEAR:  # "15 March 2026 to March 2026": a month ends the range on its last day
            end = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        if _RANGE.fullmatch(text[first.end() : last.start()]) and end < start:
            return f"“{text[first.start() : last.end()]}” ends before it starts: give the first date, then the last."
    if not dates:
        return (
            f"“{text}” has no date: give it as {_DATE_FORMS}, or a month and year; for several exposures, the first "
            "and last dates; or leave it blank to mark it TO COMPLETE."
        )
    for written, date in dates:
        if date > today:
            return f"“{written}” is in the future; give the date the exposure happened."
        if discovered_on is not None and date > discovered_on:
            return (
                f"“{written}” is after the incident was discovered ({discovered_on.isoformat()}): "
                "an exposure is discovered on or after the day it happens. Check both dates."
            )
    return None


# A phone number: digits with the usual punctuation, and an extension at the end (read apart, so that
# no pattern has to guess where one ends).
_EXTENSION = re.compile(r"(?:ext\.?|extension|x)[ \t]*\d+$", re.IGNORECASE)
_PHONE_CHARACTERS = frozenset("0123456789 ()./-+")


def _phone(text: str, discovered_on: dt.date | None, today: dt.date) -> str | None:
    numbers = [n.strip() for n in re.split(r"[,;]|\bor\b", text) if n.strip()]
    for number in numbers:
        main = _EXTENSION.sub("", number).rstrip()
        if not set(main) <= _PHONE_CHARACTERS or "+" in main[1:] or sum(ch.isdigit() for ch in main) < 6:
            return (
                f"“{number}” is not a phone number: give one like 0161 496 0000, +44 161 496 0000 "
                "or 0161 496 0000 ext 1234."
            )
    return None


CHECKS: dict[str, Check] = {"email": _email, "incident_dates": _incident_dates, "phone": _phone}


def check_detail(
    check: str, text: str, *, discovered_on: dt.date | None = None, today: dt.date | None = None
) -> str | None:
    """What is wrong with `text` for this check, or None when it passes."""
    return CHECKS[check](text, discovered_on, today or dt.date.today())
