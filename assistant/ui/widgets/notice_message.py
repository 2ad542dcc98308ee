"""A problem shown in the chat: an answer that was not accepted, a settings file that could not be read."""

from __future__ import annotations

from textual.widgets import Static

from assistant.ui.safe_text import plain


class NoticeMessage(Static):
    """A warning or error line. The text may quote what the person typed, so it is never markup."""

    def __init__(self, text: str, *, title: str = "", classes: str | None = None) -> None:
        super().__init__(plain(f"{title}\n{text}" if title else text), classes=classes)
        self.text = text
