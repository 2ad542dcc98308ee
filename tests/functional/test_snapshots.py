"""What a person sees at 80×24: the first question, a refused unit, the decision card.

Regenerate with `pytest tests/functional/test_snapshots.py --snapshot-update`
and look at the SVGs in __snapshots__/ before accepting them.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from assistant.config import Settings
from assistant.ui.app import IrmerApp
from tests.functional.conftest import TODAY
from tests.functional.test_free_text import reach_number_question
from tests.functional.user import converse, settle, type_text

SIZE = (80, 24)
CT_OVERDOSE = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 60,
               "intended_dose_msv": 1.0, "total_dose_msv": 12.0}  # fmt: skip


def _app() -> IrmerApp:
    return IrmerApp(settings=Settings(), today=lambda: TODAY)


def test_first_question(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_number_question_refuses_a_wrong_unit(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await reach_number_question(pilot)
        await type_text(pilot, "12 mGy")
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_decision_card(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await converse(pilot, CT_OVERDOSE)
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)
