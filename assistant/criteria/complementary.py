"""Complementary codes M, E, V, C: letters prefixed to the most relevant base code."""

from __future__ import annotations

from assistant.criteria.base import FactView, evaluates, unknown
from assistant.outcome import Outcome, any_of
from assistant.rulebook import Criterion, Rulebook


@evaluates("M")
def more_than_one(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    people = facts.num("individuals_affected")
    count = (
        unknown(["individuals_affected"])
        if people is None
        else c.threshold("individuals").check(people, "individuals exposed in this incident:")
    )
    theme = facts.flag(
        "theme_identified",
        "part of a theme, or a similar separate incident affecting others",
        "not part of a theme",
    )
    return any_of(count, theme)


@evaluates("E")
def equipment(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    return facts.flag(
        "equipment_fault", "an equipment failure was the direct cause", "equipment was not the direct cause"
    )


@evaluates("V")
def voluntary(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    return facts.flag("voluntary", "the employer chooses to notify to share learning", "no voluntary notification")


@evaluates("C")
def clinically_significant(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    return facts.flag(
        "clinically_significant",
        "judged clinically significant (CSAUE) under the professional bodies' guidance",
        "not judged clinically significant",
    )
