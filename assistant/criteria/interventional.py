"""Code 3: interventional radiology and cardiology (including interventional CT)."""

from __future__ import annotations

from assistant.criteria.base import FactView, evaluates
from assistant.outcome import Outcome, all_of, any_of, negate
from assistant.rulebook import Criterion, Rulebook


@evaluates("3")
def interventional(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    effects = facts.flag(
        "deterministic_effects",
        "observable deterministic effects occurred (transient erythema alone does not count)",
        "no observable deterministic effects (transient erythema alone does not count)",
    )
    failure = facts.flag("procedural_failure", "there was a procedural failure", "there was no procedural failure")
    expected = facts.flag(
        "effects_expected",
        "the effects were predicted and expected for this procedure",
        "the effects were unintended or unpredicted",
    )
    # effects AND (a procedural failure OR effects that were not expected)
    return all_of(effects, any_of(failure, negate(expected)))
