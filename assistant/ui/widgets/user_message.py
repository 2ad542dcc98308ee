"""The person's answer, echoed in the chat. Clicking it reopens that question."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Static

from assistant.ui.safe_text import plain


class UserMessage(Static):
    """An answer as the flow echoes it. Free text: shown literally, whatever it holds."""

    class ReviseRequested(Message):
        """The person wants to change the answer to `question_id`."""

        def __init__(self, question_id: str) -> None:
            super().__init__()
            self.question_id = question_id

    def __init__(self, echo: str, question_id: str) -> None:
        super().__init__(plain(echo))
        self.question_id = question_id
        self.tooltip = "Click to change this answer"

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.ReviseRequested(self.question_id))
