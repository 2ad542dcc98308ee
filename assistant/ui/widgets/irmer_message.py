"""What irmer says in the chat that is not a question: the opening line, hints."""

from __future__ import annotations

from textual.widgets import Static

from assistant.ui.safe_text import plain


class IrmerMessage(Static):
    """A line from irmer. Text is always shown literally."""

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(plain(text), id=id)
