"""Exact arithmetic for thresholds.

Doses and ratios are compared as fractions built from their decimal text, so
that 1650 MBq against 1500 MBq is exactly +10% and 3.0 / 0.3 exactly 10×;
binary floats would put such cases on the wrong side of an inclusive edge.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def exact(value: int | float | str | Fraction | Decimal) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        # repr() gives the shortest decimal that round-trips: what was typed.
        return Fraction(repr(value))
    return Fraction(str(value))


def fmt(value: Fraction | int | float, places: int = 4) -> str:
    """A decimal for people: at most `places` decimals, no trailing zeros."""
    q = exact(value)
    d = (Decimal(q.numerator) / Decimal(q.denominator)).quantize(Decimal(1).scaleb(-places))
    text = format(d.normalize(), "f")
    return "0" if text in ("-0", "") else text


def percent(value: Fraction) -> str:
    return f"{fmt(value * 100, 2)}%"
