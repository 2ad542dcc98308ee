"""Finding patient-identifiable information in a draft, and redacting it.

Every draft passes through `find_identifiers` before it can be saved or
copied; `irmer anonymise FILE|-` runs the same check on any text. Nothing is
sent anywhere: the check is regular expressions and arithmetic on this
machine. The patterns themselves are in `assistant.anonymise_patterns`.

Ten-digit numbers (NHS, CHI, Health and Care)
    Labelled "NHS no.", "CHI", "H&C number" (or "HCN", "Health and Care
    number"), a number of 9 to 11 digits, grouped any way, is reported as
    the kind the label names, whatever its check digit: a mistyped number
    still points at someone.

    Unlabelled, a number of ten digits, written plain, 3-3-4 or 6-4 with
    spaces or hyphens, is an identifier only if its modulus-11 check digit
    is right (weights 10 down to 2 on the first nine digits; check = 11 -
    sum mod 11; 11 means 0; 10 means the number cannot be issued), and not
    if a label calls it a thing ("serial number", "lot", "batch", "Datix").
    A wrong check digit there means a serial or accession number. Which
    kind it is:

    1. 320 000 0001 to 399 999 9999: Northern Ireland Health and Care number
       (`hc_number`).
    2. First six digits a valid date DDMMYY: CHI number (`chi_number`). Such
       a number is below 320 000 0000, so never in the ranges issued in
       England, Wales and the Isle of Man (400-499 and 600-799 million ×10).
    3. "CHI" written shortly before it: `chi_number` whatever its shape.
    4. Anything else: `nhs_number`. An unusual range is still reported: the
       kind matters less than the catch.

Dates are reported only as dates of birth: when "DOB", "D.O.B.", "date of
birth", "born" or "b." stands next to them, or when a full date's year is
before 2000 and the words before it do not make it an event's (a source's
reference date, a device implanted, an earlier treatment); dates of
examinations and incidents in ordinary prose are part of the record. Hospital numbers
likewise need their label (MRN, hospital number, patient ID, accession
number...), before or after them ("RX1234567 (MRN)").

Names need a title (Dr, Mrs..., or "mrs", "dr" typed in lower case), a label ("name:", "Surname:"),
"patient" or "Pt" before them ("Pt: John Smith", "the patient (Jane Doe)",
"patient JOHN SMITH"), or a role ("radiographer Sarah Jones", "referred by
John Smith"). A relative ("daughter, Mary", "next of kin: Peter") or someone
spoken to ("I spoke to Ahmed") may be named by one word. "SMITH, John" is a
name anywhere; "Smith, John" where a name is expected or just before an
identifier ("Okoro, Chinedu (DOB ..."). Only the name is reported, not the
title.

Street addresses need a house number, one to three capitalised words and a
street word ("14 Acacia Avenue", "Flat 3, 22 Station Road"); the towns after
it are part of the hit ("..., Little Whinging, Surrey"). A number after
"Bed", "Level", "Linac"... and a name before "ward" or "unit" are places in
a hospital, not addresses.

The enforcing authorities' own mailboxes (from the rulebook) are not
reported: a notification may name them, and they identify no one.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from assistant import anonymise_patterns as p
from assistant.text_source import Unreadable, read_source

KINDS: tuple[str, ...] = (
    "nhs_number",
    "chi_number",
    "hc_number",
    "date_of_birth",
    "hospital_number",
    "postcode",
    "phone",
    "email",
    "name",
    "address",
)

KIND_LABELS: dict[str, str] = {
    "nhs_number": "NHS number",
    "chi_number": "CHI number",
    "hc_number": "Health and Care number",
    "date_of_birth": "date of birth",
    "hospital_number": "hospital number",
    "postcode": "postcode",
    "phone": "phone number",
    "email": "email address",
    "name": "name",
    "address": "street address",
}

_KIND_PLURALS: dict[str, str] = {
    "nhs_number": "NHS numbers",
    "chi_number": "CHI numbers",
    "hc_number": "Health and Care numbers",
    "date_of_birth": "dates of birth",
    "hospital_number": "hospital numbers",
    "postcode": "postcodes",
    "phone": "phone numbers",
    "email": "email addresses",
    "name": "names",
    "address": "street addresses",
}

# When two hits of the same length overlap, the more specific kind wins: a
# checked ten-digit number beats the phone number it also looks like.
_SPECIFICITY = {
    kind: rank
    for rank, kind in enumerate(
        (
            "nhs_number",
            "chi_number",
            "hc_number",
            "email",
            "date_of_birth",
            "hospital_number",
            "phone",
            "postcode",
            "address",
            "name",
        )
    )
}

EXIT_CLEAN, EXIT_FOUND, EXIT_INPUT = 0, 1, 2


@dataclass(frozen=True)
class Hit:
    """One identifier: its kind and where it is (text[start:end] == self.text)."""

    kind: str
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text}


# --- Ten-digit numbers -------------------------------------------------------


def check_digit(first_nine: str) -> int | None:
    """The modulus-11 check digit for nine digits, or None if no number may end them."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def valid_check_digit(digits: str) -> bool:
    """True for ten digits whose last is the modulus-11 check digit of the first nine."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    return check_digit(digits[:9]) == int(digits[9])


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_ddmmyy(six: str) -> bool:
    day, month, year = int(six[:2]), int(six[2:4]), int(six[4:])
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return False
    # 29 February: the century is unknown, so any year divisible by 4 will do.
    return not (month == 2 and day == 29 and year % 4)


def classify_ten_digits(digits: str, preceding: str = "") -> str:
    """The kind of a check-digit-valid ten-digit number (rule in the module docstring)."""
    value = int(digits)
    if 3_200_000_001 <= value <= 3_999_999_999:
        return "hc_number"
    if _is_ddmmyy(digits[:6]) or p.CHI_LABEL.search(preceding):
        return "chi_number"
    return "nhs_number"


def _ten_digit_numbers(text: str) -> Iterator[Hit]:
    labelled = list(_labelled_numbers(text))  # sorted by start, none overlapping
    yield from labelled
    starts = [hit.start for hit in labelled]
    for match in p.TEN_DIGITS.finditer(text):
        before = bisect.bisect_left(starts, match.end()) - 1
        if before >= 0 and labelled[before].end > match.start():
            continue  # the label has said what it is
        digits = re.sub(r"\D", "", match.group())
        preceding = text[max(0, match.start() - 30) : match.start()]
        if valid_check_digit(digits) and not p.THING_NUMBER_LABEL.search(preceding):
            yield Hit(classify_ten_digits(digits, preceding), match.start(), match.end(), match.group())


def _labelled_numbers(text: str) -> Iterator[Hit]:
    """Numbers after "NHS no.", "CHI", "H&C number"...: the label gives the kind, the check digit is not asked.

    The digits are kept group by group while there are at most 11 of them
    ("NHS 943 476 5919 12 times" stops before "12"); 9 to 11 are reported.
    """
    for match in p.LABELLED_NUMBER.finditer(text):
        kind = "nhs_number" if match.group("nhs") else "chi_number" if match.group("chi") else "hc_number"
        groups = list(p.DIGIT_GROUP.finditer(text, match.start("number"), match.end("number")))
        while groups and sum(len(g.group()) for g in groups) > 11:
            groups.pop()
        if groups and sum(len(g.group()) for g in groups) >= 9:
            start, end = groups[0].start(), groups[-1].end()
            yield Hit(kind, start, end, text[start:end])


# --- Dates of birth ----------------------------------------------------------

_MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _plausible_date(text: str) -> bool:
    """Day, month and year within calendar ranges; either day-month order is accepted."""
    parts = p.DATE_PARTS.findall(text)
    if len(parts) == 1 and len(parts[0]) in (6, 8):  # "12031951", "120351": day, month, year run together
        parts = [parts[0][:2], parts[0][2:4], parts[0][4:]]
    numbers = [int(part) for part in parts if part.isdigit()]
    words = [
        part.lower() for part in parts if not part.isdigit() and part.lower() not in ("st", "nd", "rd", "th", "of")
    ]
    if words:  # "12 March 1957" and "March 12, 1957" both give the day first
        if len(words) != 1 or words[0][:3] not in _MONTH_PREFIXES or len(numbers) != 2:
            return False
        day, year = numbers
        return 1 <= day <= 31 and _plausible_year(year)
    if len(numbers) != 3:
        return False
    if len(parts[0]) == 4:  # ISO order
        year, month, day = numbers
    else:
        day, month, year = numbers
        if month > 12:  # written month first
            day, month = month, day
    return 1 <= month <= 12 and 1 <= day <= 31 and _plausible_year(year)


def _plausible_year(year: int) -> bool:
    return year < 100 or 1880 <= year <= 2100


# A full date with a year before this one is a birth date, labelled or not: an incident report has no other
# reason to give a day in the last century (an examination, an incident, a policy date are all later).
LAST_CENTURY_ENDS = 2000


def _dates_of_birth(text: str) -> Iterator[Hit]:
    for match in p.DATE_OF_BIRTH.finditer(text):
        start, end = match.span("date")
        if match.group().lower().startswith("b.") and not text[
            text.rfind("\n", 0, match.start()) + 1 : match.start()
        ].strip(" \t-*•"):
            continue  # "b. 13/03/2024" opening a line is an item of a lettered list
        if _plausible_date(match.group("date")):
            yield Hit("date_of_birth", start, end, text[start:end])
    for match in p.ANY_DATE.finditer(text):  # "recorded as 04/03/1951 on the request"
        date = match.group("date")
        years = [int(part) for part in p.DATE_PARTS.findall(date) if part.isdigit() and len(part) == 4]
        if years and years[0] < LAST_CENTURY_ENDS and _plausible_date(date):
            if p.EVENT_BEFORE_DATE.search(text, max(0, match.start() - 60), match.start()):
                continue  # "source reference date 01/03/1995", "implanted 22/09/1998": an event's date
            yield Hit("date_of_birth", match.start("date"), match.end("date"), date)
    for words in p.DOB_WORDS.finditer(text):  # "12/03/1957 (DOB)"
        window = max(0, words.start() - 40)
        before = p.DATE_BEFORE.search(text, window, words.start())
        if p.DOB_SPOKEN_OF.match(text, words.end()):
            continue  # "14/03/2024, DOB not asked": the date is the exam's, the DOB is spoken of
        if before and _plausible_date(before.group("date")):
            yield Hit("date_of_birth", before.start("date"), before.end("date"), before.group("date"))


# --- Hospital numbers, postcodes, phones, emails ----------------------------


def _hospital_numbers(text: str) -> Iterator[Hit]:
    ids = [m for pattern in (p.HOSPITAL_NUMBER, p.HOSPITAL_NUMBER_BEFORE_LABEL) for m in pattern.finditer(text)]
    ids += [m for m in p.ID_LABEL.finditer(text) if (m.group("thing") or "").strip().lower() not in p.THING_ID_WORDS]
    for match in ids:
        start, end = match.span("id")
        ident = match.group("id")
        # Three digits at least: "unit number 4B" or "case no 12" identify no one.
        if sum(ch.isdigit() for ch in ident) >= 3:
            yield Hit("hospital_number", start, end, ident)


def _postcodes(text: str) -> Iterator[Hit]:
    for match in p.POSTCODE.finditer(text):
        inward = match.group("inward")
        letters = inward[1:]
        if p.ORDINAL.fullmatch(inward) and not p.ADDRESS_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue  # "CT2 2nd floor"
        if not (letters.isupper() or letters.islower()):  # "T1 2Gy": a unit, not a postcode
            continue
        yield Hit("postcode", match.start(), match.end(), match.group())


def _phones(text: str) -> Iterator[Hit]:
    for match in p.PHONE.finditer(text):
        if (match.group("prefix") == "(0") != bool(match.group("close")):
            continue  # "(0161 ..." or "0161) ..." is not a number someone wrote
        end = _phone_end(text, match)
        if end is not None:
            yield Hit("phone", match.start(), end, text[match.start() : end])


def _phone_end(text: str, match: re.Match[str]) -> int | None:
    """Where the phone number in `match` ends, dropping trailing digit groups that overflow it.

    The national number (after 0 or +44) has 9 or 10 digits and starts with
    1, 2 or 3 (landlines and non-geographic), 7 (mobiles) or 8 (freephone).
    A single unbroken run must have 10: nine digits after a 0 with no
    spacing are more often a serial number than a phone number.
    """
    groups = list(p.DIGIT_GROUP.finditer(text, match.end("prefix"), match.end()))
    for count in range(len(groups), 0, -1):
        national = "".join(g.group() for g in groups[:count])
        if len(national) not in (9, 10) or national[0] not in "12378":
            continue
        if count == 1 and match.group("prefix") == "0" and len(national) != 10:
            return None
        return groups[count - 1].end()
    return None


def _emails(text: str) -> Iterator[Hit]:
    if "@" not in text:
        return
    for match in p.EMAIL.finditer(text):
        if match.group().lower() not in _authority_mailboxes():
            yield Hit("email", match.start(), match.end(), match.group())


@cache
def _authority_mailboxes() -> frozenset[str]:
    """The enforcing authorities' published addresses (from the rulebook): a
    notification may name them, and they identify no one."""
    from assistant.rulebook import load_rulebook

    contacts = " ".join(authority.contact for authority in load_rulebook().authorities.values())
    return frozenset(match.group().lower() for match in p.EMAIL.finditer(contacts))


def _addresses(text: str) -> Iterator[Hit]:
    for match in p.STREET_ADDRESS.finditer(text):
        if any(word in p.NOT_STREET_NAMES for word in (match.group("street") or "").split()):
            continue  # "a 6 Minute Walk test"
        if not match.group("flat") and p.NUMBERED_PLACE_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue  # "Bed 4 Rose Court"
        if p.HOSPITAL_PLACE_AFTER.match(text, match.end()):
            continue  # "3 West Park ward"
        end = match.end()
        for _ in range(3):  # town, county: ", Little Whinging, Surrey"
            place = p.ADDRESS_PLACE.match(text, end)
            if place is None or any(word in _STOP_ELSEWHERE for word in place.group("place").split()):
                break
            end = place.end()
        yield Hit("address", match.start(), end, text[match.start() : end])


# --- Names -------------------------------------------------------------------


_STOP_AFTER_TITLE = (p.NEVER_NAMES - p.CALENDAR_NAMES) | (p.EXAM_WORDS - p.ALSO_SURNAMES)
_STOP_ELSEWHERE = p.NEVER_NAMES | p.NOT_NAMES


def _read_name(
    text: str, pos: int, *, after_title: bool, min_words: int, upper_first: bool = False, one_upper: bool = False
) -> tuple[int, int] | None:
    """The span of the name starting at `pos`, read word by word, or None.

    After a title an upper-case surname ("Mr SMITH") and surnames that are
    also ordinary words ("Dr Ward") are accepted. Elsewhere the first word
    must look like a name and words such as "Safety" end it; after a label
    (`upper_first`) an all-capitals name is accepted if it has two words
    ("name: JOHN SMITH", "pt SMITH John", not "name: CT abdomen"), and so is
    "SMITH, John"; after "Surname:" (`one_upper`) one word will do.
    """
    stop = _STOP_AFTER_TITLE if after_title else _STOP_ELSEWHERE
    start = pos
    listed = _listed_name(text, pos)
    if listed is None and upper_first and (upper := p.UPPER_SURNAME_COMMA_FIRST.match(text, pos)):
        parts = re.split(r"[- ]", upper.group("surname")) + [upper.group("first")]
        if not any(part in p.UPPER_NOT_NAMES for part in parts):  # "name: SMITH, JOHN", not "CT, HEAD"
            listed = upper.end()
    if listed is None and not after_title:  # "Dr Smith, John said": John is not Dr Smith's first name
        mixed = p.MIXED_SURNAME_COMMA_FIRST.match(text, pos)
        if mixed and not {mixed.group("surname"), mixed.group("first")} & _STOP_ELSEWHERE:
            listed = mixed.end()
    if listed is not None:
        return start, listed
    words: list[str] = []
    initials = p.INITIALS.match(text, pos)
    if initials:
        gap = p.NAME_GAP.match(text, initials.end())
        if gap is None:
            return None
        words.append(initials.group())
        pos = gap.end()
    end: int | None = None
    wrapped = False  # the gap before this word holds a line break
    while len(words) < 4:
        particles = p.PARTICLES.match(text, pos) if after_title or end is not None else None
        word = p.NAME_WORD.match(text, particles.end() if particles else pos)
        if word is None and (after_title or upper_first or end is not None) and not wrapped:
            word = p.UPPER_NAME_WORD.match(text, pos)
        if word is None:
            break
        if word.group().isupper() and (not after_title or words) and word.group() in p.UPPER_NOT_NAMES:
            break  # "patient CT HEAD", "MR JOHN SMITH WAS SCANNED"
        if word.group().upper() in p.IDENTIFIER_LABELS:
            break  # "Mr John Smith DOB 12/03/1957": the label starts the next identifier
        not_a_name = word.group() in stop or (end is not None and word.group() in p.NOT_NAMES)
        if not_a_name and (end is None or word.group() not in p.ALSO_SURNAMES):
            break
        words.append(word.group())
        end = word.end()
        gap = p.NAME_GAP.match(text, end)
        if gap is None:
            break
        # A line break inside a name only after its first word ("Mrs Jane\nDoe"): a longer name
        # ending a line is followed by the next line's text, not more of the name.
        wrapped = "\n" in gap.group()
        if wrapped and len(words) > 1:
            break
        pos = gap.end()
    if end is None or len(words) < min_words:
        return None
    if upper_first and not after_title and not one_upper and words[0].isupper() and len(words) < 2:
        return None
    return start, end


def _listed_name(text: str, pos: int) -> int | None:
    """The end of "SMITH, John" at `pos`, or None (not "CT, Head", not "URGENT, Please")."""
    listed = p.SURNAME_COMMA_FIRST.match(text, pos)
    if listed is None or listed.group("first") in _STOP_ELSEWHERE:
        return None
    if any(part in p.UPPER_NOT_NAMES for part in re.split(r"[- ]", listed.group("surname"))):
        return None
    return listed.end()


def _lower_name(text: str, pos: int, *, first_names_only: bool, after_title: bool = False) -> tuple[int, int] | None:
    """A name typed in lower case at `pos` (a given name and a surname at most: a verb may follow), or None.

    `first_names_only`: after a weak context ("the patient, john smith", "dr
    patel") the name must be known: a common given name and a surname, or a
    common surname alone ("pt mcdonald had CT").
    """
    start, end = pos, pos
    words: list[str] = []
    stop = p.LOWER_NOT_NAMES_AFTER_TITLE if after_title else p.LOWER_NOT_NAMES
    while len(words) < 2:
        word = p.LOWER_NAME_WORD.match(text, pos)
        if word is None or word.group() in stop:
            break
        words.append(word.group())
        end = word.end()
        gap = p.NAME_GAP.match(text, end)
        if gap is None or "\n" in gap.group():
            break
        pos = gap.end()
    if not words:
        return None
    if first_names_only and not _known_lower_name(words):
        return None
    return start, end


def _known_lower_name(words: list[str]) -> bool:
    if len(words) == 2 and (words[0] in p.FIRST_NAMES_LOWER or len(words[0]) == 1):  # "john smith", "t nowak"
        return words[0] in p.FIRST_NAMES_LOWER or _known_surname(words[1])
    return _known_surname(words[0])


def _known_surname(word: str) -> bool:
    return word in p.SURNAMES_LOWER or bool(p.LOWER_SURNAME_PREFIX.fullmatch(word))


def _known_first_names(text: str) -> Iterator[Hit]:
    """A common given name and a surname, with no title or role before them ("meant for Sarah Jones")."""
    for match in p.KNOWN_FIRST_NAME.finditer(text):
        span = _read_name(text, match.start(), after_title=False, min_words=2)
        if span is None:
            continue
        if _names_a_place(text, span[1]):
            continue  # "James Cook University Hospital" is a place
        yield Hit("name", *span, text[span[0] : span[1]])


def _names_a_place(text: str, end: int) -> bool:
    """Whether the words after a name make it a place's: "James Cook University Hospital", "Dr Gray's Hospital"."""
    if text.startswith(("'s", "’s"), end):
        end += 2
    following = p.NEXT_WORDS.match(text, end)
    if not following:
        return False
    # Only a run of capitalised words carries the place's name on: "Mrs Jones on Ward 7" is a person on a ward,
    # "Rowan ward" and "Robert Jones and Agnes Hunt Orthopaedic Hospital" are places.
    for n, word in enumerate(following.group().split()):
        if word in p.INSTITUTION_WORDS or (n == 0 and word.capitalize() in p.INSTITUTION_WORDS):
            return True
        if word.rstrip(".") in p.TITLE_WORDS:  # "Dr Smith and Dr Ward": another person, not a place's name
            return False
        if not word[0].isupper() and word not in ("and", "of", "the", "&"):
            return False
    return False


def _patient_name_words(text: str, start: int, word: str) -> int:
    """How many name words must follow `word` for them to be a patient's name (0: not a name context)."""
    before = text[max(0, start - 16) : start].lower().split()
    previous = before[-1] if before else ""
    if word == "on":
        return 1 if previous in p.DONE_ON else 0
    if word in p.EXPOSING_VERBS or (word == "of" and previous == "instead") or previous in p.MEANT_FOR:
        return 1
    return 2 if word == "for" else 0


def _names(text: str) -> Iterator[Hit]:
    yield from _known_first_names(text)
    for match in p.TITLE.finditer(text):
        span = _read_name(text, match.end(), after_title=True, min_words=1)
        span = span or _lower_name(text, match.end(), first_names_only=False, after_title=True)
        if span and not _names_a_place(text, span[1]):
            yield Hit("name", *span, text[span[0] : span[1]])
    for match in p.LOWER_TITLE.finditer(text):  # "mrs jones", "dr Patel"
        if text[match.end() : match.end() + 1].isupper():
            span = _read_name(text, match.end(), after_title=False, min_words=1)
        else:
            span = _lower_name(text, match.end(), first_names_only=match.group("title") != "mrs", after_title=True)
        if span and not _names_a_place(text, span[1]):
            yield Hit("name", *span, text[span[0] : span[1]])
    for match in p.UPPER_TITLE.finditer(text):  # "MR JOHN SMITH", "MR PATEL": not "MR KNEE"
        first = p.UPPER_NAME_WORD.match(text, match.end())
        if first and (first.group().lower() in p.FIRST_NAMES_LOWER or _known_surname(first.group().lower())):
            span = _read_name(text, match.end(), after_title=True, min_words=1)
            if span:
                yield Hit("name", *span, text[span[0] : span[1]])
    for match in p.NAME_BEFORE_PATIENT.finditer(text):  # "Heather (pt) said"
        name = match.group("name")
        if not set(name.split()) & _STOP_ELSEWHERE:
            yield Hit("name", match.start("name"), match.end("name"), name)
    for match in p.SOFT_TITLE.finditer(text):
        span = _read_name(text, match.end(), after_title=False, min_words=1)
        if span:
            yield Hit("name", *span, text[span[0] : span[1]])
    for match in p.PATIENT_CONTEXT.finditer(text):
        span = _read_name(text, match.end(), after_title=False, min_words=1, upper_first=True)
        span = span or _lower_name(text, match.end(), first_names_only=True)
        if span:
            yield Hit("name", *span, text[span[0] : span[1]])
    for match in p.UPPER_SURNAME_COMMA_FIRST.finditer(text):  # "RIS: JONES, MARY, F, 67y", "SMITH, JOHN (MR)"
        parts = [*re.split(r"[- ]", match.group("surname")), match.group("first")]
        if not any(part in p.UPPER_NOT_NAMES for part in parts) and p.LISTED_BEFORE_IDENTIFIER.match(text, match.end()):
            yield Hit("name", match.start(), match.end(), match.group())
    for match in p.SURNAME_COMMA_FIRST.finditer(text):  # "SMITH, John" is how systems list patients
        end = _listed_name(text, match.start())
        if end is not None:
            yield Hit("name", match.start(), end, text[match.start() : end])
    for match in p.MIXED_SURNAME_COMMA_FIRST.finditer(text):  # "Okoro, Chinedu (DOB ..."
        if {match.group("surname"), match.group("first")} & _STOP_ELSEWHERE:
            continue
        if p.LISTED_BEFORE_IDENTIFIER.match(text, match.end()):
            yield Hit("name", match.start(), match.end(), match.group())
    for match in p.NAME_LABEL.finditer(text):
        label = match.group().lower()
        if label.startswith("name") or label.startswith("sur"):
            before = re.search(r"(\w+)(?:['’]s)?[ \t]*$", text[max(0, match.start() - 30) : match.start()])
            if before and before.group(1).lower() in p.THING_NAMES:
                continue  # "Protocol name: CT Chest" names a thing
        one_upper = label.startswith(("sur", "fore"))  # "Surname: MACLEAN"
        span = _read_name(text, match.end(), after_title=False, min_words=1, upper_first=True, one_upper=one_upper)
        if span is None and re.search(r"[:=]|\b(?:is|was)\b", match.group()):  # "name: jane doe", not "name field"
            span = _lower_name(text, match.end(), first_names_only=False)
        if span:
            yield Hit("name", *span, text[span[0] : span[1]])
    for match in p.WORD_BEFORE_CAPITAL.finditer(text):
        word, link = match.group("word").lower(), match.group("link")
        if link == "by":
            min_words = 2 if word in p.ROLE_VERBS else 0
        elif link:  # "spoke to Ahmed", "talked with Imogen"
            min_words = 1 if word in p.SPOKEN_TO_VERBS else 0
        elif word in p.RELATIVE_WORDS:  # relatives are called by first name: "daughter, Mary"
            min_words = 1
        elif word in p.PATIENT_WORDS:  # "requested for Jones", "scanned Smith instead of Jones"
            min_words = _patient_name_words(text, match.start(), word)
        else:  # a role word alone is weak evidence: ask for a full name ("Sarah Jones")
            min_words = 2 if word in p.ROLE_WORDS else 0
        if not min_words:
            continue
        relative = link is None and min_words == 1
        span = _read_name(text, match.end(), after_title=False, min_words=min_words, upper_first=relative)
        if span and not _names_a_place(text, span[1]):  # "performed on Rowan ward"
            yield Hit("name", *span, text[span[0] : span[1]])


# --- Putting it together -----------------------------------------------------

_FINDERS = (
    _ten_digit_numbers,
    _dates_of_birth,
    _hospital_numbers,
    _postcodes,
    _phones,
    _emails,
    _addresses,
    _names,
)


def find_identifiers(text: str) -> list[Hit]:
    """Every identifier in `text`, sorted by start, none overlapping.

    Where candidates overlap, the longer one is kept, and of two the same
    length the more specific kind (a checked NHS number over a phone number).
    """
    candidates = [hit for finder in _FINDERS for hit in finder(text)]
    candidates.sort(key=lambda h: (-(h.end - h.start), _SPECIFICITY[h.kind], h.start))
    kept: list[Hit] = []  # sorted by start, never overlapping
    starts: list[int] = []
    for hit in candidates:
        i = bisect.bisect_left(starts, hit.start)
        if (i > 0 and kept[i - 1].end > hit.start) or (i < len(kept) and kept[i].start < hit.end):
            continue
        kept.insert(i, hit)
        starts.insert(i, hit.start)
    return kept


# Never excused by the text around them: a patient's number or birth date is the patient's, wherever it stands.
PATIENT_ONLY = frozenset({"nhs_number", "chi_number", "hc_number", "date_of_birth", "hospital_number"})


def identifiers_except(text: str, own: Sequence[str]) -> list[Hit]:
    """Identifiers in `text`, less names, addresses and contacts inside the places `own` values stand.

    `own`: text carried on purpose (the employer's name and contact, an authority's address). Only what lies
    inside those places, whole, is exempt: "Thomas" in "Mrs Thomas was scanned" is not excused by
    "St Thomas' NHS Foundation Trust" elsewhere.
    """
    spans = []
    for value in own:
        if not value:
            continue
        at = text.find(value)
        while at >= 0:
            spans.append((at, at + len(value)))
            at = text.find(value, at + 1)
    return [
        h
        for h in find_identifiers(text)
        if h.kind in PATIENT_ONLY or not any(s <= h.start and h.end <= e for s, e in spans)
    ]


def redact(text: str, hits: Sequence[Hit] | None = None, placeholder: str = "[REDACTED]") -> str:
    """`text` with every hit replaced by `placeholder` (hits=None: find them first).

    Overlapping or touching hits become one placeholder. Hits must come from
    this text: a hit whose span does not hold its text is refused.
    """
    if hits is None:
        hits = find_identifiers(text)
    spans: list[list[int]] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if not 0 <= hit.start <= hit.end <= len(text) or text[hit.start : hit.end] != hit.text:
            raise ValueError(
                f"hit {hit.text!r} at {hit.start}-{hit.end} is not in this text; redact() needs hits found in it"
            )
        if spans and hit.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hit.end)
        else:
            spans.append([hit.start, hit.end])
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        pieces.append(text[last:start])
        pieces.append(placeholder)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


# --- The `irmer anonymise` command -------------------------------------------


def line_starts(text: str) -> list[int]:
    """Where each line of `text` starts: with `bisect`, a hit's line in log time, not a scan from the top."""
    return [0, *(m.end() for m in re.finditer("\n", text))]


def line_and_column(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


# What a clean check can honestly say: it finds what it recognises, and a rare name can pass it.
NONE_FOUND = "The check found no identifiers it recognises. It can miss a name: read the draft through before sending."


def summary(hits: Sequence[Hit]) -> str:
    """One sentence: how many identifiers of which kinds, or that there are none."""
    if not hits:
        return NONE_FOUND
    counts = Counter(hit.kind for hit in hits)
    parts = [f"{n} {KIND_LABELS[kind] if n == 1 else _KIND_PLURALS[kind]}" for kind, n in counts.items()]
    noun = "identifier" if len(hits) == 1 else "identifiers"
    return f"{len(hits)} {noun} found: {', '.join(parts)}."


def anonymise_command(source: str, *, as_json: bool, redact: bool, own: Sequence[str] = ()) -> int:
    """`irmer anonymise`: 1 if anything is found, 0 if clean, 2 if the input cannot be read.

    `own`: the employer's name and contact from the settings file, which a draft carries on purpose.
    """
    try:
        text = read_source(source, "a text file")
    except Unreadable as err:
        print(f"irmer: {err}", file=sys.stderr)
        return EXIT_INPUT
    hits = identifiers_except(text, own)
    try:
        _write_result(text, hits, as_json=as_json, redact=redact)
    except BrokenPipeError:  # the reader stopped early ("| head"): the exit status still says what was found
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_FOUND if hits else EXIT_CLEAN


def _write_result(text: str, hits: list[Hit], *, as_json: bool, redact: bool) -> None:
    out = sys.stdout
    if as_json and redact:
        out.write(
            json.dumps({"hits": [h.to_json() for h in hits], "redacted": _redact(text, hits)}, ensure_ascii=False)
        )
        out.write("\n")
    elif as_json:
        out.write(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=2))
        out.write("\n")
    elif redact:
        out.write(_redact(text, hits))
    else:
        starts = line_starts(text)
        for hit in hits:
            line, column = line_and_column(starts, hit.start)
            out.write(f"{line}:{column}  {hit.kind} ({KIND_LABELS[hit.kind]})  '{hit.text}'\n")
        out.write(summary(hits) + "\n")
    out.flush()


_redact = redact  # `anonymise_command`'s keyword argument `redact` hides the function
