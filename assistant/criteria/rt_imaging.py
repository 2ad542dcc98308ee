"""Codes 4.1, 4.2a-c: radiotherapy planning scans and verification images."""

from __future__ import annotations

from fractions import Fraction

from assistant.criteria.base import FactView, evaluates, met, not_met, unknown
from assistant.fact_schema import fact_specs
from assistant.outcome import Outcome, all_of
from assistant.rulebook import Criterion, Rulebook


@evaluates("4.1")
def planning_scans(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    scans = facts.num("planning_scans_total")
    if scans is None:
        return unknown(["planning_scans_total"])
    return c.threshold("scans").check(scans, "planning scans in total (including the intended scan)")


@evaluates("4.2a")
def images_in_one_fraction(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    images = facts.num("fraction_images_max")
    count = (
        unknown(["fraction_images_max"])
        if images is None
        else c.threshold("images").check(
            images, "most imaging exposures in one fraction (including the intended image)"
        )
    )
    cause = facts.flag("setup_error", "a set-up error caused them", "they were not caused by a set-up error")
    return all_of(count, cause)


def _course_increase(c: Criterion, facts: FactView) -> Outcome:
    intended = facts.num("course_images_intended")
    additional = facts.num("course_images_additional")
    if intended is None or additional is None:
        return unknown([n for n in ("course_images_intended", "course_images_additional") if not facts.known(n)])
    if intended == 0:
        # No images were planned, so any additional image is an unbounded increase.
        if additional > 0:
            images = "image" if additional == 1 else "images"
            return met(f"{additional} additional {images} with none intended: more than 50% greater than intended")
        return not_met("no additional images")
    subject = f"{additional} additional ÷ {intended} intended images over the course ="
    return c.threshold("additional").check_ratio(additional, intended, subject)


def _caused_by(facts: FactView, cause: str, words: str) -> Outcome:
    if not facts.known("additional_images_cause"):
        return unknown(["additional_images_cause"])
    given = facts.get("additional_images_cause")
    if given == cause:
        return met(f"the additional images were a result of {words}")
    given_words = fact_specs()["additional_images_cause"].words(given)
    return not_met(f"the additional images were not a result of {words} (the cause given: {given_words})")


@evaluates("4.2b")
def course_images_protocol(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    return all_of(_course_increase(c, facts), _caused_by(facts, "protocol_failure", "protocol failure"))


@evaluates("4.2c")
def course_images_equipment(c: Criterion, facts: FactView, book: Rulebook) -> Outcome:
    return all_of(
        _course_increase(c, facts), _caused_by(facts, "equipment_thematic", "thematic hardware or software failure")
    )


def repeat_ratio(facts: FactView) -> Fraction | None:
    """Scans or images in all ÷ those intended, from the counts; None while the counts are not known.

    At the same dose per scan or image this is the total dose ÷ the intended dose the bands 2.1-2.4 use.
    """
    setting = facts.get("setting")
    if setting == "rt_planning_scan":
        scans = facts.num("planning_scans_total")
        return None if scans is None else Fraction(str(scans))  # one scan intended
    if setting == "rt_verification_imaging":
        intended, additional = facts.num("course_images_intended"), facts.num("course_images_additional")
        if intended is None or additional is None:
            return None
        if intended == 0:
            return Fraction(10**9) if additional else Fraction(1)  # none intended: any image is unbounded
        return Fraction(str(intended + additional)) / Fraction(str(intended))
    return None
