"""Drafted documents: golden drafts, every template name provided, user text as data, overrides.

After changing a template, regenerate the golden drafts with
`IRMER_UPDATE_GOLDEN=1 pytest tests/unit/test_documents.py` and read the diff
as the person who will send them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import pytest

from assistant.config import Settings, templates_override_dir
from assistant.decision import Decision
from assistant.document_fields import DOCUMENT_KINDS, SETTINGS_PREFIX, _document, document_data
from assistant.documents import (
    TODO,
    DocumentError,
    clean_details,
    document_context,
    fields_needed,
    render_document,
    suggested_kind,
    to_plain_text,
)
from assistant.engine import assess
from assistant.fact_schema import fact_specs
from assistant.resources import templates_dir
from assistant.rulebook import load_rulebook
from assistant.validation import parse_facts
from tests.unit.case_tables import public_scenarios

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("IRMER_UPDATE_GOLDEN") == "1"
TODAY = dt.date(2026, 11, 28)
SETTINGS = Settings(
    organisation="Example NHS Foundation Trust",
    contact_name="Radiation Protection Lead",
    contact_email="rpa@example.nhs.uk",
    contact_phone="0100 000 0000",
)
NATIONS = ("england", "wales", "scotland", "northern_ireland")
SCENARIOS = public_scenarios()


def decide(facts: dict[str, Any]) -> Decision:
    return assess(parse_facts(facts))


# Details as a person would give them, every field answered.
FULL = {
    "organisation": "Example University Health Board",
    "site": "Example General Hospital, CT department",
    "contact_name": "Head of Radiation Protection",
    "contact_email": "radiation.protection@example.wales.nhs.uk",
    "contact_phone": "029 2000 0000",
    "incident_date": "2024-01-08",
    "modality": "CT",
    "examination": "CT abdomen and pelvis with contrast",
    "description": "The contrast injector stopped mid-injection. The scan was repeated nine times while the fault was\n"
    "investigated at the console. The supervising radiographer stopped the examination and raised an incident.",
    "dose_notes": "From the DLP on the dose report with the adult abdomen conversion coefficient.",
    "equipment": "Contrast injector, software version 4.2; a pressure sensor fault.",
    "immediate_actions": "Patient reviewed by the radiologist and informed. Injector taken out of use.",
    "notification_reference": "IRMER-2026-0001",
    "root_causes": "The injector fault message was not in the local protocol, so staff repeated the scan.",
    "previous_incidents": "The incident log for the last 24 months shows no similar event.",
    "duty_of_candour": "The patient was told on the day by the consultant radiologist, and in writing.",
    "csaue_procedure": "Applied: the radiologist judged the exposure not clinically significant.",
    "learning": "Shared at the radiation protection committee and the CT team meeting.",
    "corrective_actions": "Protocol updated to stop after one failed injection (CT superintendent, done).",
}

# Two people, an injector fault, 12 mSv against 1 mSv intended: ME2.2.
ME22: dict[str, Any] = {
    "jurisdiction": "england",
    "exposure": "unintended",
    "setting": "diagnostic",
    "age_years": 60,
    "intended_dose_msv": 1.0,
    "total_dose_msv": 12.0,
    "discovered_on": "2026-11-20",
    "equipment_fault": True,
    "individuals_affected": 2,
}

# Golden drafts: name -> (document, facts, details). Across the four nations,
# notifiable and not, details full, partial and absent.
CASES: dict[str, tuple[str, dict[str, Any], dict[str, str]]] = {
    "notification-england-ME2.2": (
        "notification",
        ME22,
        {k: v for k, v in FULL.items() if k not in ("organisation", "contact_name", "contact_email", "contact_phone")},
    ),
    "report-england-ME2.2": (
        "report",
        ME22,
        FULL,
    ),
    "notification-wales-1-partial": (
        "notification",
        {
            "jurisdiction": "wales",
            "exposure": "accidental",
            "setting": "diagnostic",
            "age_years": 33,
            "total_dose_msv": 0.001,
            "discovered_on": "2026-11-10",
        },
        {
            "incident_date": "2026-11-09",
            "modality": "General radiography",
            "examination": "Left hand X-ray",
            "description": "The wrong patient was called from the waiting room and X-rayed.",
        },
    ),
    "report-northern-ireland-C8.1-empty": (
        "report",
        {
            "jurisdiction": "northern_ireland",
            "exposure": "unintended",
            "setting": "radiotherapy",
            "age_years": 67,
            "course_dose_ratio_ptv": 1.12,
            "clinically_significant": True,
            "discovered_on": "2026-08-01",
        },
        {},
    ),
    "notification-scotland-4.2b-no-date": (
        "notification",
        {
            "jurisdiction": "scotland",
            "exposure": "unintended",
            "setting": "rt_verification_imaging",
            "age_years": 77,
            "course_images_intended": 5,
            "course_images_additional": 3,
            "additional_images_cause": "protocol_failure",
        },
        {"modality": "Radiotherapy (verification imaging)", "examination": "5-fraction SABR, lung"},
    ),
    "notification-england-voluntary": (
        "notification",
        {
            "jurisdiction": "england",
            "exposure": "unintended",
            "setting": "diagnostic",
            "age_years": 54,
            "intended_dose_msv": 0.014,
            "total_dose_msv": 0.028,
            "voluntary": True,
        },
        {},
    ),
    "notification-england-M-code-incomplete": (
        "notification",
        {"jurisdiction": "england", "individuals_affected": 3, "discovered_on": "2026-11-27"},
        {},
    ),
    "local-england-local": (
        "local",
        {
            "jurisdiction": "england",
            "exposure": "unintended",
            "setting": "diagnostic",
            "age_years": 54,
            "intended_dose_msv": 0.014,
            "total_dose_msv": 0.028,
            "discovered_on": "2026-11-25",
        },
        {
            "incident_date": "2026-11-25",
            "modality": "General radiography",
            "examination": "Chest X-ray",
            "description": "Repeat exposure after a positioning error.",
            "immediate_actions": "Image repeated.",
        },
    ),
    "local-scotland-undetermined": (
        "local",
        {"jurisdiction": "scotland", "exposure": "unintended", "setting": "diagnostic", "total_dose_msv": 4.0},
        {},
    ),
    "local-wales-outside-irmer": (
        "local",
        {"jurisdiction": "wales", "exposed_person": "public"},
        {"description": "A visitor stayed in the fluoroscopy room during screening."},
    ),
    # Undetermined: the decision is not yet made; the 14 days have long passed.
    "notification-england-undetermined": (
        "notification",
        {"jurisdiction": "england", "discovered_on": "2024-01-10", "exposure": "accidental"},
        {},
    ),
    "report-wales-undetermined": (
        "report",
        {
            "jurisdiction": "wales",
            "exposure": "unintended",
            "setting": "diagnostic",
            "age_years": 45,
            "total_dose_msv": 30.0,
            "discovered_on": "2026-11-20",
        },
        {"modality": "CT", "examination": "CT chest", "description": "Scanned twice after a protocol error."},
    ),
    "notification-northern-ireland-outside-irmer": (
        "notification",
        {"jurisdiction": "northern_ireland", "exposed_person": "worker", "discovered_on": "2026-11-26"},
        {"description": "A radiographer stayed in the room during a fluoroscopy run."},
    ),
    "report-scotland-outside-irmer": (
        "report",
        {"jurisdiction": "scotland", "before_clinical_use": True, "discovered_on": "2026-11-26"},
        {},
    ),
    # A theme: how many individuals, and their doses, are still to be given.
    "report-england-theme": (
        "report",
        {
            "jurisdiction": "england",
            "exposure": "accidental",
            "setting": "diagnostic",
            "age_years": 40,
            "total_dose_msv": 0.5,
            "theme_identified": True,
            "discovered_on": "2026-11-18",
        },
        FULL,
    ),
    "local-northern-ireland-arsac": (
        "local",
        {
            "jurisdiction": "northern_ireland",
            "exposure": "unintended",
            "setting": "diagnostic",
            "intended_dose_msv": 3.0,
            "total_dose_msv": 3.0,
            "licence_breach": True,
            "equipment_fault": True,
        },
        {},
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_drafts(name: str) -> None:
    kind, facts, details = CASES[name]
    text = render_document(kind, decide(facts), details, SETTINGS, today=TODAY)
    path = GOLDEN / f"{name}.md"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with IRMER_UPDATE_GOLDEN=1 and read the result"
    assert text == path.read_text(encoding="utf-8")


def test_golden_cases_cover_every_nation_and_document() -> None:
    nations = {facts["jurisdiction"] for _, facts, _ in CASES.values()}
    kinds = {kind for kind, _, _ in CASES.values()}
    verdicts = {decide(facts).verdict for _, facts, _ in CASES.values()}
    assert nations == set(NATIONS)
    assert kinds == set(DOCUMENT_KINDS)
    assert verdicts == {"notify", "voluntary", "local", "undetermined", "outside_irmer"}
    # The verdicts that must never read as "not notifiable" or "nothing due", in every document.
    for kind in DOCUMENT_KINDS:
        shown = {decide(facts).verdict for k, facts, _ in CASES.values() if k == kind}
        assert {"undetermined", "outside_irmer"} <= shown, kind


# --- every name a template uses is provided ---------------------------------


def _nation_cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for nation in NATIONS:
        notifiable = {"jurisdiction": nation, "exposure": "accidental", "setting": "diagnostic", "total_dose_msv": 6.0,
                      "discovered_on": "2026-01-05", "equipment_fault": True, "licence_breach": True}  # fmt: skip
        not_notifiable = {"jurisdiction": nation, "exposure": "unintended", "setting": "diagnostic",
                          "intended_dose_msv": 1.0, "total_dose_msv": 1.5}  # fmt: skip
        out += [(f"{nation}-notify", notifiable), (f"{nation}-local", not_notifiable)]
    out.append(("no-nation", {"exposure": "accidental"}))
    return out


ALL_FACTS = [(s["name"], s["facts"]) for s in SCENARIOS] + _nation_cases()


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
@pytest.mark.parametrize(("label", "facts"), ALL_FACTS, ids=[n for n, _ in ALL_FACTS])
def test_every_template_renders_for_every_case(kind: str, label: str, facts: dict[str, Any]) -> None:
    decision = assess(facts) if "jurisdiction" not in facts else decide(facts)
    for details, settings in (({}, Settings()), (FULL, SETTINGS)):
        text = render_document(kind, decision, details, settings, today=TODAY)
        assert text.startswith("# ") and text.endswith("\n")
        assert "DRAFT" in text
    empty = render_document(kind, decision, {}, Settings(), today=TODAY)
    # Nothing asked for is left silently blank: each unanswered required field shows its question.
    for field in fields_needed(kind, decision, {}, Settings()):
        if field.required:
            assert f"**TO COMPLETE:** {field.question}" in empty, field.key


def test_every_template_name_is_a_context_key() -> None:
    context = document_context(decide(CASES["report-england-ME2.2"][1]), FULL, SETTINGS, today=TODAY)
    env = jinja2.Environment()
    names = sorted(p.name for p in templates_dir().glob("*.j2"))
    assert names == sorted(spec.template for spec in document_data().documents.values())
    for name in names:
        source = (templates_dir() / name).read_text(encoding="utf-8")
        used = jinja2.meta.find_undeclared_variables(env.parse(source))
        assert used, name
        assert used <= set(context), f"{name} uses names the context lacks: {sorted(used - set(context))}"


def test_context_is_plain_data() -> None:
    context = document_context(decide(CASES["report-england-ME2.2"][1]), FULL, SETTINGS, today=TODAY)

    def check(value: Any, where: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                assert isinstance(k, str), where
                check(v, f"{where}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                check(v, f"{where}[{i}]")
        else:
            assert value is None or isinstance(value, str | int | bool), f"{where} is {type(value).__name__}"

    check(context, "context")


# --- user text is data -------------------------------------------------------

INJECTIONS = ["{{ 7*7 }}", "{% include 'x' %}", "{{ ''.__class__ }}", "{# comment #}", "{%- raw %}", "}}{{"]


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
@pytest.mark.parametrize("payload", INJECTIONS)
def test_user_text_comes_back_exactly(kind: str, payload: str) -> None:
    details = {"description": f"Before {payload} after", "organisation": payload, "examination": payload}
    text = render_document(kind, decide(CASES["local-england-local"][1]), details, SETTINGS, today=TODAY)
    assert f"Before {payload} after" in text
    assert f"Employer: {payload}\n" in text
    assert "49" not in text


def test_control_characters_are_shown_never_passed_on() -> None:
    # A terminal acts on these: clear the screen, retitle the window, reverse the reading order.
    raw = "Scan \x1b[2J done\x1b]0;TITLE\x07 then\u202e gnorw \x00 and\r\nnext"
    assert clean_details({"description": raw})["description"] == (
        "Scan \\x1b[2J done\\x1b]0;TITLE\\x07 then\\u202e gnorw \\x00 and\nnext"
    )


def test_numbers_in_details_come_back_as_written() -> None:
    from assistant.yaml_io import load_yaml

    details = load_yaml("contact_phone: 01632960123\nsite: +441632960123\ndescription: 1e3\nexamination: .nan\n")
    assert clean_details(details) == {
        "contact_phone": "01632960123",
        "site": "+441632960123",
        "description": "1e3",
        "examination": ".nan",
    }


# --- details and fields ------------------------------------------------------


def test_unknown_detail_key_names_it_and_the_accepted_keys() -> None:
    with pytest.raises(DocumentError) as err:
        clean_details({"descripton": "x"})
    message = err.value.message()
    assert "'descripton'" in message
    assert "did you mean 'description'" in message
    for key in document_data().accepted_keys():
        assert key in message


def test_detail_values_are_text() -> None:
    cleaned = clean_details(
        {"incident_date": dt.date(2026, 1, 2), "duty_of_candour": True, "site": "  ", "modality": None}
    )
    assert cleaned == {"incident_date": "2026-01-02", "duty_of_candour": "yes"}
    with pytest.raises(DocumentError, match="'description' must be text"):
        clean_details({"description": ["a", "b"]})


def test_details_override_settings_and_one_line_fields_stay_on_one_line() -> None:
    details = {"organisation": "Other Trust", "examination": "CT head\nwithout contrast"}
    text = render_document("notification", decide(CASES["local-england-local"][1]), details, SETTINGS, today=TODAY)
    assert "- Employer: Other Trust\n" in text
    assert "- Examination or treatment: CT head without contrast\n" in text
    assert "- Email: rpa@example.nhs.uk\n" in text  # still the settings' default


def test_fields_needed_skips_given_and_defaulted() -> None:
    decision = decide(CASES["notification-wales-1-partial"][1])
    keys = [f.key for f in fields_needed("notification", decision, {}, Settings())]
    assert keys[:5] == ["organisation", "site", "contact_name", "contact_email", "contact_phone"]
    keys = [f.key for f in fields_needed("notification", decision, {"description": "x"}, SETTINGS)]
    assert "organisation" not in keys and "contact_email" not in keys and "description" not in keys
    assert "modality" in keys and "site" in keys


def test_equipment_is_required_only_when_equipment_was_the_cause() -> None:
    base = {"jurisdiction": "england", "exposure": "accidental", "setting": "diagnostic", "total_dose_msv": 6.0}
    fields = {f.key: f for f in fields_needed("notification", decide(base), {}, SETTINGS)}
    assert not fields["equipment"].required
    fields = {f.key: f for f in fields_needed("notification", decide(base | {"equipment_fault": True}), {}, SETTINGS)}
    assert fields["equipment"].required


def test_outside_irmer_report_does_not_ask_for_an_irmer_reference() -> None:
    outside = decide({"jurisdiction": "england", "exposed_person": "worker"})
    keys = [f.key for f in fields_needed("report", outside, {}, SETTINGS)]
    assert "notification_reference" not in keys and "root_causes" in keys
    local = decide({"jurisdiction": "england", "exposure": "accidental", "age_years": 40, "total_dose_msv": 0.5})
    assert local.verdict == "local"  # nothing was notified, so there is no reference to give
    assert "notification_reference" not in [f.key for f in fields_needed("report", local, {}, SETTINGS)]
    keys = [f.key for f in fields_needed("report", decide(CASES["report-england-ME2.2"][1]), {}, SETTINGS)]
    assert "notification_reference" in keys


def test_a_field_left_out_for_an_unknown_verdict_is_a_data_error() -> None:
    raw = {"title": "T", "template": "t.j2",
           "fields": [{"key": "site", "required": False, "not_for_verdicts": ["outside"]}]}  # fmt: skip
    with pytest.raises(ValueError, match=r"unknown verdicts \['outside'\]; verdicts are: notify,"):
        _document("report", raw, document_data().catalogue)


def test_report_fields_are_the_guidance_contents() -> None:
    keys = {f.key for f in document_data().documents["report"].fields if f.required}
    for key in ("description", "dose_notes", "root_causes", "previous_incidents", "duty_of_candour",
                "csaue_procedure", "learning", "corrective_actions"):  # fmt: skip
        assert key in keys


def test_unknown_kind_is_an_error() -> None:
    decision = decide(CASES["local-england-local"][1])
    with pytest.raises(DocumentError, match="notification, report, local"):
        render_document("letter", decision, {}, SETTINGS)
    with pytest.raises(DocumentError):
        fields_needed("letter", decision, {}, SETTINGS)


def test_suggested_kind() -> None:
    for name in ("notification-wales-1-partial", "notification-england-voluntary"):  # the employer chose to notify
        assert suggested_kind(decide(CASES[name][1])) == "notification"
    for name in ("local-england-local", "local-scotland-undetermined"):
        assert suggested_kind(decide(CASES[name][1])) == "local"


def test_document_data_is_consistent() -> None:
    data = document_data()
    grouped = [name for names in data.fact_groups.values() for name in names]
    assert sorted(grouped) == sorted(fact_specs()), "every fact in exactly one fact group"
    for field in data.catalogue.values():
        if field.default_from:
            assert hasattr(Settings(), field.default_from.removeprefix(SETTINGS_PREFIX)), field.key
    for spec in data.documents.values():
        assert len({f.key for f in spec.fields}) == len(spec.fields)
        for key, fact in spec.required_when_fact.items():
            assert fact_specs()[fact].type == "bool", key
    for fact, words in data.value_words.items():
        assert set(words) == set(fact_specs()[fact].values), fact


# --- what the drafts say -----------------------------------------------------


def test_report_has_a_section_for_each_content_the_guidance_requires() -> None:
    text = render_document("report", decide(CASES["report-england-ME2.2"][1]), {}, SETTINGS, today=TODAY)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    for words in ("What happened", "Estimate of the dose", "Root causes and contributory factors",
                  "Similar previous incidents", "Duty of candour", "Regulation 8(1), Schedule 2(l)",
                  "Learning and how it has been shared", "Corrective measures"):  # fmt: skip
        assert any(words in h for h in headings), words
    assert "redact the names of individual people" in text


def test_dose_split_is_exact() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic",
             "intended_dose_msv": 0.1, "total_dose_msv": 0.3}  # fmt: skip
    text = render_document("report", decide(facts), {}, SETTINGS, today=TODAY)
    assert "- Unintended: 0.2 mSv (total 0.3 mSv − intended 0.1 mSv)" in text
    accidental = render_document("report", decide(CASES["notification-wales-1-partial"][1]), {}, SETTINGS)
    assert "- Unintended: 0.001 mSv (the whole dose)" in accidental


def test_an_incomplete_code_is_to_complete_not_absent() -> None:
    decision = decide(CASES["notification-england-M-code-incomplete"][1])
    assert decision.notifiable and decision.codes_need == ("exposure",) and decision.codes == ("M",)
    for kind in DOCUMENT_KINDS:
        text = render_document(kind, decision, {}, SETTINGS, today=TODAY)
        assert "No notification code applies" not in text and "none on the facts given" not in text
        code_line = next(line for line in text.splitlines() if "The full code depends on" in line)
        assert f"**{TODO}:**" in code_line and "so far M" in code_line
        assert "depends on: accidental or unintended" in code_line and "`exposure`" not in code_line
    notification = render_document("notification", decision, {}, SETTINGS, today=TODAY)
    assert notification.count("### Code M") == 1  # one code, met whichever exposure it was
    assert "notify without waiting for it" in notification


def test_a_code_split_on_an_unknown_fact_has_nothing_so_far() -> None:
    # 25% off the prescribed activity notifies as 10.1 or 10.2, whichever therapy it was.
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "nm_therapy",
             "prescribed_activity_mbq": 1000, "delivered_activity_mbq": 1300}  # fmt: skip
    decision = decide(facts)
    assert decision.notifiable and decision.codes_need == ("nm_therapy_type",) and not decision.codes
    text = render_document("notification", decision, {}, SETTINGS, today=TODAY)
    assert f"**{TODO}:** the code for the form. The full code depends on: nuclear medicine therapy type" in text


def test_deadlines_and_overdue_are_counted_from_the_given_day() -> None:
    decision = decide(CASES["notification-england-ME2.2"][1])  # discovered 2026-11-20
    on_time = render_document("notification", decision, {}, SETTINGS, today=dt.date(2026, 12, 4))
    assert "Notify by: **2026-12-04**" in on_time and "Overdue" not in on_time
    late = render_document("notification", decision, {}, SETTINGS, today=dt.date(2026, 12, 5))
    assert "**Overdue on 2026-12-05:** notify now" in late
    assert "discuss the report" not in late


def test_drafts_for_the_wrong_verdict_warn() -> None:
    local = decide(CASES["local-england-local"][1])
    for kind in ("notification", "report"):
        assert "Warning: irmer's verdict is LOCAL, not NOTIFY." in render_document(kind, local, {}, SETTINGS)
    notify = decide(CASES["notification-wales-1-partial"][1])
    assert "Warning" not in render_document("notification", notify, {}, SETTINGS)
    local = render_document("local", notify, {}, SETTINGS)
    assert "also notify the enforcing authority (Healthcare Inspectorate Wales) by 2026-11-24" in local


# --- an undecided case is never "not notifiable" ------------------------------

NOT_NOTIFIABLE_WORDS = (
    "not met on the facts given",
    "No notification code applies",
    "No statutory deadline",
    "none on the facts given",
    "No notification criterion is met",
    "no notification to the enforcing authority",
)

UNDETERMINED = {
    "accidental-no-dose": {"jurisdiction": "england", "discovered_on": "2024-01-10", "exposure": "accidental"},
    "no-intended-dose": CASES["report-wales-undetermined"][1],
    "no-date": CASES["local-scotland-undetermined"][1],
    "no-exposure-kind": {"jurisdiction": "northern_ireland", "setting": "diagnostic", "discovered_on": "2026-11-27"},
}


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
@pytest.mark.parametrize("name", sorted(UNDETERMINED))
def test_undetermined_says_the_decision_is_not_made_and_what_to_find_out(kind: str, name: str) -> None:
    decision = decide(UNDETERMINED[name])
    assert decision.verdict == "undetermined" and decision.missing
    text = render_document(kind, decision, {}, SETTINGS, today=TODAY)
    for words in NOT_NOTIFIABLE_WORDS:
        assert words not in text, words
    assert "not yet made" in text
    for fact in decision.missing:
        label = fact_specs()[fact].label
        assert f"{label[:1].upper()}{label[1:]}: " in text, fact
        assert f"`{fact}`" not in text, "a draft names facts in words, not by their keys"


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_undetermined_shows_the_dates_that_would_apply(kind: str) -> None:
    book = load_rulebook()
    discovered = dt.date(2026, 11, 20)
    decision = decide(UNDETERMINED["no-intended-dose"] | {"discovered_on": discovered.isoformat()})
    notify_by = (discovered + dt.timedelta(days=book.notify_within_days)).isoformat()
    report_by = (discovered + dt.timedelta(days=book.report_within_days)).isoformat()
    text = render_document(kind, decision, {}, SETTINGS, today=TODAY)
    if kind != "report":  # the report names its own date; the notification date is in its warning
        assert f"**{notify_by}**" in text
    assert f"**{report_by}**" in text
    assert "If the criteria turn out to be met" in text
    assert "passed" not in text  # 2026-12-04 is still ahead on 2026-11-28
    late = render_document(kind, decision, {}, SETTINGS, today=dt.date(2026, 12, 5))
    assert "passed" in late and "late" in late


def test_undetermined_dates_come_from_the_rulebook(monkeypatch: pytest.MonkeyPatch) -> None:
    book = dataclasses.replace(load_rulebook(), notify_within_days=7, report_within_days=28)
    monkeypatch.setattr("assistant.documents.load_rulebook", lambda: book)
    decision = decide(UNDETERMINED["accidental-no-dose"])  # discovered 2024-01-10
    text = render_document("notification", decision, {}, SETTINGS, today=TODAY)
    assert "Notify by: **2024-01-17**: no later than 7 days after discovery" in text
    assert "Investigation report by: **2024-02-07**: no later than 4 weeks after discovery" in text


def test_undetermined_without_a_discovery_date_asks_for_it() -> None:
    decision = decide(UNDETERMINED["no-date"])
    text = render_document("notification", decision, {}, SETTINGS, today=TODAY)
    assert f"**{TODO}:** the date the incident was discovered. If the criteria turn out to be met" in text


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
@pytest.mark.parametrize(
    ("facts", "body", "rule"),
    [
        ({"jurisdiction": "england", "exposed_person": "public"}, "the Health and Safety Executive under",
         "regulation 26 of the Ionising Radiations Regulations 2017"),
        ({"jurisdiction": "scotland", "before_clinical_use": True}, "the Health and Safety Executive under",
         "regulation 26 of the Ionising Radiations Regulations 2017"),
        ({"jurisdiction": "northern_ireland", "exposed_person": "worker"},
         "the Health and Safety Executive Northern Ireland under",
         "the Ionising Radiations Regulations as they apply in Northern Ireland"),
    ],
)  # fmt: skip
def test_outside_irmer_names_the_safety_body_not_nothing(
    kind: str, facts: dict[str, Any], body: str, rule: str
) -> None:
    decision = decide(facts)
    assert decision.verdict == "outside_irmer"
    text = render_document(kind, decision, {}, SETTINGS, today=TODAY)
    assert "not an IR(ME)R notification" in text
    assert f"{body} {rule}" in text
    for words in ("No statutory deadline", "No notification criterion is met", "none on the facts given"):
        assert words not in text, words
    assert "OUTSIDE IRMER" not in text


# --- several individuals -------------------------------------------------------


def _several(count: int | None, **more: Any) -> Decision:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic",
             "intended_dose_msv": 1.0, "total_dose_msv": 2.0, "discovered_on": "2026-11-20"} | more  # fmt: skip
    if count is not None:
        facts["individuals_affected"] = count
    return decide(facts)


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_each_individual_gets_a_dose_prompt(kind: str) -> None:
    text = render_document(kind, _several(3), {}, SETTINGS, today=TODAY)
    for n in (1, 2, 3):
        assert f"- Individual {n}: **{TODO}:** age, intended dose and dose received, with units." in text
    assert "Individual 4" not in text
    assert "Individual 1" not in render_document(kind, _several(1), {}, SETTINGS, today=TODAY)
    assert "Individual 1" not in render_document(kind, _several(None), {}, SETTINGS, today=TODAY)


def test_age_is_asked_only_where_a_child_threshold_could_apply() -> None:
    rt = {"jurisdiction": "england", "exposure": "unintended", "setting": "radiotherapy",
          "course_dose_ratio_ptv": 1.12, "individuals_affected": 2}  # fmt: skip
    text = render_document("report", decide(rt), {}, SETTINGS, today=TODAY)
    assert f"- Individual 2: **{TODO}:** intended dose and dose received, with units." in text
    accidental = {"jurisdiction": "wales", "exposure": "accidental", "setting": "diagnostic", "individuals_affected": 2}
    text = render_document("report", decide(accidental), {}, SETTINGS, today=TODAY)
    assert f"- Individual 2: **{TODO}:** dose received, with units." in text  # no child threshold outside England
    accidental["jurisdiction"] = "england"
    text = render_document("report", decide(accidental), {}, SETTINGS, today=TODAY)
    assert f"- Individual 2: **{TODO}:** age, dose received, with units." in text


def test_many_individuals_or_a_theme_get_one_prompt() -> None:
    many = render_document("notification", _several(11), {}, SETTINGS, today=TODAY)
    assert "Individual 1" not in many
    assert f"**{TODO}:** for each of the 11 individuals (a table is clearest): age," in many
    ten = render_document("notification", _several(10), {}, SETTINGS, today=TODAY)
    assert "- Individual 10:" in ten
    theme = render_document("notification", _several(None, theme_identified=True), {}, SETTINGS, today=TODAY)
    assert "This incident is part of a theme" in theme
    assert f"**{TODO}:** for each individual exposed across the incidents of the theme" in theme
    assert f"**{TODO}:** How many individuals were exposed in all" in theme
    assert "1 (assumed" not in theme


# --- notes on the facts --------------------------------------------------------


@pytest.mark.parametrize(("kind", "part"), [("notification", "Before submitting"), ("report", "Before sending"),
                                            ("local", "Notes on the facts")])  # fmt: skip
def test_notes_are_shown_where_the_sender_checks(kind: str, part: str) -> None:
    note = (
        "`planning_scans_total` was given but does not apply to this case (setting: interventional); it was not used."
    )
    plain = decide(CASES["local-england-local"][1])
    assert plain.notes == ()
    text = render_document(kind, dataclasses.replace(plain, notes=(note,)), {}, SETTINGS, today=TODAY)
    assert text.count(note) == 1
    assert text.index(part) < text.index(f"- {note}")
    assert "Notes on the facts" not in render_document(kind, plain, {}, SETTINGS, today=TODAY)


def test_the_engines_own_notes_reach_the_draft() -> None:
    decision = decide(CASES["notification-wales-1-partial"][1])
    assert decision.notes
    text = render_document("notification", decision, {}, SETTINGS, today=TODAY)
    for note in decision.notes:
        assert f"- {note}\n" in text.split("Before submitting", 1)[1]


def test_report_contact_is_a_list() -> None:
    text = render_document("report", decide(CASES["report-england-ME2.2"][1]), FULL, SETTINGS, today=TODAY)
    assert (
        "- Contact for this report:\n"
        "  - Name or role: Head of Radiation Protection\n"
        "  - Email: radiation.protection@example.wales.nhs.uk\n"
        "  - Phone: 029 2000 0000\n"
    ) in text
    no_phone = render_document("report", decide(CASES["report-england-ME2.2"][1]), {}, Settings(), today=TODAY)
    assert "  - Phone:" not in no_phone


# --- plain text ----------------------------------------------------------------


def test_to_plain_text() -> None:
    markdown = "# Title\n\n## Part\n\n- **Bold:** `code` and 7*7\n  - inner\n> quoted\n>\n> - listed\n\n---\n"
    assert to_plain_text(markdown) == (
        "TITLE\n=====\n\nPart\n----\n\n• Bold: code and 7*7\n  • inner\n    quoted\n\n    • listed\n\n"
        + "-" * 60
        + "\n"
    )


# --- organisations' own templates -------------------------------------------


def _override(name: str, source: str) -> Path:
    folder = templates_override_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(source, encoding="utf-8")
    return path


def test_an_override_template_is_used() -> None:
    _override("local-record.md.j2", "Our record for {{ detail.organisation }}: {{ verdict }}\n")
    decision = decide(CASES["local-england-local"][1])
    assert render_document("local", decision, {}, SETTINGS) == "Our record for Example NHS Foundation Trust: local\n"
    assert render_document("notification", decision, {}, SETTINGS).startswith("# Draft notification")


def test_an_override_may_include_a_bundled_template() -> None:
    _override("notification.md.j2", "Cover note\n{% include 'local-record.md.j2' %}")
    text = render_document("notification", decide(CASES["local-england-local"][1]), {}, SETTINGS, today=TODAY)
    assert text.startswith("Cover note\n# Local investigation record")


@pytest.mark.parametrize(
    ("source", "line", "says"),
    [
        ("line one\n{% if verdict %}\nunclosed\n", 3, "syntax error"),  # the end, where endif was due
        ("one\n{{ verdict | no_such_filter }}\n", 2, "syntax error"),
        ("one\ntwo\n{{ no_such_name }}\n", 3, "unknown name"),
        ("one\n{{ detail.no_such_field }}\n", 2, "unknown name"),
        ("{{ ''.__class__ }}\n", 1, "sandbox"),
        ("ok\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n", 2, "sandbox"),
        ("{{ codes.append('X') }}\n", 1, "sandbox"),
        ("\n\n{{ 1 / 0 }}\n", 3, "division by zero"),
        ("{% include 'nowhere.j2' %}\n", 1, "does not exist"),
    ],
)
def test_a_broken_override_names_file_and_line(source: str, line: int, says: str) -> None:
    path = _override("notification.md.j2", source)
    with pytest.raises(DocumentError) as err:
        render_document("notification", decide(CASES["local-england-local"][1]), {}, SETTINGS)
    message = err.value.message()
    assert f"{path}, line {line}" in message
    assert says in message
    assert "Traceback" not in message and "\n" not in message


def test_an_unreadable_override_is_reported() -> None:
    path = templates_override_dir() / "notification.md.j2"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(DocumentError, match="cannot be read"):
        render_document("notification", decide(CASES["local-england-local"][1]), {}, SETTINGS)


def test_a_statutory_notification_never_says_voluntary() -> None:
    facts = {"jurisdiction": "scotland", "exposure": "unintended", "setting": "nm_therapy", "nm_therapy_type": "sirt",
             "prescribed_activity_mbq": 2000, "delivered_activity_mbq": 2401, "voluntary": True}  # fmt: skip
    decision = decide(facts)
    assert decision.verdict == "notify" and decision.codes == ("10.1",)
    text = render_document("notification", decision, {}, SETTINGS, today=TODAY)
    assert "Voluntary notification: yes" not in text
    local = decide(facts | {"delivered_activity_mbq": 1600})
    assert local.verdict == "voluntary"
    assert "Voluntary notification: yes" in render_document("notification", local, {}, SETTINGS, today=TODAY)


def test_a_count_given_as_not_known_is_asked_not_said_to_be_more_than_one() -> None:
    facts = {"jurisdiction": "wales", "exposure": "unintended", "setting": "diagnostic", "age_years": 40,
             "intended_dose_msv": 1.0, "total_dose_msv": 2.0}  # fmt: skip
    decision = assess(parse_facts(facts), not_known={"individuals_affected"})  # a file's `individuals_affected: null`
    text = render_document("notification", decision, {}, Settings(), today=dt.date(2026, 11, 28))
    section = text.split("Number of individuals exposed")[1].split("##")[0]
    assert "more than one" not in section and "TO COMPLETE:** How many people were exposed" in section


@pytest.mark.parametrize(
    "facts, present, absent",
    [({"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 40,
       "intended_dose_msv": 1.0, "total_dose_msv": 1.2}, [], ["Authority's notification reference"]),
     ({"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 40,
       "intended_dose_msv": 1.0, "total_dose_msv": 12},
      ["Report due by: **TO COMPLETE:** 12 weeks after discovery"], []),
     ({"jurisdiction": "scotland", "exposed_person": "worker"}, ["## 5. Learning"],
      ["Duty of candour", "code M", "clinically significant exposures"])],
    ids=["local: no authority reference", "notify with no discovery date", "outside IR(ME)R: no patient sections"],
)  # fmt: skip
def test_the_report_fits_its_verdict(facts: dict[str, Any], present: list[str], absent: list[str]) -> None:
    text = render_document("report", decide(facts), {}, Settings(), today=dt.date(2026, 11, 28))
    assert all(p in text for p in present) and not any(a in text for a in absent), text


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_with_the_kind_of_exposure_unknown_a_draft_asks_it_first_not_twenty_facts(kind: str) -> None:
    decision = decide({"jurisdiction": "scotland", "exposure": "unintended"})
    text = render_document(kind, decision, {}, Settings(), today=dt.date(2026, 11, 28))
    assert "Kind of exposure: " in text and "Then the facts that kind of case needs" in text
    assert "`planning_scans_total`" not in text and "planning scans in total" not in text.lower()


def test_a_count_or_age_of_one_is_singular_in_a_draft() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "rt_planning_scan", "age_years": 1,
             "planning_scans_total": 1}  # fmt: skip
    text = render_document("report", decide(facts), {}, Settings(), today=dt.date(2026, 11, 28))
    assert "1 year" in text and "1 years" not in text and "1 scans" not in text


def test_a_code_that_waits_for_a_fact_says_its_criterion_is_met_only_in_that_case() -> None:
    facts = {"jurisdiction": "england", "exposure": "unintended", "setting": "nm_therapy",
             "prescribed_activity_mbq": 1000, "delivered_activity_mbq": 1300}  # fmt: skip
    text = render_document("notification", decide(facts), {}, Settings(), today=dt.date(2026, 11, 28))
    assert text.count("Criterion met only in the case below, quoted") == 2 and "Criterion met, quoted" not in text
    known = render_document("notification", decide(facts | {"nm_therapy_type": "sirt"}), {}, Settings())
    assert "Criterion met, quoted" in known and "met only" not in known


def test_a_site_typed_for_one_incident_is_checked_and_the_settings_own_details_are_not() -> None:
    from assistant.anonymise import identifiers_except
    from assistant.documents import intended_text

    decision = decide(CASES["notification-wales-1-partial"][1])
    details = {"site": "Home of Mrs Jane Doe, 4 Elm Road, Leeds LS6 2QT", "contact_email": "rpa@example.nhs.uk"}
    settings = Settings(organisation="Royal Victoria Infirmary, Newcastle NE1 4LP")
    text = render_document("notification", decision, details, settings, today=TODAY)
    found = {
        (h.kind, h.text) for h in identifiers_except(text, intended_text("notification", decision, details, settings))
    }
    assert {("name", "Jane Doe"), ("postcode", "LS6 2QT")} <= found, "typed for this incident: checked"
    assert ("postcode", "NE1 4LP") not in found, "the organisation as the settings give it: the employer's own"
    assert not any(h[1] == "rpa@example.nhs.uk" for h in found), "the contact is the employer's"
