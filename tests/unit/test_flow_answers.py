"""Reading typed answers: units, wrong unit kinds, yes/no, choices, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.flow import AnswerError, parse_date
from assistant.flow.answers import QUOTED_UP_TO, parse_answer, parse_number, parse_yesno, pick_option
from assistant.flow.questions import Option, question_by_id

TODAY = dt.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("typed", "unit_kind", "expected"),
    [
        ("0.4", "dose_msv", 0.4),
        ("400 µSv", "dose_msv", 0.4),
        ("400 μSv", "dose_msv", 0.4),  # Greek mu, as some keyboards give it
        ("400 uSv", "dose_msv", 0.4),
        ("400uSv", "dose_msv", 0.4),
        ("400 microsievert", "dose_msv", 0.4),
        ("0.4 mSv", "dose_msv", 0.4),
        ("0.4 MSV", "dose_msv", 0.4),
        ("0.0004 Sv", "dose_msv", 0.4),
        ("12 mGy", "dose_mgy", 12.0),
        ("1.2 cGy", "dose_mgy", 12.0),
        ("0.012 Gy", "dose_mgy", 12.0),
        ("12", "dose_mgy", 12.0),
        ("1.5 GBq", "activity_mbq", 1500.0),
        ("1500 MBq", "activity_mbq", 1500.0),
        ("1,500 MBq", "activity_mbq", 1500.0),
        ("40 mCi", "activity_mbq", 1480.0),
        ("112%", "ratio", 1.12),
        ("1.12", "ratio", 1.12),
        ("88 %", "ratio", 0.88),
        # A signed or worded percentage is a change from the intended value; "25%" alone is a share of it.
        ("+25%", "ratio", 1.25),
        ("25% over", "ratio", 1.25),
        ("25 % too high", "ratio", 1.25),
        ("-10%", "ratio", 0.9),
        ("10% under", "ratio", 0.9),
        ("-10% less", "ratio", 0.9),
        ("+25% over", "ratio", 1.25),
        ("25%", "ratio", 0.25),
        ("3x", "ratio", 3.0),
        ("12x", "ratio", 12.0),
        ("3", "margin", 3.0),
        ("2.5x", "margin", 2.5),
        ("300%", "margin", 3.0),
        ("3", "count", 3),
        ("3 scans", "count", 3),
        ("1 image", "count", 1),
        ("4 patients", "count", 4),  # the thing counted, as people say it
        ("3 CBCTs", "count", 3),
        ("three", "count", 3),
        ("3.0", "count", 3),
        ("54", "years", 54.0),
        ("54 years", "years", 54.0),
        ("6 months", "years", 0.5),
        ("17 years 11 months", "years", 17 + 11 / 12),  # a child: under 18 everywhere but Scotland
        ("17y 11m", "years", 17 + 11 / 12),
        ("15 yrs, 6 mths", "years", 15.5),
        ("6/12", "years", 0.5),  # six months, as clinical notes write it
        ("3/52", "years", 3 / 52),  # three weeks
    ],
)
def test_numbers_are_converted_to_the_facts_unit(typed: str, unit_kind: str, expected: float) -> None:
    value = parse_number(typed, unit_kind)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("typed", "unit_kind", "words"),
    [
        ("12 MBq", "dose_msv", "is an activity"),
        ("12 mGy", "dose_msv", "is an absorbed dose"),
        ("0.4 mSv", "activity_mbq", "is an effective dose"),
        ("12 mSv", "dose_mgy", "is an effective dose"),
        ("5 furlongs", "dose_msv", "not recognised"),
        ("lots", "dose_msv", "is not a number"),
        ("", "dose_msv", "is not a number"),
        ("-1", "dose_msv", "negative"),
        ("-0.5 mSv", "dose_msv", "negative"),
        ("nan", "dose_msv", "finite"),
        ("inf", "ratio", "finite"),
        ("2.5", "count", "whole number"),
        ("112", "ratio", "112%"),  # a bare 112 as a ratio is refused: 112% or 112x
        ("-150%", "ratio", "less than nothing delivered"),
        ("+0.12", "ratio", "a sign means a change"),
        ("-0.1", "ratio", "a sign means a change"),
        ("-10% over", "ratio", "the sign and the word disagree"),
        ("+10% under", "ratio", "the sign and the word disagree"),
        ("+25% over", "margin", "not recognised"),  # changes are read for ratios of delivered to intended only
        ("1e400", "dose_msv", "too large"),
        ("17 years 12 months", "years", "12 months is a year or more"),
        # What was most likely meant, where the rest is not a unit at all.
        ("01/12/2008", "years", "looks like a date of birth"),
        ("7,5", "dose_msv", "decimal comma: write it with a point, 7.5."),
        ("7,5 mSv", "dose_msv", "write it with a point, 7.5 mSv."),
        ("2.4/2", "ratio", "is a division: type its result"),
        ("2.4*2", "ratio", "is a multiplication: type its result"),
        ("2.4+2", "ratio", "is a sum: type its result"),
        ("2-3", "dose_msv", "is a range: give one value"),
        ("6/13", "years", "is a division"),  # only /12 (months) and /52 (weeks) are ages
        # What the scanner shows is a dose product, not a dose: say so, and how it becomes one.
        ("150 mGy.cm", "dose_msv", "is a dose-length product (DLP), not an effective dose: convert it first"),
        ("850 Gy.cm2", "dose_msv", "is a dose-area product (DAP)"),
        ("12 µGy·m²", "dose_msv", "is a dose-area product (DAP)"),
        ("150 mGy cm", "dose_mgy", "is a dose-length product (DLP), not an absorbed dose"),
        # Past any reading as a ratio: too large, not "type 1e999x" (which is too large too).
        ("1e999", "ratio", "is too large"),
        ("1e999x", "ratio", "is too large"),
    ],
)
def test_bad_numbers_name_what_was_typed_and_what_is_accepted(typed: str, unit_kind: str, words: str) -> None:
    with pytest.raises(AnswerError) as err:
        parse_number(typed, unit_kind)
    assert words in err.value.message
    assert f"“{typed}”" in err.value.message


def test_a_number_out_of_the_facts_range_is_refused() -> None:
    age = question_by_id("age")
    with pytest.raises(AnswerError, match=r"131.*≤ 130"):
        parse_answer(age, "131")
    assert parse_answer(age, "130").sets == {"age_years": 130.0}


def test_the_follow_up_count_refuses_one_after_more_than_one_was_ticked_and_takes_dont_know() -> None:
    count = question_by_id("people_count")
    with pytest.raises(AnswerError, match="2 or more"):
        parse_answer(count, "1")
    # Not known yet: the tick's "at least 2" stands, and the notification asks for the number.
    assert parse_answer(count, "don't know").unknown == ("individuals_affected",)
    assert parse_answer(count, "three").sets == {"individuals_affected": 3}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("y", True),
        ("Yes", True),
        (" YES ", True),
        ("n", False),
        ("no", False),
        ("don't know", None),
        ("Don’t know", None),
        ("dont know", None),
        ("unknown", None),
        ("not sure", None),
        ("?", None),
    ],
)
def test_yes_no_and_dont_know(typed: str, expected: bool | None) -> None:
    assert parse_yesno(typed, allow_unknown=True) is expected


@pytest.mark.parametrize("typed", ["maybe", "yess", "", "1"])
def test_other_yes_no_answers_are_refused(typed: str) -> None:
    with pytest.raises(AnswerError, match="yes or no"):
        parse_yesno(typed, allow_unknown=True)


def test_dont_know_is_refused_where_it_is_not_offered() -> None:
    with pytest.raises(AnswerError, match="yes or no"):
        parse_yesno("don't know", allow_unknown=False)


SETTINGS = question_by_id("setting").options


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1", "diagnostic"),
        ("5", "radiotherapy"),
        ("radiotherapy", "radiotherapy"),  # the exact value wins over label prefixes it shares
        ("Radiotherapy planning", "rt_planning_scan"),
        ("radiotherapy v", "rt_verification_imaging"),
        ("inter", "interventional"),
        ("nm_therapy", "nm_therapy"),
        ("nm therapy", "nm_therapy"),
        ("NUCLEAR", "nm_therapy"),
        ("x-ray", "diagnostic"),
    ],
)
def test_choices_by_number_value_or_unique_prefix(typed: str, value: str) -> None:
    assert pick_option(SETTINGS, typed).value_text == value


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("radiotherapy ", None),  # trailing space is not a new word: still the exact value
        ("r", "more than one option"),
        ("rad", "more than one option"),
        ("7", "not an option number"),
        ("0", "not an option number"),
        ("ultrasound", "not one of the options"),
        ("", "Nothing was typed"),
    ],
)
def test_ambiguous_or_unknown_choices_are_refused(typed: str, words: str | None) -> None:
    if words is None:
        assert pick_option(SETTINGS, typed).value_text == "radiotherapy"
        return
    with pytest.raises(AnswerError, match=words):
        pick_option(SETTINGS, typed)


def test_an_ambiguous_prefix_names_the_candidates() -> None:
    options = [Option("Total miss", "total"), Option("Total body", "body")]
    with pytest.raises(AnswerError) as err:
        pick_option(options, "tot")
    assert "Total miss" in err.value.message and "Total body" in err.value.message


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("today", TODAY),
        ("Yesterday", TODAY - dt.timedelta(days=1)),
        ("2026-11-20", dt.date(2026, 11, 20)),
        ("20/11/2026", dt.date(2026, 11, 20)),
        ("20-11-2026", dt.date(2026, 11, 20)),
        ("3/4/2026", dt.date(2026, 4, 3)),  # day first, as written in the UK
        ("03/04/2026", dt.date(2026, 4, 3)),
        ("20 Nov 2026", dt.date(2026, 11, 20)),
        ("20 November 2026", dt.date(2026, 11, 20)),
        ("1st Sept 2026", dt.date(2026, 9, 1)),
        ("29/02/2024", dt.date(2024, 2, 29)),
        ("28/11/2026", TODAY),
    ],
)
def test_dates_read_day_first(typed: str, expected: dt.date) -> None:
    assert parse_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("31/02/2026", "not a real date"),
        ("29/02/2026", "not a real date"),
        ("13/13/2026", "not a real date"),
        ("29/11/2026", r"is in the future \(2026-11-29\): give a date up to today \(28/11/2026\)\."),
        ("tomorrow", "not a date"),
        ("20 Novembre 2026", "not a month"),
        ("11/20/26", "not a date"),
        ("", "No date was typed"),
        ("   ", "No date was typed"),
    ],
)
def test_impossible_and_future_dates_are_refused(typed: str, words: str) -> None:
    with pytest.raises(AnswerError, match=words):
        parse_date(typed, today=TODAY)


def test_form_answers_are_checked_field_by_field_and_all_problems_reported() -> None:
    doses = question_by_id("imaging_doses")
    parsed = parse_answer(doses, {"intended_dose_msv": "400 µSv", "total_dose_msv": "don't know"})
    assert parsed.sets == {"intended_dose_msv": 0.4}
    assert parsed.unknown == ("total_dose_msv",)
    assert "0.4 mSv" in parsed.echo and "400 µSv" in parsed.echo
    with pytest.raises(AnswerError) as err:
        parse_answer(doses, {"intended_dose_msv": "12 MBq", "total_dose_msv": "-3"})
    assert "12 MBq" in err.value.message and "-3" in err.value.message
    with pytest.raises(AnswerError, match="no field"):
        parse_answer(doses, {"dose": "1"})


@pytest.mark.parametrize(
    ("typed", "echo"),
    [
        ("25%", "0.25× (75% under)"),
        ("+25%", "1.25× (25% over)"),
        ("1.1", "1.1× (10% over)"),
        ("100%", "1× (as intended)"),
    ],
)
def test_a_ratio_is_echoed_with_how_far_it_is_from_the_intended(typed: str, echo: str) -> None:
    delivery = question_by_id("treatment_delivery")
    parsed = parse_answer(delivery, {"geographical_miss": "No miss", "course_dose_ratio_ptv": typed})
    assert echo in parsed.echo


def test_a_form_mixes_a_choice_and_numbers() -> None:
    delivery = question_by_id("treatment_delivery")
    parsed = parse_answer(delivery, {"geographical_miss": "Partial miss", "course_dose_ratio_ptv": "112%"})
    assert parsed.sets == {"geographical_miss": "partial", "course_dose_ratio_ptv": 1.12}
    assert set(parsed.unknown) == {"course_dose_ratio_oar", "fraction_dose_ratio_max"}


def test_checklist_unticked_means_no_and_none_is_exclusive() -> None:
    checklist = question_by_id("circumstances")
    parsed = parse_answer(checklist, ["A foetus was exposed unintentionally", "theme"])
    assert parsed.sets["foetal_exposure_unintended"] is True
    assert parsed.sets["theme_identified"] is True
    assert parsed.sets["individuals_affected"] == 1
    assert parsed.sets["clinically_significant"] is False
    assert parsed.sets["infant_exposed"] is False
    assert parse_answer(checklist, "3, 5").ticks == ("foetus", "wrong_radiopharmaceutical")
    with pytest.raises(AnswerError, match="cannot be ticked together"):
        parse_answer(checklist, ["None of these", "theme"])
    with pytest.raises(AnswerError, match="Nothing was ticked"):
        parse_answer(checklist, [])
    none = parse_answer(checklist, ["None of these"])
    assert none.ticks == () and all(v in (False, 1) for v in none.sets.values())


def test_checklist_not_sure_leaves_what_is_not_ticked_open() -> None:
    checklist = question_by_id("circumstances")
    parsed = parse_answer(checklist, ["theme", "unsure"])
    assert parsed.sets == {"theme_identified": True}, "only the tick is an answer"
    assert set(parsed.unknown) == {"individuals_affected", "foetal_exposure_unintended", "infant_exposed",
                                   "wrong_radiopharmaceutical", "equipment_fault", "clinically_significant",
                                   "licence_breach"}  # fmt: skip
    with pytest.raises(AnswerError, match="cannot be ticked together"):
        parse_answer(checklist, ["None of these", "unsure"])


def test_typed_text_is_quoted_back_unchanged() -> None:
    markup = "[bold red]12[/] <b>mSv</b>"
    with pytest.raises(AnswerError) as err:
        parse_number(markup, "dose_msv")
    assert markup in err.value.message


def test_a_long_answer_is_quoted_short_in_its_refusal() -> None:
    pasted = "x" * 3000
    with pytest.raises(AnswerError) as err:
        parse_number(pasted, "years")
    assert "(3,000 characters) is not a number" in err.value.message
    assert len(err.value.message) < 200
    with pytest.raises(AnswerError) as short:
        parse_number("x" * QUOTED_UP_TO, "years")
    assert f"“{'x' * QUOTED_UP_TO}”" in short.value.message, "up to the limit, quoted whole"
