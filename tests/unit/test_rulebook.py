"""The rulebook as data: complete, quoted verbatim, thresholds explicit."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from assistant.criteria import EVALUATORS
from assistant.rulebook import load_rulebook

BOOK = load_rulebook()
EXPECTED_CODES = [
    "1", "2.1", "2.2", "2.3", "2.4", "3", "4.1", "4.2a", "4.2b", "4.2c", "5", "6", "7",
    "8.1", "8.2", "9.1", "9.2", "10.1", "10.2", "M", "E", "V", "C",
]  # fmt: skip


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


ROOT = BOOK.path.parents[2]  # flows/rulebook/<file>.yaml -> the repository
GUIDANCE_PATH = ROOT / BOOK.guidance.text
GUIDANCE = fold(GUIDANCE_PATH.read_text(encoding="utf-8"))


def test_every_code_of_the_2023_table_is_encoded() -> None:
    assert BOOK.codes() == EXPECTED_CODES


def test_code_1_has_england_and_other_nations_rows() -> None:
    rows = {c.key: c.nations for c in BOOK.criteria if c.code == "1"}
    assert rows == {"1-england": ("england",), "1-other-nations": ("wales", "scotland", "northern_ireland")}


@pytest.mark.parametrize("quote", BOOK.quotations())
def test_quotation_appears_verbatim_in_the_guidance(quote: str) -> None:
    assert fold(quote) in GUIDANCE


def test_every_criterion_has_an_evaluator_and_every_evaluator_a_criterion() -> None:
    assert {c.key for c in BOOK.criteria} == set(EVALUATORS)


def test_guidance_version_and_date() -> None:
    assert BOOK.guidance.version == "2023-04-19"
    assert BOOK.guidance.effective_from.isoformat() == "2023-04-19"


def test_every_threshold_states_its_ends() -> None:
    import yaml

    raw = yaml.safe_load(BOOK.path.read_text(encoding="utf-8"))
    for entry in raw["criteria"]:
        for name, t in (entry.get("thresholds") or {}).items():
            for end in ("min", "max"):
                if end in t:
                    assert f"{end}_inclusive" in t, f"{entry['code']} {name}: {end} without {end}_inclusive"
            assert t.get("unit"), f"{entry['code']} {name} has no unit"


def test_guidance_copy_matches_the_shared_source_when_present() -> None:
    shared = ROOT.parent / "shared" / "guidance" / GUIDANCE_PATH.name
    if not shared.exists():
        pytest.skip("the shared guidance folder is not beside this checkout")
    assert shared.read_bytes() == GUIDANCE_PATH.read_bytes()


def test_irmer_rules_lists_every_code_with_its_quotation() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "rules"], capture_output=True, text=True, check=True
    ).stdout
    for c in BOOK.criteria:
        assert re.search(rf"^{re.escape(c.code)}\s", out, re.M), c.code
        assert fold(c.quote[0]) in fold(out)
    assert "≥ 3 mSv" in out and "> 2.5×" in out
    assert "threshold adult: total effective dose ≥ 3 mSv" in out, "which threshold is the adult one"
    seven = out.split("\n7  ")[1].split("\n\n")[0]
    assert "irmer reads it: Met only for an unintended exposure" in seven, "code 7 says it is not for accidental"
