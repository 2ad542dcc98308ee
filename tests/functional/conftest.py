"""Functional tests drive the real app with Pilot. The cursor never blinks here, so snapshots are stable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.widgets import Input

from assistant.config import Settings

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios_public.yaml"
# Snapshots and deadline arithmetic need a fixed "today".
TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def keep_visible(self: Input) -> None:
        self._cursor_visible = True

    monkeypatch.setattr(Input, "_toggle_cursor", keep_visible)
    yield


def public_scenarios() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = yaml.safe_load(SCENARIOS.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture
def no_settings() -> Settings:
    """No settings file: the chat asks the nation."""
    return Settings()
