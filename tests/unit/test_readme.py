"""The README shows what the code does: the flow diagram and the Quick start."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.flow.diagram import render_flow

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_flow_diagram_is_the_current_one() -> None:
    (diagram,) = re.findall(r"```mermaid\n(.*?)\n```", README, re.S)
    assert diagram == render_flow("mermaid")


def test_quick_start_has_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("##", 1)[0]
    (block,) = re.findall(r"```\n(.*?)\n```", section, re.S)
    commands = block.splitlines()
    assert len(commands) == 2
    assert commands[0].endswith(".venv/bin/irmer")
    assert commands[1].endswith(".venv/bin/pytest")
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines(), "CI must run the README's test command as it stands"
