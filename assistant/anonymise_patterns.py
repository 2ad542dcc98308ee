"""The patterns that find identifiers: one named, commented pattern per kind.

Compiled once at import. The patterns find *candidates*; `assistant.anonymise`
then checks what a regular expression cannot (check digits, calendar dates,
digit counts, words that are not names). Every pattern starts with a boundary
(`\\b` or a look-behind) so a long run of letters or digits is tried once, not
once per character.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Upper and lower case letters, with the Latin-1 accented ones (Zoë, José).
# Letters of names written in Latin script: Latin-1, Latin Extended-A and -B, and the Vietnamese block
# (Łukasiewicz, Dvořák, Llŷr, Yılmaz, Nguyễn), upper and lower case kept apart.
_EXTENDED = [chr(c) for c in (*range(0x100, 0x250), *range(0x1E00, 0x1F00))]
_UP = "A-ZÀ-ÖØ-Þ" + "".join(ch for ch in _EXTENDED if ch.isupper())
_LOW = "a-zß-öø-ÿ" + "".join(ch for ch in _EXTENDED if ch.islower())

# --- NHS, CHI and Health and Care numbers -----------------------------------
# Ten digits written plain, 3-3-4 or 3-4-3 (separated by spaces, no-break
# spaces, hyphens or dots; the check digit guards against other numbers), or
# 6-4 as CHI numbers often are. Not part of a
# longer word or number, and not the digits of a decimal ("1.2345678901").
TEN_DIGITS = re.compile(
    r"""
    (?<!\w)(?<!\d[.,])
    (?P<number>
        \d{10}
      | \d{3}[ \u00a0.-]\d{3}[ \u00a0.-]\d{4}
      | \d{3}[ \u00a0.-]\d{4}[ \u00a0.-]\d{3}
      | \d{6}[ \u00a0-]\d{4}
    )
    (?!\w)(?![.,-]\d)
    """,
    re.X,
)

# "CHI" just before a number: the writer says it is Scottish.
CHI_LABEL = re.compile(r"\bCHI\b[^\d\n]{0,25}$", re.I)

# A number the writer labels as an NHS, CHI or Health and Care number is one
# whatever its check digit: a mistyped number still points at a person. The
# digits may be grouped any way; `assistant.anonymise` keeps 9 to 11 of them
# (ten, or ten with one digit dropped or doubled).
LABELLED_NUMBER = re.compile(
    r"""
    (?:
        (?P<nhs>\bN\.?H\.?S\b\.?)
      | (?P<chi>\bCHI\b)
      | (?P<hc>\bH[ \t]?[&+][ \t]?C\b|\bHCN\b|\bhealth[ \t]+(?:and|&)[ \t]+care\b)
    )
    [ \t]*(?:(?:number|no\b\.?|num\b\.?|\#)[ \t]*)?
    (?:[:\#=\-–—(][ \t]*)?(?:(?:is|was|of)[ \t]+)?
    (?P<number>(?<!\w)\d+(?:[ \u00a0.-]\d+){0,5})
    (?!\w)(?![.,]\d)
    """,
    re.I | re.X,
)
# A label that says the number names a thing ("serial number 9434765919"):
# then even a number with a right check digit is left alone.
THING_NUMBER_LABEL = re.compile(
    r"(?:\b(?:serial|lot|batch|datix|asset|invoice|barcode|call|ticket|job|system|device|equipment|service|notification)"
    r"(?:[ \t]+(?:number|no\b\.?|num\b\.?|id\b|ref\b|reference))?|\bs/?n\b\.?)"
    r"[ \t]*[:\#=]?[ \t]*$",
    re.I,
)

# --- Dates of birth --------------------------------------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# A calendar date as people write it; `assistant.anonymise` checks the ranges.
_DATE = rf"""
    (?<!\d)
    (?:
        \d{{1,2}}(?P<dsep>[ ]?[/.\-][ ]?|[ ])\d{{1,2}}(?P=dsep)(?:\d{{4}}|\d{{2}})   # 12/03/1957, 12.3.57, 12 / 03 / 57
      | \d{{4}}(?P<ysep>[/.\-])\d{{1,2}}(?P=ysep)\d{{1,2}}                  # 1957-03-12, 1957/03/12
      | {_DAY}[ \t-]+(?:of[ \t]+)?{_MONTH},?[ \t-]+(?:\d{{4}}|['’]?\d{{2}})  # 12 March 1957, 12-Mar-57, 12th March '57
      | {_MONTH}[ \t]+{_DAY},?[ \t]+\d{{4}}                               # March 12, 1957
    )
    (?![\w/])
"""
# What says "this date is a birth date": DOB, D.O.B., date of birth, born (on), "b." just before a date.
_DOB_WORDS = r"(?:\bd\.?o\.?b(?![a-z])\.?|\bdate[ \t-]+of[ \t-]+birth\b|\bborn\b|\bb\.(?=[ \t]*\d))"
# Between the words and the date: punctuation and a few linking words only,
# so "born in Leeds and scanned on 12/03/2024" is not a birth date.
# Or a few words ending in a colon: "DOB of pt exposed: 09/09/1949" (a colon says the date is the label's).
_DOB_GAP = (
    r"(?:[ \t]+(?:[a-z’']+[ \t]+){0,3}[a-z’']+[ \t]*[:=])?"
    r"[ \t]*(?:[:\-–—=(\[][ \t]*)?(?:(?:is|was|on|of|the|given[ \t]+as|recorded[ \t]+as|as)[ \t]+){0,2}"
)
# After a label a date may be written without separators: "DOB 12031951", "dob 120351".
_LABELLED_DATE = rf"(?:{_DATE}|(?<!\d)\d{{8}}(?!\d)|(?<!\d)\d{{6}}(?!\d))"
DATE_OF_BIRTH = re.compile(rf"{_DOB_WORDS}{_DOB_GAP}(?P<date>{_LABELLED_DATE})", re.I | re.X)
# Any calendar date, for the full dates written with a year of the last century: in an incident
# report, a patient's date of birth whatever the words around it.
ANY_DATE = re.compile(rf"(?P<date>{_DATE})", re.I | re.X)
# The same, the other way round: "12/03/1957 (DOB)". DOB_WORDS finds the
# words; DATE_BEFORE is then tried on the few characters before them.
DOB_WORDS = re.compile(_DOB_WORDS, re.I)
# Words after "DOB" that speak of it rather than label a date: "14/03/2024, DOB not asked".
DOB_SPOKEN_OF = re.compile(
    r"[ \t]+(?:not|never|was|were|is|of|checked|asked|unknown|differ\w*|wrong|missing|confirmed|recorded|on"
    r"|mismatch\w*|blank|incorrect)\b",
    re.I,
)
# A date of the last century after one of these is an event's (a source's reference date, a pacemaker
# implanted, an earlier treatment or film), not a birth date.
EVENT_BEFORE_DATE = re.compile(
    r"\b(?:reference|ref|source|certificate|certified|calibrat\w*|implant\w*|install\w*|commission\w*|manufactur\w*"
    r"|dated|previous|previously|prior|earlier|treated|treatment|rt|radiotherapy|irradiated|scan|scanned|x-?ray|xr|cxr"
    r"|ct|mri|film|archive\w*|exam\w*|performed|administered|acquired|purchased|replaced|serviced|since)\b[^.\n]{0,30}$",
    re.I,
)
DATE_BEFORE = re.compile(rf"(?P<date>{_DATE})[ \t]*[(\[,]?[ \t]*$", re.I | re.X)
DATE_PARTS = re.compile(r"\d+|[a-z]+", re.I)

# --- Hospital numbers, MRNs and other local patient ids -------------------
# Only after a label: a bare "CT2", "Room 4B" or "400 MBq" is never an id.
_HOSPITAL_LABEL = r"""
    (?:
        \bM\.?R\.?N(?![a-z])\.?                                     # MRN, M.R.N., MRN12345
      | \bmedical[ \t]+records?[ \t]+(?:number|no\b\.?)
      | \b(?:hospital|hosp\b\.?)[ \t]*(?:number|no\b\.?|num\b|id\b|ref\b)
      | \bunit[ \t]+(?:number|no\b\.?)
      | \b(?:patient|pt\b\.?)[ \t]+(?:id\b|identifier|number|no\b\.?|ref\b|reference)(?:[ \t]+(?:number|no\b\.?))?
      | \b(?:PAS|RIS|PACS|EPR|CRIS)[ \t]+(?:number|no\b\.?|id\b|ref\b)
      | \b(?:PAS|RIS|EPR|CRIS|hosp(?:ital)?\.?)(?=[ \t]*[\#:])                 # PAS: RX1234567, Hosp#RX1234567
      | \b[CU]RN\b                                                       # CRN, URN
      | \b(?:case[ \t]*notes?|trust|order|RT|radiotherapy|oncology|x-?ray|prison(?:er)?)[ \t]+(?:number|no\b\.?)
      | \baccession(?:[ \t]+(?:number|no\b\.?))?
      | \bacc\b\.?[ \t]*no\b\.?
      | \bK[ \t-]?(?:number|no\b\.?)
      | \bcase[ \t]+(?:number|no\b\.?)
      | \b(?:health[ \t]+)?record[ \t]+(?:number|no\b\.?)
    )
"""
_HOSPITAL_GAP = r"[ \t]*(?:[:\#=\-–—(][ \t]*)?(?:(?:is|was|of)[ \t]+)?"
# The id itself: letters then digits, attached ("RX1234567", "ACC-2024-0012")
# or an upper-case prefix and a space ("K 123456"); it must hold digits.
# "ID: RX1234567" is a patient's unless the word before names a thing ("Datix ID: 1234").
ID_LABEL = re.compile(
    r"(?<![\w-])(?P<thing>[A-Za-z]+[ \t]+)?ID[ \t]*[\#:][ \t]*(?P<id>[A-Za-z]{0,5}-?\d[\dA-Za-z-]*[\dA-Za-z])(?!\w)"
)
THING_ID_WORDS = _words(
    """datix incident serial asset study series exam examination job ticket ref reference request order batch lot
    device equipment user login staff employee badge"""
)
# The label after the id: "RX9988776 (hospital number)", "K234567 (K no)", "RX1234567 (MRN)".
HOSPITAL_NUMBER_BEFORE_LABEL = re.compile(
    rf"""
    (?<![\w/.-])
    (?P<id>(?-i:[A-Z]{{1,4}})[ ]\d{{5,}}|[A-Za-z]{{0,5}}-?\d[\dA-Za-z-]*[\dA-Za-z])
    [ \t]*[(\[,]?[ \t]*{_HOSPITAL_LABEL}
    """,
    re.I | re.X,
)
HOSPITAL_NUMBER = re.compile(
    rf"""
    {_HOSPITAL_LABEL}{_HOSPITAL_GAP}
    (?P<id>
        (?-i:[A-Z]{{1,4}})[ ]\d[\dA-Za-z/-]*[\dA-Za-z]
      | [A-Za-z]{{1,5}}\d{{1,3}}[ ]\d{{3,}}(?!\w)                                 # RX1 234567
      | \d{{2,4}}(?:[ ]\d{{1,4}}){{1,3}}(?![ ]?\w)                                # 123 456 7
      | [A-Za-z]{{0,5}}[-/]?\d[\dA-Za-z/-]*[\dA-Za-z]
    )
    (?!\w)
    """,
    re.I | re.X,
)

# --- UK postcodes ---------------------------------------------------------
# Outward code (A9, A99, AA9, AA99, A9A, AA9A, with the letters Royal Mail
# uses in each place), optional space, inward code (9AA; never C I K M O V).
POSTCODE = re.compile(
    r"""
    (?<!\w)
    (?P<outward>
        [A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRVWXY]
      | [A-PR-UWYZ]\d[A-HJKPSTUW]
      | [A-PR-UWYZ][A-HK-Y]\d{1,2}
      | [A-PR-UWYZ]\d{1,2}
    )
    [ \u00a0]?
    (?P<inward>\d[ABD-HJLNP-UW-Z]{2})
    (?!\w)
    """,
    re.I | re.X,
)
# "2nd", "1st": an ordinal after a bed or scanner name, not an inward code,
# unless the words before say an address follows ("lives at d8 8th").
ORDINAL = re.compile(r"\d(?:st|nd|rd|th)")
ADDRESS_BEFORE = re.compile(r"\b(?:post[ \t]?code|address|lives|living|resides|resident)\b[^.\n]{0,30}$", re.I)

# --- Phone numbers --------------------------------------------------------
# UK numbers: 0 or +44 (optionally "(0)"), an area or mobile prefix
# (possibly in brackets), then up to three more groups of digits. The digit
# count and first digit are checked afterwards, dropping trailing groups that
# do not belong ("0161 496 0000 12 times").
PHONE = re.compile(
    r"""
    (?<![\w+])(?<!\d[-/.])         # not the middle of a date ("2026-03-05 2026-03-07")
    (?P<prefix>\+44[ \t-]?(?:\(0\)[ \t-]?)?|\(0|0)
    (?P<area>\d{1,5})(?P<close>\)?)
    (?:[ \t-]?\d{1,6}){1,3}
    (?!\w)(?![.,:/-]\d)
    """,
    re.X,
)
DIGIT_GROUP = re.compile(r"\d+")

# --- Email addresses ------------------------------------------------------
EMAIL = re.compile(
    r"(?<![\w.%+'-])[\w.%+'-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![\w-])",
)

# --- Personal names -------------------------------------------------------


# The contexts that announce a name. The name itself is read word by word
# (NAME_WORD, INITIALS) so that words which are not names can end it.
TITLE = re.compile(
    # In capitals MR, DR and MS are also modalities and a disease ("MR HEAD", "DR CHEST"): only with a dot.
    r"(?:\b(?:Mrs|Mr|Ms|Miss|Mx|Dr|Professor|Prof|MRS|MISS|MX|PROFESSOR|PROF)\b\.?|\b(?:MR|DR|MS)\.)"
    r"(?:[ \t\u00a0]+|[ \t]*\n[ \t]*)"  # a title may end a wrapped line: "Mrs\nJane Doe"
)
# A title typed in lower case ("mrs jones", "dr patel"). "mr", "dr" and "ms" are also modalities and a
# disease ("mr knee", "dr room", "ms relapse"): after those a lower-case word must be a known name.
LOWER_TITLE = re.compile(r"\b(?P<title>mrs|mr|dr|ms)\b\.?[ \t\u00a0]+")
# The titles, as words: another title after a name starts another person ("Dr Smith and Dr Ward").
TITLE_WORDS = _words("Mr Mrs Ms Miss Mx Dr Prof Professor Sister Nurse MR MRS MS MISS DR")
# Forms of address that are also ordinary words ("Nurse Specialist", "Sister
# ward"): what follows them must look like a name.
SOFT_TITLE = re.compile(r"\b(?:Sister|Nurse|(?i:staff)[ \t]+nurse|Matron|Revd|Rev|Sir|Dame|Lady|Lord)\b\.?[ \t]+")
PATIENT_CONTEXT = re.compile(
    r"\b(?:patient|pt\b\.?)(?:['’]s)?"
    r"(?:[ \t]+(?:named|called|known[ \t]+as|details|identity|identifiers?|identified[ \t]+as))?"
    r"[ \t]*[:,\-–—(]?[ \t]*",
    re.I,
)
NAME_LABEL = re.compile(
    r"\b(?:(?P<whose>patient(?:['’]s)?|full|first|last|family|given|maiden|middle|preferred)[ \t]+|(?P<sur>sur|fore))?"
    r"name(?:\(s\)|s)?(?:"
    r"[ \t]*(?:[:\-–—=]|is\b|was\b)[ \t]*"
    # Without a colon the label must say whose name: "Mother's name Fatima", "first name Ali".
    rf"|(?:(?<=['’]s[ \t]name)|(?(whose)|(?(sur)|(?!))))[ \t]+(?=[{_UP}])"
    r")",
    re.I,
)
# Words before "name:" that make it the name of a thing, not a person
# ("protocol name: CT Chest"). Any other word leaves it a person's name: a
# missed name costs more than a needless redaction.
THING_NAMES = _words(
    """protocol scanner drug medicine file user study series sequence examination exam procedure device
    equipment machine room unit ward department hospital trust site product company manufacturer model
    organisation organization employer body authority test field template plan document form report code
    criterion isotope radionuclide radiopharmaceutical agent contrast modality service team software
    system network printer host server project folder list variable product brand generic trade"""
)
# Roles and verbs after which a full name (two words at least) is a person:
# "radiographer Sarah Jones", "referred by John Smith". Any word followed by
# a capital is a candidate (a cheap scan); the word is then looked up.
WORD_BEFORE_CAPITAL = re.compile(
    rf"(?<![A-Za-z])(?P<word>[A-Za-z]++)(?:[ \t]+(?P<link>by|to|with))?[ \t]*+[:,(]?[ \t]*+(?=[{_UP}])"
)
ROLE_WORDS = _words(
    """radiographer operator referrer practitioner physicist technologist nurse consultant registrar
    radiologist sonographer clinician doctor dosimetrist therapist colleague gp mpe rpa rps
    radiographers operators referrers practitioners physicists technologists nurses consultants registrars
    radiologists sonographers clinicians doctors dosimetrists therapists colleagues staff
    signed signature author investigator investigators owner approver reviewer cc regards prisoner"""
)  # the last line: a draft's signatures, owners and sign-offs ("Signed: Peter Hughes", "Kind regards, ...")
# Relatives are named by first name alone ("daughter, Mary", "next of kin: Peter").
RELATIVE_WORDS = _words(
    """relative relatives carer husband wife partner spouse mother father daughter son brother sister parent
    parents guardian grandson granddaughter grandmother grandfather niece nephew aunt uncle friend neighbour
    stepson stepdaughter stepmother stepfather fiance fiancee kin nok mum mam mom dad nan nana gran granny grandma
    grandad grandpa baby"""
)
# Speaking to someone names them, even by first name alone: "I spoke to Ahmed".
SPOKEN_TO_VERBS = _words("spoke spoken speaking talked talking explained apologised apologized")
# Words after which a name is the person exposed or meant to be. After a verb of exposing, "instead
# of" or "requested for", a surname alone is enough ("scanned Smith instead of Jones"); after any
# other "for", only a full name ("for Eleri Davies", not "Trust for London").
EXPOSING_VERBS = _words("scanned imaged rayed treated injected irradiated exposed")
MEANT_FOR = _words("requested booked meant intended referred")
# "done on Hope Mark": after these, "on" is followed by the person the examination was done on.
DONE_ON = _words("done performed carried undertaken")
PATIENT_WORDS = EXPOSING_VERBS | _words("for of on")
ROLE_VERBS = _words(
    """referred reported checked signed seen authorised authorized justified performed scanned treated
    witnessed escorted accompanied approved completed reviewed written prepared compiled investigated"""
)
# A name word: Patel, O'Neill, McDonald, Smith-Jones, SMITH (upper case is
# only accepted after a title or another name word).
NAME_WORD = re.compile(
    rf"""
    (?:[{_UP}][{_LOW}]{{0,2}}['’])?[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?
    (?:-(?:[{_UP}][{_LOW}]{{0,2}}['’])?[{_UP}][{_LOW}]+)*
    (?=['’]s\b|['’](?!\w)|-(?!\d)|[^\w'’-]|$)   # a whole word ("Smith's" and 'Smith' give Smith; "Tc-99m" none)
    """,
    re.X,
)
UPPER_NAME_WORD = re.compile(rf"(?:[{_UP}]['’])?[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})*(?=['’]S\b|['’](?!\w)|[^\w'’]|$)")
# Initials before a surname: "J Patel", "J. Patel", "A.B. Smith".
INITIALS = re.compile(rf"(?:[{_UP}]\.){{1,3}}|[{_UP}](?=[ \t])")
NAME_GAP = re.compile(r"[ \t\u00a0]{1,2}|[ \t]?\n(?=[^\n])")  # a name may wrap: "Mrs Jane\nDoe"
# Lower-case particles inside a surname: "Dr van der Merwe", "Ms de la Cruz".
PARTICLES = re.compile(r"(?:(?:van|von|der|den|de|la|le|du|da|di|del|dos|ap|ab|bin|ibn|al|el|Ó|Ní|Nic|Uí)[ \t])+")
# Hospital systems write "SMITH, John": upper-case surname, comma, first name.
SURNAME_COMMA_FIRST = re.compile(
    rf"(?<![\w'’-])(?P<surname>(?:[{_UP}]['’])?[{_UP}]{{2,}}(?:[- ][{_UP}]{{2,}}){{0,3}}),[ \t]?"
    rf"(?P<first>[{_UP}][{_LOW}]+)(?:-[{_UP}][{_LOW}]+)?(?![\w'’-])"
)
# "SMITH, JOHN", as PAS and RIS print patients, read where a label or "patient" says a name follows.
UPPER_SURNAME_COMMA_FIRST = re.compile(
    rf"(?<![\w'’-])(?P<surname>(?:[{_UP}]['’])?[{_UP}]{{2,}}(?:[- ][{_UP}]{{2,}}){{0,3}}),[ \t]?"
    rf"(?P<first>[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?)(?![\w'’-])"
)
# A title in capitals without its dot ("MR JOHN SMITH"): also a modality ("MR KNEE"), so read only when a
# known given name or surname follows.
UPPER_TITLE = re.compile(rf"\b(?:MRS|MR|MS|DR|MISS)[ \t]+(?=[{_UP}]{{2,}})")
# What may follow "Smith, John" outside a name context for it to be read as a
# name: an identifier at once ("Okoro, Chinedu (DOB ...", "Smith, John, NHS no.").
LISTED_BEFORE_IDENTIFIER = re.compile(
    r"[ \t]*[,;(\[\-–—]?[ \t]*(?:\bd\.?o\.?b\b|\bdate[ \t]+of[ \t]+birth\b|\bborn\b|\baged?\b|\bNHS\b|\bCHI\b"
    r"|\bH[ \t]?[&+][ \t]?C\b|\bHCN\b|\bM\.?R\.?N\b|\bunit[ \t]+(?:number|no\b)"
    # Sex and age ("F, 67y"), a title in brackets ("(MR)"): how PAS and RIS print a patient after the name.
    r"|\b[MF]\b[ \t]*[,/]?[ \t]*\d{1,3}[ \t]?(?:y\b|yrs?\b|years?\b|yo\b)|\((?:MR|MRS|MS|MISS|MX)\)"
    r"|\bhosp(?:ital)?\b\.?[ \t]*(?:number|no\b|num\b|id\b|\#|:))",  # not "..., Morriston Hospital"
    re.I,
)
# People write "Smith, John" too; only read so where a name is expected or
# just before an identifier ("In Leeds, Bradford..." is not a name).
MIXED_SURNAME_COMMA_FIRST = re.compile(
    rf"(?<![\w'’-])(?P<surname>(?:[{_UP}][{_LOW}]{{0,2}}['’])?[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)?),"
    rf"[ \t]?"
    rf"(?P<first>[{_UP}][{_LOW}]+)(?:-[{_UP}][{_LOW}]+)?(?![\w'’-])"
)

# A name just before "(pt" or "(patient": "Heather (pt, 44) said".
NAME_BEFORE_PATIENT = re.compile(rf"(?P<name>[{_UP}][{_LOW}]+(?:[ \t][{_UP}][{_LOW}]+)?)[ \t]*\((?:[Pp]t|[Pp]atient)\b")
# Capitalised words that are never a name, wherever they appear: they end a
# name ("Dr Patel On call") and stop one starting ("the Dr On call").
NEVER_NAMES = _words(
    """
    The This That These Those There Their His Her Its Our We They He She It I A An
    Patient Patients On Of In At To And Or For From With By As Is Was Were Are Be Been Has Had Have Who Whom
    Which When Where Then But Not No Yes All Any Each Call Duty Today Yesterday Tomorrow
    Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Sister Nurse
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April June July August September October November December
    """
)
# Capitalised words common in incident writing that are not names. They stop
# a name in every context except directly after a title, where surnames such
# as "Ward" or "Hall" must still be caught.
NOT_NAMES = _words(
    """
    Radiation Protection Committee Superintendent Director Supervisor Chair Executive Officers
    Safety Group Direction Directions Information Identification Identity Advice Liaison Service Services
    Experience Transport Record Records Details Detail Dose Doses Dosimetry Pathway Team Teams Incident Incidents
    Report Reports Referral Referrals Consent Care Notes Name Names Number Numbers Hospital Hospitals Trust
    Department Unit Ward Wards Room Clinic Centre Center Medicine Medical Imaging Radiology Oncology Cardiology
    Physics Nuclear Radiotherapy Radiography Scan Scans Scanner Protocol Protocols Request Requests Form Forms
    Leaflet List Label Labels Band Wristband Status Pregnancy Check Checks Checklist Policy Procedure Procedures
    Clinical Diagnostic Therapeutic Interventional Cardiac Senior Junior Lead Principal Specialist Advanced
    Assistant Trainee Student Agency Locum Radiographer Radiographers Radiologist Radiologists Oncologist
    Physicist Physicists Cardiologist Surgeon Practitioner Practitioners Technologist Registrar Consultant
    Engineer Manager Officer Expert Adviser Advisor Operator Operators Referrer Referrers Employer Staff
    Siemens Philips Canon Toshiba Varian Elekta Healthineers Healthcare Systems Accuray Hologic Agfa Carestream
    Fujifilm Mediso Linac Linacs Gamma Camera Theatre Theatres Emergency General Royal University Infirmary
    Board Health Authority Executive Inspectorate Commission Quality Regulation Regulations Schedule
    Exposure Exposures Examination Examinations Treatment Treatments Fraction Fractions Plan Plans Planning
    Review Reviewed Investigation Datix Local Rules Written Entitlement Justification Authorisation
    Chest Abdomen Pelvis Head Neck Spine Knee Hip Hand Foot Wrist Ankle Shoulder Elbow Thorax Brain Heart Lung
    Breast Bone Renal Thyroid Coronary Whole Body Left Right Bilateral Contrast Portable Mobile
    England Wales Scotland Northern Ireland Isle Man British National Kingdom Medicines Agency Support Adverse
    Improvement Facilities Inspectorate Centre Unit Products Regulatory Society College
    Pharmacy Haematology Endoscopy Urology Orthopaedics Orthopedics Maternity Paediatrics Pediatrics Neurology
    Pathology Microbiology Gastroenterology Dermatology Ophthalmology Respiratory Vascular Stroke Surgery Surgical
    Anaesthetics Anaesthesia Critical Intensive Accident Urgent Acute Outpatients Admissions Switchboard Reception
    Security Estates Porter Porters Portering Matron Governance Risk Legal Bank Bed Bureau Control Site Duty
    Please Note Action Update Summary Background Outcome Findings Comments Description Subject Attention
    Important Warning Family Relatives Parents Guardian Carers Everyone Nobody Someone
    Date Birth Born Aged Age Address Postcode Telephone Phone Mobile Email Tel Contact Sex Gender
    Occupational Human Resources Infection Prevention Safeguarding Palliative Hospice Dietetics Physiotherapy
    Radiopharmacy Nursing Practice Management Coordinator Co-ordinator Helpdesk Desk Office Operations Ops Admin
    Finance Procurement Male Female Man Woman Boy Girl Child Baby Infant Adult Elderly Unknown Anonymous
    Bay Side Query Forename Forenames Surname Surnames Repeat Repeated Intended Discovered Discharged Transferred
    Admitted Arrived Attended Consented Declined Refused Informed Aware Unable Confused Alert Orientated
    Inpatient Outpatient Escorted Bariatric Anxious Distressed Stable Sedated Ventilated Intubated Deceased
    Unwell Collapsed Agitated Pregnant Fasted Cannulated Known Previous Same Wrong Correct
    """
)
# Months and days that are also given names: after a title they are read as names ("Mrs June Smith").
CALENDAR_NAMES = _words("April May June July August Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
# Parts of the body and exams: after a title they are an exam's name ("Mr Knee", "MRS Brain"), not a person.
EXAM_WORDS = _words(
    """Chest Abdomen Pelvis Neck Spine Knee Hip Foot Wrist Ankle Shoulder Elbow Thorax Brain Heart Lung Breast Bone
    Renal Thyroid Coronary Whole Body Prostate Liver Pancreas Orbits Sinuses Cardiac Urology Spectroscopy"""
)
# Words in NOT_NAMES that are also surnames: after a first name ("Callum
# Ward") they are read as part of the name.
ALSO_SURNAMES = frozenset({"Ward", "Hall", "Head", "Lead", "Rose", "Hand", "Band", "Porter", "Child", "Bank"})
# Capitalised acronyms and words that are never a name written in capitals:
# "patient CT HEAD", "URGENT, Please", "PACS, Sarah" is not "SURNAME, First".
UPPER_NOT_NAMES = frozenset(word.upper() for word in NEVER_NAMES | (NOT_NAMES - ALSO_SURNAMES)) | _words(
    """
    CT MR MRI PET SPECT NM DR CR XR DEXA DXA KUB CTA CTPA CTC PICC IV ED AE ICU ITU HDU NHS GP MPE RPA RPS RPO
    IRMER IR ME CQC HSE HIW HIS RQIA SAUE ARSAC DLP DAP CTDI DRL FDG MDP MAG MAA PSMA PA AP LAT OPG IVU HSG
    ERCP PCI TAVI OGD ID DOB NOK MRN RIS PACS PAS EPR CRIS EHR UK USA ASAP FAO FYI RE NB PTO TBC TBD NA NOT
    URGENT IMPORTANT NOTE PLEASE ACTION UPDATE LEFT RIGHT AND OR THE WITH FOR KV MAS MSV MGY GY MBQ GBQ
    SIRT MIBG RAI IMRT VMAT SABR SBRT SRS TBI CBCT IGRT PTV CTV GTV OAR MLC TPS LINAC DIBH HDR LDR PDR
    DNA DNR DNACPR NBM NFA WRONG SIDE SAME NEVER ALWAYS ONLY AGAIN TWICE BEFORE AFTER MUST SHOULD DID HAD HAS
    UHB HB AMU CDU SAU MAU EAU ACU CCU SDEC UTC MIU RTT RT TR
    NECK CHEST ABDO ABDOMEN PELVIS SPINE BRAIN KNEE HIP FOOT WRIST ANKLE SHOULDER ELBOW THORAX
    """
)

# --- Street addresses --------------------------------------------------------
# A house number, one to three capitalised words and a street word: "14 Acacia
# Avenue", "22 Station Road", "Flat 3, 22 Station Road". "Room 3", "Ward 22",
# "3 Gy to the Lung" have no street word; "Linac 2 Park position" has no name
# before its street word. Town and county after commas are read afterwards.
_STREET_WORD = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Place|Gardens|Court|Terrace|Grove|Park"
    r"|Hill|Row|Walk|Square|Mews|Parade|Cottages|Rise|Vale|Wynd|Brae|Quay|Boulevard|Chase|Croft|Fold|Green)"
)
# Welsh street words come first: "Heol y Parc", "Ffordd y Grug", "Stryd Fawr", "Lôn Las".
_WELSH_STREET_WORD = r"(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Llys|Cilgant|Maes|Rhes|Teras)"
_STREET_NAME_WORD = rf"(?:[{_UP}][{_LOW}]{{0,2}}['’])?[{_UP}][{_LOW}]+(?:['’]s)?(?:-[{_UP}][{_LOW}]+)*"
STREET_ADDRESS = re.compile(
    rf"""
    (?<![\w.,/:])
    (?:(?P<flat>(?i:flat|apartment|apt\.?)[ \t]+\d{{1,4}}[A-Za-z]?),?[ \t]+)?
    (?P<house>\d{{1,4}}[A-Za-z]?(?:[-–]\d{{1,4}}[A-Za-z]?)?),?[ \t]+
    (?:
        (?P<street>(?:{_STREET_NAME_WORD}[ \t]+){{1,3}}){_STREET_WORD}\b\.?
      | {_WELSH_STREET_WORD}(?:[ \t]+(?:[yY]r?|['’]r|{_STREET_NAME_WORD})){{1,3}}  # 22 Heol y Parc, 4 Stryd Fawr
    )
    (?![\w'’-])
    """,
    re.X,
)
# One town or county after an address: ", Little Whinging", ", Newcastle upon Tyne".
_PARTICLE = r"(?:upon|on|under|in|by|le|next|the|super|sur|en|and)"
_PLACE_WORD = rf"{_STREET_NAME_WORD}(?:-{_PARTICLE}-{_STREET_NAME_WORD})?"
ADDRESS_PLACE = re.compile(
    rf",[ \t]*(?P<place>{_PLACE_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_PLACE_WORD}){{0,2}})(?![\w'’-])"
)
# Capitalised words before a street word that make it a clinical phrase, not a
# street: "a 6 Minute Walk test".
NOT_STREET_NAMES = NEVER_NAMES | _words(
    """Minute Minutes Hour Hours Second Seconds Day Days Week Weeks Month Months Year Years Step Steps Stage
    Grade Level Phase Gy Fraction Fractions Dose Doses Test Tests Shuttle Beam Beams Linac Couch Cath Lab Labs
    Control Treatment Exposure Scan Scanner Imaging Nuclear Radiology Theatre Theatres Clinic Monitor Monitors
    Gantry Field Fields Isocentre"""
)
# A number after one of these counts places or steps in a hospital, not
# houses: "Level 2 Main Court", "Bed 4 Rose Court", "Section 3 Part Two".
NUMBERED_PLACE_BEFORE = re.compile(
    r"\b(?:level|floor|bed|bay|room|ward|station|linac|couch|theatre|lab|section|part|fraction|table|unit|clinic"
    r"|desk|lift|gate|door|block|wing|zone|area|phase|stage|grade|step|version|page|figure|fig|scanner|camera"
    r"|cubicle|booth|trolley|chair|bunker|suite)\.?[ \t]*$",
    re.I,
)
# ...and a name followed by one of these is a part of a hospital: "3 West Park ward".
HOSPITAL_PLACE_AFTER = re.compile(
    r"[ \t]+(?:ward|unit|wing|clinic|suite|building|block|theatre|department|dept|centre|center|hospital"
    r"|outpatients|lab|annexe|annex)\b",
    re.I,
)

# Common given names in the UK (ONS lists, several generations). Followed by a
# capitalised surname they are a person even without a title or role: "meant
# for Sarah Jones but done on Emma Brown". Names that are also everyday words
# (Will, Mark, Grace, May, Rose, Hope...) are left out: they start sentences.
FIRST_NAMES = _words(
    """
    Aaron Abdul Abigail Adam Adrian Ahmed Aidan Aisha Alan Albert Alexander Alfie Ali Alice Alison Amanda Amelia
    Amir Amy Andrea Andrew Angela Ann Anna Anne Anthony Archie Arthur Ashley Barbara Barry Ben Benjamin Beth
    Bethan Betty Brian Callum Cameron Carl Carol Caroline Catherine Charles Charlie Charlotte Chloe Christine
    Christopher Claire Colin Connor Craig Daniel Darren David Dean Deborah Denise Dennis Derek Diane Donna
    Dorothy Douglas Dylan Edward Eileen Elaine Eleanor Elizabeth Ella Ellie Emily Emma Eric Ethan Evelyn
    Fatima Fiona Freya Gareth Gary Gavin Gemma Geoffrey George Gillian Graham Gwen Hannah Harry Hayley Heather
    Helen Henry Hollie Ian Imogen Irene Isaac Isabella Isla Jacob Jake James Jamie Jane Janet Jason Jayden
    Jean Jennifer Jessica Joan Joanne John Jonathan Joseph Joshua Joyce Judith Julie Karen Kate Katherine
    Kathleen Kayleigh Keith Kelly Kenneth Kevin Kieran Kirsty Laura Lauren Leah Lee Leo Lewis Liam Linda
    Lisa Logan Lorraine Louise Lucy Luke Lynn Margaret Maria Marie Martin Mary Matthew Maureen Megan Melanie
    Michael Michelle Mohammed Mohammad Muhammad Nathan Neil Nicholas Nicola Noah Oliver Olivia Oscar Owen
    Pamela Patricia Paul Pauline Peter Philip Rachel Rebecca Rhys Richard Robert Ronald Ruth Ryan Samantha
    Samuel Sandra Sarah Scott Sean Sharon Shaun Sheila Siobhan Sophie Stephen Steven Stuart Susan Teresa
    Thomas Tracey Tracy Valerie Wendy William Yasmin Zara Zoe
    Aled Alun Angharad Bronwen Carys Catrin Cerys Dafydd Delyth Eleri Elin Emyr Ffion Gethin Gwyneth Huw Ieuan
    Iwan Llinos Lowri Manon Mared Nia Osian Rhian Rhiannon Rhodri Sian Sioned Tomos
    Ailsa Alasdair Calum Catriona Eilidh Euan Ewan Fraser Hamish Iain Kirsteen Mhairi Morag Murdo
    Aoife Caoimhe Ciara Cian Conor Declan Eoin Niamh Oisin Orla Padraig Roisin Seamus Sinead
    Amit Anil Anjali Arjun Asha Ayesha Bilal Deepak Divya Farah Gurpreet Hamza Harpreet Hassan Hussain Ibrahim
    Imran Jaspreet Khalid Manpreet Maryam Nadia Nasreen Neha Omar Parveen Pooja Priya Rahul Rajesh Ravi
    Rukhsana Saima Sanjay Shabana Simran Sunil Sunita Tariq Usman Yusuf Zain Zainab Abdullah Mustafa Ahmad
    Mohamed Abdi Amina Hodan Wei Ming Hui Xin Yan Chinedu Chiamaka Adebayo Emeka Femi Folake Funmilayo Kofi
    Kwame Ngozi Oluwaseun Olusegun Tunde Abena Agnieszka Katarzyna Krzysztof Lukasz Magdalena Piotr Tomasz
    Andrei Elena Irina Natalia Olga Monika Marta Sofia Lucas Mia Ava Poppy Freddie Harvey Theo Joe Tom Sam
    Dan Rob Chris Nick Matt Tony Steve Dave Mike Jim Sue Liz Kim
    Kyle Wayne Leanne Stacey Beverley Brenda Doreen Mavis Aisling Ivy Heather Shirley Sylvia Gladys Edna Ethel
    Vera Marjorie Hilda Elsie Winifred Florence Harold Stanley Norman Leslie Trevor Clive Malcolm Roger Raymond
    Terence Gordon Bernard Frederick Walter Alfred Ernest Sidney Cyril Reggie Phyllis Beryl Janice Tina
    Jacqueline Julia Josephine Rosemary Hazel Iris Violet Daisy Lily Evie Sienna Ruby Millie Phoebe Matilda
    Layla Aaliyah Riley Harrison Jenson Tyler Kai Reece Jordan Brandon Bradley Graeme Alistair Duncan Angus
    Shona Bronagh Ciaran Eamon Colm Dermot Brendan Niall Ruairi Grainne Mairead Bridget Kathryn Kerry Natasha
    Vanessa Victoria Zoë Ifeoma Oluwadamilare Bartosz Jakub Mateusz Oskar Zofia Ewa Daniela Alina Ionut
    """
)
# One of those given names, then a space and a capital: where a surname may start.
KNOWN_FIRST_NAME = re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(FIRST_NAMES))})(?=[ \t\u00a0][{_UP}])")
# Words after a name that make it a place, not a person: "James Cook University Hospital".
INSTITUTION_WORDS = _words(
    """Hospital Hospitals Infirmary Trust Centre Center Unit Clinic Institute University College Foundation
    Building Wing Ward House Road Street Lane Avenue Way Close Drive Court Square Park Station School Hall"""
)
NEXT_WORDS = re.compile(r"(?:[ \t\u00a0]+[\w'’&-]+){1,5}")  # the up to five words after a name
# Labels that start another identifier: a name read word by word stops at them.
IDENTIFIER_LABELS = _words("DOB NHS CHI HCN MRN RIS PAS EPR ID NO DOD")
# A name typed in lower case ("Mrs jane doe", "Patient name: mary o'brien"): read only where the
# context says a name follows, and never through words of ordinary writing.
LOWER_NAME_WORD = re.compile(rf"[{_LOW}][{_LOW}]*(?:['’-][{_LOW}]+)*(?![\w'’-])")
LOWER_NOT_NAMES = frozenset(w.lower() for w in NEVER_NAMES | NOT_NAMES) | _words(
    "had has have was were is are be been being said told called named who which that and or but not no"
    " unknown blank withheld redacted removed none same given recorded missing unclear illegible"
)
FIRST_NAMES_LOWER = frozenset(name.lower() for name in FIRST_NAMES)
# Common UK surnames that are not also everyday words (no Brown, White, Hall, King...): typed in lower case
# after a lower-case title or "pt" ("dr patel", "pt mcdonald had CT") they are read as names.
SURNAMES_LOWER = _words(
    """
    smith jones williams taylor davies evans thomas johnson roberts robinson thompson wilson edwards hughes
    lewis jackson harris martin clarke clark walker wright mitchell morris morgan phillips parry powell price
    pritchard rees jenkins lloyd owen owens griffiths llewellyn pugh bevan howells watkins probert
    patel khan ali ahmed ahmad hussain hussein singh kaur begum shah iqbal rahman akhtar mahmood chaudhry
    campbell stewart anderson macdonald mcdonald scott reid murray morrison robertson thomson paterson fraser
    mackenzie mckenzie maclean mclean macleod mcleod ross watson mackay mckay maccallum mcintosh grant
    murphy kelly oneill o'neill doherty quinn mccann gallagher byrne mclaughlin mcgrath kennedy walsh ryan
    wilkinson harrison chapman cooper allen nguyen okafor okoro adeyemi kowalski nowak
    """
)
# A surname prefix that is never an everyday word: "mcdonald", "o'brien".
LOWER_SURNAME_PREFIX = re.compile(r"(?:mc[a-z]{3,}|o['’][a-z]{3,})")
# After a lower-case title, months and days that are given names are names too ("mrs june smith").
LOWER_NOT_NAMES_AFTER_TITLE = LOWER_NOT_NAMES - frozenset(w.lower() for w in CALENDAR_NAMES)
