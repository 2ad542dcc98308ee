"""Codes 2.1-2.4: unintended imaging exposures, banded by intended dose."""

from __future__ import annotations

from fractions import Fraction

from assistant.criteria.base import FactView, age_if_unknown, by_age, evaluates, not_applicable, not_met, unknown
from assistant.numbers import Number, as_given
from assistant.outcome import Outcome
from assistant.rulebook import Criterion, Rulebook, Threshold


def _measure(c: Criterion, facts: FactView, book: Rulebook, intended: Number | None, total: Number) -> Outcome:
    """Judge the total against this band's threshold (intended known, or not needed)."""
    if "factor" in c.thresholds:
        assert intended is not None
        subject = f"total {as_given(total)} mSv ÷ intended {as_given(intended)} mSv ="
        return c.threshold("factor").check_ratio(total, intended, subject)
    if "total" in c.thresholds:
        return c.threshold("total").check(total, "total effective dose")
    child = c.threshold("child").check(total, "total effective dose", "child threshold")
    adult = c.threshold("adult").check(total, "total effective dose", "adult threshold")
    return by_age(facts, book, child, adult)


def least_band_ratio(book: Rulebook) -> Fraction:
    """The smallest total ÷ intended dose at which some band 2.1-2.4 can be met: 2.5, by 2.4 and by 2.3 at its
    10 mSv edge (2.2 needs 10, 2.1 a child's 1 mSv over less than 0.3). Below it no band can be met, whatever
    the doses, while the imaging dose per scan or image is the one intended."""
    key = id(book)
    if key not in _LEAST_RATIO:
        ratios = []
        for c in book.criteria:
            if c.family != "imaging_dose":
                continue
            band = c.threshold("band")
            if "factor" in c.thresholds:
                least = c.threshold("factor").min
            else:
                total = c.threshold("total" if "total" in c.thresholds else "child").min
                least = None if total is None or not band.max else total / band.max
            if least is not None:
                ratios.append(least)
        _LEAST_RATIO[key] = (book, min(ratios))
    return _LEAST_RATIO[key][1]


_LEAST_RATIO: dict[int, tuple[Rulebook, Fraction]] = {}  # keeps the book, so its id is not reused
_LEAST_TOTAL: dict[str, Threshold | None] = {}


def _least_total(c: Criterion) -> Threshold | None:
    """For a factor band: the smallest total that can meet it for some intended dose in the band."""
    if c.key not in _LEAST_TOTAL:
        _LEAST_TOTAL[c.key] = _least_total_of(c)
    return _LEAST_TOTAL[c.key]


def _least_total_of(c: Criterion) -> Threshold | None:
    if "factor" not in c.thresholds:
        return None
    band, factor = c.threshold("band"), c.threshold("factor")
    assert band.min is not None and factor.min is not None
    return Threshold(
        name="least_total",
        quantity="total effective dose",
        unit="mSv",
        min=band.min * factor.min,
        min_inclusive=band.min_inclusive and factor.min_inclusive,
    )


def _reachable(c: Criterion, facts: FactView, book: Rulebook, total: Number) -> Outcome:
    """Met when some intended dose in this band would make `total` meet the criterion."""
    least = _least_total(c)
    if least is not None:
        return least.check(total, "total effective dose", f"the least total that can meet {c.code}")
    return _measure(c, facts, book, None, total)


@evaluates("2.1", "2.2", "2.3", "2.4")
def imaging_dose(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    band = c.threshold("band")
    intended = facts.num("intended_dose_msv")
    total = facts.num("total_dose_msv")
    if intended is not None and not band.contains(intended):
        return not_applicable(
            f"intended dose {band.show_given(intended)} is outside the {c.code} band ({band.describe()})"
        )
    if total is None:
        needs = ("intended_dose_msv", "total_dose_msv") if intended is None else ("total_dose_msv",)
        return unknown(needs + (age_if_unknown(facts) if "child" in c.thresholds else ()))
    if intended is None:
        reachable = _reachable(c, facts, book, total)
        if reachable.settled_no:
            return not_met(*reachable.reasons, f"so {c.code} is not met whatever the intended dose in its band")
        return unknown(("intended_dose_msv",) + reachable.needs)
    return _measure(c, facts, book, intended, total).because(
        f"intended dose {band.show_given(intended)} is in the {c.code} band ({band.describe()})"
    )
