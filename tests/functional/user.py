"""Answering the chat as a person would: number keys, arrows and Space, typing into inputs, Enter.

`answer_for` (from the flow) says what someone who knows the facts would
answer; this module turns that into key presses on the widget on screen.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from assistant.flow import Question
from assistant.flow.answers import answer_for, is_unknown
from assistant.ui.app import DECISION, IrmerApp
from assistant.ui.widgets.answer_base import DONT_KNOW
from assistant.ui.widgets.choice_answer import ChoiceAnswer
from assistant.ui.widgets.form_answer import FormAnswer
from assistant.ui.widgets.multi_answer import MultiAnswer
from assistant.ui.widgets.text_answer import TextAnswer

MAX_QUESTIONS = 40  # a conversation longer than this is a loop, not an interview
SETTLE_PAUSES = 200


async def settle(pilot: Pilot[Any]) -> str:
    """Wait until the screen shows the open question (or the card), as a person would before typing."""
    app = pilot.app
    assert isinstance(app, IrmerApp)
    current = app.conversation.current()
    expected = current.id if current is not None else DECISION
    for _ in range(SETTLE_PAUSES):
        if app.on_screen == expected:
            return expected
        await pilot.pause()
    raise AssertionError(f"the screen never showed {expected!r} (shows {app.on_screen!r})")


def _label(question: Question, typed: str) -> str:
    if is_unknown(typed):
        return DONT_KNOW
    if question.kind == "yesno":
        return {"yes": "Yes", "no": "No"}[typed]
    return next(o.label for o in question.options if o.value_text == typed)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)


async def choose(pilot: Pilot[Any], widget: ChoiceAnswer, label: str) -> None:
    index = widget.labels.index(label)
    if key := widget.keys[index]:
        await pilot.press(key)
    else:
        await pilot.press("home", *["down"] * index, "enter")


async def tick(pilot: Pilot[Any], widget: MultiAnswer, labels: list[str]) -> None:
    await pilot.press("home")
    position = 0
    for index in sorted(widget.labels.index(label) for label in labels):
        await pilot.press(*["down"] * (index - position), "space")
        position = index
    await pilot.press("enter")


async def fill(pilot: Pilot[Any], widget: FormAnswer, question: Question, typed: dict[str, str]) -> None:
    """Type each line and Enter; the Enter on the last line sends the form."""
    for field in question.fields:
        line = widget.query_one(f"#field-{field.fact}", Input)
        assert line.has_focus, f"{field.fact} should have the focus after the previous line"
        await type_text(pilot, typed[field.fact])
        await pilot.press("enter")
        await pilot.pause()


async def answer(pilot: Pilot[Any], question: Question, raw: str | list[str] | dict[str, str]) -> None:
    """Give `raw` (as the flow's `answer_for` spells it) through the widget on screen."""
    await settle(pilot)
    widget = pilot.app.query_one("#answer")
    if isinstance(widget, ChoiceAnswer):
        assert isinstance(raw, str)
        await choose(pilot, widget, _label(question, raw))
    elif isinstance(widget, MultiAnswer):
        assert isinstance(raw, list)
        await tick(pilot, widget, [_label(question, r) for r in raw])
    elif isinstance(widget, FormAnswer):
        assert isinstance(raw, dict)
        await fill(pilot, widget, question, raw)
    elif isinstance(widget, TextAnswer):
        assert isinstance(raw, str)
        if is_unknown(raw):
            await pilot.click("#dont-know")
        else:
            await type_text(pilot, raw)
            await pilot.press("enter")
    else:  # pragma: no cover - a new kind of answer widget needs a branch here
        raise AssertionError(f"no way to answer with {widget!r}")
    await pilot.pause()


async def converse(pilot: Pilot[Any], facts: dict[str, Any]) -> list[str]:
    """Answer every question from `facts` until the decision card shows; the ids asked, in order."""
    app = pilot.app
    assert isinstance(app, IrmerApp)
    asked: list[str] = []
    await settle(pilot)
    while (question := app.conversation.current()) is not None:
        assert len(asked) < MAX_QUESTIONS, f"still asking after {asked}"
        asked.append(question.id)
        await answer(pilot, question, answer_for(question, facts))
        after = app.conversation.current()
        assert after is None or after.id != question.id, (
            f"{question.id} is still open after answering {answer_for(question, facts)!r}"
        )
    await settle(pilot)
    return asked
