"""One answer from a list: arrow keys and Enter, a number key 1-9 (0 for Don't know), or typing the start of a label."""

from __future__ import annotations

import time
from typing import ClassVar

from textual import events, on
from textual.binding import BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from assistant.ui.safe_text import plain
from assistant.ui.widgets.answer_base import DONT_KNOW, READ_TRANSCRIPT, Answered, number_keys, refuse_key

# Letters typed within this many seconds of each other make one prefix ("sc" → Scotland).
_TYPE_AHEAD_SECONDS = 1.0


class ChoiceAnswer(OptionList):
    """Options numbered 1-9 (0: Don't know); choosing one sends `Answered` with its label."""

    BINDINGS: ClassVar[list[BindingType]] = [*READ_TRANSCRIPT]

    def __init__(
        self, question_id: str, labels: list[str], *, selected: str | None = None, not_sure: str = DONT_KNOW
    ) -> None:
        # Keys 1-9 pick directly, and 0 is "Don't know" in every list, wherever it stands; a tenth
        # option and beyond is reached with the arrows.
        self.keys = number_keys(labels, not_sure)
        numbered = [
            Option(plain(f"{k}. {label}" if k else f"   {label}")) for k, label in zip(self.keys, labels, strict=True)
        ]
        super().__init__(*numbered, id="answer", classes="answer choice")
        self.question_id = question_id
        self.labels = labels
        # Only an earlier or suggested answer is highlighted: with none, a stray Enter (after "2" sent the
        # nation, say) must not answer the next question with its first option.
        self._preselect = labels.index(selected) if selected in labels else None
        self._typed = ""
        self._typed_at = 0.0
        if "0" in self.keys:
            # The "not sure" option stands last and, in a long list at 80×24, below the fold: name its key.
            last = [k for k in self.keys if k and k != "0"][-1]
            unsure = labels[self.keys.index("0")].split(":")[0]
            self.border_title = plain(f"1-{last} or arrows · 0 {unsure}")

    def on_mount(self) -> None:
        self.highlighted = self._preselect

    def choose(self, index: int) -> None:
        self.highlighted = index
        self.post_message(Answered(self.question_id, self.labels[index]))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(event.option_index)

    def on_key(self, event: events.Key) -> None:
        char = event.character
        if char is None or not char.isprintable() or char == "?":
            return
        if char in self.keys:
            event.stop()
            self.choose(self.keys.index(char))
            return
        if char.isdigit():
            event.stop()
            refuse_key(self, char, self.keys)
            return
        if not char.strip():
            return
        now = time.monotonic()
        self._typed = (self._typed if now - self._typed_at < _TYPE_AHEAD_SECONDS else "") + char.lower()
        self._typed_at = now
        for index, label in enumerate(self.labels):
            if label.lower().startswith(self._typed):
                self.highlighted = index
                event.stop()
                return
