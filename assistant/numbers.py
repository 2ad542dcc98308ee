"""Exact-at-the-edge arithmetic for thresholds.

Facts arrive as decimal numbers ("0.3", "1650") and the criteria's edges are
decimals too. Binary floats put some of them on the wrong side of an
inclusive edge (3.0 / 0.3 is 10.000000000000002, 1650 / 1500 - 1 is a hair
over 10%). Comparisons therefore run in floats, which is fast, and only a
value within a whisker of an edge is compared again exactly, as the fractions
its decimal text stands for. Each number given is taken to PLACES decimal
places first: 0.7 + 0.1 + 0.1 + 0.1 from a spreadsheet is 0.9999999999999999,
and no dose, ratio or count is known to 16 decimals. Quotients of numbers so
taken are exact (docs/interpretations.md, "Numbers at an edge").
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

Number = int | float | Fraction

# Far more than any rounding error of a float quotient, far less than any
# difference a dose, ratio or count written with up to 9 decimals can show.
WHISKER = 1e-9
# Numbers are judged to this many decimal places; a value that differs from an edge only beyond them is on it.
PLACES = 9


def as_written(value: Number | str | Decimal) -> Fraction:
    """The fraction a number's decimal text stands for (0.1 is exactly 1/10)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        # repr() gives the shortest decimal that round-trips: what was typed.
        return Fraction(repr(value))
    return Fraction(str(value))


def exact(value: Number | str | Decimal) -> Fraction:
    """A number given, as irmer judges it: its decimal text to PLACES decimal places (0.30000000000000004 is 3/10).

    A Fraction is a result worked out from such numbers and is kept as it is.
    """
    if isinstance(value, Fraction):
        return value
    return round(as_written(value), PLACES)


def near(value: float, edge: float) -> bool:
    """Within a whisker of the edge: too close for floats to tell, so compared exactly."""
    return abs(value - edge) <= WHISKER * max(1.0, abs(edge))


def rounded_onto(value: Number, edge: Fraction) -> bool:
    """A given value that differs from the edge only beyond PLACES decimals, and so is judged on it."""
    return exact(value) == edge != as_written(value)


def compare(value: float, edge: float, exact_value: Callable[[], Fraction], exact_edge: Fraction) -> int:
    """-1, 0 or 1 as value is below, at or above edge; exact when it is close."""
    if not near(value, edge):
        return 1 if value > edge else -1
    precise = exact_value()
    return (precise > exact_edge) - (precise < exact_edge)


def fmt(value: Number, places: int = 4) -> str:
    """A decimal for people: at most `places` decimals, no trailing zeros."""
    if isinstance(value, int):
        return str(value)
    text = f"{float(value):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def as_given(value: Number) -> str:
    """A fact's number as it was given: the shortest decimal that is the same float, never in e-notation."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Fraction):
        return fmt(value, PLACES)
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def percent(value: Number, places: int = 2) -> str:
    return f"{fmt(float(value) * 100, places)}%"


# Units a count or an age is given in, and their singular: "1 scan short", "age 1 year".
_ONE = {"scans": "scan", "images": "image", "people": "person", "years": "year"}


def with_unit(number: str, value: Number, unit: str) -> str:
    """A number written with its unit: "1.1×", "3 scans", "1 scan", "0.4 mSv"."""
    if unit == "×":
        return f"{number}×"
    unit = _ONE.get(unit, unit) if value == 1 else unit
    return f"{number} {unit}".strip()
