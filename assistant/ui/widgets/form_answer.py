"""Several answers at once (e.g. intended and total dose). Enter moves to the next line; Enter on the last sends."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from assistant.ui.safe_text import plain
from assistant.ui.widgets.answer_base import DONT_KNOW, Answered


@dataclass(frozen=True)
class FormRow:
    """One fact: typed (a hint says the unit) or picked from `options` (labels)."""

    fact: str
    label: str
    hint: str
    allow_unknown: bool
    value: str = ""
    options: tuple[str, ...] = ()


class FormAnswer(Vertical):
    """Sends {fact: text}: what was typed, the picked label, or "Don't know". An empty line is sent empty."""

    def __init__(self, question_id: str, rows: list[FormRow]) -> None:
        super().__init__(id="answer", classes="answer form")
        self.question_id = question_id
        self.rows = rows

    def compose(self) -> ComposeResult:
        for row in self.rows:
            yield Label(plain(row.label), classes="form-label")
            with Horizontal(classes="form-row"):
                if row.options:
                    choices = [*row.options, DONT_KNOW] if row.allow_unknown else list(row.options)
                    yield Select(
                        [(plain(c), c) for c in choices],
                        value=row.value if row.value in choices else Select.NULL,
                        prompt="Choose…",
                        compact=True,
                        id=f"field-{row.fact}",
                        classes="form-input",
                    )
                else:
                    yield Input(
                        value=row.value, placeholder=row.hint, compact=True, id=f"field-{row.fact}", classes="form-input"
                    )
                    if row.allow_unknown:
                        yield Button(DONT_KNOW, id=f"unknown-{row.fact}", classes="form-unknown", compact=True)
        yield Button("Send", id="form-send", compact=True, variant="primary")

    def focus(self, scroll_visible: bool = True) -> FormAnswer:
        self.query_one(f"#field-{self.rows[0].fact}").focus(scroll_visible)
        return self

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for row in self.rows:
            widget = self.query_one(f"#field-{row.fact}")
            if isinstance(widget, Select):
                out[row.fact] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Input):
                out[row.fact] = widget.value
        return out

    def _fields(self) -> list[Input | Select[str]]:
        return [w for w in self.query(".form-input") if isinstance(w, Input | Select)]

    def _advance(self, after: Input | Select[str]) -> None:
        fields = self._fields()
        position = fields.index(after)
        if position + 1 < len(fields):
            fields[position + 1].focus()
        else:
            self.post_message(Answered(self.question_id, self.values()))

    @on(Input.Submitted)
    def _next_or_send(self, event: Input.Submitted) -> None:
        event.stop()
        self._advance(event.input)

    @on(Select.Changed)
    def _picked(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is not Select.NULL and event.select.has_focus:
            self._advance(event.select)

    @on(Button.Pressed, ".form-unknown")
    def _unknown(self, event: Button.Pressed) -> None:
        event.stop()
        fact = (event.button.id or "").removeprefix("unknown-")
        field = self.query_one(f"#field-{fact}", Input)
        field.value = DONT_KNOW
        self._advance(field)

    @on(Button.Pressed, "#form-send")
    def _send(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(Answered(self.question_id, self.values()))
