"""Changing an earlier answer: the transcript re-flows from there and the decision follows."""

from __future__ import annotations

import asyncio
from typing import Any

from assistant.config import Settings
from assistant.ui.app import IrmerApp
from assistant.ui.widgets.decision_card import DecisionCard
from assistant.ui.widgets.user_message import UserMessage
from tests.functional.conftest import TODAY
from tests.functional.user import converse, fill, settle

CT_OVERDOSE = {  # notify, 2.2: intended 1 mSv, total 12 mSv
    "jurisdiction": "england",
    "exposure": "unintended",
    "setting": "diagnostic",
    "age_years": 60,
    "intended_dose_msv": 1.0,
    "total_dose_msv": 12.0,
}


def _app() -> IrmerApp:
    return IrmerApp(settings=Settings(), today=lambda: TODAY)


def _echoes(app: IrmerApp) -> dict[str, str]:
    return {m.question_id: str(m.render()) for m in app.query(UserMessage)}


def _run(test: Any) -> None:
    asyncio.run(test())


async def click_answer(pilot: Any, question_id: str) -> None:
    """Scroll up to the answer, as a person would, and click it."""
    app = pilot.app
    message = next(m for m in app.query(UserMessage) if m.question_id == question_id)
    app.transcript.scroll_to_widget(message, animate=False)
    await pilot.pause()
    await pilot.click(message)


def test_click_an_earlier_answer_and_change_it() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            assert app.query_one(DecisionCard).decision.codes == ("2.2",)
            await click_answer(pilot, "imaging_doses")
            assert await settle(pilot) == "imaging_doses"
            assert not app.query(DecisionCard), "the card goes while an answer is being changed"
            # The earlier answer is offered to edit; clear it and type new doses.
            for line in app.query("#answer Input"):
                line.value = ""  # type: ignore[attr-defined]
            question = app.conversation.current()
            assert question is not None
            await fill(pilot, app.query_one("#answer"), question, {"intended_dose_msv": "1", "total_dose_msv": "1.5"})  # type: ignore[arg-type]
            assert await settle(pilot) == "decision"
            assert app.query_one(DecisionCard).decision.verdict == "local"
            assert "12 mSv" not in _echoes(app)["imaging_doses"]
            assert "1.5 mSv" in _echoes(app)["imaging_doses"]

    _run(body)


def test_changing_accidental_to_unintended_reflows_the_questions() -> None:
    async def body() -> None:
        app = _app()
        accidental = {**CT_OVERDOSE, "exposure": "accidental", "total_dose_msv": 6.0}
        del accidental["intended_dose_msv"]
        async with app.run_test(size=(100, 40)) as pilot:
            asked = await converse(pilot, accidental)
            assert "accidental_dose" in asked and "imaging_doses" not in asked
            assert app.query_one(DecisionCard).decision.codes == ("1",)
            await click_answer(pilot, "who")
            assert await settle(pilot) == "who"
            asked_after = await converse(pilot, CT_OVERDOSE)
            assert asked_after[0] == "who"
            assert "imaging_doses" in asked_after, "an unintended exposure needs the intended dose"
            ids = [t.question_id for t in app.conversation.history]
            assert "accidental_dose" not in ids, "the accidental-only answer no longer applies"
            assert set(_echoes(app)) == set(ids), "the transcript shows exactly the answers in force"
            assert app.query_one(DecisionCard).decision.codes == ("2.2",)

    _run(body)


def test_ctrl_z_reopens_the_latest_answer_and_escape_goes_further_back() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            last = app.conversation.history[-1].question_id
            await pilot.press("ctrl+z")
            assert await settle(pilot) == last
            await pilot.press("escape")
            assert await settle(pilot) == app.conversation.history[-2].question_id
            # Kept answers come back once the reopened question is answered again.
            await converse(pilot, CT_OVERDOSE)
            assert app.query_one(DecisionCard).decision.codes == ("2.2",)

    _run(body)


def test_back_on_the_first_question_says_so_and_changes_nothing() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            assert await settle(pilot) == "nation"
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert await settle(pilot) == "nation"
            assert app.conversation.history == []

    _run(body)


def test_change_an_answer_button_on_the_card() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await pilot.click("#action-back")
            assert await settle(pilot) == app.conversation.history[-1].question_id

    _run(body)


def test_palette_lists_each_answer_to_change() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"change answer who")
            await pilot.pause(0.5)
            await pilot.press("enter")
            assert await settle(pilot) == "who"

    _run(body)


def test_a_replaced_incident_comes_back_with_ctrl_z_until_the_new_one_is_answered() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            before = app.conversation.decision().codes
            await pilot.press("ctrl+n")
            assert await settle(pilot) == "nation"
            await pilot.press("ctrl+z")
            assert await settle(pilot) == "decision"
            assert app.conversation.decision().codes == before and app.query(DecisionCard)
            await pilot.press("ctrl+n")
            assert await settle(pilot) == "nation"
            assert any("Ctrl+Z brings the last one back" in n.message for n in app._notifications)
            await pilot.press("1")  # an answer in the new incident: the old one is gone for good
            assert await settle(pilot) != "nation"
            assert not any("Ctrl+Z brings" in n.message for n in app._notifications), "the toast is no longer true"
            await pilot.press("ctrl+z")
            assert await settle(pilot) == "nation" and not app.query(DecisionCard)

    _run(body)


def test_ctrl_q_with_answers_asks_again_before_quitting() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("ctrl+q")  # nothing answered yet: quits at once
            await pilot.pause()
            assert app.return_code is not None or not app.is_running

        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert app.is_running and app.query(DecisionCard)
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert not app.is_running

    _run(body)


def test_enter_after_the_discovery_date_does_not_start_a_new_incident() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            assert app.focused is not None and app.focused.id == "discovered-on"
            await pilot.press(*"today", "enter")
            assert await settle(pilot) == "decision"
            assert app.focused is None, "not New, nor Draft: typed-ahead text must not become a draft's details"
            await pilot.press("enter")
            assert await settle(pilot) == "decision" and app.conversation.history, "a stray Enter did nothing"

    _run(body)


def test_new_incident_starts_again() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await pilot.click("#action-new")
            assert await settle(pilot) == "nation"
            assert app.conversation.history == []
            assert not app.query(UserMessage) and not app.query(DecisionCard)

    _run(body)


PARTIAL_MISS = {  # 9.2 on its own; whether the under-dose came from the miss could add 8.2
    "jurisdiction": "england",
    "exposure": "unintended",
    "setting": "radiotherapy",
    "geographical_miss": "partial",
    "course_dose_ratio_ptv": 0.88,
    "course_dose_ratio_oar": 1.0,
    "fraction_dose_ratio_max": 1.0,
    "miss_margin_factor": 3,
}


def test_check_codes_from_the_card_asks_what_could_add_a_code() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            asked = await converse(pilot, PARTIAL_MISS)
            assert "underdose_cause" not in asked, "the verdict was settled before it"
            card = app.query_one(DecisionCard)
            assert card.decision.codes == ("9.2",)
            assert "Not yet checked (could add a code; C to answer)" in str(card.query_one("#reasons").render())
            await pilot.click("#action-check_codes")
            assert await settle(pilot) == "underdose_cause"
            await pilot.press("2")  # 1. Yes  2. No
            await pilot.pause()
            assert await settle(pilot) == "decision"
            assert app.query_one(DecisionCard).decision.codes == ("8.2", "9.2")

    _run(body)


def test_enter_on_an_undecided_card_does_nothing() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            # Facts left out are answered "don't know".
            await converse(pilot, {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic"})
            card = app.query_one(DecisionCard)
            assert card.decision.verdict == "undetermined"
            history = list(app.conversation.history)
            await pilot.press("enter")
            await pilot.pause()
            assert app.query(DecisionCard) and app.conversation.history == history

    _run(body)


def test_escape_in_the_cards_date_box_keeps_the_box_and_the_card() -> None:
    from textual.widgets import Input

    from assistant.ui.app import DECISION
    from tests.functional.user import type_text

    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            history = list(app.conversation.history)
            box = app.focused
            assert isinstance(box, Input), "the card waits for the discovery date"
            await type_text(pilot, "20/11")
            await pilot.press("escape")
            await pilot.pause()
            assert app.on_screen == DECISION and app.conversation.history == history, "the card stays"
            assert app.focused is box and box.value == "20/11", "the box keeps its place and what was typed"
            await type_text(pilot, "/2026")
            await pilot.press("enter")
            await pilot.pause()
            assert str(app.conversation.facts["discovered_on"]) == "2026-11-20", "typing goes on in the box"
            await pilot.press("ctrl+z")
            assert await settle(pilot) == history[-1].question_id

    _run(body)


def test_a_key_typed_ahead_into_an_answered_question_is_not_an_answer_nor_a_refusal() -> None:
    from assistant.ui.widgets.answer_base import Answered
    from assistant.ui.widgets.notice_message import NoticeMessage

    async def body() -> None:
        app = _app()
        async with app.run_test(size=(100, 40)) as pilot:
            assert await settle(pilot) == "nation"
            await pilot.press("1")
            assert await settle(pilot) == "who"
            app.post_message(Answered("nation", "Wales"))  # the nation list's last key, arriving late
            await pilot.pause()
            assert app.conversation.current() is not None and app.conversation.current().id == "who"
            assert app.conversation.facts["jurisdiction"] == "england"
            assert not app.query(NoticeMessage), "no refusal naming internal question ids"

    _run(body)
