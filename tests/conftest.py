"""Shared test set-up: no test reads the user's own settings or writes to their folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    config = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("IRMER_CONFIG", str(config))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield config
