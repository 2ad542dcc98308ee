"""Code 1: accidental exposures (no exposure of any kind was intended)."""

from __future__ import annotations

from assistant.criteria.base import FactView, age_if_unknown, by_age, evaluates, met, unknown
from assistant.outcome import Outcome
from assistant.rulebook import Criterion, Rulebook, nation_name


@evaluates("1-england")
def accidental_england(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    total = facts.num("total_dose_msv")
    if total is None:
        return unknown(["total_dose_msv", *age_if_unknown(facts)])
    child = c.threshold("child").check(total, "total effective dose", "child threshold")
    adult = c.threshold("adult").check(total, "total effective dose", "adult threshold")
    return by_age(facts, book, child, adult)


@evaluates("1-other-nations")
def accidental_elsewhere(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    return met(f"accidental exposure in {nation_name(facts.get('jurisdiction'))}: notifiable regardless of dose")
