"""Exact-at-the-edge arithmetic for thresholds.

Facts arrive as decimal numbers ("0.3", "1650") and the criteria's edges are
decimals too. Binary floats put some of them on the wrong side of an
inclusive edge (3.0 / 0.3 is 10.000000000000002, 1650 / 1500 - 1 is a hair
over 10%). Comparisons therefore run in floats, which is fast, and only a
value within a whisker of an edge is compared again exactly, as the fractions
its decimal text stands for.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

Number = int | float | Fraction

# Far more than any rounding error of a float quotient, far less than any
# difference a dose, ratio or count written with up to 9 decimals can show.
WHISKER = 1e-9


def exact(value: Number | str | Decimal) -> Fraction:
    """The fraction a number's decimal text stands for (0.1 is exactly 1/10)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        # repr() gives the shortest decimal that round-trips: what was typed.
        return Fraction(repr(value))
    return Fraction(str(value))


def compare(value: float, edge: float, exact_value: Callable[[], Fraction], exact_edge: Fraction) -> int:
    """-1, 0 or 1 as value is below, at or above edge; exact when it is close."""
    diff = value - edge
    if abs(diff) > WHISKER * max(1.0, abs(edge)):
        return 1 if diff > 0 else -1
    precise = exact_value()
    return (precise > exact_edge) - (precise < exact_edge)


def fmt(value: Number, places: int = 4) -> str:
    """A decimal for people: at most `places` decimals, no trailing zeros."""
    if isinstance(value, int):
        return str(value)
    text = f"{float(value):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def percent(value: Number) -> str:
    return f"{fmt(float(value) * 100, 2)}%"
