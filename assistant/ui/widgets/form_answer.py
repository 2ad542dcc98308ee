"""Several typed answers at once (e.g. intended and total dose). Enter moves on; Enter on the last sends."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from assistant.ui.safe_text import plain
from assistant.ui.widgets.answer_base import DONT_KNOW, Answered


@dataclass(frozen=True)
class FormRow:
    fact: str
    label: str
    hint: str
    allow_unknown: bool
    value: str = ""


class FormAnswer(Vertical):
    """One labelled Input per fact; sends {fact: text}. A row left empty is sent empty for the flow to judge."""

    def __init__(self, question_id: str, rows: list[FormRow]) -> None:
        super().__init__(id="answer", classes="answer form")
        self.question_id = question_id
        self.rows = rows

    def compose(self) -> ComposeResult:
        for row in self.rows:
            with Horizontal(classes="form-row"):
                yield Label(plain(row.label), classes="form-label")
                yield Input(value=row.value, placeholder=row.hint, id=f"field-{row.fact}", classes="form-input")
                if row.allow_unknown:
                    yield Button(DONT_KNOW, id=f"unknown-{row.fact}", classes="form-unknown", compact=True)
        yield Button("Send (Enter on the last line)", id="form-send", compact=True)

    def focus(self, scroll_visible: bool = True) -> FormAnswer:
        self.query(Input).first().focus(scroll_visible)
        return self

    def values(self) -> dict[str, str]:
        return {row.fact: self.query_one(f"#field-{row.fact}", Input).value for row in self.rows}

    @on(Input.Submitted)
    def _next_or_send(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        position = inputs.index(event.input)
        if position + 1 < len(inputs):
            inputs[position + 1].focus()
        else:
            self.post_message(Answered(self.question_id, self.values()))

    @on(Button.Pressed, ".form-unknown")
    def _unknown(self, event: Button.Pressed) -> None:
        event.stop()
        fact = (event.button.id or "").removeprefix("unknown-")
        field = self.query_one(f"#field-{fact}", Input)
        field.value = DONT_KNOW
        field.focus()

    @on(Button.Pressed, "#form-send")
    def _send(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(Answered(self.question_id, self.values()))
