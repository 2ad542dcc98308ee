"""The forms a draft's details must have: an email address, the dates of the incident."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.detail_checks import check_detail
from assistant.document_fields import document_data

TODAY = dt.date(2026, 11, 28)
DISCOVERED = dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2026-11-19", None),
        ("2026-11-20", None),  # discovered the day it happened
        ("2026-11-21", "after the incident was discovered (2026-11-20)"),
        ("19/11/2026", None),  # day first, as written in the UK
        ("11/19/2026", "not a real date"),  # day first: there is no 19th month
        ("1/3/2026 to 5/3/2026", None),
        ("5 March 2026 and 9 March 2026", None),
        ("between 2 and 4 Nov 2026", None),
        ("early March 2026", None),  # a month and year where the day is not known
        ("2026-11-19 (approx.)", None),
        ("2026-02-30", "not a real date"),
        ("20/11/26", "has a two-digit year"),  # refused, as in the chat
        ("2026-11-232026-11-19", "has no date"),
        ("banana", "has no date"),
        ("2026", "has no date"),
        ("March 2027", "“March 2027” is in the future"),
        # A month and year is judged by its first day; whole words only ("maybe 2025" names no month).
        ("November 2026", None),
        ("December 2026", "in the future"),
        ("November 25, 2026", "after the incident was discovered"),
        ("February 30, 2026", "not a real date"),
        ("maybe 2025, not sure", "has no date"),
        ("decided 2024", "has no date"),
        # Other numbers in the sentence are not dates to check.
        ("5 March 2026 at 14.30", None),
        ("5 March 2026 (dose 1.5 mSv)", None),
        ("1-5 March 2026", None),
        ("fractions 1-3, 2026-03-05", None),
        ("2026-03-05 2026-03-07", None),
        ("05.03.2026", None),
        # A range is written first date first; listed dates may come in any order.
        ("5/3/2026 to 1/3/2026", "“5/3/2026 to 1/3/2026” ends before it starts"),
        ("5 March 2026 – 2 March 2026", "ends before it starts"),
        ("from March 2026 until February 2026", "“March 2026 until February 2026” ends before it starts"),
        ("2026-03-02 to 2026-03-02", None),
        ("9 March 2026 and 5 March 2026", None),
        ("15 March 2026 to March 2026", None),  # a month at the end of a range ends on its last day
        ("15 March 2026 to February 2026", "ends before it starts"),
    ],
)
def test_incident_dates(text: str, problem: str | None) -> None:
    found = check_detail("incident_dates", text, discovered_on=DISCOVERED, today=TODAY)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


def test_incident_dates_without_a_discovery_date_only_refuse_the_future() -> None:
    assert check_detail("incident_dates", "2026-11-27", today=TODAY) is None
    found = check_detail("incident_dates", "2026-11-29", today=TODAY)
    assert found is not None and "in the future" in found


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("rpa@example.nhs.uk", True),
        ("radiation.protection@example.wales.nhs.uk", True),
        ("rpa@example.nhs.uk; physics@example.nhs.uk", True),
        ("rpa at example.nhs.uk", False),
        ("rpa@example", False),
        ("@example.nhs.uk", False),
        ("rpa@@example.nhs.uk", False),
        ("Radiation Protection Lead", False),
        ("rpa@example.nhs.uk, not known", False),
    ],
)
def test_email(text: str, ok: bool) -> None:
    found = check_detail("email", text)
    assert (found is None) == ok, found


def test_the_checks_are_named_in_the_document_data() -> None:
    catalogue = document_data().catalogue
    assert catalogue["contact_email"].check == "email"
    assert catalogue["incident_date"].check == "incident_dates"
    assert catalogue["contact_phone"].check == "phone"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("0161 496 0000", True),
        ("+44 (0)161 496 0000", True),
        ("0161 496 0000 ext 1234", True),
        ("01632 960123 or 07700 900123", True),
        ("rpa.@nhs.net", False),
        ("12345", False),
        ("ask the switchboard", False),
    ],
)
def test_phone(text: str, ok: bool) -> None:
    found = check_detail("phone", text)
    assert (found is None) == ok, found


def test_an_email_domain_does_not_start_with_a_hyphen() -> None:
    assert check_detail("email", "rpa@-nhs.net") is not None
