"""Saving drafts: atomic writes, file names, and `irmer assess --draft` end to end."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.decision import Decision
from assistant.documents import draft_command
from assistant.engine import assess
from assistant.export import default_filename, write_atomic
from assistant.validation import parse_facts

NOTIFY = {"jurisdiction": "england", "exposure": "accidental", "setting": "diagnostic", "age_years": 71,
          "total_dose_msv": 6.0, "discovered_on": "2026-11-20"}  # fmt: skip
LOCAL = {"jurisdiction": "wales", "exposure": "unintended", "setting": "diagnostic", "intended_dose_msv": 0.014,
         "total_dose_msv": 0.028}  # fmt: skip
DETAILS = {"organisation": "Example NHS Foundation Trust", "description": "Wrong patient scanned after an ID check."}
NHS_NUMBER = "943 476 5919"  # a well-formed NHS number (valid check digit)


def decide(facts: dict[str, Any]) -> Decision:
    return assess(parse_facts(facts))


# --- write_atomic --------------------------------------------------------------


def test_write_atomic_creates_the_folder_and_writes_everything(tmp_path: Path) -> None:
    target = tmp_path / "new" / "deeper" / "draft.md"
    text = "# Draft\n\nµ × ÷ ≥ “quoted”\n" * 1000
    assert write_atomic(target, text) == target
    assert target.read_text(encoding="utf-8") == text
    assert [p.name for p in target.parent.iterdir()] == ["draft.md"]


def test_write_atomic_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "draft.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "draft.md"
    target.write_text("the original", encoding="utf-8")

    def boom(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "the new text that never lands")
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "the original"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]


def test_an_interrupted_write_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "draft.md"

    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "text")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_default_filename() -> None:
    today = dt.date(2026, 11, 28)
    assert default_filename("notification", decide(NOTIFY), today) == "irmer-notification-2026-11-28.md"
    assert default_filename("local", decide(LOCAL), dt.date(2027, 1, 2)) == "irmer-local-2027-01-02.md"


# --- draft_command -------------------------------------------------------------


def test_draft_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert draft_command("notification", decide(NOTIFY), DETAILS, out=None, allow=False) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# Draft notification")
    assert "- Employer: Example NHS Foundation Trust" in out
    assert "Wrong patient scanned after an ID check." in out
    assert err == ""


def test_draft_to_a_markdown_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "drafts" / "notification.md"
    assert draft_command("notification", decide(NOTIFY), DETAILS, out=str(target), allow=False) == 0
    out, _ = capsys.readouterr()
    assert out.strip() == str(target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Draft notification") and "**ME" not in text and "**1**" in text


def test_draft_to_a_text_file_is_plain(tmp_path: Path) -> None:
    target = tmp_path / "record.TXT"
    assert draft_command("local", decide(LOCAL), DETAILS, out=str(target), allow=False) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("LOCAL INVESTIGATION RECORD (IR(ME)R REGULATION 8(3))\n=====")
    assert "**" not in text and "\n## " not in text
    assert "• Employer: Example NHS Foundation Trust" in text
    assert "TO COMPLETE:" in text


@pytest.mark.parametrize("existing", [True, False])
def test_draft_into_a_folder_takes_the_default_name(tmp_path: Path, existing: bool) -> None:
    folder = tmp_path / "drafts"
    if existing:
        folder.mkdir()
    out = str(folder) if existing else f"{folder}/"
    assert draft_command("report", decide(NOTIFY), DETAILS, out=out, allow=False) == 0
    [written] = folder.iterdir()
    assert written.name == default_filename("report", decide(NOTIFY), dt.date.today())
    assert written.read_text(encoding="utf-8").startswith("# Investigation report")


def test_a_second_draft_into_a_folder_never_replaces_the_first(tmp_path: Path) -> None:
    for _ in range(3):
        assert draft_command("local", decide(LOCAL), {}, out=f"{tmp_path}/", allow=False) == 0
    name = default_filename("local", decide(LOCAL), dt.date.today()).removesuffix(".md")
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{name}-2.md", f"{name}-3.md", f"{name}.md"]
    named = tmp_path / "mine.md"
    for _ in range(2):  # a file named on purpose is replaced, as asked
        assert draft_command("local", decide(LOCAL), {}, out=str(named), allow=False) == 0
    assert not (tmp_path / "mine-2.md").exists()


def test_settings_are_the_defaults_and_details_override_them(
    isolated_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    isolated_settings.parent.mkdir(parents=True, exist_ok=True)
    isolated_settings.write_text(
        '[organisation]\nname = "Settings Trust"\ncontact_name = "RPA"\ncontact_email = "rpa@example.nhs.uk"\n'
        'contact_phone = "0161 496 0000"\n',
        encoding="utf-8",
    )
    assert draft_command("notification", decide(NOTIFY), {}, out=None, allow=False) == 0
    out = capsys.readouterr().out
    assert "- Employer: Settings Trust" in out
    assert "- Email: rpa@example.nhs.uk" in out  # the employer's own contact is not flagged
    assert "- Phone: 0161 496 0000" in out
    assert draft_command("notification", decide(NOTIFY), {"organisation": "Other Trust"}, out=None, allow=False) == 0
    assert "- Employer: Other Trust" in capsys.readouterr().out


def test_an_nhs_number_in_the_details_stops_the_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notification.md"
    details = DETAILS | {"description": f"Scanned patient {NHS_NUMBER} instead of the intended patient."}
    assert draft_command("notification", decide(NOTIFY), details, out=str(target), allow=False) == 1
    out, err = capsys.readouterr()
    assert not target.exists() and list(tmp_path.iterdir()) == []
    assert out == ""
    line = next(n for n, text in enumerate(_rendered(details).splitlines(), 1) if NHS_NUMBER in text)
    assert f"line {line}: NHS number '{NHS_NUMBER}'" in err
    assert "details" in err and "irmer anonymise --redact" in err and "--allow-identifiers" in err
    # Nothing printed to standard output either, without --out.
    assert draft_command("notification", decide(NOTIFY), details, out=None, allow=False) == 1
    assert capsys.readouterr().out == ""


def _rendered(details: dict[str, str]) -> str:
    from assistant.config import load_settings
    from assistant.documents import render_document

    return render_document("notification", decide(NOTIFY), details, load_settings())


def test_allow_identifiers_writes_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notification.md"
    details = DETAILS | {"description": f"Patient {NHS_NUMBER}."}
    assert draft_command("notification", decide(NOTIFY), details, out=str(target), allow=True) == 0
    assert NHS_NUMBER in target.read_text(encoding="utf-8")
    assert "NHS number" in capsys.readouterr().err


def test_a_staff_name_in_the_report_contact_is_caught(capsys: pytest.CaptureFixture[str]) -> None:
    # Names of individuals are redacted from reports, even the contact's.
    details = DETAILS | {"contact_name": "Dr Jane Smith"}
    assert draft_command("report", decide(NOTIFY), details, out=None, allow=False) == 1
    assert "Jane Smith" in capsys.readouterr().err
    assert draft_command("notification", decide(NOTIFY), details, out=None, allow=False) == 0


def test_unknown_detail_key_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.md"
    assert draft_command("notification", decide(NOTIFY), {"patient_name": "x"}, out=str(target), allow=False) == 2
    err = capsys.readouterr().err
    assert "'patient_name'" in err and "accepted keys: organisation, site" in err
    assert not target.exists()


def test_a_broken_override_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.config import templates_override_dir

    folder = templates_override_dir()
    folder.mkdir(parents=True)
    (folder / "notification.md.j2").write_text("{{ nothing_here }}\n", encoding="utf-8")
    assert draft_command("notification", decide(NOTIFY), {}, out=None, allow=False) == 2
    err = capsys.readouterr().err
    assert "notification.md.j2, line 1" in err and "Traceback" not in err


def test_an_unwritable_destination_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert draft_command("local", decide(LOCAL), {}, out=str(blocker / "draft.md"), allow=False) == 2
    assert "cannot write" in capsys.readouterr().err


def test_the_employers_name_excuses_only_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A surname that is also part of the trust's name is still a patient's name in the description.
    trust = {"organisation": "Guy's and St Thomas' NHS Foundation Trust", "site": "St Thomas' Hospital"}
    target = tmp_path / "report.md"
    details = trust | {"description": "Mrs Thomas was scanned instead of the intended patient."}
    assert draft_command("report", decide(NOTIFY), details, out=str(target), allow=False) == 1
    assert "'Thomas'" in capsys.readouterr().err and not target.exists()
    details = trust | {"description": "The wrong patient was scanned."}
    assert draft_command("report", decide(NOTIFY), details, out=str(target), allow=False) == 0
    assert "St Thomas' NHS Foundation Trust" in target.read_text(encoding="utf-8")


def test_a_patient_identifier_inside_the_site_is_caught(capsys: pytest.CaptureFixture[str]) -> None:
    details = DETAILS | {"site": f"Ward 3, patient NHS number {NHS_NUMBER}"}
    assert draft_command("notification", decide(NOTIFY), details, out=None, allow=False) == 1
    assert NHS_NUMBER in capsys.readouterr().err


def test_out_never_replaces_a_device_a_pipe_or_the_incident_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert draft_command("local", decide(LOCAL), {}, out=str(pipe), allow=False) == 2
    assert "not a regular file" in capsys.readouterr().err and pipe.is_fifo()
    incident = tmp_path / "incident.yaml"
    incident.write_text("jurisdiction: wales\n", encoding="utf-8")
    assert draft_command("local", decide(LOCAL), {}, out=str(incident), allow=False, source=str(incident)) == 2
    assert "incident file itself" in capsys.readouterr().err
    assert incident.read_text(encoding="utf-8") == "jurisdiction: wales\n"


def test_out_writes_through_a_link_and_explains_a_file_in_the_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.md"
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert draft_command("local", decide(LOCAL), {}, out=str(link), allow=False) == 0
    assert link.is_symlink() and "Local investigation record" in real.read_text(encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert draft_command("local", decide(LOCAL), {}, out=str(blocker / "x.md"), allow=False) == 2
    assert f"{blocker} is a file, not a folder" in capsys.readouterr().err


def test_a_long_file_name_is_a_message_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fits = tmp_path / ("b" * 247 + ".md")  # the temporary file's name must not be the one too long
    assert draft_command("local", decide(LOCAL), {}, out=str(fits), allow=False) == 0 and fits.exists()
    too_long = tmp_path / ("a" * 300 + ".md")
    assert draft_command("local", decide(LOCAL), {}, out=str(too_long), allow=False) == 2
    assert "File name too long" in capsys.readouterr().err


def test_through_the_command_line(tmp_path: Path) -> None:
    incident = tmp_path / "incident.json"
    incident.write_text(json.dumps(NOTIFY | {"details": DETAILS | {"incident_date": "2026-11-19"}}), encoding="utf-8")
    target = tmp_path / "out" / "n.txt"
    env = os.environ | {"IRMER_CONFIG": str(tmp_path / "config.toml")}
    run = [sys.executable, "-m", "assistant", "assess", str(incident), "--draft", "notification", "--out", str(target)]
    result = subprocess.run(run, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(target)
    text = target.read_text(encoding="utf-8")
    assert "• Date of the incident: 2026-11-19" in text
    incident.write_text(json.dumps(NOTIFY | {"details": {"descripion": "x"}}), encoding="utf-8")
    result = subprocess.run(run, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 2
    assert "did you mean 'description'" in result.stderr


@pytest.mark.parametrize("kind", ["notification", "report", "local"])
@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_bundled_templates_raise_no_false_alarm(kind: str, suffix: str, tmp_path: Path) -> None:
    from tests.unit.case_tables import public_scenarios
    from tests.unit.test_documents import FULL

    for scenario in public_scenarios():
        for details in ({}, FULL):
            target = tmp_path / f"draft{suffix}"
            status = draft_command(kind, decide(scenario["facts"]), details, out=str(target), allow=False)
            assert status == 0, scenario["name"]


def test_irmer_anonymise_leaves_the_settings_own_contact_and_flags_the_rest(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[organisation]\nname = "Northshire Hospitals NHS Foundation Trust"\ncontact_email = "rpl@northshire.nhs.uk"\n'
        'contact_phone = "01632 960 123"\n',
        encoding="utf-8",
    )
    text = tmp_path / "draft.md"
    text.write_text(
        "Contact: rpl@northshire.nhs.uk, 01632 960 123.\nPatient: Mrs Jane Doe, NHS number 943 476 5919.\n",
        encoding="utf-8",
    )
    env = os.environ | {"IRMER_CONFIG": str(config)}
    run = [sys.executable, "-m", "assistant", "anonymise", str(text), "--json"]
    result = subprocess.run(run, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 1, result.stderr
    found = {h["text"] for h in json.loads(result.stdout)}
    assert found == {"Jane Doe", "943 476 5919"}, "the employer's own contact is not the patient's"
