"""The chat transcript: a scrolling column of messages that stays pinned to the newest."""

from __future__ import annotations

from textual.containers import VerticalScroll


class Transcript(VerticalScroll):
    """Messages are mounted at the end; `anchor()` keeps the newest in view until the person scrolls up.

    While the messages are fewer than the screen holds they sit at the bottom, next to the answer.
    """

    def on_mount(self) -> None:
        self.anchor()
