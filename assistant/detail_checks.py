"""Checks on the draft details whose form can be checked: an email address, the dates of the incident.

Which field gets which check is data (`check:` in flows/documents.yaml). A
check returns what is wrong in plain words, or None; the caller says which
field it was and keeps the question open.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from assistant.flow.answers import AnswerError, parse_date

# One address: something@domain.tld, nothing around it. Several may be given, separated by , or ;.
_EMAIL = re.compile(r"[^@\s<>,;]+@[^@\s<>,;.]+(?:\.[^@\s<>,;.]+)*\.[A-Za-z]{2,}")
# Numbers joined by - / or . must each be a date ("2026-03-01 to 2026-03-05"); "5 March 2026" is one too.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_NUMERIC_DATE = re.compile(r"\d+(?:[/.-]\d+)+")
_WORDED_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}\b", re.IGNORECASE)
_MONTH_AND_YEAR = re.compile(rf"\b{_MONTH}\b.*?\b(?:19|20)\d{{2}}\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DATE_FORMS = "YYYY-MM-DD (e.g. 2026-11-20), 20/11/2026 or 20 Nov 2026"

Check = Callable[[str, "dt.date | None", dt.date], "str | None"]


def _email(text: str, discovered_on: dt.date | None, today: dt.date) -> str | None:
    addresses = [a.strip() for a in re.split(r"[,;]", text) if a.strip()]
    wrong = [a for a in addresses if not _EMAIL.fullmatch(a)]
    if wrong:
        return f"“{wrong[0]}” is not an email address: give one like rpa@example.nhs.uk."
    return None


def _incident_dates(text: str, discovered_on: dt.date | None, today: dt.date) -> str | None:
    found = [m.group(0) for m in _NUMERIC_DATE.finditer(text)] + [m.group(0) for m in _WORDED_DATE.finditer(text)]
    if not found and not _MONTH_AND_YEAR.search(text):
        return (
            f"“{text}” has no date: give it as {_DATE_FORMS}, or a month and year; for several exposures, the first "
            "and last dates. Leave it blank (or out of the file) to mark it TO COMPLETE."
        )
    for written in found:
        try:
            date = parse_date(written, today=today)
        except AnswerError as err:
            return str(err)
        if discovered_on is not None and date > discovered_on:
            return (
                f"“{written}” is after the incident was discovered ({discovered_on.isoformat()}): "
                "an exposure is discovered on or after the day it happens. Check both dates."
            )
    for year in _YEAR.findall(text):
        if int(year) > today.year:
            return f"“{text}” names the year {year}, which is in the future; give the date the exposure happened."
    return None


CHECKS: dict[str, Check] = {"email": _email, "incident_dates": _incident_dates}


def check_detail(
    check: str, text: str, *, discovered_on: dt.date | None = None, today: dt.date | None = None
) -> str | None:
    """What is wrong with `text` for this check, or None when it passes."""
    return CHECKS[check](text, discovered_on, today or dt.date.today())
