"""The engine against the public scenarios and the threshold-edge tables."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.decision import open_check_lines, verdict_words
from assistant.engine import assess
from assistant.fact_schema import fact_specs
from assistant.validation import InputError, parse_facts
from tests.unit.case_tables import check, plain, public_scenarios, threshold_cases

SCENARIOS = public_scenarios()
CASES = threshold_cases()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_public_scenario(scenario: dict[str, Any]) -> None:
    facts = {k: plain(v) for k, v in scenario["facts"].items()}
    out = assess(parse_facts(facts)).to_json()
    assert check(scenario["expect"], out) == []


@pytest.mark.parametrize(("facts", "expect"), [(f, e) for _, f, e in CASES], ids=[n for n, _, _ in CASES])
def test_threshold_edge(facts: dict[str, Any], expect: dict[str, Any]) -> None:
    out = assess(parse_facts(facts)).to_json()
    assert check(expect, out) == []


@pytest.mark.parametrize(("facts", "expect"), [(f, e) for _, f, e in CASES], ids=[n for n, _, _ in CASES])
def test_every_code_given_is_backed_by_a_finding(facts: dict[str, Any], expect: dict[str, Any]) -> None:
    """Which rule fired, not only the outcome: every letter and base code has its finding.

    The one exception is a base code that only names the exposure category a
    letter is prefixed to (M2.1 with a dose below 2.1's threshold).
    """
    out = assess(parse_facts(facts)).to_json()
    fired = {f["code"] for f in out["findings"]}
    for code in out["codes"]:
        base = code.lstrip("MEVC")
        letters = set(code[: len(code) - len(base)])
        assert letters <= fired, f"{code}: no finding for {letters - fired}"
        assert base in fired or letters & {"M", "C", "V"}, f"{code}: no finding for {base}"
    for finding in out["findings"]:
        assert finding["criterion"] and finding["source"] and finding["reason"]


def test_findings_quote_and_explain() -> None:
    out = assess(
        parse_facts(
            {
                "jurisdiction": "england",
                "exposure": "unintended",
                "setting": "diagnostic",
                "age_years": 54,
                "intended_dose_msv": 0.02,
                "total_dose_msv": 4.0,
            }
        )
    ).to_json()
    (finding,) = out["findings"]
    assert finding["code"] == "2.1"
    assert "3mSv or above (adult)" in finding["criterion"]
    assert "4 mSv ≥ 3 mSv" in finding["reason"]
    assert "0.02 mSv" in finding["reason"]


def test_why_not_gives_the_gap() -> None:
    out = assess(
        parse_facts(
            {
                "jurisdiction": "england",
                "exposure": "accidental",
                "setting": "diagnostic",
                "age_years": 40,
                "total_dose_msv": 2.9,
            }
        )
    ).to_json()
    assert out["verdict"] == "local"
    (why,) = out["why_not"]
    assert why["code"] == "1"
    assert "2.9 mSv" in why["reason"] and "0.1 mSv short" in why["reason"] and "3 mSv" in why["reason"]


def test_rounding_never_prints_a_value_as_the_edge_it_missed() -> None:
    over = {"jurisdiction": "england", "exposure": "unintended", "setting": "nm_therapy", "nm_therapy_type": "other",
            "prescribed_activity_mbq": 1500, "delivered_activity_mbq": 1650.01}  # fmt: skip
    (finding,) = assess(parse_facts(over)).findings
    assert "1.100007× > 1.1×" in finding.reason
    just_under = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 40,
                  "intended_dose_msv": 0.3000001, "total_dose_msv": 3}  # fmt: skip
    decision = assess(parse_facts(just_under))
    assert decision.verdict == "local"
    (why,) = [f for f in decision.why_not if f.code == "2.2"]
    assert "= 9.999997× is not ≥ 10×" in why.reason and "just short" in why.reason
    assert "intended 0.3000001 mSv" in why.reason, "a fact is printed as it was given"
    assert "exactly at the edge" not in why.reason
    (band,) = [f for f in assess(parse_facts(just_under | {"intended_dose_msv": 0.29999})).findings if f.code == "2.1"]
    assert "intended dose 0.29999 mSv is in the 2.1 band (< 0.3 mSv)" in band.reason
    at_edge = dict(over, delivered_activity_mbq=1650)
    (why,) = assess(parse_facts(at_edge)).why_not
    assert "exactly at the edge, which is excluded" in why.reason


# Numbers are judged to 9 decimal places (docs/interpretations.md, "Numbers at an edge"): float noise
# from a spreadsheet (0.7 + 0.1 + 0.1 + 0.1 = 0.9999999999999999) is on the edge, and the reason says so.
NOISE = [
    ("child accidental", {"exposure": "accidental", "age_years": 9, "total_dose_msv": 0.7 + 0.1 + 0.1 + 0.1},
     "notify", "0.9999999999999999 mSv (= 1 mSv to 9 decimal places) ≥ 1 mSv"),
    ("course over-dose", {"exposure": "unintended", "setting": "radiotherapy", "geographical_miss": "none",
                          "course_dose_ratio_ptv": 6.6 / 6.0, "course_dose_ratio_oar": 1.0,
                          "fraction_dose_ratio_max": 1.0}, "notify", "(= 1.1× to 9 decimal places) ≥ 1.1×"),
    ("2.2 factor", {"exposure": "unintended", "setting": "diagnostic", "age_years": 40,
                    "intended_dose_msv": 0.1 + 0.2, "total_dose_msv": 3}, "notify", "= 10× ≥ 10×"),
    ("foetus", {"exposure": "accidental", "age_years": 30, "total_dose_msv": 0.1, "foetal_exposure_unintended": True,
                "foetal_dose_mgy": 9.999999999999998}, "notify", "(= 10 mGy to 9 decimal places) ≥ 10 mGy"),
    ("activity +10% exactly", {"exposure": "unintended", "setting": "nm_therapy", "nm_therapy_type": "other",
                               "prescribed_activity_mbq": 1500, "delivered_activity_mbq": 1500 * 1.1},
     "local", "(+10%) = 1.1× is not > 1.1×: exactly at the edge, which is excluded"),
    ("9 decimals are still told apart", {"exposure": "accidental", "age_years": 9, "total_dose_msv": 0.999999999},
     "local", "0.999999999 mSv is not ≥ 1 mSv"),
    ("age on the edge", {"exposure": "accidental", "age_years": 17.9999999999, "total_dose_msv": 2},
     "local", "age 17.9999999999 (= 18 to 9 decimal places) is 18 or over: an adult"),
    # A quotient of numbers taken to 9 decimals is exact: it is not rounded again onto the edge.
    ("quotient told apart", {"exposure": "unintended", "setting": "diagnostic", "age_years": 40,
                             "intended_dose_msv": 2, "total_dose_msv": 19.999999999},
     "local", "= 9.999999999× is not ≥ 10×"),
    ("band edge from noise", {"exposure": "unintended", "setting": "diagnostic", "age_years": 10,
                              "intended_dose_msv": 0.2999999999, "total_dose_msv": 1.5},
     "local", "intended dose 0.2999999999 mSv (= 0.3 mSv to 9 decimal places) is in the 2.2 band"),
]  # fmt: skip


@pytest.mark.parametrize(("facts", "verdict", "words"), [n[1:] for n in NOISE], ids=[n[0] for n in NOISE])
def test_float_noise_at_an_edge_is_judged_on_the_edge(facts: dict[str, Any], verdict: str, words: str) -> None:
    decision = assess(parse_facts({"jurisdiction": "england"} | facts))
    assert decision.verdict == verdict
    reasons = [f.reason for f in (decision.findings if verdict == "notify" else decision.why_not)]
    assert any(words in r for r in reasons), reasons


def test_facts_that_do_not_bear_on_the_case_are_reported() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "interventional",
             "deterministic_effects": False, "planning_scans_total": 3}  # fmt: skip
    (note,) = assess(parse_facts(facts)).notes
    assert "`planning_scans_total`" in note and "setting: interventional" in note
    wales = {"jurisdiction": "wales", "exposure": "accidental", "total_dose_msv": 0.01, "age_years": 30}
    (dose_note,) = assess(parse_facts(wales)).notes
    assert "`total_dose_msv`" in dose_note and "Keep it for the report" in dose_note
    assert "check the exposure and setting" not in dose_note, "a dose given is not a sign of a wrong exposure"
    infant = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 40,
              "intended_dose_msv": 1, "total_dose_msv": 2, "infant_exposed": True, "infant_dose_msv": 2}  # fmt: skip
    assert not assess(parse_facts(infant)).notes, "a ticked infant read through its dose is not 'not used'"


def test_a_category_code_says_its_own_criterion_is_not_met() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 40,
             "intended_dose_msv": 0.02, "total_dose_msv": 0.04, "clinically_significant": True}  # fmt: skip
    decision = assess(parse_facts(facts))
    assert decision.codes == ("C2.1",)
    assert any("2.1's own criterion is not met" in n for n in decision.notes)


def test_radiotherapy_imaging_without_a_dose_says_the_bands_were_not_checked() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "rt_planning_scan", "age_years": 62,
             "planning_scans_total": 2}  # fmt: skip
    decision = assess(parse_facts(facts))
    assert decision.verdict == "local"
    assert any("2.1-2.4" in n and "No dose was given" in n and "fewer than 2.5 times" in n for n in decision.notes)
    given = assess(parse_facts(facts | {"intended_dose_msv": 5, "total_dose_msv": 12}))
    assert given.verdict == "local" and not any("2.1-2.4" in n for n in given.notes)
    assert any(f.code == "2.3" and "12 mSv" in f.reason for f in given.why_not)


@pytest.mark.parametrize(
    "voluntary, verdict, anonymise",
    [(True, "voluntary", True), (False, "local", False)],
)
def test_whatever_goes_to_an_authority_is_to_be_anonymised(voluntary: bool, verdict: str, anonymise: bool) -> None:
    facts = {"jurisdiction": "wales", "exposure": "unintended", "setting": "diagnostic", "age_years": 40,
             "intended_dose_msv": 0.1, "total_dose_msv": 0.2, "voluntary": voluntary}  # fmt: skip
    decision = assess(parse_facts(facts))
    assert decision.verdict == verdict
    assert any(d.startswith("Anonymise the report") for d in decision.duties) is anonymise
    notify = assess(parse_facts({"jurisdiction": "wales", "exposure": "accidental"}))
    assert notify.verdict == "notify" and any(d.startswith("Anonymise the report") for d in notify.duties)


@pytest.mark.parametrize("nation, body, regulation", [("england", "Health and Safety Executive under", True),
                                                      ("northern_ireland", "(HSENI)", False)])  # fmt: skip
def test_outside_irmer_names_the_nations_safety_body(nation: str, body: str, regulation: bool) -> None:
    (report, _) = assess(parse_facts({"jurisdiction": nation, "exposed_person": "worker"})).duties
    assert body in report
    assert ("regulation 26" in report) is regulation  # Great Britain's regulation, not Northern Ireland's


def test_a_discovery_date_with_a_time_counts_its_day() -> None:
    facts = {"jurisdiction": "wales", "exposure": "accidental", "discovered_on": "2026-11-20T10:30:00"}
    decision = assess(parse_facts(facts))
    assert decision.deadlines is not None and decision.deadlines["notify_by"].isoformat() == "2026-12-04"


@pytest.mark.parametrize("scans, words", [(2, "2 scans is not ≥ 3 scans: 1 scan short"), (1, "1 scan is not")])
def test_a_count_of_one_is_singular(scans: int, words: str) -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "rt_planning_scan",
             "planning_scans_total": scans}  # fmt: skip
    (finding,) = assess(parse_facts(facts)).why_not
    assert words in finding.reason


@pytest.mark.parametrize(
    "kind, code, words",
    [("sirt", "10.1", "SIRT (selective internal radiation therapy)"), ("other", "10.2", "a therapy other than SIRT")],
)
def test_a_therapy_type_is_named_in_words(kind: str, code: str, words: str) -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "nm_therapy", "nm_therapy_type": kind,
             "prescribed_activity_mbq": 1000, "delivered_activity_mbq": 1300}  # fmt: skip
    (finding,) = assess(parse_facts(facts)).findings
    assert finding.code == code and f"nuclear medicine therapy type: {words};" in finding.reason


@pytest.mark.parametrize(
    "facts, code, under",
    [({"jurisdiction": "england", "exposure": "accidental", "total_dose_msv": 2.5}, "1", 18),
     ({"jurisdiction": "scotland", "exposure": "unintended", "intended_dose_msv": 0.1, "total_dose_msv": 2.5},
      "2.1", 16)],
)  # fmt: skip
def test_an_undetermined_verdict_says_what_the_missing_fact_decides(
    facts: dict[str, Any], code: str, under: int
) -> None:
    decision = assess(parse_facts(facts | {"setting": "diagnostic"}))
    (pending,) = decision.pending
    assert decision.verdict == "undetermined" and pending.code == code and pending.needs == ("age_years",)
    assert pending.so_far.startswith(f"if a child (under {under}), met: total effective dose 2.5 mSv ≥ 1 mSv")
    assert "; if an adult, not met: total effective dose 2.5 mSv is not ≥ 3 mSv" in pending.so_far
    assert decision.to_json()["pending"] == [{"code": code, "needs": ["age_years"], "so_far": pending.so_far}]
    below_both = assess(parse_facts(facts | {"setting": "diagnostic", "total_dose_msv": 0.5}))
    assert below_both.verdict == "local" and not below_both.pending, "the age cannot change it: nothing pending"


def test_pending_lists_only_the_criteria_waiting_on_a_missing_fact() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "intended_dose_msv": 1}
    decision = assess(parse_facts(facts))
    assert decision.missing == ("total_dose_msv",)
    assert [p.code for p in decision.pending] == ["2.2"] and decision.pending[0].needs == ("total_dose_msv",)
    assert not assess(parse_facts(facts | {"total_dose_msv": 12, "age_years": 40})).pending, "only for undetermined"


def test_reasons_read_as_plain_words() -> None:
    nm = {"jurisdiction": "england", "exposure": "unintended", "setting": "nm_therapy", "nm_therapy_type": "sirt",
          "prescribed_activity_mbq": 1000, "delivered_activity_mbq": 950}  # fmt: skip
    (gap,) = [f.reason for f in assess(parse_facts(nm)).why_not if f.code == "10.1"]
    assert gap.endswith("0.95× is not < 0.8×: 0.15× above"), "not 'over', which reads as an over-dose"
    either = assess(
        parse_facts({k: v for k, v in nm.items() if k != "nm_therapy_type"} | {"delivered_activity_mbq": 1300})
    )
    first = either.findings[0].reason
    assert first.startswith(
        "if the nuclear medicine therapy type is SIRT (selective internal radiation therapy): delivered"
    )
    images = {"jurisdiction": "england", "exposure": "unintended", "setting": "rt_verification_imaging",
              "course_images_intended": 0, "course_images_additional": 1,
              "additional_images_cause": "protocol_failure"}  # fmt: skip
    assert "1 additional image with none intended" in assess(parse_facts(images)).findings[0].reason


def test_facts_given_outside_irmer_are_said_to_be_unused() -> None:
    staff = {"jurisdiction": "england", "exposed_person": "worker", "equipment_fault": True}
    (note,) = assess(parse_facts(staff)).notes
    assert "`equipment_fault`" in note and "Keep the dose" not in note
    (note,) = assess(parse_facts(staff | {"total_dose_msv": 5})).notes
    assert "`total_dose_msv`" in note and "Keep the dose for the report" in note
    assert assess(parse_facts({"jurisdiction": "wales", "exposed_person": "public"})).notes == ()


@pytest.mark.parametrize(
    "facts, words",
    [({"setting": "diagnostic", "intended_dose_msv": 10, "total_dose_msv": 1000.0},
      "The total effective dose given, 1000 mSv, is more than irmer expects of one (over 200 mSv)"),
     ({"setting": "radiotherapy", "course_dose_ratio_ptv": 12}, "The course dose ratio to the PTV given, 12×, is more"),
     ({"setting": "diagnostic", "intended_dose_msv": 10, "total_dose_msv": 200}, None)],
)  # fmt: skip
def test_a_value_beyond_any_real_case_asks_to_check_its_unit(facts: dict[str, Any], words: str | None) -> None:
    decision = assess(parse_facts({"jurisdiction": "england", "exposure": "unintended", "age_years": 40} | facts))
    flagged = [n for n in decision.notes if "more than irmer expects" in n]
    assert (words is None and not flagged) or (words is not None and words in flagged[0])
    if words:
        assert decision.verdict == "notify", "judged on the value as given"


def test_a_total_below_the_intended_dose_asks_whether_they_are_swapped() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 40,
             "intended_dose_msv": 12, "total_dose_msv": 1}  # fmt: skip
    decision = assess(parse_facts(facts))
    assert decision.verdict == "local"
    assert any("below the intended dose" in n and "swapped" in n for n in decision.notes)
    swapped = assess(parse_facts(facts | {"intended_dose_msv": 1, "total_dose_msv": 12}))
    assert swapped.codes == ("2.2",) and not any("swapped" in n for n in swapped.notes)


def test_a_notification_lists_only_assumptions_that_could_change_it() -> None:
    notify = assess(parse_facts({"jurisdiction": "england", "exposure": "accidental", "age_years": 40,
                                 "total_dose_msv": 5}))  # fmt: skip
    local = assess(parse_facts({"jurisdiction": "england", "exposure": "accidental", "age_years": 40,
                                "total_dose_msv": 0.5}))  # fmt: skip
    assert notify.verdict == "notify" and "voluntary" not in {a.fact for a in notify.assumptions}
    assert local.verdict == "local" and "voluntary" in {a.fact for a in local.assumptions}
    assert "clinically_significant" in {a.fact for a in notify.assumptions}  # C would add a letter


def test_rows_for_settings_the_facts_rule_out_are_not_left_open() -> None:
    # A wrong radiopharmaceutical is nuclear medicine (or PET-CT planning): no radiotherapy treatment,
    # verification or interventional row can apply.
    decision = assess(
        parse_facts({"jurisdiction": "england", "exposure": "unintended", "wrong_radiopharmaceutical": True})
    )
    assert decision.codes == ("7",)
    assert {c.code for c in decision.open_checks} == {"2.1", "2.2", "2.3", "2.4", "4.1", "10.1", "10.2"}
    infant = assess(parse_facts({"jurisdiction": "england", "exposure": "unintended", "infant_dose_msv": 2}))
    assert infant.verdict == "undetermined"
    assert not {"deterministic_effects", "fraction_images_max", "geographical_miss"} & set(infant.missing)
    assert {"setting", "procedural_failure"} <= set(infant.missing)


def test_an_accidental_exposure_never_waits_on_the_radiopharmaceutical() -> None:
    """Code 7 is for a patient meant to have a radiopharmaceutical: for an accidental exposure it cannot apply."""
    facts = parse_facts({"jurisdiction": "england", "exposure": "accidental", "setting": "diagnostic",
                         "total_dose_msv": 1, "age_years": 40})  # fmt: skip
    decision = assess(facts, not_known={"wrong_radiopharmaceutical"})
    assert decision.verdict == "local" and decision.missing == ()
    wales = assess(parse_facts({"jurisdiction": "wales", "exposure": "accidental"}), assume_absent=False)
    assert "7" not in [check.code for check in wales.open_checks]


def test_a_radiopharmaceutical_not_known_in_a_pet_ct_planning_scan_is_waited_for() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "rt_planning_scan", "age_years": 60,
             "planning_scans_total": 1}  # fmt: skip
    decision = assess(facts, not_known={"wrong_radiopharmaceutical"})
    assert decision.verdict == "undetermined" and decision.missing == ("wrong_radiopharmaceutical",)
    with pytest.raises(InputError, match="rt_planning_scan"):
        parse_facts({**facts, "setting": "radiotherapy", "wrong_radiopharmaceutical": True})


def test_a_foetal_dose_with_the_foetal_exposure_said_intended_says_how_code_5_would_apply() -> None:
    base = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 30,
            "intended_dose_msv": 8, "total_dose_msv": 20, "foetal_dose_mgy": 20}  # fmt: skip
    intended = assess(parse_facts({**base, "foetal_exposure_unintended": False}))
    assert intended.verdict == "local"
    assert any("foetal_exposure_unintended: true" in n and "≥ 10 mGy" in n for n in intended.notes)
    unintended = assess(parse_facts({**base, "foetal_exposure_unintended": True}))
    assert unintended.codes == ("5",) and not any("foetal_exposure_unintended" in n for n in unintended.notes)


def test_a_condition_on_a_fact_reads_as_words() -> None:
    decision = assess(parse_facts({"jurisdiction": "northern_ireland", "exposed_person": "patient",
                                   "wrong_radiopharmaceutical": True}))  # fmt: skip
    assert decision.codes_need == ("exposure",)
    reasons = [f.reason for f in decision.findings]
    assert any(r.startswith("if the exposure was accidental: ") for r in reasons), reasons
    assert any(r.startswith("if the exposure was unintended: ") for r in reasons), reasons


def test_a_criterion_waiting_on_one_yes_or_no_says_what_each_answer_gives() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 50,
             "intended_dose_msv": 1, "total_dose_msv": 2}  # fmt: skip
    decision = assess(facts, not_known={"wrong_radiopharmaceutical"})
    (pending,) = [p for p in decision.pending if p.code == "7"]
    assert pending.so_far.startswith("if yes, met: an incorrect radiopharmaceutical was administered")
    assert "; if no, not met: the radiopharmaceutical was the one intended" in pending.so_far


def test_an_age_in_years_and_months_reads_as_typed() -> None:
    facts = {"jurisdiction": "scotland", "exposure": "unintended", "setting": "diagnostic", "age_years": 15 + 11 / 12}
    decision = assess(parse_facts(facts | {"intended_dose_msv": 0.2, "total_dose_msv": 1.5}))
    assert decision.codes == ("2.1",)
    assert "(15 years 11 months) is under 16" in decision.findings[0].reason


def test_a_patients_exposure_does_not_list_clinical_use_as_an_assumption() -> None:
    patient = assess(parse_facts({"jurisdiction": "england", "exposure": "accidental", "age_years": 40,
                                  "total_dose_msv": 1}))  # fmt: skip
    assert "before_clinical_use" not in {a.fact for a in patient.assumptions}, "settled: a patient's is in clinical use"
    unknown_who = assess(parse_facts({"jurisdiction": "england"}))
    assert "before_clinical_use" in {a.fact for a in unknown_who.assumptions}


def test_a_notification_says_the_report_must_state_candour_and_the_csaue_procedure() -> None:
    """The guidance lists both among what every SAUE report should include, not only a CSAUE's."""
    notify = assess(parse_facts({"jurisdiction": "england", "exposure": "accidental", "age_years": 40,
                                 "total_dose_msv": 5}))  # fmt: skip
    (report,) = [d for d in notify.duties if d.startswith("Send the detailed investigation report")]
    assert "whether local duty of candour requirements have been met" in report
    assert "whether the local CSAUE procedure has been applied" in report


def test_pending_lists_only_criteria_whose_facts_are_all_asked_for() -> None:
    """Exposure unknown: the unintended case is 8.1 (PTV 1.15), so 9.1/9.2, which would also need the miss, do
    not wait here; code 1 (accidental, age unknown) does."""
    decision = assess(parse_facts({"jurisdiction": "england", "exposed_person": "patient", "setting": "radiotherapy",
                                   "total_dose_msv": 2, "course_dose_ratio_ptv": 1.15}))  # fmt: skip
    assert decision.verdict == "undetermined"
    waiting = {p.code for p in decision.pending}
    assert not waiting & {"9.1", "9.2"}, decision.pending
    assert all(set(p.needs) <= set(decision.missing) for p in decision.pending)


def test_a_yes_or_no_with_something_known_says_both_answers_and_what_is_known() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "rt_verification_imaging",
             "age_years": 60, "fraction_images_max": 3, "course_images_intended": 10, "course_images_additional": 1,
             "additional_images_cause": "other"}  # fmt: skip
    decision = assess(facts, not_known={"setup_error"})
    (pending,) = [p for p in decision.pending if p.code == "4.2a"]
    assert pending.so_far.startswith("if yes, met: ") and "; if no, not met: " in pending.so_far
    assert "3 images ≥ 3 images" in pending.so_far


def test_a_code_still_open_in_every_branch_is_still_asked_for() -> None:
    # Scotland: accidental or unintended, both notify; the unintended case's code still needs the therapy type.
    decision = assess(parse_facts({"jurisdiction": "scotland", "exposed_person": "patient", "setting": "nm_therapy",
                                   "prescribed_activity_mbq": 100, "delivered_activity_mbq": 125}))  # fmt: skip
    assert decision.verdict == "notify" and decision.codes_need == ("exposure", "nm_therapy_type")
    # M in radiotherapy with the miss unknown: 9.1 or 9.2 if there was one, so the category is open.
    m = assess(parse_facts({"jurisdiction": "england", "exposure": "unintended", "setting": "radiotherapy",
                            "course_dose_ratio_ptv": 1.0, "individuals_affected": 3}))  # fmt: skip
    assert m.codes == ("M",) and m.codes_need == ("geographical_miss",)
    with_miss = assess(parse_facts({"jurisdiction": "england", "exposure": "unintended", "setting": "radiotherapy",
                                    "course_dose_ratio_ptv": 1.0, "individuals_affected": 3,
                                    "geographical_miss": "total"}))  # fmt: skip
    assert with_miss.codes == ("M9.1",)


def test_no_radiopharmaceutical_is_assumed_absent_where_none_is_given() -> None:
    radiotherapy = assess(parse_facts({"jurisdiction": "england", "exposure": "unintended",
                                       "setting": "radiotherapy", "course_dose_ratio_ptv": 1.0,
                                       "geographical_miss": "none", "course_dose_ratio_oar": 1.0,
                                       "fraction_dose_ratio_max": 1.0}))  # fmt: skip
    facts = {a.fact for a in radiotherapy.assumptions}
    assert not facts & {"wrong_radiopharmaceutical", "infant_exposed"}, facts
    nuclear = assess(parse_facts({"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic",
                                  "age_years": 50, "intended_dose_msv": 1, "total_dose_msv": 1}))  # fmt: skip
    assert {"wrong_radiopharmaceutical", "infant_exposed"} <= {a.fact for a in nuclear.assumptions}


def test_the_intended_foetal_dose_note_is_only_where_code_5_could_apply() -> None:
    base = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 30,
            "intended_dose_msv": 8, "total_dose_msv": 9, "foetal_exposure_unintended": False}  # fmt: skip
    assert not any(
        "foetal_exposure_unintended" in n for n in assess(parse_facts(base | {"foetal_dose_mgy": 9.9})).notes
    )
    assert any("foetal_exposure_unintended" in n for n in assess(parse_facts(base | {"foetal_dose_mgy": 10})).notes)


PATIENT_ONLY = {"exposure": "accidental", "intended_dose_msv": 0.5, "wrong_radiopharmaceutical": True,
                "infant_exposed": True, "infant_dose_msv": 1, "clinically_significant": True}  # fmt: skip


def test_the_patient_only_facts_are_the_ones_marked_so_in_the_data() -> None:
    assert {n for n, spec in fact_specs().items() if spec.patient_only} == set(PATIENT_ONLY)


@pytest.mark.parametrize("name", sorted(PATIENT_ONLY))
def test_a_patients_exposure_cannot_be_before_clinical_use_nor_a_workers(name: str) -> None:
    """Each fact only a patient's medical exposure has rules out the exposures outside IR(ME)R."""
    case = {"jurisdiction": "wales", name: PATIENT_ONLY[name]}
    if name == "infant_dose_msv":
        case["infant_exposed"] = True
    for outside in ({"before_clinical_use": True}, {"exposed_person": "worker"}, {"exposed_person": "public"}):
        with pytest.raises(InputError, match=f"`{name}`"):
            parse_facts(case | outside)
    # Not known, either is then settled: the case is judged, not left waiting on who was exposed.
    decision = assess(parse_facts(case | {"before_clinical_use": None, "exposed_person": None}), not_known=(
        "before_clinical_use", "exposed_person"))  # fmt: skip
    assert not {"before_clinical_use", "exposed_person"} & set(decision.missing)


def test_not_known_whether_the_equipment_was_in_clinical_use_waits_where_no_patient_is_described() -> None:
    unknown = assess(parse_facts({"jurisdiction": "england", "before_clinical_use": None}),
                     not_known=("before_clinical_use",))  # fmt: skip
    assert (unknown.verdict, unknown.missing) == ("undetermined", ("exposed_person", "before_clinical_use"))
    radiopharmaceutical = {"jurisdiction": "wales", "wrong_radiopharmaceutical": True}
    settled = assess(parse_facts(radiopharmaceutical), not_known=("before_clinical_use",))
    assert settled.verdict == "notify", "a radiopharmaceutical administered is a patient's: in clinical use"
    # A setting alone does not say who was exposed: equipment is tested in its setting before clinical use.
    setting = assess(parse_facts({"jurisdiction": "england", "setting": "diagnostic"}),
                     not_known=("before_clinical_use",))  # fmt: skip
    assert setting.missing == ("exposed_person", "before_clinical_use"), "one answer says both: neither assumed"


def test_who_was_exposed_is_not_asked_when_the_facts_describe_a_patient() -> None:
    facts = {"jurisdiction": "england", "exposure": "accidental", "total_dose_msv": 4}
    decision = assess(parse_facts(facts), not_known=("exposed_person",))
    assert (decision.verdict, decision.codes) == ("notify", ("1",))
    alone = assess(parse_facts({"jurisdiction": "england"}), not_known=("exposed_person",))
    assert alone.missing == ("exposed_person", "before_clinical_use"), "who was exposed, or no patient at all"


def test_a_partial_miss_with_an_under_dose_from_another_cause_leaves_the_margin_to_name_the_code() -> None:
    facts = {"jurisdiction": "scotland", "exposure": "unintended", "setting": "radiotherapy", "age_years": 60,
             "geographical_miss": "partial", "underdose_from_miss": False, "course_dose_ratio_ptv": 0.85,
             "course_dose_ratio_oar": 1.0, "fraction_dose_ratio_max": 1.0}  # fmt: skip
    decision = assess(parse_facts(facts))
    assert decision.codes == ("8.2",)
    assert [(c.code, c.needs) for c in decision.open_checks] == [("9.2", ("miss_margin_factor",))]
    assert assess(parse_facts(facts | {"miss_margin_factor": 2.51})).codes == ("8.2", "9.2")


def test_what_is_still_to_find_out_reads_as_a_question_not_as_a_fact_settled() -> None:
    specs = fact_specs()
    assert specs["procedural_failure"].to_find_out() == "procedural failure: whether there was a failure in procedure"
    assert specs["course_images_additional"].to_find_out() == "additional verification images over the course"
    bools = [spec for spec in specs.values() if spec.type == "bool"]
    # Each yes/no meaning is a clause, read after "whether" and "if": it starts with a subject, not a verb.
    for spec in bools:
        assert spec.meaning.split()[0] in {"a", "an", "the", "there", "observable", "radioactive"}, spec.name


def test_criteria_waiting_first_on_one_fact_still_say_what_is_known_of_each() -> None:
    facts = {"jurisdiction": "england", "exposed_person": "patient", "setting": "rt_planning_scan",
             "planning_scans_total": 3}  # fmt: skip
    decision = assess(parse_facts(facts))
    (line,) = open_check_lines(decision.pending, str)
    assert line.startswith("[1, 4.1] depend first on: exposure")
    assert "So far, [4.1]: planning scans in total (including the intended scan) 3 scans ≥ 3 scans" in line


def test_the_cause_of_additional_images_is_given_in_words() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "rt_verification_imaging",
             "age_years": 60, "fraction_images_max": 1, "setup_error": False, "course_images_intended": 10,
             "course_images_additional": 6, "additional_images_cause": "other"}  # fmt: skip
    decision = assess(parse_facts(facts))
    (protocol,) = [f for f in decision.why_not if f.code == "4.2b"]
    assert "not a result of protocol failure (the cause given: another cause)" in protocol.reason


@pytest.mark.parametrize(
    "nation, body",
    [
        ("england", "Health and Safety Executive."),
        ("northern_ireland", "Health and Safety Executive Northern Ireland."),
    ],
)
def test_outside_irmer_names_the_one_safety_regulator_of_the_nation_and_what_turns_on_the_dose(
    nation: str, body: str
) -> None:
    decision = assess(parse_facts({"jurisdiction": nation, "exposed_person": "worker"}))
    words = verdict_words(decision)
    assert words.endswith(f"an over-exposure is reported to the {body}")
    assert "Northern Ireland)" not in words, "not both regulators, whichever the nation"
    assert decision.duties[0].startswith("This is not an IR(ME)R notification: if it was an over-exposure")
    tested = assess(parse_facts({"jurisdiction": nation, "before_clinical_use": True}))
    assert tested.duties[0].startswith("This is not an IR(ME)R notification: report the over-exposure to the")


def test_who_was_exposed_is_not_listed_as_assumed_once_a_patients_exposure_settles_it() -> None:
    """Only what could be otherwise is an assumption: public, worker and before clinical use are refused here."""
    for facts in ({"jurisdiction": "scotland", "exposure": "accidental"},
                  {"jurisdiction": "england", "wrong_radiopharmaceutical": True}):  # fmt: skip
        assumed = {a.fact for a in assess(parse_facts(facts)).assumptions}
        assert not assumed & {"exposed_person", "before_clinical_use"}, facts
    unsaid = assess(parse_facts({"jurisdiction": "england", "total_dose_msv": 5, "age_years": 40}))
    assert {"exposed_person", "before_clinical_use"} <= {a.fact for a in unsaid.assumptions}, "could be otherwise"


def test_a_fact_every_value_of_which_gives_the_same_code_is_not_needed_to_name_it() -> None:
    """Code 6 whatever the nuclear medicine setting: said once, as it is, and the setting is not asked for."""
    facts = {"jurisdiction": "england", "exposure": "unintended", "infant_exposed": True, "infant_dose_msv": 2,
             "procedural_failure": True, "age_years": 40}  # fmt: skip
    decision = assess(parse_facts(facts))
    assert (decision.verdict, decision.codes, decision.codes_need) == ("notify", ("6",), ())
    (finding,) = decision.findings
    assert finding.reason == "infant effective dose 2 mSv ≥ 1 mSv; there was a failure in procedure"
    # Where the value names the code, it is still needed, and each branch's finding says under which value.
    therapy = {"jurisdiction": "england", "exposure": "unintended", "setting": "nm_therapy",
               "prescribed_activity_mbq": 1000, "delivered_activity_mbq": 1250}  # fmt: skip
    split = assess(parse_facts(therapy))
    assert split.codes_need == ("nm_therapy_type",)
    assert [f.reason.split(":")[0] for f in split.findings] == [
        "if the nuclear medicine therapy type is SIRT (selective internal radiation therapy)",
        "if the nuclear medicine therapy type is a therapy other than SIRT",
    ]
