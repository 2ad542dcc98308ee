"""A free-text answer that may run to several lines: Enter starts a new line, Ctrl+S sends."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, TextArea

from assistant.ui.widgets.answer_base import Answered


class MultilineAnswer(Vertical):
    """A TextArea; its text is sent as typed (an empty text skips the question)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send", "Send", priority=True),
        # The text box takes Ctrl+Z as undo, so the footer names the other way back.
        Binding("escape", "app.back", "Back"),
    ]

    def __init__(self, question_id: str, *, value: str = "") -> None:
        super().__init__(id="answer", classes="answer multiline")
        self.question_id = question_id
        self.value = value

    def compose(self) -> ComposeResult:
        yield TextArea(self.value, id="answer-text", soft_wrap=True, show_line_numbers=False)
        yield Button("Send (Ctrl+S)", id="multiline-send", compact=True, variant="primary")

    def focus(self, scroll_visible: bool = True) -> MultilineAnswer:
        self.query_one(TextArea).focus(scroll_visible)
        return self

    def action_send(self) -> None:
        self.post_message(Answered(self.question_id, self.query_one(TextArea).text))

    @on(Button.Pressed, "#multiline-send")
    def _send(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_send()
