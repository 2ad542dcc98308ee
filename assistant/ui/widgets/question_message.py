"""A question in the chat: the prompt, the regulation's term beside it, and help and why it is asked.

One Static per question (the transcript grows with every answer, so each
message is kept to a single widget). Click it, or press F2, to open the help.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from assistant.ui.safe_text import as_read, visible

HELP_CLOSED = "▶ Help and why we ask (F2)"
HELP_OPEN = "▼ Help and why we ask (F2)"


class QuestionMessage(Static):
    """The prompt in bold with the guidance's term beside it; help and the quoted reasons on demand."""

    def __init__(
        self,
        question_id: str,
        prompt: str,
        term: str = "",
        *,
        help: str = "",
        quotes: tuple[tuple[str, str], ...] = (),
        answered: bool = False,
    ) -> None:
        super().__init__(classes="answered" if answered else "")
        self.question_id = question_id
        self.prompt = prompt
        self.term = term
        self.help = help
        self.quotes = quotes
        self.help_open = False

    @property
    def has_help(self) -> bool:
        return bool(self.help or self.quotes)

    def on_mount(self) -> None:
        self.update(self.message())

    def message(self) -> Content:
        parts: list[str | tuple[str, str]] = [(visible(self.prompt), "bold")]
        if self.term:
            parts += ["  ", (f"⟨{visible(self.term)}⟩", "$text-accent")]
        if self.has_help and not self.has_class("answered"):
            parts += ["\n", (HELP_OPEN if self.help_open else HELP_CLOSED, "$text-muted")]
        if self.help_open:
            if self.help:
                parts += ["\n", visible(self.help)]
            for quote, source in self.quotes:
                shown = visible(as_read(quote))
                parts += ["\n", (f"“{shown}”", "italic"), "\n", (f"  CQC guidance: {visible(source)}", "dim")]
        return Content.assemble(*parts)

    def mark_answered(self) -> None:
        """Once answered the question is history: dimmed, its help closed."""
        self.add_class("answered")
        self.help_open = False
        self.update(self.message())

    def toggle_help(self) -> bool:
        """Open or close the help; False when this question has none."""
        if not self.has_help:
            return False
        self.help_open = not self.help_open
        self.update(self.message())
        return True

    def on_click(self, event: events.Click) -> None:
        if not self.has_class("answered"):
            event.stop()
            self.toggle_help()
