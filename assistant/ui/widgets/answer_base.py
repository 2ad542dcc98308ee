"""What every answer widget sends when the person commits an answer."""

from __future__ import annotations

from textual.message import Message

# Shown wherever a question allows "don't know"; the flow takes the label as typed.
DONT_KNOW = "Don't know"


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


class Answered(Message):
    """An answer to `question_id` as the flow takes it: text, a list of labels, or a fact→text mapping."""

    def __init__(self, question_id: str, raw: str | list[str] | dict[str, str]) -> None:
        super().__init__()
        self.question_id = question_id
        self.raw = raw
