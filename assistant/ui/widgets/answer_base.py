"""What every answer widget sends when the person commits an answer."""

from __future__ import annotations

from textual.message import Message

# Shown wherever a question allows "don't know"; the flow takes the label as typed.
DONT_KNOW = "Don't know"


class Answered(Message):
    """An answer to `question_id` as the flow takes it: text, a list of labels, or a fact→text mapping."""

    def __init__(self, question_id: str, raw: str | list[str] | dict[str, str]) -> None:
        super().__init__()
        self.question_id = question_id
        self.raw = raw
