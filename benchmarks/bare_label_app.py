"""The start-up baseline: a bare Textual app that shows one Label.

With IRMER_EXIT_WHEN_READY set it exits as soon as the label is on screen,
by the same call irmer makes once its first question is mounted.
"""

from __future__ import annotations

import os

from textual.app import App, ComposeResult
from textual.widgets import Label

EXIT_WHEN_READY = "IRMER_EXIT_WHEN_READY"


class BareLabelApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Which nation did the exposure happen in?")

    def on_mount(self) -> None:
        if os.environ.get(EXIT_WHEN_READY):
            self.call_after_refresh(self.exit)


if __name__ == "__main__":
    BareLabelApp().run()
