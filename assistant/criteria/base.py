"""What every criterion evaluator shares: the facts, the registry, age."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from assistant.fact_schema import fact_specs
from assistant.numbers import PLACES, Number, as_given, exact, fmt, rounded_onto
from assistant.outcome import Outcome, State, met, not_applicable, not_met, unknown
from assistant.rulebook import Criterion, Rulebook, nation_name
from assistant.validation import possible


@dataclass(frozen=True)
class FactView:
    """The facts as given, plus the circumstances assumed from their absence."""

    given: Mapping[str, Any]
    assumed: Mapping[str, Any] = field(default_factory=dict)
    # Every fact a criterion looked at: a fact given but never looked at did not
    # bear on the decision, and the decision says so.
    reads: set[str] = field(default_factory=set, compare=False)

    def known(self, name: str) -> bool:
        self.reads.add(name)
        return name in self.given or name in self.assumed

    def get(self, name: str) -> Any:
        self.reads.add(name)
        if name in self.given:
            return self.given[name]
        return self.assumed.get(name)

    def num(self, name: str) -> Number | None:
        value: Number | None = self.get(name)
        return value

    def flag(self, name: str, yes: str, no: str, *, when_no: State = State.NOT_MET) -> Outcome:
        """A yes/no fact as an outcome: met when true, unknown when not known.

        Unknown is settled as no where the other facts rule out yes (a wrong
        radiopharmaceutical in radiotherapy), so it is never asked for.
        """
        if not self.known(name):
            if not possible(self.given, name, (True,)):
                return Outcome(when_no, (f"{no} (the other facts rule it out)",))
            return unknown([name])
        if self.get(name):
            return met(yes)
        return Outcome(when_no, (no,))

    def is_(self, name: str, *values: str) -> Outcome:
        """An enumerated fact as an outcome: met when it is one of `values`."""
        if not self.known(name):
            return unknown([name])
        value = self.get(name)
        spec = fact_specs()[name]
        said = f"{spec.label}: {spec.words(value)}"
        return met(said) if value in values else not_applicable(said)


Evaluator = Callable[[Criterion, FactView, Rulebook], Outcome]
EVALUATORS: dict[str, Evaluator] = {}


def evaluates(*keys: str) -> Callable[[Evaluator], Evaluator]:
    """Register the function that judges the rulebook entries with these keys."""

    def register(fn: Evaluator) -> Evaluator:
        for key in keys:
            if key in EVALUATORS:
                raise ValueError(f"two evaluators for criterion {key}")
            EVALUATORS[key] = fn
        return fn

    return register


def is_child(facts: FactView, book: Rulebook) -> Outcome:
    """Met when the patient is a child in the nation's sense (under 18; 16 in Scotland)."""
    age = facts.num("age_years")
    if age is None:
        return unknown(["age_years"])
    nation = facts.get("jurisdiction")
    under = book.child_under_years[nation]
    judged = exact(age)  # to 9 decimal places, as every number is judged
    # "17.9167" for 17 years 11 months; in full where 4 decimals would print the edge itself (17.99999).
    shown = fmt(age) if fmt(age) != str(under) or age == under else as_given(age)
    if rounded_onto(age, Fraction(under)):
        shown += f" (= {under} to {PLACES} decimal places)"
    else:  # "15.9167 (15 years 11 months)": the age as it was typed in the chat
        months = (judged - int(judged)) * 12
        if 0 < months < 12 and abs(months - round(months)) < Fraction(1, 1000):
            month_words = "month" if round(months) == 1 else "months"
            shown += f" ({int(judged)} years {round(months)} {month_words})"
    if judged < under:
        return met(f"age {shown} is under {under}: a child in {nation_name(nation)}")
    return not_met(f"age {shown} is {under} or over: an adult in {nation_name(nation)}")


_STATE_WORDS = {
    State.MET: "met",
    State.NOT_MET: "not met",
    State.UNKNOWN: "still open",
    State.NOT_APPLICABLE: "not met",
}


def age_if_unknown(facts: FactView) -> tuple[str, ...]:
    """("age_years",) while the age is unknown: with the dose unknown too, a child's threshold may decide."""
    return () if facts.known("age_years") else ("age_years",)


def by_age(facts: FactView, book: Rulebook, child: Outcome, adult: Outcome) -> Outcome:
    """The child or adult outcome; age is asked for only when the two differ."""
    if child.state is adult.state and not child.unknown:
        if facts.known("age_years"):  # explain with the patient's own threshold
            chosen = child if is_child(facts, book).met else adult
            return Outcome(chosen.state, chosen.reasons)
        if child.met:  # the adult threshold is the higher: meeting it settles both
            return Outcome(child.state, adult.reasons + ("met whatever the age",))
        return Outcome(child.state, child.reasons + ("not met whatever the age",))
    if child.state is adult.state:  # both unknown
        return unknown(child.needs + adult.needs + age_if_unknown(facts))
    age = is_child(facts, book)
    if age.unknown:  # say what each answer would give: "if a child (under 18): ...; if an adult: ..."
        under = book.child_under_years[facts.get("jurisdiction")]
        said = [
            f"if {who}, {_STATE_WORDS[o.state]}: {', '.join(o.reasons)}"
            if o.reasons
            else f"if {who}, {_STATE_WORDS[o.state]}"
            for who, o in ((f"a child (under {under})", child), ("an adult", adult))
        ]
        return unknown(child.needs + adult.needs + ("age_years",), *said)
    chosen = child if age.met else adult
    return Outcome(chosen.state, chosen.reasons + age.reasons, chosen.needs)


__all__ = [
    "EVALUATORS",
    "FactView",
    "Outcome",
    "State",
    "age_if_unknown",
    "by_age",
    "evaluates",
    "is_child",
    "met",
    "not_applicable",
    "not_met",
    "unknown",
]
