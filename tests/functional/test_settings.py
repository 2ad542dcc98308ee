"""The default nation and the one-run override; a broken settings file is shown, never a crash."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import load_settings
from assistant.ui import app as app_module
from assistant.ui.app import IrmerApp, run
from assistant.ui.widgets.notice_message import NoticeMessage
from tests.functional.conftest import TODAY
from tests.functional.user import converse, settle

CT_OVERDOSE = {
    "exposure": "unintended",
    "setting": "diagnostic",
    "age_years": 60,
    "intended_dose_msv": 1.0,
    "total_dose_msv": 12.0,
}


def _first_screen(app: IrmerApp) -> tuple[str, list[str]]:
    async def body() -> tuple[str, list[str]]:
        async with app.run_test(size=(100, 40)) as pilot:
            first = await settle(pilot)
            return first, [str(n.render()) for n in app.query(NoticeMessage)]

    return asyncio.run(body())


def test_nation_from_settings_is_not_asked_and_picks_the_authority(isolated_settings: Path) -> None:
    isolated_settings.parent.mkdir(parents=True)
    isolated_settings.write_text('[organisation]\nname = "Example Trust"\nnation = "Wales"\n', encoding="utf-8")

    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            asked = await converse(pilot, {"jurisdiction": "wales", **CT_OVERDOSE})
            assert "nation" not in asked
            assert app.conversation.decision().authority["id"] == "hiw"
            said = str(app.query_one("#nation-preset").render())  # not asked, so said
            assert "Nation: Wales, from the settings file" in said

    asyncio.run(body())


@pytest.mark.parametrize(
    "content",
    [
        "[organisation\nnation = 'england'\n",  # not TOML
        '[organisation]\nnation = "atlantis"\n',  # not a nation
        '[organisaton]\nnation = "england"\n',  # unknown section
    ],
    ids=["unreadable", "unknown nation", "unknown section"],
)
def test_broken_settings_are_shown_and_the_nation_asked(isolated_settings: Path, content: str) -> None:
    isolated_settings.parent.mkdir(parents=True)
    isolated_settings.write_text(content, encoding="utf-8")
    settings = load_settings()
    assert settings.problems
    first, notices = _first_screen(IrmerApp(settings=settings, today=lambda: TODAY))
    assert first == "nation"
    assert any(settings.problems[0] in n for n in notices), notices


def test_jurisdiction_overrides_settings_for_one_run(isolated_settings: Path) -> None:
    isolated_settings.parent.mkdir(parents=True)
    isolated_settings.write_text('[organisation]\nnation = "england"\n', encoding="utf-8")
    app = IrmerApp(jurisdiction="scotland", today=lambda: TODAY)

    async def body() -> tuple[str, str]:
        async with app.run_test(size=(100, 40)) as pilot:
            return await settle(pilot), str(app.query_one("#nation-preset").render())

    first, said = asyncio.run(body())
    assert first != "nation"
    assert app.conversation.facts["jurisdiction"] == "scotland"
    assert "Nation: Scotland, from --jurisdiction" in said


def test_run_refuses_an_unknown_nation_before_starting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started: list[IrmerApp] = []
    monkeypatch.setattr(app_module.IrmerApp, "run", lambda self, **kw: started.append(self))
    assert run(jurisdiction="atlantis") == 2
    err = capsys.readouterr().err
    assert "atlantis" in err
    for nation in ("england", "wales", "scotland", "northern_ireland"):
        assert nation in err
    assert not started


def test_run_accepts_a_nation_as_people_write_it(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[IrmerApp] = []
    monkeypatch.setattr(app_module.IrmerApp, "run", lambda self, **kw: started.append(self))
    assert run(jurisdiction="Northern Ireland") == 0
    assert started[0].nation == "northern_ireland"
    assert run() == 0
    assert started[1].nation is None


def test_a_settings_email_that_is_not_an_address_is_reported_and_not_used(isolated_settings: Path) -> None:
    isolated_settings.parent.mkdir(parents=True)
    isolated_settings.write_text(
        '[organisation]\nnation = "england"\ncontact_email = "Radiation Protection Lead"\n', encoding="utf-8"
    )
    settings = load_settings()
    assert settings.contact_email is None, "a draft asks for it instead of printing it"
    assert settings.nation == "england", "the rest of the file still counts"
    assert len(settings.problems) == 1
    assert "contact_email" in settings.problems[0] and "is not an email address" in settings.problems[0]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('nation = "wales"\n', "`nation` stands outside any section; put it under [organisation]"),
        (b"\xff\xfe[organisation]\n", "is not UTF-8 text; save it as UTF-8"),
    ],
)
def test_settings_problems_name_the_fix(isolated_settings: Path, content: str | bytes, words: str) -> None:
    isolated_settings.parent.mkdir(parents=True)
    if isinstance(content, bytes):
        isolated_settings.write_bytes(content)
    else:
        isolated_settings.write_text(content, encoding="utf-8")
    settings = load_settings(isolated_settings)
    assert settings.nation is None
    assert any(words in problem for problem in settings.problems), settings.problems


def test_a_settings_folder_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "config.toml").mkdir()
    (problem,) = load_settings(tmp_path / "config.toml").problems
    assert "is a folder, not a settings file" in problem


def test_anonymise_warns_when_the_settings_cannot_exempt_the_organisation(isolated_settings: Path) -> None:
    isolated_settings.parent.mkdir(parents=True)
    isolated_settings.write_text('[organisation]\ncontact_phone = "0161 496 0000\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "anonymise", "-"], input="Call 0161 496 0000", capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert "irmer: warning:" in result.stderr and "(at line 2" in result.stderr
    assert "checked like any other text" in result.stderr
