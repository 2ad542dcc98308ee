"""The conversation: scenarios driven by typed answers, revisions, back, saving, and random answers."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.engine import assess
from assistant.flow import AnswerError, Conversation, Question
from assistant.flow.answers import answer_for
from assistant.flow.questions import ASK_ALWAYS, load_questions, question_by_id
from assistant.incident_file import incident_from
from assistant.validation import parse_facts

SCENARIOS = yaml.safe_load((Path(__file__).parent.parent / "scenarios_public.yaml").read_text(encoding="utf-8"))


def _asked_for_a_reason(conv: Conversation, q: Question) -> bool:
    """The engine (nothing assumed) still needs one of its facts, or it is the checklist or a tick's follow-up."""
    if q.ask_when == ASK_ALWAYS or q.follows_tick is not None:
        return True
    d = assess(conv.facts, assume_absent=False)
    could_add = {n for check in d.open_checks for n in check.needs} if conv.checking_codes else set()
    return any(f in d.missing or f in d.codes_need or f in could_add for f in q.facts)


def drive(conv: Conversation, facts: dict[str, Any], limit: int = 40) -> int:
    """Answer as a person who knows `facts` would; the number of questions asked."""
    asked = 0
    while (q := conv.current()) is not None:
        assert _asked_for_a_reason(conv, q), f"{q.id} asked though the engine needs none of {q.facts}"
        conv.answer(q.id, answer_for(q, facts))
        asked += 1
        assert asked <= limit
    return asked


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_each_public_scenario_reaches_the_files_decision(scenario: dict[str, Any]) -> None:
    facts = parse_facts(scenario["facts"])
    conv = Conversation()
    asked = drive(conv, facts)
    expected = assess(facts)
    got = conv.decision()
    assert (got.verdict, set(got.codes)) == (expected.verdict, set(expected.codes))
    assert asked <= len(scenario["facts"]), f"{asked} questions for {len(scenario['facts'])} facts in the file"
    # The chat's decision is `irmer assess` on the facts it collected.
    if got.verdict != "undetermined":
        assert got.to_json() == assess(parse_facts(conv.facts)).to_json()
    for name, value in facts.items():
        assert conv.facts.get(name, value) == value  # never a fact the file contradicts


def test_a_default_nation_is_not_asked() -> None:
    conv = Conversation(default_jurisdiction="Wales")
    q = conv.current()
    assert q is not None and q.id == "who"
    assert conv.facts == {"jurisdiction": "wales"}
    with pytest.raises(AnswerError, match="france"):
        Conversation(default_jurisdiction="france")


def _answer_all(conv: Conversation, answers: list[tuple[str, Any]]) -> None:
    for qid, raw in answers:
        q = conv.current()
        assert q is not None and q.id == qid, (q and q.id, qid)
        conv.answer(qid, raw)


DIAGNOSTIC = [
    ("nation", "england"),
    ("who", "1"),
    ("circumstances", ["None of these"]),
    ("setting", "diagnostic"),
    ("imaging_doses", {"intended_dose_msv": "1", "total_dose_msv": "4"}),
]


def test_changing_the_setting_drops_the_doses_and_asks_the_new_questions() -> None:
    conv = Conversation()
    _answer_all(conv, DIAGNOSTIC)
    assert conv.current() is None and conv.decision().verdict == "local"
    conv.revise("setting")
    q = conv.current()
    assert q is not None and q.id == "setting"
    assert conv.previous_answer("setting") == "diagnostic"
    conv.answer("setting", "radiotherapy or")
    assert "intended_dose_msv" not in conv.facts and "total_dose_msv" not in conv.facts
    assert [t.question_id for t in conv.history] == ["nation", "who", "circumstances", "setting"]
    q = conv.current()
    assert q is not None and q.id == "treatment_delivery"
    conv.answer("treatment_delivery", {"geographical_miss": "none", "course_dose_ratio_ptv": "0.85"})
    assert conv.decision().codes == ("8.2",)
    # The dropped answer is remembered, to offer again if the question comes back.
    assert conv.previous_answer("imaging_doses") == {"intended_dose_msv": "1", "total_dose_msv": "4"}


def test_changing_an_answer_that_keeps_later_answers_valid_keeps_them() -> None:
    conv = Conversation()
    _answer_all(conv, DIAGNOSTIC)
    conv.revise("circumstances")
    conv.answer("circumstances", ["Judged clinically significant"])
    assert [t.question_id for t in conv.history] == ["nation", "who", "circumstances", "setting", "imaging_doses"]
    assert conv.facts["total_dose_msv"] == 4.0 and conv.facts["clinically_significant"] is True
    assert conv.current() is None
    assert conv.decision().codes == ("C2.2",)


def test_revising_to_accidental_drops_the_intended_dose_instead_of_refusing() -> None:
    conv = Conversation()
    _answer_all(conv, DIAGNOSTIC)
    conv.revise("who")
    conv.answer("who", "accidental")  # an intended dose no longer fits: its question is dropped
    assert "intended_dose_msv" not in conv.facts
    q = conv.current()
    assert q is not None and q.id == "accidental_dose"
    assert conv.previous_answer("accidental_dose") is None


def test_revising_the_nation_re_judges_without_asking_again() -> None:
    conv = Conversation()
    _answer_all(conv, [("nation", "england"), ("who", "accidental"), ("circumstances", ["none"])])
    q = conv.current()
    assert q is not None and q.id == "accidental_dose"
    conv.revise("nation")
    conv.answer("nation", "scotland")
    assert conv.current() is None  # every accidental exposure is notifiable in Scotland
    assert conv.decision().codes == ("1",)


def test_back_reopens_the_latest_answer_then_the_one_before() -> None:
    conv = Conversation()
    _answer_all(conv, DIAGNOSTIC[:3])
    conv.back()
    assert conv.current() is not None and conv.current().id == "circumstances"  # type: ignore[union-attr]
    conv.back()
    assert conv.current().id == "who"  # type: ignore[union-attr]
    conv.answer("who", "1")  # the same answer: everything after it is kept
    assert [t.question_id for t in conv.history] == ["nation", "who", "circumstances"]
    assert conv.current().id == "setting"  # type: ignore[union-attr]
    empty = Conversation()
    with pytest.raises(AnswerError, match="no earlier answer"):
        empty.back()
    with pytest.raises(AnswerError, match="nothing to revise"):
        empty.revise("setting")
    with pytest.raises(AnswerError, match="no question"):
        empty.revise("colour")


@pytest.mark.parametrize(
    ("qid", "raw"),
    [
        ("nation", "france"),
        ("nation", "7"),
        ("nation", ""),
        ("who", "a"),  # a prefix of three labels
        ("setting", "ultrasound"),
    ],
)
def test_bad_answers_change_nothing(qid: str, raw: str) -> None:
    conv = Conversation()
    _answer_all(conv, [(a, r) for a, r in DIAGNOSTIC[:3]])
    if qid != "setting":
        conv.revise(qid)
    before = json.dumps(conv.to_dict(), sort_keys=True)
    with pytest.raises(AnswerError):
        conv.answer(qid, raw)
    assert json.dumps(conv.to_dict(), sort_keys=True) == before


def test_answers_to_a_question_that_is_not_open_are_refused() -> None:
    conv = Conversation()
    with pytest.raises(AnswerError, match="not the open question"):
        conv.answer("setting", "1")
    _answer_all(conv, [("nation", "wales"), ("who", "public")])
    assert conv.current() is None and conv.decision().verdict == "outside_irmer"
    with pytest.raises(AnswerError, match="no open question"):
        conv.answer("circumstances", ["none"])


def test_impossible_combinations_are_refused_with_the_contracts_message() -> None:
    conv = Conversation()
    _answer_all(conv, [("nation", "england"), ("who", "1"), ("circumstances", ["none"]), ("setting", "4")])
    with pytest.raises(AnswerError, match="course_images_additional"):
        conv.answer("verification_images", {"course_images_additional": "3"})


def test_a_ticked_second_person_is_counted_even_once_decided() -> None:
    conv = Conversation()
    _answer_all(conv, [("nation", "wales"), ("who", "accidental"), ("circumstances", ["several_people", "theme"])])
    q = conv.current()
    assert q is not None and q.id == "people_count"
    conv.answer("people_count", "4")
    assert conv.current() is None
    assert conv.facts["individuals_affected"] == 4
    assert conv.decision().codes == ("M1",)


def test_dont_know_ends_the_flow_undetermined_listing_what_is_missing() -> None:
    conv = Conversation()
    _answer_all(
        conv,
        [
            ("nation", "england"),
            ("who", "1"),
            ("circumstances", ["infant"]),
            ("infant_dose", "don't know"),
        ],
    )
    q = conv.current()
    assert q is not None and q.id == "infant_failure"
    conv.answer("infant_failure", "yes")
    conv.answer("setting", "nuclear medicine therapy")
    conv.answer(
        "nm_therapy", {"nm_therapy_type": "other", "prescribed_activity_mbq": "5500", "delivered_activity_mbq": "5000"}
    )
    assert conv.current() is None
    d = conv.decision()
    assert d.verdict == "undetermined" and "infant_dose_msv" in d.missing  # never assumed away


def test_set_fact_for_the_card() -> None:
    conv = Conversation()
    _answer_all(conv, [("nation", "england"), ("who", "accidental"), ("circumstances", ["none"])])
    conv.answer("accidental_dose", "7 mSv")
    conv.set_fact("discovered_on", dt.date(2026, 11, 20))
    d = conv.decision()
    assert d.deadlines == {"notify_by": dt.date(2026, 12, 4), "report_by": dt.date(2027, 2, 12)}
    with pytest.raises(AnswerError, match="discovered_on"):
        conv.set_fact("discovered_on", "20th of never")
    with pytest.raises(AnswerError, match="revise that question"):
        conv.set_fact("total_dose_msv", 3.0)
    conv.set_fact("discovered_on", None)
    assert "discovered_on" not in conv.facts


def test_voluntary_on_the_card_turns_local_into_voluntary() -> None:
    conv = Conversation()
    _answer_all(conv, DIAGNOSTIC)
    assert conv.decision().verdict == "local"
    conv.set_fact("voluntary", True)
    assert conv.decision().verdict == "voluntary"
    assert conv.decision().to_json() == assess(conv.facts).to_json()


def _round_trip(conv: Conversation) -> Conversation:
    data = json.loads(json.dumps(conv.to_dict()))
    restored = Conversation.from_dict(data)
    assert restored.to_dict() == conv.to_dict()
    assert restored.facts == conv.facts
    assert restored.history == conv.history
    assert (restored.current() and restored.current().id) == (conv.current() and conv.current().id)  # type: ignore[union-attr]
    return restored


def test_save_and_restore_mid_conversation_during_a_revision_and_at_the_end() -> None:
    conv = Conversation(default_jurisdiction="england")
    _answer_all(conv, DIAGNOSTIC[1:3])
    restored = _round_trip(conv)
    restored.answer("setting", "diagnostic")
    conv.answer("setting", "diagnostic")
    conv.revise("who")
    _round_trip(conv)
    conv.answer("who", "1")
    conv.answer("imaging_doses", {"intended_dose_msv": "1", "total_dose_msv": "12"})
    conv.set_fact("discovered_on", dt.date(2026, 11, 20))
    end = _round_trip(conv)
    assert end.decision().to_json() == conv.decision().to_json()
    with pytest.raises(ValueError, match="Not a saved"):
        Conversation.from_dict({"version": 99})
    tampered = conv.to_dict() | {"facts": {"jurisdiction": "wales"}}
    with pytest.raises(ValueError, match="same facts"):
        Conversation.from_dict(tampered)


def _typed_answer(q: Question, data: st.DataObject) -> Any:
    """A random answer a person might give, valid or not."""

    def one_field(f: Any) -> str:
        if f.options:
            return data.draw(st.sampled_from([o.label for o in f.options] + ["don't know", "zzz"]))
        numbers = ["0", "0.2", "1", "2", "3", "4.5", "12", "30", "1500", "don't know", "-1", "abc", "110%", "17"]
        return data.draw(st.sampled_from(numbers))

    if q.kind == "choice":
        return data.draw(st.sampled_from([o.value_text for o in q.options] + ["don't know", "9", "q"]))
    if q.kind == "multi":
        return data.draw(st.lists(st.sampled_from([o.label for o in q.options]), max_size=4, unique=True))
    if q.kind == "form":
        return {f.fact: one_field(f) for f in q.fields}
    if q.kind == "yesno":
        return data.draw(st.sampled_from(["yes", "no", "don't know", "perhaps"]))
    return one_field(q.fields[0])


def _fallback(q: Question) -> Any:
    """A valid answer to any question, so that a run of refused answers still ends."""
    if q.kind in ("choice", "multi"):
        first = q.options[-1].value_text if q.kind == "multi" else q.options[0].value_text
        return [first] if q.kind == "multi" else first
    if q.kind == "form":
        return {f.fact: "don't know" for f in q.fields}
    return "don't know" if q.allow_unknown else "2"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_answers_always_end_within_a_bounded_number_of_questions(data: st.DataObject) -> None:
    conv = Conversation(default_jurisdiction=data.draw(st.sampled_from([None, "england", "scotland"])))
    bound = len(load_questions())
    backs = data.draw(st.integers(0, 3))
    refused = 0
    while (q := conv.current()) is not None:
        if backs and data.draw(st.booleans()):
            backs -= 1
            with contextlib.suppress(AnswerError):  # nothing earlier to go back to
                conv.back()
            continue
        raw = _typed_answer(q, data) if refused < 3 else _fallback(q)
        try:
            conv.answer(q.id, raw)
            refused = 0
        except AnswerError:
            refused += 1
            assert refused <= 3, f"the fallback answer {raw!r} to {q.id} was refused"
        assert len(conv.history) <= bound
    d = conv.decision()
    # Unsettled only when a fact that could settle it was answered "don't know".
    assert d.settled or d.verdict == "undetermined" or d.codes_need
    # The same as `irmer assess` on the facts the decision gives (a "don't know" there is null), settled or not.
    incident = incident_from(json.loads(json.dumps(d.to_json()["facts"])))
    assert d.to_json() == assess(incident.facts, not_known=incident.not_known).to_json()
    _round_trip(conv)


PARTIAL_MISS = [
    ("nation", "england"),
    ("who", "unintended"),
    ("circumstances", ["none"]),
    ("setting", "radiotherapy"),
    (
        "treatment_delivery",
        {"geographical_miss": "partial", "course_dose_ratio_ptv": "0.88", "course_dose_ratio_oar": "1.0",
         "fraction_dose_ratio_max": "1.0"},
    ),
]  # fmt: skip


def test_a_revision_keeps_an_answer_that_now_only_adds_a_code() -> None:
    """Within 2.5 times the margin the under-dose's cause decides 8.2; beyond it, it still adds 8.2 to 9.2."""
    conv = Conversation()
    _answer_all(conv, [*PARTIAL_MISS, ("miss_margin", "2.5"), ("underdose_cause", "no")])
    assert conv.current() is None and conv.decision().codes == ("8.2",)
    conv.revise("miss_margin")
    conv.answer("miss_margin", "3")
    assert conv.current() is None
    assert conv.facts["underdose_from_miss"] is False, "the answer still applies: it was kept"
    assert conv.decision().codes == ("8.2", "9.2")


def test_a_revision_keeps_earlier_answers_that_still_change_the_decision() -> None:
    """ "Not sure" about the kind of exposure leaves the code open; the doses given earlier settle it (unintended)."""
    conv = Conversation()
    radiopharmaceutical = "An incorrect radiopharmaceutical (or tracer) was given"
    _answer_all(
        conv,
        [
            ("nation", "Northern Ireland"),
            ("who", "unintended"),
            ("circumstances", ["Not sure yet: leave those not ticked open"]),
        ],
    )
    while (q := conv.current()) is not None:
        answers = {"setting": "1", "imaging_doses": {"intended_dose_msv": "3.5", "total_dose_msv": "3.5"}}
        conv.answer(q.id, answers.get(q.id, "don't know"))
    conv.revise("circumstances")
    conv.answer("circumstances", ["Not sure yet: leave those not ticked open", radiopharmaceutical])
    assert conv.decision().codes == ("7",)
    conv.revise("who")
    conv.answer("who", "A patient, not sure which of these yet")
    assert conv.current() is None
    assert conv.facts["intended_dose_msv"] == 3.5 and conv.facts["setting"] == "diagnostic", "still apply: kept"
    assert "exposure" not in conv.facts
    assert conv.decision().codes == ("7",)
    assert assess(parse_facts(conv.facts)).codes == ("7",), "the chat and a file agree"


def test_answers_set_aside_by_a_detour_are_kept_when_they_apply_again() -> None:
    """Who was exposed → a member of the public (outside IR(ME)R, nothing more asked) → back to the patient:
    the answers given before that still apply and still change the decision come back."""
    conv = Conversation()
    _answer_all(conv, [*PARTIAL_MISS, ("miss_margin", "2.5"), ("underdose_cause", "yes")])
    assert conv.current() is None and conv.decision().verdict == "local"
    conv.revise("who")
    conv.answer("who", "public")
    assert conv.current() is None and conv.decision().verdict == "outside_irmer"
    conv.revise("who")
    conv.answer("who", "unintended")
    assert conv.current() is None, "the answers given before apply again: nothing to ask"
    assert conv.decision().verdict == "local" and conv.facts["miss_margin_factor"] == 2.5
    conv.revise("miss_margin")
    conv.answer("miss_margin", "3")
    assert conv.current() is None
    assert conv.facts["underdose_from_miss"] is True, "still applies and still tells: kept, not lost"
    decision = conv.decision()
    assert decision.codes == ("9.2",) and not decision.open_checks
    assert assess(parse_facts(conv.facts)).to_json() == decision.to_json()


def test_check_codes_asks_what_could_add_a_code_after_the_verdict() -> None:
    conv = Conversation()
    _answer_all(conv, [*PARTIAL_MISS, ("miss_margin", "3")])
    assert conv.current() is None, "9.2 is settled: the chat stops"
    decision = conv.decision()
    assert decision.codes == ("9.2",) and [c.code for c in decision.open_checks] == ["8.2"]
    conv.check_codes()
    q = conv.current()
    assert q is not None and q.id == "underdose_cause"
    conv.answer("underdose_cause", "no")
    assert conv.current() is None
    assert conv.decision().codes == ("8.2", "9.2")
    assert assess(parse_facts(conv.facts)).codes == ("8.2", "9.2"), "the chat and a file agree"
    restored = Conversation.from_dict(json.loads(json.dumps(conv.to_dict())))
    assert restored.checking_codes and restored.decision().codes == ("8.2", "9.2")


def test_check_codes_ends_when_the_answers_are_not_known() -> None:
    conv = Conversation()
    _answer_all(conv, [*PARTIAL_MISS, ("miss_margin", "3")])
    assert conv.codes_to_check()
    conv.check_codes()
    conv.answer("underdose_cause", "don't know")
    assert conv.current() is None
    assert conv.decision().codes == ("9.2",)
    assert conv.decision().open_checks, "8.2 is still not checked"
    assert not conv.codes_to_check(), "but there is nothing left to ask: C is not offered again"


def test_a_count_not_known_keeps_m_and_the_draft_asks_for_the_number() -> None:
    from assistant.config import Settings
    from assistant.documents import render_document

    conv = Conversation()
    _answer_all(
        conv,
        [("nation", "england"), ("who", "unintended"), ("circumstances", ["several_people"]),
         ("people_count", "don't know"), ("setting", "diagnostic"),
         ("imaging_doses", {"intended_dose_msv": "1", "total_dose_msv": "1.5"})],
    )  # fmt: skip
    decision = conv.decision()
    assert decision.codes == ("M2.2",), "more than one person is known, so M stands"
    assert decision.to_json()["facts"]["individuals_affected"] == 2
    draft = render_document("notification", decision, {}, Settings(), today=dt.date(2026, 11, 28))
    section = draft.split("Number of individuals exposed")[1].split("##")[0]
    assert "more than one" in section and "TO COMPLETE" in section and "2" not in section


def test_not_sure_on_the_checklist_is_never_taken_as_none() -> None:
    conv = Conversation()
    _answer_all(
        conv,
        [("nation", "england"), ("who", "unintended"), ("circumstances", ["unsure"]), ("foetal_dose", "0.01"),
         ("setting", "diagnostic"), ("imaging_doses", {"intended_dose_msv": "1", "total_dose_msv": "2"})],
    )  # fmt: skip
    assert conv.current() is None
    decision = conv.decision()
    assert decision.verdict == "undetermined", "with the circumstances ticked none, this is local"
    assert "clinically_significant" in decision.missing and "theme_identified" in decision.missing
    assert "foetal_exposure_unintended" not in decision.missing, "a foetal dose under 10 mGy settles code 5"
    exported = decision.to_json()["facts"]
    assert exported["clinically_significant"] is None, "written as not known, so a file gives the same"
    incident = incident_from(json.loads(json.dumps(exported)))
    assert assess(incident.facts, not_known=incident.not_known).to_json() == decision.to_json()


def test_a_kind_of_exposure_not_known_is_found_out_before_its_own_questions() -> None:
    conv = Conversation()
    _answer_all(conv, [("nation", "scotland"), ("who", "unintended"), ("circumstances", ["none"]),
                       ("setting", "don't know")])  # fmt: skip
    asked = []
    while (q := conv.current()) is not None:
        asked.append(q.id)
        conv.answer(q.id, {f.fact: "don't know" for f in q.fields} if q.kind == "form" else "don't know")
    setting_only = {"planning_scans", "verification_images", "setup_error", "images_cause", "treatment_delivery",
                    "nm_therapy", "deterministic_effects", "interventional_failure", "effects_expected"}  # fmt: skip
    assert not setting_only & set(asked), f"asked {asked} before the kind of exposure is known"
    decision = conv.decision()
    assert decision.verdict == "undetermined" and decision.missing[0] == "setting"


def test_check_codes_is_offered_only_where_a_question_would_be_asked() -> None:
    conv = Conversation()
    _answer_all(
        conv,
        [("nation", "england"), ("who", "unintended"), ("circumstances", ["unsure", "clinically_significant"]),
         ("setting", "diagnostic"), ("imaging_doses", {"intended_dose_msv": "1", "total_dose_msv": "12"})],
    )  # fmt: skip
    while (q := conv.current()) is not None:
        conv.answer(q.id, "40" if q.id == "age" else "don't know")
    assert conv.decision().codes == ("C2.2",) and conv.codes_to_check(), "the foetal dose could add code 5"
    conv.check_codes()
    conv.answer("foetal_dose", "0.01")
    assert conv.current() is None
    assert any(c.code == "6" for c in conv.decision().open_checks), "an infant is still not ruled out"
    assert not conv.codes_to_check(), "but the infant's questions wait for its tick: C would ask nothing"


def test_options_the_earlier_answers_rule_out_are_not_offered() -> None:
    """A breast-fed infant's exposure is nuclear medicine: radiotherapy is not offered, rather than refused
    with the file's message once picked; and the setting's own answer is then the kind that fits."""
    conv = Conversation()
    _answer_all(conv, [("nation", "england"), ("who", "unintended"), ("circumstances", ["infant"])])
    while (q := conv.current()) is not None and q.id != "setting":
        conv.answer(q.id, "don't know")
    assert q is not None
    out = {o.value_text for o in q.options if o.label in conv.ruled_out(q)}
    assert out == {"interventional", "rt_verification_imaging", "radiotherapy"}
    answered_before = question_by_id("circumstances")
    assert conv.ruled_out(answered_before) == frozenset(), "only the answers before a question rule out its options"
