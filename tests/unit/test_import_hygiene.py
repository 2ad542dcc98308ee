"""The engine, rulebook, flow, documents and every command but the chat never import Textual,
so `irmer assess` starts fast and the core is usable without a terminal UI."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import assistant

CORE = sorted(
    m.name
    for m in pkgutil.walk_packages(assistant.__path__, "assistant.")
    if not m.name.startswith(("assistant.ui", "assistant.__main__"))
)


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "assert not bad, bad[:5]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_core_list_is_not_empty() -> None:
    assert {"assistant.engine", "assistant.rulebook", "assistant.cli", "assistant.validation"} <= set(CORE)
