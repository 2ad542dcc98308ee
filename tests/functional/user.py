"""Answering the chat as a person would: number keys, arrows and Space, typing into inputs, Enter.

`answer_for` (from the flow) says what someone who knows the facts would
answer; this module turns that into key presses on the widget on screen.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select

from assistant.flow import Question
from assistant.flow.answers import answer_for, is_unknown
from assistant.ui.app import IrmerApp
from assistant.ui.widgets.answer_base import DONT_KNOW
from assistant.ui.widgets.choice_answer import ChoiceAnswer
from assistant.ui.widgets.form_answer import FormAnswer
from assistant.ui.widgets.multi_answer import MultiAnswer
from assistant.ui.widgets.text_answer import TextAnswer

MAX_QUESTIONS = 40  # a conversation longer than this is a loop, not an interview


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
    if index < 9:
        await pilot.press(str(index + 1))
    else:
        await pilot.press("home", *["down"] * index, "enter")


async def tick(pilot: Pilot[Any], widget: MultiAnswer, labels: list[str]) -> None:
    await pilot.press("home")
    position = 0
    for index in sorted(widget.labels.index(label) for label in labels):
        await pilot.press(*["down"] * (index - position), "space")
        position = index
    await pilot.press("enter")


async def pick(pilot: Pilot[Any], select: Select[str], label: str) -> None:
    """Open the drop-down with Enter, move to the label, Enter."""
    await pilot.press("enter")
    await pilot.pause()
    choices = [value for _, value in select._options]  # (prompt, value) pairs, the blank first
    target = choices.index(label)
    current = choices.index(select.value) if select.value in choices else 0
    keys = ["down"] * (target - current) if target >= current else ["up"] * (current - target)
    await pilot.press(*keys, "enter")


async def fill(pilot: Pilot[Any], widget: FormAnswer, question: Question, typed: dict[str, str]) -> None:
    for field in question.fields:
        control = widget.query_one(f"#field-{field.fact}")
        value = typed[field.fact]
        if isinstance(control, Select):
            label = DONT_KNOW if is_unknown(value) else next(o.label for o in field.options if o.value_text == value)
            await pick(pilot, control, label)
        elif isinstance(control, Input):
            assert control.has_focus, f"{field.fact} should have the focus after the previous line"
            await type_text(pilot, value)
            await pilot.press("enter")
        await pilot.pause()


async def answer(pilot: Pilot[Any], question: Question, raw: str | list[str] | dict[str, str]) -> None:
    """Give `raw` (as the flow's `answer_for` spells it) through the widget on screen."""
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
    await pilot.pause()
    while (question := app.conversation.current()) is not None:
        assert len(asked) < MAX_QUESTIONS, f"still asking after {asked}"
        asked.append(question.id)
        await answer(pilot, question, answer_for(question, facts))
        after = app.conversation.current()
        assert after is None or after.id != question.id, (
            f"{question.id} is still open after answering {answer_for(question, facts)!r}"
        )
    await pilot.pause()
    return asked
