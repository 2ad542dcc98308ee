"""Reading what a person typed: choices, numbers with units, yes/no, dates.

Every refusal is an AnswerError whose message repeats what was typed and
says what is accepted. Typed text is data: it is quoted back unchanged,
never interpreted as markup.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from assistant.fact_schema import fact_specs
from assistant.flow.questions import Field, Option, Question
from assistant.numbers import fmt
from assistant.validation import check_value

# What a refusal repeats of the typed text: enough to recognise it, not a whole paste.
QUOTED_UP_TO = 60
_QUOTED = re.compile(r"“([^”]*)”")


def _shortened(quoted: re.Match[str]) -> str:
    text = quoted.group(1)
    if len(text) <= QUOTED_UP_TO:
        return quoted.group(0)
    return f"“{text[: QUOTED_UP_TO - 20]}…{text[-10:]}” ({len(text):,} characters)"


class AnswerError(ValueError):
    """An answer that cannot be taken as typed; the question stays open.

    What it quotes of the answer (“...”) is shortened past QUOTED_UP_TO characters: a long paste repeated
    in full would push the question off the screen.
    """

    def __init__(self, message: str, *, facts: tuple[str, ...] = ()) -> None:
        message = _QUOTED.sub(_shortened, message)
        self.message = message
        self.facts = facts  # the fields of a form it is about, first to put right first
        super().__init__(message)


UNKNOWN_WORDS = frozenset(
    {
        "don't know",
        "dont know",
        "don’t know",
        "do not know",
        "unknown",
        "not sure",
        "?",
        "dk",
        "not known",
        "n/k",
        "nk",
        "unsure",
        "not yet known",
    }
)
YES_WORDS = frozenset({"y", "yes"})
NO_WORDS = frozenset({"n", "no"})
_NUMBER_NAMES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
NUMBER_WORDS = {w: i for i, w in enumerate(_NUMBER_NAMES.split())}

# Units by kind: typed spelling (lower case) -> factor to the kind's own unit.
# The things a count counts, as people write them after the number ("4 patients", "3 CBCTs").
_COUNTED = """scan scans image images person people persons patient patients individual individuals exposure exposures
cbct cbcts view views x-ray x-rays xray xrays"""
_UNITS: dict[str, dict[str, Decimal]] = {
    "dose_msv": {
        "msv": Decimal(1),
        "millisievert": Decimal(1),
        "millisieverts": Decimal(1),
        "µsv": Decimal("0.001"),
        "μsv": Decimal("0.001"),
        "usv": Decimal("0.001"),
        "microsievert": Decimal("0.001"),
        "microsieverts": Decimal("0.001"),
        "sv": Decimal(1000),
        "sievert": Decimal(1000),
        "sieverts": Decimal(1000),
    },
    "dose_mgy": {
        "mgy": Decimal(1),
        "milligray": Decimal(1),
        "cgy": Decimal(10),
        "centigray": Decimal(10),
        "gy": Decimal(1000),
        "gray": Decimal(1000),
        "µgy": Decimal("0.001"),
        "μgy": Decimal("0.001"),
        "ugy": Decimal("0.001"),
        "microgray": Decimal("0.001"),
    },
    "activity_mbq": {
        "mbq": Decimal(1),
        "megabecquerel": Decimal(1),
        "gbq": Decimal(1000),
        "gigabecquerel": Decimal(1000),
        "kbq": Decimal("0.001"),
        "mci": Decimal(37),  # 1 mCi = 37 MBq exactly
        "millicurie": Decimal(37),
        "millicuries": Decimal(37),
        "µci": Decimal("0.037"),
        "μci": Decimal("0.037"),
        "uci": Decimal("0.037"),
    },
    "ratio": {"%": Decimal("0.01"), "x": Decimal(1), "×": Decimal(1), "times": Decimal(1)},
    "margin": {"%": Decimal("0.01"), "x": Decimal(1), "×": Decimal(1), "times": Decimal(1)},  # miss ÷ its margin
    "count": dict.fromkeys(
        _COUNTED.split(),
        Decimal(1),
    ),
    "years": {
        "y": Decimal(1),
        "yr": Decimal(1),
        "yrs": Decimal(1),
        "year": Decimal(1),
        "years": Decimal(1),
        "years old": Decimal(1),
        "months": Decimal(1),  # divided by 12 where read
        "month": Decimal(1),
    },
}
KIND_WORDS = {
    "dose_msv": "an effective dose",
    "dose_mgy": "an absorbed dose",
    "activity_mbq": "an activity",
    "ratio": "a ratio",
    "margin": "a multiple of the error margin",
    "count": "a whole number",
    "years": "an age",
}
EXAMPLES = {
    "dose_msv": "a dose in mSv such as 0.4, 0.4 mSv, 400 µSv or 0.0004 Sv",
    "dose_mgy": "a dose in mGy such as 12, 12 mGy, 1.2 cGy or 0.012 Gy",
    "activity_mbq": "an activity such as 1500, 1500 MBq, 1.5 GBq or 40 mCi",
    "ratio": "a ratio of delivered to intended such as 1.12, 112%, +12% or 3x",
    "margin": "the miss divided by the error margin, such as 3 or 3x",
    "count": "a whole number such as 3",
    "years": "an age in years such as 54, 6 months, 6/12, or 17 years 11 months",
}
# A bare ratio this large is more likely a percentage typed without its sign; past the second, no reading
# is a real ratio (nor a float), and it is refused as too large rather than offered as "x" or "%".
_PLAIN_RATIO_LIMIT = Decimal(10)
_NO_RATIO_THIS_LARGE = Decimal("1e300")
# "+25%", "25% over", "-10%", "10% under": a change from the intended value, where "25%" alone is a share of it.
_PERCENT_CHANGE = re.compile(
    r"%\s*(?:(?P<up>over|more|higher|above|too high)|(?P<down>under|less|lower|below|too low))?"
)
_NUMBER = re.compile(
    r"^(?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(?:e(?P<exp>[+-]?\d+))?\s*(?P<unit>.*)$"
)
# An age as staff write it for a teenager near 18 (or 16 in Scotland): "17 years 11 months", "17y 11m".
_YEARS_AND_MONTHS = re.compile(
    r"^(?P<years>\d{1,3})\s*(?:y|yrs?|years?)\s*,?\s*(?:and\s+)?(?P<months>\d{1,2})\s*(?:m|mo|mths?|months?)$"
)
_MONTH_NAMES = [
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
]
_MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)} | {n[:3]: i + 1 for i, n in enumerate(_MONTH_NAMES)}
_MONTHS["sept"] = 9


@dataclass(frozen=True)
class Parsed:
    """What one answer means: facts set, facts left unknown, checklist ticks, and the echo."""

    sets: dict[str, Any] = field(default_factory=dict)
    unknown: tuple[str, ...] = ()
    ticks: tuple[str, ...] = ()
    echo: str = ""


def _norm(text: str) -> str:
    return " ".join(text.strip().lower().replace("’", "'").split())


def is_unknown(text: str) -> bool:
    return _norm(text) in UNKNOWN_WORDS


def _typed(raw: Any) -> str:
    if not isinstance(raw, str):
        raise AnswerError(f"Expected typed text, got {type(raw).__name__}.")
    return raw


def pick_option(options: Sequence[Option], raw: str, *, what: str = "an option") -> Option:
    """The option typed: its number, its value, or a unique beginning of its label or value."""
    text = _norm(raw)
    listing = "; ".join(f"{i}. {o.label}" for i, o in enumerate(options, 1))
    if not text:
        raise AnswerError(f"Nothing was typed. Choose {what}: {listing}.")
    if text.isdigit():
        index = int(text)
        if 1 <= index <= len(options):
            return options[index - 1]
        raise AnswerError(f"“{raw}” is not an option number: choose 1 to {len(options)} ({listing}).")
    as_value = text.replace(" ", "_").replace("-", "_")
    for o in options:
        if as_value == o.value_text.lower() or text == _norm(o.label):
            return o
    matches = [o for o in options if _norm(o.label).startswith(text) or o.value_text.lower().startswith(as_value)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        names = "; ".join(o.label for o in matches)
        raise AnswerError(f"“{raw}” could be more than one option ({names}): type more of it, or its number.")
    raise AnswerError(f"“{raw}” is not one of the options. Choose {what} by number or name: {listing}.")


def parse_yesno(raw: str, *, allow_unknown: bool) -> bool | None:
    text = _norm(_typed(raw))
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    if text in UNKNOWN_WORDS and allow_unknown:
        return None
    accepted = "yes or no (y, n)" + (" or don't know" if allow_unknown else "")
    raise AnswerError(f"“{raw}” is not an answer to a yes/no question: type {accepted}.")


def _unit_kind_of(unit: str) -> str | None:
    for kind, units in _UNITS.items():
        if unit in units:
            return kind
    return None


# mGy.cm (DLP), Gy.cm², µGy·m² (DAP): dose products the scanner shows, not doses.
_DOSE_PRODUCT = re.compile(r"[mcµμu]?gy\s*[.·*x×]?\s*(?:cm|m)(?P<area>\s*\^?\s*2|²)?")


def _misread(typed: str, unit: str, unit_kind: str) -> str | None:
    """What a number followed by this "unit" most likely was, where it is not a unit at all (a whole sentence)."""
    if re.fullmatch(r"[/.-]\d{1,2}[/.-]\d{2,4}", unit) and unit_kind == "years":
        return f"“{typed}” looks like a date of birth: give the age at the exposure, as {EXAMPLES[unit_kind]}."
    if re.fullmatch(r",\d{1,2}(?:\s.*|[^\d,].*)?", unit):  # "7,5" or "7,5 mSv"; "1,500" is a thousands comma
        return f"“{typed}” has a decimal comma: write it with a point, {typed.strip().replace(',', '.')}."
    if re.fullmatch(r"(?:-|–|to)\s*[\d.]+", unit):
        return f"“{typed}” is a range: give one value, your best estimate, as {EXAMPLES[unit_kind]}."
    if unit_kind in ("dose_msv", "dose_mgy") and (product := _DOSE_PRODUCT.fullmatch(unit)):
        what, how = (
            ("a dose-area product (DAP)", "DAP × a conversion coefficient for the examination")
            if product["area"]
            else ("a dose-length product (DLP)", "for CT, DLP × the conversion coefficient for the body region")
        )
        return (
            f"“{typed}” is {what}, not {KIND_WORDS[unit_kind]}: convert it first ({how}; your medical physics "
            f"expert can), then give {EXAMPLES[unit_kind]}."
        )
    if (sum_ := re.fullmatch(r"([/÷*x×+])\s*[\d.]+", unit)) and unit_kind != "count":
        what = "a division" if sum_[1] in "/÷" else "a multiplication" if sum_[1] in "*x×" else "a sum"
        return f"“{typed}” is {what}: type its result as one number, as {EXAMPLES[unit_kind]}."
    return None


def parse_number(raw: str, unit_kind: str) -> int | float:
    """A number in the unit kind's own unit (mSv, mGy, MBq, ratio, count, years)."""
    typed = _typed(raw)
    text = _norm(typed)
    expected = EXAMPLES[unit_kind]
    if unit_kind == "count" and text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    if unit_kind == "years" and (clinical := re.fullmatch(r"(\d{1,2})/(12|52)", text)):
        # "6/12", "3/52": months and weeks, as clinical notes write a young child's age.
        return float(Decimal(int(clinical[1])) / int(clinical[2]))
    if unit_kind == "years" and (both := _YEARS_AND_MONTHS.match(text)):
        years, months = int(both["years"]), int(both["months"])
        if months >= 12:
            raise AnswerError(f"“{typed}”: {months} months is a year or more; give {expected}.")
        return float(years + Decimal(months) / 12)
    match = _NUMBER.match(text)
    if not match:
        if text in ("nan", "inf", "infinity", "-inf") or "nan" in text or "inf" in text:
            raise AnswerError(f"“{typed}” is not a finite number: give {expected}.")
        raise AnswerError(f"“{typed}” is not a number: give {expected}.")
    unit = match["unit"].strip().rstrip(".")
    try:
        value = Decimal(match["num"].replace(",", ""))
        if match["exp"]:
            value = value.scaleb(int(match["exp"]))
    except InvalidOperation as err:  # pragma: no cover - the pattern admits only decimals
        raise AnswerError(f"“{typed}” is not a number: give {expected}.") from err
    signed = match["num"][0] in "+-"
    change = _PERCENT_CHANGE.fullmatch(unit) if unit_kind == "ratio" else None
    if unit_kind == "ratio" and signed and not change:
        # "+0.12" is a change written as a ratio: 1.12× or 0.12×? Ask rather than guess.
        raise AnswerError(
            f"“{typed}”: a sign means a change from the intended value; give it as a percentage (+12%) "
            "or the ratio itself (1.12)."
        )
    if change and signed and (change["up"] or change["down"]) and (value < 0) != bool(change["down"]):
        raise AnswerError(f"“{typed}”: the sign and the word disagree; give +12%, 12% over, -10% or 10% under.")
    if change and (signed or change["up"] or change["down"]):
        down = bool(change["down"]) if (change["up"] or change["down"]) else value < 0
        value = 1 + (-abs(value) if down else abs(value)) / 100
        if value < 0:
            raise AnswerError(f"“{typed}” would be less than nothing delivered: give {expected}.")
    elif unit:
        factor = _UNITS[unit_kind].get(unit)
        if factor is None:
            if misread := _misread(typed, unit, unit_kind):
                raise AnswerError(misread)
            other = _unit_kind_of(unit)
            if other is not None and other != unit_kind:
                raise AnswerError(
                    f"“{typed}” is {KIND_WORDS[other]}, but this asks for {KIND_WORDS[unit_kind]}: give {expected}."
                )
            raise AnswerError(f"“{typed}”: the unit “{unit}” is not recognised here; give {expected}.")
        # Months divide exactly; 1/12 as a decimal would not give 6 months = 0.5 years.
        value = value / 12 if unit.startswith("month") else value * factor
    elif unit_kind == "ratio" and _PLAIN_RATIO_LIMIT <= value < _NO_RATIO_THIS_LARGE:
        raise AnswerError(
            f"“{typed}” as a ratio would be {typed} times the intended value: type {typed}% for a percentage, "
            f"or {typed}x if you do mean {typed} times."
        )
    if value < 0:
        raise AnswerError(f"“{typed}” is negative: give {expected}.")
    if unit_kind == "count":
        if value != value.to_integral_value():
            raise AnswerError(f"“{typed}” is not a whole number: give {expected}.")
        return int(value)
    number = float(value)
    if not math.isfinite(number):
        raise AnswerError(f"“{typed}” is too large: give {expected}.")
    return number


def parse_date(raw: str, *, today: dt.date | None = None) -> dt.date:
    """A past or present date: today, yesterday, 2026-11-20, 20/11/2026 or 20-11-2026 (day first), 20 Nov 2026."""
    typed = _typed(raw)
    text = _norm(typed)
    today = today or dt.date.today()
    accepted = "today, yesterday, 2026-11-20, 20/11/2026 (day/month/year) or 20 Nov 2026"
    if not text:
        raise AnswerError(f"No date was typed. Give a date as {accepted}.")
    if text == "today":
        return today
    if text == "yesterday":
        return today - dt.timedelta(days=1)
    day = month = year = None
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
        day, month, year = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})", text):
        if m.group(2) not in _MONTHS:
            raise AnswerError(f"“{typed}”: “{m.group(2)}” is not a month. Give a date as {accepted}.")
        day, month, year = int(m.group(1)), _MONTHS[m.group(2)], int(m.group(3))
    if day is None or month is None or year is None:
        raise AnswerError(f"“{typed}” is not a date. Give a date as {accepted}.")
    try:
        date = dt.date(year, month, day)
    except ValueError as err:
        raise AnswerError(f"“{typed}” is not a real date ({err}). Give a date as {accepted}.") from err
    if date > today:
        shown = "" if typed.strip() == date.isoformat() else f" ({date.isoformat()})"
        raise AnswerError(f"“{typed}” is in the future{shown}: give a date up to today ({today:%d/%m/%Y}).")
    return date


def _unit_label(unit_kind: str | None, fact: str) -> str:
    unit = fact_specs()[fact].unit
    if unit_kind in ("ratio", "margin"):
        return "×"
    return unit


def show_value(f: Field, value: Any) -> str:
    """A value as the transcript shows it."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, int | float):
        unit = _unit_label(f.unit_kind, f.fact)
        shown = fmt(value)
        if unit == "×":
            return f"{shown}×" + (_change(value) if f.unit_kind == "ratio" else "")
        if f.unit_kind == "count":
            return shown
        return f"{shown} {unit}".strip()
    return str(value)


def _change(ratio: float) -> str:
    """How a delivered ÷ intended ratio differs from the intended, so that "25%" read as 0.25× shows as 75% under."""
    change = Decimal(repr(ratio)) - 1
    if not change:
        return " (as intended)"
    return f" ({fmt(float(abs(change) * 100))}% {'over' if change > 0 else 'under'})"


def _checked(f: Field, value: Any, typed: str) -> Any:
    spec = fact_specs()[f.fact]
    try:
        value = check_value(spec, value)
    except ValueError as err:
        raise AnswerError(f"“{typed}” is out of range for {f.label.lower()}: it accepts {spec.accepted()}.") from err
    if f.min is not None and value < f.min:
        raise AnswerError(f"“{typed}” is too small for {f.label.lower()}: give {fmt(f.min)} or more.")
    return value


def parse_field(f: Field, raw: Any) -> tuple[bool, Any, str]:
    """One field's answer: (known, value, echo). Blank or "don't know" is unknown when allowed."""
    typed = _typed(raw)
    if not typed.strip() or is_unknown(typed):
        if f.allow_unknown:
            return False, None, "don't know"
        raise AnswerError(f"{f.label} is needed here; “don't know” is not accepted for it.")
    if f.options:
        option = pick_option(f.options, typed, what=f.label.lower())
        return True, option.sets[f.fact], option.label
    spec = fact_specs()[f.fact]
    if spec.type == "bool":
        answer = parse_yesno(typed, allow_unknown=f.allow_unknown)
        return (answer is not None), answer, {True: "Yes", False: "No", None: "don't know"}[answer]
    if spec.type == "date":
        date = parse_date(typed)
        return True, date, show_value(f, date)
    assert f.unit_kind is not None
    value = _checked(f, parse_number(typed, f.unit_kind), typed)
    echo = show_value(f, value)
    if _norm(typed) != _norm(echo) and _norm(typed) != fmt(value):
        echo = f"{echo} (typed “{typed.strip()}”)"
    return True, value, echo


def _parse_choice(q: Question, raw: Any) -> Parsed:
    typed = _typed(raw)
    if q.allow_unknown and is_unknown(typed):
        return Parsed(unknown=q.facts, echo="Don't know")
    option = pick_option(q.options, typed)
    return Parsed(sets=dict(option.sets), unknown=option.unknown, echo=option.label)


def _parse_multi(q: Question, raw: Any) -> Parsed:
    items = [p for p in re.split(r"[,;\n]", raw)] if isinstance(raw, str) else raw
    if not isinstance(items, Sequence) or not all(isinstance(i, str) for i in items):
        raise AnswerError("Expected the ticked options as a list of their labels.")
    items = [i for i in items if i.strip()]
    if not items:
        raise AnswerError("Nothing was ticked: tick every option that applies, or “None of these”.")
    chosen: list[Option] = []
    for item in items:
        option = pick_option(q.options, item)
        if option not in chosen:
            chosen.append(option)
    exclusive = [o for o in chosen if o.exclusive]
    if exclusive and len(chosen) > 1:
        raise AnswerError(f"“{exclusive[0].label}” cannot be ticked together with other options.")
    sets: dict[str, Any] = {}
    unsure = any(o.rest_unknown for o in chosen)
    unknown: list[str] = []
    for o in q.options:
        if o in chosen:
            sets.update(o.sets)
        elif unsure:
            unknown += [name for name in o.unticked if name not in unknown]
        else:
            sets.update(o.unticked)
    ticks = tuple(o.value_text for o in chosen if not o.exclusive)
    echo = "; ".join(o.label for o in chosen)
    return Parsed(sets=sets, unknown=tuple(n for n in unknown if n not in sets), ticks=ticks, echo=echo)


def _parse_form(q: Question, raw: Any) -> Parsed:
    if not isinstance(raw, Mapping):
        raise AnswerError("Expected one answer per field of this form.")
    names = {f.fact for f in q.fields}
    extra = [k for k in raw if k not in names]
    if extra:
        raise AnswerError(f"This form has no field {', '.join(map(str, extra))}; its fields are {', '.join(names)}.")
    sets: dict[str, Any] = {}
    unknown: list[str] = []
    echoes: list[str] = []
    problems: list[str] = []
    refused: list[str] = []
    for f in q.fields:
        try:
            known, value, echo = parse_field(f, raw.get(f.fact, ""))
        except AnswerError as err:
            problems.append(f"{f.label}: {err.message}")
            refused.append(f.fact)
            continue
        if known:
            sets[f.fact] = value
        else:
            unknown.append(f.fact)
        echoes.append(f"{f.label}: {echo}")
    if problems:
        raise AnswerError(" ".join(problems), facts=tuple(refused))
    return Parsed(sets=sets, unknown=tuple(unknown), echo="; ".join(echoes))


def parse_answer(q: Question, raw: Any) -> Parsed:
    """What an answer to `q` means; raises AnswerError when it cannot be taken as typed."""
    if q.kind == "choice":
        return _parse_choice(q, raw)
    if q.kind == "multi":
        return _parse_multi(q, raw)
    if q.kind == "form":
        return _parse_form(q, raw)
    f = q.fields[0]
    known, value, echo = parse_field(f, raw)
    if known:
        return Parsed(sets={f.fact: value}, echo=echo)
    return Parsed(unknown=(f.fact,), echo="Don't know")


def _typed_value(f: Field, value: Any) -> str:
    if f.options:
        return next(o.value_text for o in f.options if o.sets.get(f.fact) == value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return fmt(value, 6)


def answer_for(q: Question, facts: Mapping[str, Any]) -> str | list[str] | dict[str, str]:
    """What a person who knows these facts would type (an absent fact: "don't know").

    Used to resume from an incident file and to drive the flow in tests and
    benchmarks exactly as a user would.
    """
    specs = fact_specs()

    def known(name: str) -> Any:
        if name in facts:
            return facts[name]
        rule = specs[name].when_absent
        return rule.value if rule is not None and name == "exposed_person" else None

    if q.kind == "choice":
        for o in q.options:
            if o.sets and all(known(k) == v for k, v in o.sets.items()) and all(known(u) is None for u in o.unknown):
                return o.value_text
        return "don't know"
    if q.kind == "multi":

        def holds(name: str, value: Any) -> bool:
            given = facts.get(name)
            if isinstance(value, bool):
                rule = specs[name].when_absent
                implied = rule is not None and any(
                    n in facts for n in rule.unless_given
                )  # a foetal dose implies a foetus
                return given is value or (given is None and value is True and implied)
            if isinstance(value, int):  # "more than one person": ticked for any count from 2 up
                return given is not None and given >= value
            return bool(given == value)

        ticked = [o.value_text for o in q.options if o.sets and all(holds(k, v) for k, v in o.sets.items())]
        return ticked or [o.value_text for o in q.options if o.exclusive]
    if q.kind == "form":
        return {f.fact: (_typed_value(f, facts[f.fact]) if f.fact in facts else "don't know") for f in q.fields}
    f = q.fields[0]
    return _typed_value(f, facts[f.fact]) if f.fact in facts else "don't know"
