"""A labelled corpus for measuring the anonymisation check.

Deterministic (seeded): the same seed gives the same sentences. Two parts:

- incident sentences (radiography, CT, nuclear medicine, radiotherapy,
  cardiology) with identifiers planted in them, each planted span recorded
  with its kind, written in varied formats and positions;
- clean clinical sentences full of things that look like identifiers but are
  not: dates of examinations, doses, activities, fractions, rooms, bays,
  wards, scanner names, ages, times, percentages, code numbers, serial
  numbers, departments spoken to, "Linac 2 Park position".

Unlabelled NHS numbers carry a correct modulus-11 check digit; a labelled
NHS, CHI or Health and Care number sometimes carries a wrong one (a mistyped
number still identifies someone). Phone numbers are from the ranges Ofcom
keeps for drama, and street names are made up, so none is real.

`HAND_WRITTEN` at the end is a separate set: sentences written by hand, not
from these templates, each with the hits expected in it.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.anonymise import KINDS, Hit

SEED = 20261128


@dataclass(frozen=True)
class Planted:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    planted: tuple[Planted, ...]


# --- Identifier values ------------------------------------------------------


def mod11_check(first_nine: str) -> int | None:
    check = 11 - sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True)) % 11
    return 0 if check == 11 else None if check == 10 else check


def _with_check(rng: random.Random, make_nine: Callable[[random.Random], str]) -> str:
    while True:
        nine = make_nine(rng)
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def nhs_digits(rng: random.Random) -> str:
    # England and Wales issue 400-499 and 600-708 million (×10).
    return _with_check(
        rng, lambda r: str(r.choice([r.randint(400_000_000, 499_999_999), r.randint(600_000_000, 708_800_000)]))
    )


def chi_digits(rng: random.Random) -> str:
    def nine(r: random.Random) -> str:
        return f"{r.randint(1, 28):02d}{r.randint(1, 12):02d}{r.randint(0, 99):02d}{r.randint(0, 999):03d}"

    return _with_check(rng, nine)


def hc_digits(rng: random.Random) -> str:
    return _with_check(rng, lambda r: str(r.randint(320_000_001, 399_999_999)))


def wrong_check_digits(rng: random.Random) -> str:
    """Ten digits whose last is NOT their check digit: a serial number, a mistyped NHS number."""
    nine = str(rng.randint(100_000_000, 999_999_999))
    check = mod11_check(nine)
    last = rng.choice([d for d in range(10) if d != check])
    return nine + str(last)


def _ten_digit_format(rng: random.Random, digits: str, six_four: bool = False) -> str:
    style = rng.choice(["plain", "spaced", "hyphen"] + (["six_four"] if six_four else []))
    if style == "plain":
        return digits
    if style == "six_four":
        return f"{digits[:6]} {digits[6:]}"
    sep = " " if style == "spaced" else "-"
    return f"{digits[:3]}{sep}{digits[3:6]}{sep}{digits[6:]}"


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def date_text(rng: random.Random, year: int) -> str:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    name = MONTHS[month - 1]
    return rng.choice(
        [
            f"{day:02d}/{month:02d}/{year}",
            f"{day}/{month}/{year % 100:02d}",
            f"{day:02d}.{month:02d}.{year}",
            f"{day:02d}-{month:02d}-{year}",
            f"{day} {name} {year}",
            f"{_ordinal(day)} {name[:3]} {year}",
            f"{day}-{name[:3]}-{year}",
            f"{year}-{month:02d}-{day:02d}",
            f"{name} {day}, {year}",
        ]
    )


FIRST_NAMES = [
    "John",
    "Sarah",
    "Jane",
    "Mohammed",
    "Aisha",
    "Wei",
    "Siobhan",
    "Gareth",
    "Olusegun",
    "Zoë",
    "Priya",
    "Callum",
    "Fiona",
    "Dafydd",
    "Margaret",
    "Tomasz",
    "Rhiannon",
    "Hamish",
]
SURNAMES = [
    "Smith",
    "Patel",
    "O'Neill",
    "Smith-Jones",
    "McDonald",
    "MacLeod",
    "Jones",
    "Khan",
    "Nowak",
    "Evans",
    "Okafor",
    "Campbell",
    "D'Souza",
    "Williams",
    "Chen",
    "Ward",
    "Hughes",
    "Fitzgerald",
    "van der Merwe",
]


def _labelled_digits(rng: random.Random, make: Callable[[random.Random], str]) -> str:
    """Ten digits after a label: usually a real number, sometimes a mistyped one."""
    return wrong_check_digits(rng) if rng.random() < 0.3 else make(rng)


def _lead_value_tail(kind: str, rng: random.Random) -> tuple[str, str, str]:
    """An identifier of `kind` with the words around it that are not part of it."""
    if kind == "nhs_number":
        lead = rng.choice(["NHS number ", "NHS No. ", "NHS no: ", "NHS #", "NHS number: ", "nhs no ", "N.H.S. ", ""])
        digits = _labelled_digits(rng, nhs_digits) if lead else nhs_digits(rng)
        return lead, _ten_digit_format(rng, digits), ""
    if kind == "chi_number":
        lead = rng.choice(["CHI ", "CHI number ", "CHI no. ", "CHI: ", "CHI No "])
        return lead, _ten_digit_format(rng, _labelled_digits(rng, chi_digits), six_four=True), ""
    if kind == "hc_number":
        lead = rng.choice(["H&C number ", "Health and Care number ", "HCN ", "H+C no. ", "H & C no "])
        return lead, _ten_digit_format(rng, _labelled_digits(rng, hc_digits)), ""
    if kind == "date_of_birth":
        date = date_text(rng, rng.randint(1925, 2023))
        if rng.random() < 0.15:
            return "", date, rng.choice([" (DOB)", " (d.o.b.)", ", date of birth"])
        lead = rng.choice(
            [
                "DOB ",
                "DOB: ",
                "D.O.B. ",
                "D.O.B ",
                "dob ",
                "date of birth ",
                "Date of Birth: ",
                "born on ",
                "born ",
                "DoB - ",
            ]
        )
        return lead, date, ""
    if kind == "hospital_number":
        lead = rng.choice(
            [
                "MRN ",
                "MRN: ",
                "hospital number ",
                "Hospital No. ",
                "hosp no ",
                "unit number ",
                "patient ID ",
                "Patient ID: ",
                "PAS number ",
                "RIS no. ",
                "accession number ",
                "Accession No: ",
                "K number ",
                "case number ",
                "M.R.N. ",
            ]
        )
        digits = str(rng.randint(10**5, 10**8))
        value = rng.choice(
            [
                digits,
                wrong_check_digits(rng),  # a ten-digit accession number: caught by its label
                f"RX{digits}",
                f"K{digits[:6]}",
                f"A{digits}",
                f"ACC-2024-{digits[:6]}",
                f"P-{digits}",
                f"rx{digits}",
            ]
        )
        return lead, value, ""
    if kind == "postcode":
        lead = rng.choice(["postcode ", "lives at ", "home address in ", "address: 12 High Street, ", "at "])
        return lead, postcode(rng), ""
    if kind == "phone":
        lead = rng.choice(["on ", "tel ", "telephone: ", "mobile ", "contact number ", "call "])
        return lead, phone(rng), ""
    if kind == "email":
        lead = rng.choice(["email ", "e-mail: ", "at ", "to "])
        return lead, email(rng), ""
    if kind == "address":
        return (
            rng.choice(["lives at ", "address ", "home address: ", "", "moved to ", "letter sent to "]),
            address(rng),
            "",
        )
    if kind == "name":
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        form = rng.random()
        if form < 0.2:
            return _one_person(rng, first, last)
        if form < 0.6:
            title = rng.choice(["Dr", "Dr.", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Prof.", "Professor"])
            name = rng.choice([last, f"{first} {last}", f"{first[0]} {last}", f"{first[0]}. {last}", last.upper()])
            return f"{title} ", name, ""
        lead = rng.choice(
            [
                "patient ",
                "patient named ",
                "Patient: ",
                "name: ",
                "Name - ",
                "patient's name is ",
                "radiographer ",
                "referred by ",
                "checked by ",
                "the patient, ",
            ]
        )
        if lead in ("name: ", "Patient: ", "patient ") and rng.random() < 0.3:
            return lead, f"{last.upper()}, {first}", ""  # as hospital systems list them
        return lead, f"{first} {last}", ""
    raise ValueError(kind)


def _one_person(rng: random.Random, first: str, last: str) -> tuple[str, str, str]:
    """A name in the forms reviewers found in real incident prose."""
    form = rng.choice(["pt", "brackets", "upper", "spoke", "relative", "mothers_name", "kin", "mixed_list", "justice"])
    if form == "pt":
        return rng.choice(["Pt: ", "Pt ", "pt. ", "PT: "]), f"{first} {last}", ""
    if form == "brackets":
        return rng.choice(["the patient (", "The patient ("]), f"{first} {last}", ")"
    if form == "upper":
        return rng.choice(["patient ", "Patient: ", "Pt: "]), f"{first} {last}".upper(), ""
    if form == "spoke":
        return rng.choice(["I spoke to ", "spoke with ", "we spoke to ", "talked with "]), first, ""
    if form == "relative":
        lead = rng.choice(["daughter, ", "her son ", "his wife ", "husband, ", "mother ", "the carer, ", "partner "])
        return lead, first, ""
    if form == "mothers_name":
        return rng.choice(["Mother's name ", "father's name ", "first name "]), first, ""
    if form == "kin":
        lead = rng.choice(["next of kin: ", "Next of kin ", "NOK: "])
        return lead, rng.choice([first, f"{first} {last}", f"{first} {last}".upper()]), ""
    if form == "mixed_list":
        return rng.choice(["Patient: ", "patient ", "Name: ", "Pt: "]), f"{last}, {first}", ""
    return rng.choice(["Mr ", "Mrs "]), f"Justice {last}", ""  # a judge: still a name


STREET_NAMES = ["Acacia", "Station", "Mill", "Church", "Orchard", "Kirkgate", "St Mary's", "Granby", "Holly Bush"]
STREET_WORDS = ["Road", "Street", "St", "Avenue", "Ave", "Lane", "Close", "Drive", "Way", "Crescent", "Place"]
STREET_WORDS += ["Gardens", "Court", "Terrace", "Grove", "Park", "Hill", "Row", "Walk", "Square", "Mews"]
PLACES = ["Leeds", "Little Whinging", "Surrey", "Newcastle upon Tyne", "Dundee", "Bangor", "Stoke-on-Trent"]


def address(rng: random.Random) -> str:
    house = rng.choice([str(rng.randint(1, 240)), f"{rng.randint(1, 99)}{rng.choice('ab')}", f"{rng.randint(1, 9)}A"])
    text = f"{house} {rng.choice(STREET_NAMES)} {rng.choice(STREET_WORDS)}"
    if rng.random() < 0.3:
        text = f"{rng.choice(['Flat', 'Apartment'])} {rng.randint(1, 40)}, {text}"
    for _ in range(rng.choice([0, 0, 1, 2])):
        text += f", {rng.choice(PLACES)}"
    return text


def postcode(rng: random.Random) -> str:
    first = rng.choice("ABCDEFGHJKLMNPRSTUWYZ")
    second = rng.choice("ABCDEFGHKLMNPRSTUVWXY")
    inward = f"{rng.randint(0, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    outward = rng.choice(
        [
            f"{first}{rng.randint(1, 9)}",
            f"{first}{rng.randint(10, 99)}",
            f"{first}{second}{rng.randint(1, 9)}",
            f"{first}{second}{rng.randint(10, 99)}",
            f"{first}{rng.randint(1, 9)}{rng.choice('ABCDEFGHJKPSTUW')}",
            f"{first}{second}{rng.randint(1, 9)}{rng.choice('ABEHMNPRVWXY')}",
        ]
    )
    text = rng.choice([f"{outward} {inward}", f"{outward} {inward}", f"{outward}{inward}"])
    return text.lower() if rng.random() < 0.2 else text


def phone(rng: random.Random) -> str:
    n3, n4 = f"{rng.randint(0, 999):03d}", f"{rng.randint(0, 9999):04d}"
    return rng.choice(
        [
            f"0161 496 0{n3}",
            f"(0161) 496 0{n3}",
            f"0113 496 0{n3}",
            f"020 7946 0{n3}",
            f"02079460{n3}",
            f"07700 900{n3}",
            f"07700 900 {n3}",
            f"077009 00{n3}",
            f"+44 7700 900{n3}",
            f"+44 (0)161 496 0{n3}",
            f"+447700900{n3}",
            f"01632 960{n3}",
            f"028 9649 {n4}",
        ]
    )


def email(rng: random.Random) -> str:
    first, last = rng.choice(FIRST_NAMES).lower(), rng.choice(SURNAMES).lower().replace("'", "").replace(" ", "")
    first = first.replace("ë", "e")
    return rng.choice(
        [
            f"{first}.{last}@nhs.net",
            f"{first[0]}.{last}{rng.randint(1, 99)}@example.nhs.uk",
            f"{first}_{last}@gmail.com",
            f"{first.upper()}.{last.upper()}@NHS.NET",
            f"{last}+radiology@trust.example.org",
        ]
    )


# --- Filler: things that look like identifiers but are not ----------------


def _filler(name: str, rng: random.Random) -> str:
    makers: dict[str, Callable[[], str]] = {
        "exam_date": lambda: date_text(rng, rng.randint(2019, 2026)),
        "dose_msv": lambda: f"{rng.choice(['0.', '1.', '2.', '12.', ''])}{rng.randint(1, 99)} mSv",
        "dose_mgy": lambda: f"{rng.randint(5, 2500)} mGy{rng.choice(['', '·cm', ' cm'])}",
        "dose_gy": lambda: f"{rng.choice(['1.8', '2', '2.67', '3', '8', '20', '55', '60'])} Gy",
        "activity": lambda: rng.choice(
            [
                f"{rng.randint(40, 800)} MBq",
                f"{rng.randint(1, 7)}.{rng.randint(0, 9)} GBq",
                f"{rng.randint(40, 800)}MBq",
            ]
        ),
        "fraction": lambda: f"fraction {rng.randint(1, 30)} of {rng.randint(5, 35)}",
        "room": lambda: rng.choice(
            [f"Room {rng.randint(1, 12)}{rng.choice('ABC')}", f"room {rng.randint(1, 20)}", "X-ray room 3"]
        ),
        "scanner": lambda: rng.choice(
            [
                "CT2",
                "CT 3",
                "Linac 4",
                "LA3",
                "TrueBeam 2",
                "Optima CT660",
                "gamma camera 2",
                "SPECT/CT 1",
                "Cath Lab 2",
            ]
        ),
        "age": lambda: rng.choice(
            [f"aged {rng.randint(18, 95)}", f"a {rng.randint(18, 95)}-year-old", f"age {rng.randint(1, 17)}"]
        ),
        "time": lambda: rng.choice(
            [f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", f"{rng.randint(1, 12)}.{rng.randint(10, 59)} pm"]
        ),
        "percent": lambda: f"{rng.randint(1, 300)}%",
        "ratio": lambda: f"{rng.randint(1, 10)}:{rng.choice([10, 100, 1000])}",
        "code": lambda: rng.choice(["4.2b", "3.1a", "2.3", "regulation 8(4)", "Schedule 2(1)(b)", "section 5.4"]),
        "weight": lambda: f"{rng.randint(3, 140)} kg",
        "serial": lambda: wrong_check_digits(rng),
        "ext": lambda: f"{rng.randint(2000, 9999)}",
        "kv": lambda: f"{rng.randint(60, 140)} kV, {rng.randint(2, 400)} mAs",
        "ordinal": lambda: rng.choice(["2nd", "1st", "3rd", "4th"]),
        "count": lambda: str(rng.randint(2, 12)),
    }
    return makers[name]()


def _fill(template: str, rng: random.Random) -> Sentence:
    """Fill a template's {slots}; identifier slots are recorded as planted spans."""
    text = ""
    planted: list[Planted] = []
    for literal, field, _spec, _conv in string.Formatter().parse(template):
        text += literal
        if field is None:
            continue
        if field in KINDS:
            lead, value, tail = _lead_value_tail(field, rng)
            text += lead
            planted.append(Planted(field, len(text), len(text) + len(value)))
            text += value + tail
        else:
            text += _filler(field, rng)
    return Sentence(text, tuple(planted))


IDENTIFIER_TEMPLATES = [
    # radiography
    "Wrong patient X-rayed: {name} ({date_of_birth}) was imaged instead of another patient in {room} on {exam_date}.",
    "The request for {hospital_number} was scanned under {nhs_number}; the error was found at {time}.",
    "{name} was called from the waiting area and identified by {date_of_birth} only; {hospital_number} did not match.",
    "A chest radiograph ({kv}) was taken of {name}, {age}, {nhs_number}, who had not been referred.",
    "Patient details: {name}, {date_of_birth}, {postcode}, {phone}.",
    "Mobile radiography on ward 7: the wristband showed {hospital_number} but the request said {nhs_number}.",
    "Referrer {name} asked for a repeat; contact {email} or {phone}.",
    "{nhs_number} was entered on RIS against the wrong episode on {exam_date}.",
    "Duplicate exposure for {name} in {room}, {dose_msv} additional effective dose.",
    # CT
    "CT head performed on {name} ({hospital_number}) on {scanner} instead of CT abdomen; DLP {dose_mgy}.",
    "The CT scan for {nhs_number} was repeated because of a contrast extravasation on {exam_date}.",
    "{name} was scanned on {scanner} twice; the second acquisition added {dose_msv}.",
    "Wrong protocol: {name}, {date_of_birth}, received a CT angiogram rather than CT KUB at {time}.",
    "Incident reported by {name} ({email}) about a CT scan on {scanner} for {hospital_number}.",
    "CT colonography for {chi_number} was performed on {exam_date}; DLP {dose_mgy}.",
    "{hospital_number} was used to book the scan; the correct number was {nhs_number}.",
    "The patient lives at {postcode} and was scanned on {scanner} by mistake.",
    # nuclear medicine
    "{name} received {activity} of Tc-99m MDP instead of {activity} intended for another patient.",
    "The administration to {nhs_number} was {percent} above the diagnostic reference level.",
    "Wrong radiopharmaceutical for {name}, {date_of_birth}; {activity} of F-18 FDG given on {exam_date}.",
    "I-131 therapy patient {name} ({hc_number}) was discharged without written instructions; {activity} administered.",
    "Contact the patient on {phone} about the extravasation of {activity} at {time}.",
    "Nuclear medicine referral for {chi_number} from {name} was not justified by the ARSAC licence holder.",
    "{name} is pregnant and received {activity} on {scanner}; the pregnancy check was missed.",
    "The patient's GP, {name}, was sent the report at {email}.",
    # radiotherapy
    "Radiotherapy: {name} ({nhs_number}) received {fraction} with the wrong plan on {scanner}.",
    "Treatment for {hospital_number} on {scanner}: {dose_gy} delivered to the wrong site at {fraction}.",
    "{chi_number} was set up with a 1 cm shift error for {fraction}; {dose_gy} per fraction.",
    "The planning CT for {name} ({date_of_birth}) was imported under {hospital_number}.",
    "Patient {hc_number} was treated on {scanner} with the previous patient's bolus; {dose_gy} delivered.",
    "Brachytherapy source position error for {name}, {postcode}; {dose_gy} to point A.",
    "Incorrect prescription entered by {name}: {dose_gy} instead of {dose_gy} in {count} fractions.",
    # cardiology
    "During a coronary angiogram on {name}, {age}, fluoroscopy time was {time} and DAP {dose_mgy}.",
    "Cath lab 2: {hospital_number} had a skin dose above 5 Gy; contact {phone}.",
    "The PCI for {nhs_number} on {exam_date} gave a peak skin dose of {dose_gy}.",
    "Cardiology registrar {name} requested the wrong study for {date_of_birth} patient.",
    "{name} was referred for a myocardial perfusion scan with {activity} although {nhs_number} was already booked.",
    # mixed, identifiers at the start and in lists
    "{nhs_number}: duplicate CT thorax, {dose_msv}.",
    "{date_of_birth} is the birth date given; the patient was {age}.",
    "{email} reported the near miss at {time}.",
    "{phone} is the ward number for the patient, {name}.",
    "{postcode} is the patient's address on PAS, with {hospital_number}.",
    "Escalated to {name} and {name}; patient {hospital_number}, {chi_number}.",
    "Patient identifiers on the form were {name}, {nhs_number}, {date_of_birth} and {postcode}.",
    "Follow-up letter to {name} at {postcode}, copied to {email}.",
    "{hc_number} was the number on the request from the Belfast trust.",
    "Image acquired by {name} with {kv}; {name} reviewed it.",
    # addresses, and names as reviewers found them written
    "The appointment letter went to {address} instead of the patient's new address.",
    "Wrong patient brought from {room}: {name}, {address}, {date_of_birth}.",
    "{address} was on the request; PAS held {address} for {nhs_number}.",
    "Duty of candour: {name} was told at {time}; {name} was present.",
    "The referral for {name} gave {address} and {postcode}; scanned on {scanner} on {exam_date}.",
    "A district nurse visiting {address} reported the missed follow-up scan for {chi_number}.",
]

CLEAN_TEMPLATES = [
    "The patient was scanned on {exam_date} on {scanner} and the DLP was {dose_mgy}.",
    "Fluoroscopy for the PICC line took {time} minutes; the DAP was {dose_mgy}.",
    "The patient, {age}, received {activity} of Tc-99m MAG3 in {room} at {time}.",
    "{fraction} was delivered on {scanner} at {dose_gy}; the error was discovered on {exam_date}.",
    "The dose was {percent} of the intended dose, a ratio of {ratio}.",
    "This meets criterion {code} of the CQC guidance; see {code}.",
    "The patient weighed {weight} and was {age}; the administered activity was {activity}.",
    "The Dr on call was informed at {time} and reviewed the images in {room}.",
    "Patient safety was not affected; the patient was told on {exam_date}.",
    "The Patient Safety Team reviewed the incident on {exam_date}.",
    "The scanner serial number {serial} was logged with the engineer.",
    "The effective dose was estimated at {dose_msv} from a DLP of {dose_mgy}.",
    "A chest X-ray ({kv}) was repeated in {room} because of patient movement.",
    "The error was discovered {exam_date} during the {ordinal} fraction audit on {scanner}.",
    "The ARSAC practitioner licence covered the procedure; the employer licence is held by the trust.",
    "Extension {ext} was called at {time} to reach the MPE.",
    "The lift to the {ordinal} floor was out of order, so the patient was scanned on {scanner} at {time}.",
    "Treatment was paused after {fraction}; {count} fractions remain at {dose_gy} each.",
    "The patient was born prematurely and is now {age}; scanned on {exam_date}.",
    "The patient received {activity} at {time} on {exam_date} in {room}.",
    "Protocol name: CT Chest Abdomen Pelvis; scanner {scanner}.",
    "The referral was made on {exam_date} and justified by the radiologist on {exam_date}.",
    "Patient Group Directions were not followed for contrast; {percent} overdose.",
    "The image was taken at {kv} on {scanner}, {dose_msv}.",
    "Room {count}B was closed on {exam_date} for repair; imaging moved to {room}.",
    "The mean dose to the PTV was {dose_gy}; D95 was {percent}.",
    "Fraction {count} was given with a {count} mm couch shift on {scanner}.",
    "Unit number {count}B on ward 7 requested the portable film at {time}.",
    "The DRL for CT head is {dose_mgy}; this scan was {percent} of it.",
    "The incident occurred at {time} on {exam_date} in {room}.",
    "The radiographer checked ID at {time} using the three-point check.",
    "Report reference {code} was sent to the referrer on {exam_date}.",
    "The MR knee and DR chest lists ran late on {exam_date}.",
    "Activity measured in the calibrator was {activity}, within {percent} of the prescribed {activity}.",
    "The patient was scanned on {scanner} at {time}, {age}, weight {weight}.",
    "The T2 {count}mm slices were reformatted on {exam_date}.",
    "Review by the Radiation Protection Adviser on {exam_date} found the shielding adequate.",
    "A {count}-year-old child was imaged on {exam_date} with {kv}.",
    "Dose area product {dose_mgy} at {time}; cumulative air kerma {dose_mgy}.",
    "Between {exam_date} and {exam_date}, {count} patients received {percent} more activity than intended.",
    # things reviewers found tempting: places in a hospital, departments, numbers near words
    "The patient was moved from Bay {count} to Room {count} and then to Ward {count} at {time}.",
    "Station {count} rang the department at {time}; the portable went to Bed {count}.",
    "Linac {count} Park position was not reached, so treatment paused after {fraction}.",
    "{dose_gy} to the Lung was planned; {dose_gy} to the Heart was the constraint.",
    "I spoke to Radiology and then spoke with Pharmacy about the contrast at {time}.",
    "The daughter was present; the next of kin was informed by telephone on {exam_date}.",
    "The patient CT HEAD request was vetted at {time} on {exam_date}.",
    "The accession number was re-issued and the images were moved on PACS on {exam_date}.",
    "A {count} Minute Walk test was done before the exercise stress study on {scanner}.",
    "The phantom batch number {serial} and lot {serial} were recorded by Physics.",
    "NHS 111 advised the patient to attend; CHI was checked against the wristband at {time}.",
    "URGENT, Please note the scanner {scanner} is out of use until {exam_date}.",
    "The Mother's name field was blank on the request form, so ID was confirmed at {time}.",
    "Fraction {count} of {count}: {dose_gy} delivered, {count} Gy remaining; Couch {count} Park setting used.",
]


def identifier_sentences(seed: int = SEED, count: int = 318) -> list[Sentence]:
    rng = random.Random(seed)
    return [_fill(IDENTIFIER_TEMPLATES[i % len(IDENTIFIER_TEMPLATES)], rng) for i in range(count)]


def clean_sentences(seed: int = SEED, count: int = 216) -> list[Sentence]:
    rng = random.Random(seed + 1)
    return [_fill(CLEAN_TEMPLATES[i % len(CLEAN_TEMPLATES)], rng) for i in range(count)]


@dataclass(frozen=True)
class Score:
    planted: int
    caught: int
    clean: int
    clean_with_hits: int
    kind_right: int

    @property
    def recall(self) -> float:
        return self.caught / self.planted

    @property
    def false_positive_rate(self) -> float:
        return self.clean_with_hits / self.clean

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / self.caught if self.caught else 0.0

    def lines(self) -> list[str]:
        return [
            f"recall: {self.recall:.1%} ({self.caught} of {self.planted} planted identifiers caught)",
            f"false-positive rate: {self.false_positive_rate:.1%}"
            f" ({self.clean_with_hits} of {self.clean} clean sentences with a hit)",
            f"kind right when caught: {self.kind_accuracy:.1%}",
        ]


def score(
    find: Callable[[str], Sequence[Hit]], identified: list[Sentence], clean: list[Sentence]
) -> tuple[Score, list[str]]:
    """Recall over planted spans and false positives over clean sentences, with each miss described."""
    caught = kind_right = 0
    misses: list[str] = []
    total = 0
    for sentence in identified:
        hits = find(sentence.text)
        for plant in sentence.planted:
            total += 1
            overlapping = [h for h in hits if h.start < plant.end and plant.start < h.end]
            if overlapping:
                caught += 1
                kind_right += any(h.kind == plant.kind for h in overlapping)
            else:
                misses.append(f"missed {plant.kind} {sentence.text[plant.start : plant.end]!r} in {sentence.text!r}")
    flagged = 0
    for sentence in clean:
        hits = find(sentence.text)
        if hits:
            flagged += 1
            misses.append(f"false positive {[h.text for h in hits]} in {sentence.text!r}")
    return Score(total, caught, len(clean), flagged, kind_right), misses


# --- Hand-written sentences --------------------------------------------------
# Written as incident reporters write, not from the templates above: each with
# every identifier it holds (kind, exact text); an empty tuple means clean.

HAND_WRITTEN: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Pt: Graham Whitfield, 67, attended for a CT KUB that had been requested for another patient.",
        (("name", "Graham Whitfield"),),
    ),
    (
        "Wristband read HOLLOWAY, Dennis but the request was for Dennis Holloway's neighbour on the ward.",
        (("name", "HOLLOWAY, Dennis"), ("name", "Dennis Holloway")),
    ),
    (
        "Request card: Okoro, Chinedu (D.O.B 1961/11/23), NHS no. 485 777 3456.",
        (("name", "Okoro, Chinedu"), ("date_of_birth", "1961/11/23"), ("nhs_number", "485 777 3456")),
    ),
    (
        "The patient (Bernadette Kavanagh) was identified by name and address only, not date of birth.",
        (("name", "Bernadette Kavanagh"),),
    ),
    (
        "Patient MARGARET ELLIS was called twice from the waiting room before she answered.",
        (("name", "MARGARET ELLIS"),),
    ),
    (
        "I spoke to Yusuf on the phone after the scan and apologised for the repeat exposure.",
        (("name", "Yusuf"),),
    ),
    (
        "Duty of candour discussion held; the radiographer spoke with Imogen and her mother.",
        (("name", "Imogen"),),
    ),
    (
        "Her daughter, Leanne, confirmed the date of birth as 03/09/1948.",
        (("name", "Leanne"), ("date_of_birth", "03/09/1948")),
    ),
    (
        "Mother's name Samira; the child was 4 and weighed 16 kg.",
        (("name", "Samira"),),
    ),
    (
        "Next of kin: Raymond Doyle (husband), contactable on 07700 900461.",
        (("name", "Raymond Doyle"), ("phone", "07700 900461")),
    ),
    (
        "Demographics on RIS: DOB: 14/2/53, CHI 1402531234, home 7 Kirkgate Crescent, Dundee.",
        (
            ("date_of_birth", "14/2/53"),
            ("chi_number", "1402531234"),
            ("address", "7 Kirkgate Crescent, Dundee"),
        ),
    ),
    (
        "The H&C number 3334445556 on the referral belonged to a different patient.",
        (("hc_number", "3334445556"),),
    ),
    (
        "NHS number: 1234567890 was typed on the request and did not match PAS.",
        (("nhs_number", "1234567890"),),
    ),
    (
        "Address on the request was Flat 12, 48 Granby Street, Leicester; the patient had moved.",
        (("address", "Flat 12, 48 Granby Street, Leicester"),),
    ),
    (
        "The patient lives at 9 Orchard Close and was sent the appointment letter meant for another.",
        (("address", "9 Orchard Close"),),
    ),
    (
        "Reviewed with Mr Justice-Hale, the cardiology registrar, and Sister Aoife Brennan.",
        (("name", "Justice-Hale"), ("name", "Aoife Brennan")),
    ),
    (
        "Accession number 4417762209 was linked to the wrong episode on PACS.",
        (("hospital_number", "4417762209"),),
    ),
    (
        "CHI number 2904611234 was copied from a letter with a typing error.",
        (("chi_number", "2904611234"),),
    ),
    (
        "Brachytherapy: the afterloader was in Room 3 and the patient in Bay 2; 7 Gy to the Cervix was planned.",
        (),
    ),
    (
        "Ward 22 phoned at 14:10; the portable was taken to Station 4 and then to Bay 6.",
        (),
    ),
    (
        "Linac 2 Park position was not reached, so the couch was moved manually before fraction 3 of 15.",
        (),
    ),
    (
        "The PET-CT on 21/10/2026 used 350 MBq of F-18 FDG; the uptake room was Room 5.",
        (),
    ),
    (
        "Physics checked the DAP meter (serial 1002003004) and found it reading 12% high.",
        (),
    ),
    (
        "The 2 Lane Fox unit referral came through on 3 November and was vetted by the on-call radiologist.",
        (),
    ),
    (
        "Dose to the Lung was 3 Gy higher than planned on the Elekta Versa HD in Bunker 2.",
        (),
    ),
    # A second batch, written after the rules above were in place and not tuned for.
    (
        "Spoke to the patient's wife, Deborah, who confirmed he had a pacemaker.",
        (("name", "Deborah"),),
    ),
    (
        "Patient: PRICE, Leonard  DOB 30/01/1944  NHS 402 512 8831",
        (("name", "PRICE, Leonard"), ("date_of_birth", "30/01/1944"), ("nhs_number", "402 512 8831")),
    ),
    (
        "Home address 27 Beech Grove, Harrogate.",
        (("address", "27 Beech Grove, Harrogate"),),
    ),
    (
        "pt Nadia Rahman (hosp no. RXH448812) had her CT cancelled.",
        (("name", "Nadia Rahman"), ("hospital_number", "RXH448812")),
    ),
    (
        "Contacted the GP surgery on 0113 496 0871 about Mr Lowe.",
        (("phone", "0113 496 0871"), ("name", "Lowe")),
    ),
    (
        "Her brother Kwame brought her to the department.",
        (("name", "Kwame"),),
    ),
    (
        "The dose to the Spinal Cord was 45 Gy in 25 fractions on Linac 3.",
        (),
    ),
    (
        "Referral from Ward 9 for a portable chest; bay 3 bed 2.",
        (),
    ),
    (
        "CHI 311299 1234 on the request, which is not a valid date.",
        (("chi_number", "311299 1234"),),
    ),
    (
        "The patient, Miss Ella Grant, aged 19, was not asked about pregnancy.",
        (("name", "Ella Grant"),),
    ),
    (
        "We phoned the patient at 16:30 and talked to Gordon, her husband.",
        (("name", "Gordon"),),
    ),
    (
        "The exposure was made in Room 2 at 70 kV and 16 mAs; the 2 Park Road clinic was not involved.",
        (),
    ),
    (
        "Demographics: BROWN, Alice; D.O.B. 05.06.1971; 12 Chapel Row, Lewes.",
        (("name", "BROWN, Alice"), ("date_of_birth", "05.06.1971"), ("address", "12 Chapel Row, Lewes")),
    ),
    (
        "The CT was vetted by the on-call registrar and protocolled by the radiographer.",
        (),
    ),
    # Names typed in lower case, where the context says a name follows.
    (
        "Patient name: jane doe. The patient, john smith, was scanned instead.",
        (("name", "jane doe"), ("name", "john smith")),
    ),
    ("Mrs mary o'brien attended; patient name: unknown; the patient was scanned twice.", (("name", "mary o'brien"),)),
    # A name stops at the label of the next identifier, so redaction leaves the label.
    ("Mr John Smith DOB 12/03/1957", (("name", "John Smith"), ("date_of_birth", "12/03/1957"))),
    # A wrong-patient sentence names both people with no title or role.
    (
        "The CT was meant for Sarah Jones but was done on Emma Brown.",
        (("name", "Sarah Jones"), ("name", "Emma Brown")),
    ),
    ("Transferred from James Cook University Hospital for the scan.", ()),
    # Capital titles, with MR/DR/MS only when dotted (else a modality: MR HEAD, DR CHEST).
    ("MRS JONES was booked for MR HEAD; MR. SMITH for DR CHEST.", (("name", "JONES"), ("name", "SMITH"))),
    # Letters beyond Latin-1, a wrapped name, a no-break space.
    ("Patient Zoë Łukasiewicz was scanned.", (("name", "Zoë Łukasiewicz"),)),
    ("Seen by Mrs Ayşe\nYılmaz and Mr\u00a0Antonín Dvořák.", (("name", "Ayşe\nYılmaz"), ("name", "Antonín Dvořák"))),
    # Sign-offs and owners in a report.
    ("Signed: Peter Hughes, Band 6 Radiographer. Owner: Radiation Protection Committee.", (("name", "Peter Hughes"),)),
    ("Kind regards, Gwen Morgan", (("name", "Gwen Morgan"),)),
    # NHS numbers with dots or grouped 3-4-3; a labelled patient ID.
    (
        "NHS number 943.476.5919, also written 943 4765 919.",
        (("nhs_number", "943.476.5919"), ("nhs_number", "943 4765 919")),
    ),
    (
        "Patient ID number 7654321 was on the request; serial ID number 445 on the tube.",
        (("hospital_number", "7654321"),),
    ),
    # Wrong-patient sentences with given names from Wales, South Asia, China and Nigeria, and no title:
    # the words around them say a person ("requested for", "scanned", "instead of").
    (
        "CT head was requested for Eleri Davies but the radiographer scanned Olusegun Bankole.",
        (("name", "Eleri Davies"), ("name", "Olusegun Bankole")),
    ),
    (
        "It was meant for Zbigniew Nowak instead of Priya Sharma.",
        (("name", "Zbigniew Nowak"), ("name", "Priya Sharma")),
    ),
    ("Booked for Nuclear Medicine, then requested for Left Knee X-ray at Royal Marsden.", ()),
    # A surname alone after "requested for", "instead of" or a verb of exposing; not after any "for"/"of".
    (
        "Radiotherapy was requested for Jones; the team scanned O'Brien instead of McDonald.",
        (("name", "Jones"), ("name", "O'Brien"), ("name", "McDonald")),
    ),
    ("Referred from the University of Manchester; funded by the Trust for London; a dose of Omnipaque.", ()),
    # Two dates side by side are not a phone number ("03-05 2026-03").
    ("- Date of the incident: 2026-03-05 2026-03-07", ()),
)
