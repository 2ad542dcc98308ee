"""The decision card shows the engine's Decision, and takes the discovery date and a voluntary notification."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Button, Input, Static

from assistant.config import Settings
from assistant.decision import VERDICT_WORDS
from assistant.engine import assess
from assistant.routing import days_left
from assistant.ui.app import IrmerApp
from assistant.ui.commands import IrmerCommands
from assistant.ui.widgets.decision_card import DecisionCard, long_date
from assistant.ui.widgets.key_bar import KeyBar
from assistant.validation import parse_facts
from tests.functional.conftest import TODAY
from tests.functional.user import converse, settle, type_text

CT_OVERDOSE = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 60,
               "intended_dose_msv": 1.0, "total_dose_msv": 12.0}  # fmt: skip
REPEAT_CHEST = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 54,
                "intended_dose_msv": 0.014, "total_dose_msv": 0.028}  # fmt: skip


class Host(App[None]):
    def __init__(self, card: DecisionCard) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        yield self.card


def card_text(card: DecisionCard) -> str:
    return (
        "\n".join(str(s.render()) for s in card.query(Static) if not s.has_class("code"))
        + "\n"
        + " ".join(str(s.render()) for s in card.query(".code").results(Static))
    )


def shown(facts: dict[str, Any], today: dt.date = TODAY) -> str:
    card = DecisionCard(assess(parse_facts(facts)), today=today)

    async def body() -> str:
        async with Host(card).run_test(size=(100, 60)):
            return card_text(card)

    return asyncio.run(body())


def test_notify_card_shows_verdict_codes_criterion_and_arithmetic() -> None:
    decision = assess(parse_facts(CT_OVERDOSE))
    text = shown(CT_OVERDOSE)
    assert VERDICT_WORDS["notify"] in text
    assert "2.2" in text
    finding = decision.findings[0]
    for part in (finding.criterion, finding.source, finding.reason):
        assert part in text
    assert decision.authority["name"] in text and decision.authority["contact"] in text
    assert "when was the incident discovered" in text


def test_local_card_shows_why_not_and_no_authority() -> None:
    decision = assess(parse_facts(REPEAT_CHEST))
    text = shown(REPEAT_CHEST)
    assert VERDICT_WORDS["local"] in text
    assert decision.why_not[0].reason in text
    assert "Who to notify" not in text


def test_undetermined_card_lists_what_to_find_out() -> None:
    facts = {k: v for k, v in CT_OVERDOSE.items() if k != "intended_dose_msv"}
    text = shown(facts)
    assert VERDICT_WORDS["undetermined"] in text
    assert "intended effective dose" in text


def test_undetermined_card_asks_for_the_kind_of_exposure_before_its_facts() -> None:
    text = " ".join(shown({"jurisdiction": "scotland", "exposure": "unintended"}).split())
    assert "kind of exposure: which kind" in text
    assert "then only what that kind of case needs" in text and "planning scans" not in text


def test_undetermined_card_says_what_the_missing_fact_decides() -> None:
    facts = {"jurisdiction": "england", "exposure": "accidental", "setting": "diagnostic", "total_dose_msv": 2.5}
    text = " ".join(shown(facts).split())
    assert "What they decide: criteria still open" in text
    assert "[1] depends on: age. So far: if a child (under 18), met: total effective dose 2.5 mSv ≥ 1 mSv" in text


def test_card_shows_the_decisions_notes() -> None:
    planning = {"jurisdiction": "england", "exposure": "unintended", "setting": "rt_planning_scan", "age_years": 62,
                "planning_scans_total": 2}  # fmt: skip
    (note,) = assess(parse_facts(planning)).notes  # the dose bands were not checked: no dose given
    text = shown(planning)
    assert "Notes" in text and note in text


def test_outside_irmer_card_names_the_hse() -> None:
    text = shown({"jurisdiction": "england", "exposed_person": "public"})
    assert "Health and Safety Executive" in text


def test_deadlines_show_dates_and_days_left() -> None:
    text = shown({**CT_OVERDOSE, "discovered_on": dt.date(2026, 11, 20)})
    assert f"Notify by: {long_date(dt.date(2026, 12, 4))}" in text
    assert "(6 days left)" in text
    assert f"Report by: {long_date(dt.date(2027, 2, 12))}" in text


@pytest.mark.parametrize(
    ("due", "words"),
    [(2, "2 days left"), (1, "1 day left"), (0, "due today"), (-1, "1 day overdue"), (-3, "3 days overdue")],
)
def test_days_left_in_words(due: int, words: str) -> None:
    assert days_left(TODAY + dt.timedelta(days=due), TODAY) == words


def test_discovery_date_typed_on_the_card() -> None:
    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            assert app.query_one("#discovered-on").has_focus
            await type_text(pilot, "31/02/2026")
            await pilot.press("enter")
            await pilot.pause()
            assert "not a real date" in str(app.query_one("#date-error", Static).render())
            assert app.query_one(DecisionCard).decision.deadlines is None
            await type_text(pilot, "yesterday")  # the refused date is selected: this replaces it
            await pilot.press("enter")
            assert await settle(pilot) == "decision"
            deadlines = app.query_one(DecisionCard).decision.deadlines
            assert deadlines == {
                "notify_by": TODAY - dt.timedelta(days=1) + dt.timedelta(days=14),
                "report_by": TODAY - dt.timedelta(days=1) + dt.timedelta(weeks=12),
            }
            assert "(13 days left)" in card_text(app.query_one(DecisionCard))
            # A slip can be put right: the command clears the date and the card asks it again.
            await app.run_action("change_discovery_date")
            assert await settle(pilot) == "decision"
            assert app.query_one(DecisionCard).decision.deadlines is None
            box = app.query_one("#discovered-on", Input)
            assert box.has_focus and box.value == "27/11/2026", "the date given is offered to edit"
            box.value = ""
            await type_text(pilot, "20/11/2026")
            await pilot.press("enter")
            assert await settle(pilot) == "decision"
            assert app.query_one(DecisionCard).decision.deadlines["notify_by"] == dt.date(2026, 12, 4)  # type: ignore[index]
            # Changing it and thinking better of it (Esc in the box, or Ctrl+Z) keeps the date as it was.
            for key in ("escape", "ctrl+z"):
                await app.run_action("change_discovery_date")
                assert await settle(pilot) == "decision"
                assert app.query_one(DecisionCard).decision.deadlines is None
                await pilot.press(key)
                assert await settle(pilot) == "decision"
                assert app.conversation.facts["discovered_on"] == dt.date(2026, 11, 20), key
                assert app.query_one(DecisionCard).decision.deadlines is not None
            await pilot.press("ctrl+z")  # with the date kept, Ctrl+Z is back to the last answer again
            assert await settle(pilot) != "decision"

    asyncio.run(body())


def test_voluntary_notification_offered_only_when_local() -> None:
    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            assert "Notify voluntarily" not in str(app.query_one(KeyBar).render())
            assert not app.query("#action-voluntary")
            await pilot.click("#action-new")
            await converse(pilot, REPEAT_CHEST)
            assert app.query_one(DecisionCard).decision.verdict == "local"
            assert "Notify voluntarily" in str(app.query_one(KeyBar).render())
            app.query_one("#action-new").focus()
            await pilot.press("v")
            assert await settle(pilot) == "decision"
            decision = app.query_one(DecisionCard).decision
            assert decision.verdict == "voluntary"
            assert all(code.startswith("V") for code in decision.codes)
            footer = str(app.query_one(KeyBar).render())
            assert "Withdraw voluntary" in footer and "Notify voluntarily" not in footer, "the footer says what V does"
            assert str(app.query_one("#action-voluntary", Button).label) == "Withdraw voluntary (V)", "as the button"
            app.query_one("#action-new").focus()
            await pilot.press("v")  # on a voluntary card, V withdraws it
            assert await settle(pilot) == "decision"
            assert app.query_one(DecisionCard).decision.verdict == "local"
            assert "Notify voluntarily" in str(app.query_one(KeyBar).render())

    asyncio.run(body())


class _Watching(IrmerApp):
    """Notes, the moment the card is reported shown, which line of the transcript is at the top."""

    seen: tuple[int, int] | None = None
    first_frame_at_top: bool | None = None

    def _card_up(self, card: Any, verdict: str) -> None:
        # Called after the first frame that has the card in it.
        self.first_frame_at_top = self.transcript.top_in_view(card)
        super()._card_up(card, verdict)

    def on_decision_shown(self, message: Any) -> None:
        super().on_decision_shown(message)
        card = self.query_one(DecisionCard)
        self.seen = (self.transcript.scroll_offset.y, card.virtual_region_with_margin.y)


def test_card_opens_at_its_verdict_in_its_first_frame() -> None:
    # A conversation long enough that the card starts below the old view: the frame that
    # reports the card shown must already show its top, not the old lines or its end.
    async def body() -> None:
        app = _Watching(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await converse(pilot, CT_OVERDOSE)
            await settle(pilot)
            assert app.seen is not None
            top_line, card_top = app.seen
            assert card_top > 24, "the card should start below the first screenful"
            assert top_line == card_top  # its margin above it, as scrolling to it would show
            assert app.first_frame_at_top, "the layout itself should place the view at the card's top"
            title = app.query_one("#verdict-title")
            assert app.transcript.region.contains_region(title.region)

    asyncio.run(body())


def test_card_keys_typed_into_the_empty_date_box_act_as_keys() -> None:
    """The box has the cursor, but "d" starts no date: it is the card's Draft key."""

    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            assert app.query_one("#discovered-on").has_focus
            await pilot.press("d")
            for _ in range(100):
                if app.on_screen == "draft:kind":
                    break
                await pilot.pause()
            assert app.on_screen == "draft:kind", "d in the empty date box opened the draft"

    asyncio.run(body())


def test_the_palette_offers_card_commands_only_where_they_apply() -> None:
    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await settle(pilot)
            card_only = ("check_codes", "voluntary", "change_discovery_date", "draft")
            assert not any(app.offers(a) for a in card_only), "no card yet"
            names = [name for name, _, _ in IrmerCommands(app.screen)._commands()]
            assert not any(n.startswith("Notify voluntarily") for n in names) and "New incident" in names
            await converse(pilot, CT_OVERDOSE)  # notify, no discovery date yet
            assert app.offers("draft") and not app.offers("voluntary") and not app.offers("change_discovery_date")

    asyncio.run(body())


def test_why_we_ask_is_offered_only_while_a_question_with_guidance_is_open() -> None:
    from assistant.ui.widgets.question_message import QuestionMessage

    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await settle(pilot)
            question = [q for q in app.query(QuestionMessage) if not q.has_class("answered")][-1]
            assert app.offers("why")
            await pilot.press("f2")
            assert question.help_open, "F2 opens the guidance behind the open question"
            await pilot.press("f2")
            assert not question.help_open
            await converse(pilot, CT_OVERDOSE)
            assert not app.offers("why"), "the card asks nothing: no guidance to show"
            names = [name for name, _, _ in IrmerCommands(app.screen)._commands()]
            assert "Why we ask" not in names and "Draft the paperwork" in names

    asyncio.run(body())


def test_page_down_reads_the_card_with_nothing_focused_at_80x24() -> None:
    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await type_text(pilot, "today")
            await pilot.press("enter")
            await settle(pilot)
            assert app.focused is None
            before = app.transcript.scroll_y
            await pilot.press("pagedown")
            await pilot.pause()
            assert app.transcript.scroll_y > before, "the card's reasons below the fold can be read"
            await pilot.press("pageup")
            await pilot.pause()
            assert app.transcript.scroll_y == before

    asyncio.run(body())
