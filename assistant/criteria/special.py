"""Codes 5, 6, 7: foetus, breast-fed infant, incorrect radiopharmaceutical."""

from __future__ import annotations

from assistant.criteria.base import FactView, evaluates, not_met, unknown
from assistant.outcome import Outcome, State, all_of
from assistant.rulebook import Criterion, Rulebook


@evaluates("5")
def foetal(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    exposed = facts.flag(
        "foetal_exposure_unintended",
        "a foetus was exposed when that was not intended",
        "no unintended foetal exposure",
        when_no=State.NOT_APPLICABLE,
    )
    dose = facts.num("foetal_dose_mgy")
    measured = unknown(["foetal_dose_mgy"]) if dose is None else c.threshold("foetal").check(dose, "foetal dose")
    return all_of(exposed, measured)


@evaluates("6")
def breast_fed_infant(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    dose = facts.num("infant_dose_msv")
    if dose is None:  # a dose given implies an infant was exposed; without one, ask whether
        exposed = facts.flag(
            "infant_exposed",
            "a breast-fed infant was exposed",
            "no breast-fed infant was exposed",
            when_no=State.NOT_APPLICABLE,
        )
        if exposed.state is State.NOT_APPLICABLE:
            return exposed
        # "a failure in procedure AND ... 1 mSv or more": no failure settles it, whatever the dose.
        return all_of(exposed, _failure(facts), unknown(["infant_dose_msv"]))
    measured = c.threshold("infant").check(dose, "infant effective dose")
    return all_of(measured, _failure(facts))


def _failure(facts: FactView) -> Outcome:
    return facts.flag("procedural_failure", "there was a failure in procedure", "there was no failure in procedure")


@evaluates("7")
def wrong_radiopharmaceutical(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    given = facts.flag(
        "wrong_radiopharmaceutical",
        "an incorrect radiopharmaceutical was administered: notifiable regardless of dose",
        "the radiopharmaceutical was the one intended",
        when_no=State.NOT_APPLICABLE,
    )
    if given.state is State.NOT_APPLICABLE:
        return given
    if facts.known("exposure") and facts.get("exposure") == "accidental":
        # Code 7 is a row of the unintended table: the patient was meant to have a radiopharmaceutical and
        # got the wrong one. See docs/interpretations.md. Whether one was given then does not matter here.
        return not_met(
            "a radiopharmaceutical given to someone for whom no exposure of any kind was intended is an "
            "accidental exposure, judged under code 1, not 7"
        )
    if not given.met:
        return given
    if not facts.known("exposure"):
        return unknown(["exposure"])
    return given
