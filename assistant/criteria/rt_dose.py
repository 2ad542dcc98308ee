"""Codes 8.1, 8.2, 9.1, 9.2: radiotherapy delivered dose and geographical miss
(external beam and brachytherapy)."""

from __future__ import annotations

from assistant.criteria.base import FactView, evaluates, met, not_applicable, unknown
from assistant.outcome import Outcome, State, all_of, any_of, negate
from assistant.rulebook import Criterion, Rulebook, Threshold


def _ratio(facts: FactView, name: str, threshold: Threshold, subject: str) -> Outcome:
    value = facts.num(name)
    if value is None:
        return unknown([name])
    return threshold.check(value, subject)


def over_dose(row: Criterion, facts: FactView) -> Outcome:
    """8.1's dose factors: PTV or OAR over the course, or any single fraction."""
    course, fraction = row.threshold("course"), row.threshold("fraction")
    return any_of(
        _ratio(facts, "course_dose_ratio_ptv", course, "delivered ÷ intended dose to the PTV, whole course,"),
        _ratio(facts, "course_dose_ratio_oar", course, "delivered ÷ intended dose to an organ at risk, whole course,"),
        _ratio(facts, "fraction_dose_ratio_max", fraction, "largest delivered ÷ intended dose in one fraction,"),
    )


def under_dose(row: Criterion, facts: FactView) -> Outcome:
    """8.2's dose factor: PTV under-dose over the whole course."""
    return _ratio(
        facts, "course_dose_ratio_ptv", row.threshold("course"), "delivered ÷ intended dose to the PTV, whole course,"
    )


def _miss(facts: FactView, kind: str) -> Outcome:
    if not facts.known("geographical_miss"):
        return unknown(["geographical_miss"])
    given = facts.get("geographical_miss")
    if given == kind:
        return met(f"a {kind} geographical miss")
    return not_applicable(f"geographical miss: {given}")


@evaluates("8.1")
def therapy_over_exposure(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    return over_dose(c, facts)


@evaluates("8.2")
def therapy_under_exposure(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    under = under_dose(c, facts)
    cause = _not_from_a_miss(facts)
    if under.unknown and cause.unknown and _beyond_margin(book, facts).met:
        # With a partial miss beyond 2.5x its margin, an under-dosed PTV meets 9.2 whatever the
        # cause, so the cause names the code (8.2 or 9.2) and cannot change the verdict: not asked yet.
        return unknown(under.needs)
    return all_of(under, cause)


def _beyond_margin(book: Rulebook, facts: FactView) -> Outcome:
    """9.2's first condition: a partial miss more than 2.5 times the locally defined error margin."""
    margin = facts.num("miss_margin_factor")
    beyond = (
        unknown(["miss_margin_factor"])
        if margin is None
        else book.by_key("9.2").threshold("margin").check(margin, "miss ÷ locally defined error margin =")
    )
    return all_of(_miss(facts, "partial"), beyond)


def _not_from_a_miss(facts: FactView) -> Outcome:
    """8.2 excludes an under-dose that is a result of a geographical miss (judged under 9.1/9.2)."""
    if not facts.known("geographical_miss"):
        return unknown(["geographical_miss"])
    miss = facts.get("geographical_miss")
    if miss == "none":
        return met("no geographical miss")
    caused = facts.flag(
        "underdose_from_miss",
        f"the under-dose is a result of the {miss} geographical miss, which the guidance reports under 9.1 or 9.2, "
        "not 8.2",
        f"the under-dose is not a result of the {miss} geographical miss",
    )
    return negate(caused)


@evaluates("9.1")
def total_miss(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    return _miss(facts, "total")


@evaluates("9.2")
def partial_miss(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    beyond = _beyond_margin(book, facts)
    over, under = over_dose(book.by_key("8.1"), facts), under_dose(book.by_key("8.2"), facts)
    if beyond.unknown and over.unknown and under.state is State.NOT_MET:
        # 9.2 can then be met only through 8.1's factors, which notify under 8.1 anyway: the margin
        # can add the code 9.2 once they are known, not change the verdict, so it is not asked yet.
        return all_of(_miss(facts, "partial"), unknown(over.needs))
    factors = any_of(over, under)
    if beyond.unknown and factors.unknown and facts.get("underdose_from_miss") is False:
        # An under-dose not from the miss notifies under 8.2 itself, as over-doses do under 8.1:
        # whatever factor 9.2 would need notifies anyway, so the margin only names the code.
        return all_of(_miss(facts, "partial"), unknown(factors.needs))
    return all_of(beyond, factors)
