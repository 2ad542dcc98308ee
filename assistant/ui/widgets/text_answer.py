"""A typed answer: a number with its unit, or a date. Enter sends; the flow checks it."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input

from assistant.ui.widgets.answer_base import DONT_KNOW, Answered


class OneLineInput(Input):
    """An Input that keeps every line of a paste, joined by spaces (Textual's keeps only the first)."""

    def _on_paste(self, event: events.Paste) -> None:
        text = " ".join(line.strip() for line in event.text.splitlines() if line.strip())
        if text:
            if self.selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *self.selection)
        event.prevent_default()  # Input's own handler would insert the first line again
        event.stop()


class TextAnswer(Horizontal):
    """An Input with a hint (the unit, or the date forms accepted) and "Don't know" when allowed."""

    def __init__(
        self, question_id: str, hint: str, *, allow_unknown: bool, value: str = "", blank_skips: bool = False
    ) -> None:
        super().__init__(id="answer", classes="answer text")
        self.question_id = question_id
        self.hint = hint
        self.allow_unknown = allow_unknown
        self.value = value
        self.blank_skips = blank_skips

    def compose(self) -> ComposeResult:
        yield OneLineInput(value=self.value, placeholder=self.hint, id="answer-input")
        if self.allow_unknown:
            yield Button(DONT_KNOW, id="dont-know", compact=True)

    def focus(self, scroll_visible: bool = True) -> TextAnswer:
        self.query_one(Input).focus(scroll_visible)
        return self

    def select_typed(self) -> None:
        """After a refusal: what is typed next replaces the refused text ("150 mGy.cm" then "2" is not "...cm2")."""
        self.query_one(Input).select_all()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip() and not self.blank_skips:
            # A stray Enter must not answer for the person; "don't know" is said on purpose.
            also = f', or press "{DONT_KNOW}"' if self.allow_unknown else ""
            self.notify(f"Type an answer first{also}.", severity="warning")
            return
        self.post_message(Answered(self.question_id, event.value))

    @on(Button.Pressed, "#dont-know")
    def _dont_know(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(Answered(self.question_id, DONT_KNOW))
