"""What every answer widget sends when the person commits an answer."""

from __future__ import annotations

import time

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

# Shown wherever a question allows "don't know"; the flow takes the label as typed.
DONT_KNOW = "Don't know"


# In a list, Page Up/Down read the transcript (a question's help above it) as they do elsewhere, rather than
# move through at most ten options the arrows reach.
READ_TRANSCRIPT: list[BindingType] = [
    Binding("pagedown", "app.scroll_transcript('page_down')", "Page down", show=False),
    Binding("pageup", "app.scroll_transcript('page_up')", "Page up", show=False),
]


def number_keys(labels: list[str], not_sure: str | None) -> list[str | None]:
    """The key for each option of a list: 1-9 in order, and 0 for "Don't know" (or "Not sure yet") wherever it stands.

    The same key then means the same in every list; options past the ninth are reached with the arrows.
    """
    keys: list[str | None] = []
    count = 0
    for label in labels:
        if label == not_sure:
            keys.append("0")
        else:
            count += 1
            keys.append(str(count) if count <= 9 else None)
    return keys


def refuse_key(widget: Widget, char: str, keys: list[str | None]) -> None:
    """Say which number keys a list takes when one that names no option (0 with no "Don't know") is pressed."""
    numbered = [k for k in keys if k and k != "0"]
    text = f"press 1-{numbered[-1]}" if len(numbered) > 1 else "press 1"
    if "0" in keys:
        text += ", or 0 if not sure"
    if None in keys:
        text += " (the arrows reach the rest)"
    now = time.monotonic()
    if now - getattr(widget, "_refused_key_at", -1.0) < 1.0:
        return  # a burst of wrong keys (a paste typed as keys) gets one message, not hundreds
    widget._refused_key_at = now  # type: ignore[attr-defined]
    widget.notify(f"{char} is not one of the options here: {text}.", severity="warning")


class Answered(Message):
    """An answer to `question_id` as the flow takes it: text, a list of labels, or a fact→text mapping."""

    def __init__(self, question_id: str, raw: str | list[str] | dict[str, str]) -> None:
        super().__init__()
        self.question_id = question_id
        self.raw = raw
