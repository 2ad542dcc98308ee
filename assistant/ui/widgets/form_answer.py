"""Several answers at once (e.g. intended and total dose). Enter moves to the next line; Enter on the last sends.

Each line is a label and an Input. A line with options takes the option's
number or the start of its name (listed in the line's hint), as the flow
reads them; a blank line, "?" or "don't know" leaves that fact unknown where
the flow allows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Label

from assistant.ui.safe_text import plain
from assistant.ui.widgets.answer_base import Answered
from assistant.ui.widgets.text_answer import OneLineInput

UNKNOWN_HINT = "blank if not known"  # short, to fit 80 columns; "?" and "don't know" are read too


@dataclass(frozen=True)
class FormRow:
    """One fact: typed (the hint says the unit) or one of `options` (labels) by number or name."""

    fact: str
    label: str
    hint: str
    allow_unknown: bool
    value: str = ""
    options: tuple[str, ...] = ()

    def placeholder(self) -> str:
        hint = " · ".join(f"{n} {label}" for n, label in enumerate(self.options, 1)) if self.options else self.hint
        return f"{hint} · {UNKNOWN_HINT}" if self.allow_unknown else hint


class FormAnswer(Vertical):
    """Sends {fact: text} exactly as typed, for the flow to read."""

    def __init__(self, question_id: str, rows: list[FormRow]) -> None:
        super().__init__(id="answer", classes="answer form")
        self.question_id = question_id
        self.rows = rows

    def compose(self) -> ComposeResult:
        for row in self.rows:
            yield Label(plain(row.label), classes="form-label")
            yield OneLineInput(
                value=row.value,
                placeholder=row.placeholder(),
                compact=True,
                id=f"field-{row.fact}",
                classes="form-input",
            )
        yield Button("Send", id="form-send", compact=True, variant="primary")

    def focus(self, scroll_visible: bool = True) -> FormAnswer:
        self.query_one(f"#field-{self.rows[0].fact}", Input).focus(scroll_visible)
        return self

    def focus_field(self, fact: str) -> None:
        """The line to put right, its text selected: what is typed next replaces it."""
        for field in self.query(f"#field-{fact}").results(Input):
            field.focus()
            field.select_all()

    def values(self) -> dict[str, str]:
        return {row.fact: self.query_one(f"#field-{row.fact}", Input).value for row in self.rows}

    @on(Input.Submitted)
    def _next_or_send(self, event: Input.Submitted) -> None:
        event.stop()
        fields = list(self.query(Input))
        position = fields.index(event.input)
        if position + 1 < len(fields):
            fields[position + 1].focus()
        else:
            self.post_message(Answered(self.question_id, self.values()))

    @on(Button.Pressed, "#form-send")
    def _send(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(Answered(self.question_id, self.values()))
