"""Whatever a person types or pastes is shown as typed: never markup, never a terminal escape, never a crash."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from assistant.config import Settings
from assistant.flow.answers import QUOTED_UP_TO, answer_for
from assistant.ui.app import IrmerApp
from assistant.ui.safe_text import as_read, plain, visible
from assistant.ui.widgets.irmer_message import IrmerMessage
from assistant.ui.widgets.notice_message import NoticeMessage
from assistant.ui.widgets.question_message import QuestionMessage
from assistant.ui.widgets.user_message import UserMessage
from tests.functional.conftest import TODAY
from tests.functional.user import answer, settle, type_text

ACCIDENTAL = {"jurisdiction": "england", "exposure": "accidental", "setting": "diagnostic", "age_years": 40}

HOSTILE = {
    "markup": "[bold]not bold[/]",
    "closing tag": "[/]",
    "link": "[link=https://example.org]click[/link]",
    "variable": "[$accent]x",
    "escape sequence": "\x1b[31mred\x1b[0m",
    "bell and backspace": "a\x07b\x08c",
    "emoji": "dose 💥🙂 mSv",
    "right to left": "מינון שלום عربى",
    "long paste": "[b]" * 3334,  # 10,002 characters
}


async def reach_number_question(pilot: Any) -> str:
    """Answer as for a wrong-patient X-ray until the chat asks for a dose."""
    app = pilot.app
    while True:
        await settle(pilot)
        question = app.conversation.current()
        assert question is not None
        if question.kind == "number":
            return str(question.id)
        await answer(pilot, question, answer_for(question, ACCIDENTAL))


def _notices(app: App[Any]) -> list[str]:
    return [str(n.render()) for n in app.query(NoticeMessage)]


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_pasted_answer_is_refused_and_shown_literally(text: str) -> None:
    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            question_id = await reach_number_question(pilot)
            box = app.query_one("#answer-input", Input)
            box.post_message(events.Paste(text))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert app.conversation.current() is not None
            assert app.conversation.current().id == question_id, "the question stays open"  # type: ignore[union-attr]
            notices = _notices(app)
            assert notices, "a refusal is shown in the chat"
            # The input may drop what cannot be typed (control codes); what it kept is quoted back as is.
            kept = box.value.strip()
            assert kept, "the paste reached the input"
            if len(kept) <= QUOTED_UP_TO:
                assert visible(kept) in notices[-1]
            else:  # a long paste is recognisable, not repeated whole
                assert visible(kept[:20]) in notices[-1] and f"({len(kept):,} characters)" in notices[-1]
                assert len(notices[-1]) < 400
            assert "\x1b" not in notices[-1]

    asyncio.run(body())


def test_a_paste_of_several_lines_keeps_them_all_on_one_line() -> None:
    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await reach_number_question(pilot)
            box = app.query_one("#answer-input", Input)
            box.post_message(events.Paste("[bold red]Acme[/] NHS Trust\nsecond line 😀 مستشفى\n"))
            await pilot.pause()
            assert box.value == "[bold red]Acme[/] NHS Trust second line 😀 مستشفى", "no line is silently dropped"

    asyncio.run(body())


def test_only_the_latest_refusal_is_shown() -> None:
    """Each try's reason replaces the last: a pile of them pushed the question off an 80x24 screen."""

    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await reach_number_question(pilot)
            for typed in ("abc", "2,5", "150 mGy.cm", "abc"):
                app.query_one("#answer-input", Input).value = ""
                await type_text(pilot, typed)
                await pilot.press("enter")
                await pilot.pause()
                notices = _notices(app)
                assert len(notices) == 1 and f"“{typed}”" in notices[0], (typed, notices)
            await type_text(pilot, "6")
            assert app.query_one("#answer-input", Input).value == "6", "the refused text is replaced, not added to"

    asyncio.run(body())


def test_typed_markup_in_a_number_answer() -> None:
    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await reach_number_question(pilot)
            await type_text(pilot, "[bold]12[/bold]")
            await pilot.press("enter")
            await pilot.pause()
            assert "[bold]12[/bold]" in _notices(app)[-1]
            # Then a proper answer is taken and the chat goes on.
            app.query_one("#answer-input", Input).value = ""
            await type_text(pilot, "6")
            await pilot.press("enter")
            assert await settle(pilot) != "accidental_dose"

    asyncio.run(body())


class Host(App[None]):
    """A bare app to show one message widget."""

    def __init__(self, widget: Any) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("kind", ["user", "irmer", "notice", "question"])
def test_every_message_widget_shows_text_literally(kind: str, text: str) -> None:
    widget: Any = {
        "user": lambda: UserMessage(text, "q"),
        "irmer": lambda: IrmerMessage(text),
        "notice": lambda: NoticeMessage(text),
        "question": lambda: QuestionMessage("q", text, text, help=text, quotes=((text, text),)),
    }[kind]()

    async def body() -> None:
        app = Host(widget)
        async with app.run_test(size=(80, 24)) as pilot:
            if isinstance(widget, QuestionMessage):
                widget.toggle_help()
            await pilot.pause()
            shown = str(widget.render())
            assert visible(text) in shown
            assert "\x1b" not in shown
            # Painting the screen works too: no markup error, no crash.
            assert "<svg" in app.export_screenshot()

    asyncio.run(body())


def test_control_characters_become_visible_symbols() -> None:
    assert visible("a\x1b[31mb") == "a␛[31mb"
    assert visible("line\r\nnext\ttab") == "line\nnext\ttab"
    assert visible("\x9b31m") == "\ufffd31m"  # the one-byte CSI
    assert plain("[bold]x[/]").plain == "[bold]x[/]"
    assert plain("[bold]x[/]").spans == []


def test_quotations_show_the_guidances_words_not_its_page_markup() -> None:
    quote = "reported to the [Health and Safety Executive](#) under Regulation 26"
    assert as_read(quote) == "reported to the Health and Safety Executive under Regulation 26"
    assert as_read("make the notification **no later than 2 weeks after discovering the incident**.") == (
        "make the notification no later than 2 weeks after discovering the incident."
    )
    assert as_read("3 [x] 2 * 4") == "3 [x] 2 * 4"  # not a link, not bold: unchanged


def test_a_stray_enter_does_not_answer_dont_know() -> None:
    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            question_id = await reach_number_question(pilot)
            answered = len(app.conversation.history)
            await pilot.press("enter")
            await pilot.pause()
            assert app.conversation.current().id == question_id  # type: ignore[union-attr]
            assert len(app.conversation.history) == answered
            await pilot.click("#dont-know")
            assert await settle(pilot) != question_id, "Don't know, said on purpose, is taken"

    asyncio.run(body())


def test_a_form_refused_puts_the_cursor_on_the_line_to_put_right() -> None:
    """The correction goes into the line named in the refusal, its text selected, not the line left last."""
    unintended = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 40}

    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            while (question := app.conversation.current()) is not None and question.kind != "form":
                await settle(pilot)
                await answer(pilot, question, answer_for(question, unintended))
            await settle(pilot)
            assert question is not None and question.id == "imaging_doses"
            for typed in ("abc", "3"):
                await type_text(pilot, typed)
                await pilot.press("enter")
                await pilot.pause()
            assert "Intended effective dose: “abc” is not a number" in _notices(app)[-1]
            intended = app.query_one("#field-intended_dose_msv", Input)
            assert intended.has_focus
            await type_text(pilot, "1")
            assert intended.value == "1", "what is typed replaces the refused text"
            await pilot.press("enter", "enter")
            assert await settle(pilot) != "imaging_doses"
            assert app.conversation.facts["intended_dose_msv"] == 1.0
            assert app.conversation.facts["total_dose_msv"] == 3.0

    asyncio.run(body())
