"""`irmer assess` as a user runs it: files, stdin, --json, --batch, bad input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.unit.case_tables import check, plain, public_scenarios

SCENARIOS = public_scenarios()


def irmer(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_public_scenario_through_the_command(scenario: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "incident.json"
    path.write_text(json.dumps({k: plain(v) for k, v in scenario["facts"].items()}))
    result = irmer("assess", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert check(scenario["expect"], json.loads(result.stdout)) == []


def test_yaml_from_stdin_and_readable_text() -> None:
    facts = (
        "jurisdiction: england\nexposure: unintended\nsetting: diagnostic\nintended_dose_msv: 1.0\ntotal_dose_msv: 12\n"
    )
    result = irmer("assess", "-", stdin=facts)
    assert result.returncode == 0
    out = result.stdout
    assert "VERDICT: NOTIFY" in out
    assert "Codes: 2.2" in out
    assert "10 or more times than intended" in out  # the quoted criterion
    assert "12× ≥ 10×" in out  # the arithmetic
    assert "Care Quality Commission" in out


def test_undetermined_text_says_what_the_missing_fact_decides() -> None:
    facts = "jurisdiction: england\nexposure: accidental\nsetting: diagnostic\ntotal_dose_msv: 2.5\n"
    out = " ".join(irmer("assess", "-", stdin=facts).stdout.split())
    assert "VERDICT: UNDETERMINED" in out
    assert "What they decide (criteria still open): [1] depends on: age (age_years). So far: if a child" in out
    assert "if an adult, not met: total effective dose 2.5 mSv is not ≥ 3 mSv (adult threshold): 0.5 mSv short" in out


@pytest.mark.parametrize(
    "facts, heading",
    [("jurisdiction: england\nexposed_person: worker\n", "VERDICT: OUTSIDE IR(ME)R"),
     ("jurisdiction: england\nexposure: unintended\nsetting: diagnostic\nintended_dose_msv: 1\ntotal_dose_msv: 1.2\n"
      "voluntary: true\n", "Why (codes given):")],
)  # fmt: skip
def test_text_headings_name_the_regulation_and_the_employers_choice(facts: str, heading: str) -> None:
    out = irmer("assess", "-", stdin=facts).stdout
    assert heading in out and "OUTSIDE IRMER" not in out and "Why (criteria met)" not in out


def test_with_the_kind_of_exposure_unknown_its_facts_are_one_line() -> None:
    out = " ".join(irmer("assess", "-", stdin="jurisdiction: scotland\nexposure: unintended\n").stdout.split())
    needed = out.split("Still needed to decide (find out):")[1].split("What they decide")[0]
    assert needed.count("- ") == 2, "the kind of exposure, then one line for what it needs"
    assert needed.startswith(" - kind of exposure (setting)")
    assert "- then, once those are known, only what that kind of case needs among: intended effective dose" in needed
    assert "under-dose caused by the miss (underdose_from_miss)" in needed.split("- then")[1]
    assert "establish: kind of exposure; then the facts that kind of case needs." in out
    # JSON keeps every fact: a file can give them all at once.
    assert (
        "planning_scans_total"
        in json.loads(irmer("assess", "-", "--json", stdin="jurisdiction: scotland\nexposure: unintended\n").stdout)[
            "missing"
        ]
    )


def test_contract_fields_present() -> None:
    result = irmer("assess", "-", "--json", stdin='{"jurisdiction": "wales", "exposure": "accidental"}')
    out = json.loads(result.stdout)
    for key in ("verdict", "notifiable", "codes", "findings", "authority", "deadlines", "also_report_to",
                "missing", "duties", "guidance"):  # fmt: skip
        assert key in out
    assert out["authority"] == {"id": "hiw", "name": "Healthcare Inspectorate Wales",
                                "contact": "IRMERIncidents@Wales.GSI.Gov.uk"}  # fmt: skip
    assert out["guidance"]["version"] == "2023-04-19"
    assert any("8(3)" in d for d in out["duties"])


def test_batch_keeps_order_and_carries_errors(tmp_path: Path) -> None:
    lines = [
        {"jurisdiction": "scotland", "exposure": "accidental"},
        {"jurisdiction": "england", "exposure": "sideways"},
        "not json at all",
        {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "total_dose_msv": 4.0},
    ]
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n")
    result = irmer("assess", "--batch", str(path))
    assert result.returncode == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 4]
    assert out[0]["verdict"] == "notify" and out[0]["codes"] == ["1"]
    assert "exposure" in out[1]["error"] and "accidental, unintended" in out[1]["error"]
    assert "not valid JSON" in out[2]["error"]
    assert out[3]["verdict"] == "undetermined" and out[3]["missing"] == ["intended_dose_msv"]


BAD_INPUT = {
    "yaml syntax": ("jurisdiction: england\nexposure: [unintended\n", ["line", "not valid YAML or JSON"]),
    "json syntax": ('{"jurisdiction": "england"', ["not valid JSON at line 1, column 27"]),
    "unknown key": ("jurisdiction: england\ntotal_dose: 3\n", ["Unknown key `total_dose`", "total_dose_msv"]),
    "unknown enum": ("jurisdiction: england\nsetting: xray\n", ["`setting`", "diagnostic", "'xray'"]),
    "unknown nation": ("jurisdiction: uk\n", ["`jurisdiction`", "england, wales, scotland, northern_ireland"]),
    "negative dose": ("jurisdiction: england\ntotal_dose_msv: -1\n", ["`total_dose_msv`", "-1", "≥ 0"]),
    "nan": ('{"jurisdiction": "england", "total_dose_msv": NaN}', ["`total_dose_msv`", "NaN"]),
    "yaml nan": ("jurisdiction: england\ntotal_dose_msv: .nan\n", ["`total_dose_msv`"]),
    "infinite": ("jurisdiction: england\nintended_dose_msv: .inf\n", ["`intended_dose_msv`", "inf"]),
    "string number": ('{"jurisdiction": "england", "total_dose_msv": "4.0"}', ["`total_dose_msv`", "the text '4.0'"]),
    "yes as text": ('{"jurisdiction": "england", "setup_error": "yes"}', ["`setup_error`", "true or false"]),
    "fractional count": (
        "jurisdiction: england\nplanning_scans_total: 2.5\n",
        ["`planning_scans_total`", "whole number"],
    ),
    "zero count": ("jurisdiction: england\nplanning_scans_total: 0\n", ["`planning_scans_total`", "≥ 1"]),
    "boolean as number": ("jurisdiction: england\nage_years: true\n", ["`age_years`"]),
    "zero prescribed": ("jurisdiction: england\nprescribed_activity_mbq: 0\n", ["`prescribed_activity_mbq`", "> 0"]),
    "bad date": ("jurisdiction: england\ndiscovered_on: 31/02/2026\n", ["`discovered_on`", "YYYY-MM-DD"]),
    "impossible combination": (
        "jurisdiction: england\ncourse_images_additional: 3\n",
        ["`course_images_additional`", "`course_images_intended`"],
    ),
    "accidental with intended dose": (
        "jurisdiction: england\nexposure: accidental\nintended_dose_msv: 1\n",
        ["accidental", "unintended"],
    ),
    "miss none with margin": (
        "jurisdiction: england\ngeographical_miss: none\nmiss_margin_factor: 3\n",
        ["`geographical_miss`", "`miss_margin_factor`"],
    ),
    "miss none with an under-dose from the miss": (
        "jurisdiction: england\ngeographical_miss: none\nunderdose_from_miss: true\n",
        ["`geographical_miss`", "`underdose_from_miss`", "needs a miss"],
    ),
    "unintended with nothing intended": (
        "jurisdiction: wales\nexposure: unintended\nintended_dose_msv: 0\ntotal_dose_msv: 0.5\n",
        ["`intended_dose_msv` is 0", "accidental"],
    ),
    "patient exposure before clinical use": (
        "jurisdiction: england\nbefore_clinical_use: true\nexposure: unintended\n",
        ["`before_clinical_use`", "clinical use"],
    ),
    "bystander with a medical exposure": (
        "jurisdiction: england\nexposed_person: public\nexposure: accidental\n",
        ["`exposed_person` is public", "exposed_person: patient"],
    ),
    "no infant but an infant dose": (
        "jurisdiction: england\ninfant_exposed: false\ninfant_dose_msv: 3\n",
        ["`infant_exposed` is false", "`infant_dose_msv`"],
    ),
    "radiopharmaceutical in radiotherapy": (
        "jurisdiction: england\nexposure: unintended\nsetting: radiotherapy\nwrong_radiopharmaceutical: true\n",
        ["`wrong_radiopharmaceutical`", "nuclear medicine"],
    ),
    "infant in radiotherapy": (
        "jurisdiction: england\nexposure: unintended\nsetting: radiotherapy\ninfant_dose_msv: 3\n",
        ["`infant_dose_msv`", "nuclear medicine"],
    ),
    "impossible date in yaml": (
        "jurisdiction: england\ndiscovered_on: 2023-02-29\n",
        ["`discovered_on`", "'2023-02-29'", "a date that exists, as YYYY-MM-DD"],
    ),
    "date with no room for its deadlines": (
        "jurisdiction: england\nexposure: accidental\ntotal_dose_msv: 5\ndiscovered_on: 9999-12-25\n",
        ["`discovered_on` is 9999-12-25"],
    ),
    # YAML 1.1 would read these as true, false, 16 and 60 (base 60): irmer reads YAML as 1.2 and JSON do.
    "yes as a yaml word": (
        "jurisdiction: england\nclinically_significant: yes\n",
        ["`clinically_significant`", "'yes'"],
    ),
    "off as a yaml word": ("jurisdiction: england\nsetup_error: off\n", ["`setup_error`", "'off'", "true or false"]),
    "hex number": ("jurisdiction: england\nage_years: 0x10\n", ["`age_years`", "'0x10'"]),
    "base-60 number": ("jurisdiction: england\ntotal_dose_msv: 1:0\n", ["`total_dose_msv`", "'1:0'"]),
    "number too large for any measure": (
        "jurisdiction: england\ntotal_dose_msv: " + "9" * 400 + "\n",
        ["`total_dose_msv`", "400 digits long"],
    ),
    "explicit number tag on text": ("jurisdiction: england\nage_years: !!int abc\n", ["`age_years`", "'abc'"]),
    "json nested too deeply": ('{"a":' * 100_000 + "1" + "}" * 100_000, ["nested too deeply"]),
    "yaml nested too deeply": ("[" * 100_000 + "]" * 100_000, ["nesting depth"]),
    "duplicate key in yaml": ("jurisdiction: wales\njurisdiction: england\n", ["`jurisdiction` is given twice"]),
    "duplicate key in json": (
        '{"jurisdiction": "wales", "jurisdiction": "england"}',
        ["`jurisdiction` is given twice"],
    ),
    "no jurisdiction": ("exposure: accidental\n", ["`jurisdiction` is required"]),
    "empty": ("", ["empty"]),
    "only whitespace": ("  \n\n", ["empty"]),
    "a list": ("- jurisdiction: england\n", ["list", "--batch"]),
    "a scalar": ("england\n", ["mapping"]),
    "details not a mapping": ("jurisdiction: england\ndetails: hello\n", ["`details`"]),
    "details email not an address": (
        "jurisdiction: england\ndetails:\n  contact_email: rpa at trust\n",
        ["'contact_email'", "“rpa at trust” is not an email address"],
    ),
    "details incident after its discovery": (
        "jurisdiction: england\ndiscovered_on: 2026-11-20\ndetails:\n  incident_date: 2026-11-21\n",
        ["'incident_date'", "after the incident was discovered (2026-11-20)"],
    ),
    "json integer past the digit limit": (
        '{"jurisdiction": "england", "total_dose_msv": ' + "9" * 4400 + "}",
        ["`total_dose_msv`", "4,400 digits long"],
    ),
    "json number too large": ('{"jurisdiction": "england", "total_dose_msv": 1e400}', ["1e400", "infinity"]),
    "yaml number too large": ("jurisdiction: england\ntotal_dose_msv: 1e400\n", ["1e400", "infinity"]),
    "number too small to tell from 0": (
        "jurisdiction: england\nintended_dose_msv: 1e-400\n",
        ["`intended_dose_msv`", "1e-400", "too small to be told from 0"],
    ),
    "iso week date": ('jurisdiction: england\ndiscovered_on: "2026-W48"\n', ["`discovered_on`", "'2026-W48'"]),
    "year before any incident": ("jurisdiction: england\ndiscovered_on: 0001-01-01\n", ["before 1990"]),
    "a date given for an age": ("jurisdiction: england\nage_years: 1961-03-12\n", ["the date 1961-03-12"]),
    "a key yaml reads as a boolean": ("jurisdiction: england\ntrue: 1\n", ["Unknown key `true`"]),
    "the word people use for the nation": ("nation: wales\n", ["`nation` (did you mean `jurisdiction`?)"]),
    "half a character pair in details": (
        '{"jurisdiction": "england", "details": {"description": "bad \\ud800 here"}}',
        ["`details.description`", "half of a character pair"],
    ),
    "json with a comment, located as json": (
        '{"jurisdiction": "england",\n // a comment\n "age_years": 4}',
        ["not valid JSON at line 2, column 2"],
    ),
    "json lines given as one incident": (
        '{"jurisdiction": "england"}\n{"jurisdiction": "wales"}\n',
        ["--batch FILE.jsonl"],
    ),
}


@pytest.mark.parametrize("text, words", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_exits_2_with_a_message(text: str, words: list[str]) -> None:
    result = irmer("assess", "-", "--json", stdin=text)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr


def test_exponent_numbers_are_numbers() -> None:
    text = "jurisdiction: england\nexposure: accidental\nage_years: 40\ntotal_dose_msv: 3.0e0\n"
    out = json.loads(irmer("assess", "-", "--json", stdin=text).stdout)
    assert out["verdict"] == "notify" and out["codes"] == ["1"]


def test_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_bytes(b"\xef\xbb\xbf" + b'{"jurisdiction": "wales", "exposure": "accidental"}')
    assert json.loads(irmer("assess", str(one), "--json").stdout)["codes"] == ["1"]
    batch = tmp_path / "b.jsonl"
    batch.write_bytes(b"\xef\xbb\xbf" + b'{"jurisdiction": "wales", "exposure": "accidental"}\n[1]\n')
    first, second = (json.loads(line) for line in irmer("assess", "--batch", str(batch)).stdout.splitlines())
    assert first["codes"] == ["1"]
    assert "each line of a batch is one incident" in second["error"]


def test_leading_zeros_are_decimal_as_in_yaml_1_2() -> None:
    text = "jurisdiction: scotland\nexposure: unintended\nsetting: diagnostic\nage_years: 017\n"
    text += "intended_dose_msv: 0.1\ntotal_dose_msv: 1.5\n"
    out = json.loads(irmer("assess", "-", "--json", stdin=text).stdout)
    assert out["facts"]["age_years"] == 17  # YAML 1.1 reads octal 15: a child in Scotland, and notifiable
    assert out["verdict"] == "local"


def test_long_bad_input_gets_a_short_message(tmp_path: Path) -> None:
    many = tmp_path / "many.json"
    many.write_text(json.dumps({"jurisdiction": "england"} | {f"key{i}": 1 for i in range(5_000)}))
    result = irmer("assess", str(many))
    assert result.returncode == 2
    assert "Unknown keys `key0`" in result.stderr and "and 4,990 more" in result.stderr
    assert result.stderr.count("Accepted keys") == 1 and len(result.stderr) < 2_000
    long_value = tmp_path / "long.yaml"
    long_value.write_text("jurisdiction: england\nsetting: " + "x" * 100_000 + "\n")
    result = irmer("assess", str(long_value))
    assert result.returncode == 2 and "(100,000 characters)" in result.stderr and len(result.stderr) < 1_000


def test_batch_goes_on_past_every_kind_of_bad_line(tmp_path: Path) -> None:
    good = json.dumps({"jurisdiction": "england", "exposure": "accidental", "age_years": 40, "total_dose_msv": 5})
    bad = [
        '{"jurisdiction": "england", "total_dose_msv": ' + "9" * 400 + "}",
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        json.dumps({"jurisdiction": "england", "exposure": "accidental", "total_dose_msv": 5, "age_years": 40,
                    "discovered_on": "9999-12-25"}),
        json.dumps({"jurisdiction": "england", "exposure": "accidental", "total_dose_msv": 5, "details": {"foo": "x"}}),
    ]  # fmt: skip
    path = tmp_path / "b.jsonl"
    path.write_text("\n".join([good, *bad, good]) + "\n")
    result = irmer("assess", "--batch", str(path))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 4, 5, 6]
    assert out[0]["verdict"] == out[5]["verdict"] == "notify"
    assert "400 digits" in out[1]["error"]
    assert "nested too deeply" in out[2]["error"]
    assert "9999-12-25" in out[3]["error"]
    assert "unknown key 'foo'" in out[4]["error"]


def test_a_fault_in_the_engine_costs_one_line_of_a_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant import batch

    def broken(facts: Any, **kw: Any) -> Any:
        if facts.get("age_years") == 13:
            raise ZeroDivisionError("a fault")
        return real(facts, **kw)

    real = batch.assess
    monkeypatch.setattr(batch, "assess", broken)
    lines = [json.dumps({"jurisdiction": "wales", "exposure": "accidental", "age_years": age}) for age in (12, 13, 14)]
    out = [json.loads(batch.judge_line(n, line)) for n, line in enumerate(lines, start=1)]
    assert out[0]["codes"] == out[2]["codes"] == ["1"]
    assert "ZeroDivisionError: a fault" in out[1]["error"] and "fault in irmer" in out[1]["error"]


def test_several_problems_are_reported_together() -> None:
    result = irmer("assess", "-", stdin="jurisdiction: england\nexposure: x\ntotal_dose_msv: -2\nfoo: 1\n")
    assert result.returncode == 2
    assert "`exposure`" in result.stderr and "`total_dose_msv`" in result.stderr and "`foo`" in result.stderr


def test_missing_file_and_folder(tmp_path: Path) -> None:
    for target, words in ((tmp_path / "nope.yaml", "No such file"), (tmp_path, "is a folder")):
        result = irmer("assess", str(target))
        assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_usage_errors() -> None:
    assert irmer("assess").returncode == 2
    assert irmer("assess", "-", "--out", "x.md", stdin="jurisdiction: england").returncode == 2
    assert irmer("assess", "--bogus").returncode == 2


def test_version() -> None:
    from assistant import __version__

    result = irmer("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"irmer {__version__}"


def test_assess_path_never_imports_textual() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from assistant.cli import main\n"
        "sys.stdin = io.StringIO('{jurisdiction: england, exposure: accidental, total_dose_msv: 5}')\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['assess', '-', '--json']); main(['assess', '-']) if False else None; main(['rules'])\n"
        "import assistant.engine, assistant.rulebook, assistant.validation, assistant.report_text\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_jurisdiction_flag_fills_a_missing_nation_and_refuses_a_different_one() -> None:
    filled = irmer("--jurisdiction", "Wales", "assess", "-", "--json", stdin="{exposure: accidental}")
    assert filled.returncode == 0 and json.loads(filled.stdout)["authority"]["id"] == "hiw"
    null = irmer("--jurisdiction", "wales", "assess", "-", "--json", stdin="{jurisdiction: null, exposure: accidental}")
    assert null.returncode == 0 and json.loads(null.stdout)["authority"]["id"] == "hiw", "null is not known: filled"
    clash = irmer("--jurisdiction", "wales", "assess", "-", stdin="{jurisdiction: england, exposure: accidental}")
    assert clash.returncode == 2 and "--jurisdiction is wales" in clash.stderr
    unknown = irmer("--jurisdiction", "france", "rules")
    assert unknown.returncode == 2 and "england, wales, scotland, northern_ireland" in unknown.stderr


def test_unknown_detail_keys_are_reported_without_a_draft_too() -> None:
    result = irmer("assess", "-", stdin="jurisdiction: wales\nexposure: accidental\ndetails:\n  what_happend: x\n")
    assert result.returncode == 2 and "what_happend" in result.stderr and "Traceback" not in result.stderr


def test_a_circumstance_given_as_null_is_not_known_not_assumed(tmp_path: Path) -> None:
    """Left out, a circumstance is assumed absent (and says so); given as null, the file says it is not known."""
    base = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 40,
            "intended_dose_msv": 1, "total_dose_msv": 2}  # fmt: skip
    left_out = json.loads(irmer("assess", "-", "--json", stdin=json.dumps(base)).stdout)
    assert left_out["verdict"] == "local"
    assert "clinically_significant" in [a["fact"] for a in left_out["assumptions"]]
    null = json.loads(irmer("assess", "-", "--json", stdin=json.dumps(base | {"clinically_significant": None})).stdout)
    assert null["verdict"] == "undetermined" and null["missing"] == ["clinically_significant"]
    assert "clinically_significant" not in [a["fact"] for a in null["assumptions"]]
    assert null["facts"]["clinically_significant"] is None, "the facts written back reproduce the decision"
    again = json.loads(irmer("assess", "-", "--json", stdin=json.dumps(null["facts"])).stdout)
    assert again["verdict"] == "undetermined"
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps(base | {"individuals_affected": None}) + "\n", encoding="utf-8")
    (line,) = [json.loads(x) for x in irmer("assess", "--batch", str(batch)).stdout.splitlines()]
    assert line["verdict"] == "undetermined" and line["missing"] == ["individuals_affected"]
    # Not known whether equipment caused it: the notification stands, and E is left to check.
    e_null = base | {"total_dose_msv": 12, "equipment_fault": None}
    e_open = json.loads(irmer("assess", "-", "--json", stdin=json.dumps(e_null)).stdout)
    assert e_open["codes"] == ["2.2"] and {"code": "E", "needs": ["equipment_fault"]} in e_open["open_checks"]
    # Not known whether it is clinically significant: the notification stands; the duty of candour is to decide.
    c_open = json.loads(
        irmer("assess", "-", "--json", stdin=json.dumps(e_null | {"clinically_significant": None})).stdout
    )
    assert any("if it is, apply the duty of candour" in d for d in c_open["duties"])
    assert not any("if it is, apply the duty of candour" in d for d in e_open["duties"]), "assumed not: no such duty"
    # Not known whether the licence covered it, or equipment caused it: the bodies they would add are named.
    bodies = json.loads(
        irmer(
            "assess", "-", "--json", stdin=json.dumps(base | {"licence_breach": None, "equipment_fault": None})
        ).stdout
    )
    assert bodies["verdict"] == "local" and bodies["also_report_to"] == []
    assert any("ARSAC licence; if it was not, it is also reported to: ARSAC" in d for d in bodies["duties"])
    assert any("direct cause; if it was, it is also reported to: Medicines" in d for d in bodies["duties"])
    assert not any("Find out whether" in d for d in left_out["duties"]), "assumed absent: nothing to find out"
    # A measurement given as null is simply not known, as when left out.
    dose_null = json.loads(irmer("assess", "-", "--json", stdin=json.dumps(base | {"total_dose_msv": None})).stdout)
    assert dose_null["missing"] == ["total_dose_msv"]
    # Voluntary notification is the employer's choice: not known, the verdict stands and a note says it is open.
    v_null = json.loads(irmer("assess", "-", "--json", stdin=json.dumps(base | {"voluntary": None})).stdout)
    assert v_null["verdict"] == "local" and v_null["missing"] == []
    assert any("Whether to notify voluntarily is not decided yet" in n for n in v_null["notes"])
    assert "voluntary" not in [a["fact"] for a in v_null["assumptions"]] and v_null["facts"]["voluntary"] is None


def test_open_checks_waiting_on_the_setting_are_one_line() -> None:
    facts = {
        "jurisdiction": "england",
        "exposure": "unintended",
        "foetal_exposure_unintended": True,
        "foetal_dose_mgy": 12,
    }
    text = irmer("assess", "-", stdin=json.dumps(facts)).stdout
    checks = text.split("Not yet checked (could add a code):")[1].split("\n\n")[0]
    assert "[2.1, 2.2, 2.3, 2.4, 3, 4.1" in checks and "depend\n      first on: kind of exposure (setting)" in checks
    assert checks.count("[") == 1, checks


def test_a_guess_that_would_change_the_quantity_is_not_offered() -> None:
    result = irmer("assess", "-", stdin="jurisdiction: england\ntotal_dose_mgy: 3\n")
    assert result.returncode == 2 and "Unknown key `total_dose_mgy`." in result.stderr
    assert "did you mean `foetal_dose_mgy`" not in result.stderr


def test_standard_input_that_is_not_utf8_is_refused_by_name() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "assess", "-"], input=b"jurisdiction: england\n# caf\xe9\n",
        capture_output=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert b"standard input is not UTF-8 text (byte 0xe9" in result.stderr


def test_batch_lines_end_only_at_a_newline(tmp_path: Path) -> None:
    """U+2028 may stand raw inside a JSON string (irmer writes it so): it must not cut a record."""
    description = "first part\u2028second part\x85third"
    facts = {"jurisdiction": "england", "exposure": "accidental", "age_years": 40, "total_dose_msv": 5}
    first = json.dumps(facts | {"details": {"description": description}}, ensure_ascii=False)
    batch = tmp_path / "b.jsonl"
    batch.write_text(first + "\r\n" + json.dumps({"jurisdiction": "wales"}) + "\n", encoding="utf-8")
    result = irmer("assess", "--batch", str(batch))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["line"], d.get("verdict")) for d in lines] == [(1, "notify"), (2, "undetermined")]


def test_an_empty_batch_and_a_yaml_batch_say_what_a_batch_is(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n  \n", encoding="utf-8")
    result = irmer("assess", "--batch", str(empty))
    assert result.returncode == 2 and "holds no incidents: give one JSON object a line" in result.stderr
    yaml_file = tmp_path / "one.yaml"
    yaml_file.write_text("jurisdiction: england\n", encoding="utf-8")
    (line,) = [json.loads(x) for x in irmer("assess", "--batch", str(yaml_file)).stdout.splitlines()]
    assert "a YAML file goes to `irmer assess FILE`" in line["error"]


def test_jurisdiction_after_the_command_and_the_settings_nation_hint(tmp_path: Path) -> None:
    facts = "exposure: accidental\nage_years: 40\ntotal_dose_msv: 1\n"
    assert json.loads(irmer("assess", "--jurisdiction", "wales", "-", "--json", stdin=facts).stdout)["codes"] == ["1"]
    config = tmp_path / "config.toml"
    config.write_text('[organisation]\nnation = "scotland"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "assess", "-"], input=facts, capture_output=True, text=True, timeout=60,
        env={**os.environ, "IRMER_CONFIG": str(config)},
    )  # fmt: skip
    assert result.returncode == 2
    assert "`jurisdiction` is required" in result.stderr and "pass --jurisdiction scotland" in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_reported_not_a_traceback(tmp_path: Path) -> None:
    facts = tmp_path / "f.yaml"
    facts.write_text("jurisdiction: england\nexposure: accidental\nage_years: 40\ntotal_dose_msv: 5\n")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "assistant", "assess", str(facts)], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "cannot write the output: No space left on device" in result.stderr
    closed = subprocess.run([sys.executable, "-m", "assistant", "assess", str(facts)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, timeout=60, close_fds=True,
                            preexec_fn=lambda: os.close(1))  # fmt: skip
    assert closed.returncode == 2 and "standard output is closed" in closed.stderr


def test_the_chat_without_a_terminal_says_so_instead_of_hanging() -> None:
    result = irmer(stdin="")
    assert result.returncode == 2
    assert "the chat needs a terminal" in result.stderr and "irmer assess FILE" in result.stderr


def test_a_reader_that_stops_early_does_not_change_the_exit_status(tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text("Mrs Jane Smith, NHS 943 476 5919\n" * 20_000, encoding="utf-8")
    with subprocess.Popen([sys.executable, "-m", "assistant", "anonymise", str(text)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as proc:  # fmt: skip
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        assert proc.wait(timeout=60) == 1, "identifiers were found"
        assert b"Traceback" not in proc.stderr.read()


def test_ctrl_c_in_a_batch_leaves_only_whole_lines(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    line = json.dumps({"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 50,
                       "intended_dose_msv": 1, "total_dose_msv": 12})  # fmt: skip
    batch.write_text((line + "\n") * 60_000, encoding="utf-8")
    with subprocess.Popen([sys.executable, "-m", "assistant", "assess", "--batch", str(batch)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:  # fmt: skip
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.send_signal(signal.SIGINT)
        rest = proc.stdout.read()
        code = proc.wait(timeout=120)
        err = proc.stderr.read().decode()
    written = (first + rest).decode().splitlines()
    assert all(json.loads(x)["verdict"] == "notify" for x in written), "every line written is whole"
    if code == 0:  # the batch finished before the signal arrived: nothing to judge
        pytest.skip("the batch ended before Ctrl+C")
    assert code == 130 and "Traceback" not in err
    assert f"up to line {len(written)}" in err
