"""A question in the chat: the prompt, the regulation's term beside it, and why it is asked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Collapsible, Static

from assistant.ui.safe_text import plain


class QuestionMessage(Vertical):
    """The prompt in bold, the term in the guidance's words, and a collapsed "why we ask"."""

    def __init__(self, question_id: str, prompt: str, term: str = "", why: str = "", *, answered: bool = False) -> None:
        super().__init__(classes="answered" if answered else "")
        self.question_id = question_id
        self.prompt = prompt
        self.term = term
        self.why = why

    def compose(self) -> ComposeResult:
        yield Static(plain(self.prompt), classes="prompt")
        if self.term:
            yield Static(plain(f"term: {self.term}"), classes="term")
        if self.why:
            with Collapsible(title="Why we ask (F2)", collapsed=True):
                yield Static(plain(self.why), classes="why")

    def toggle_why(self) -> bool:
        """Open or close "why we ask"; False when this question has no reason to show."""
        for collapsible in self.query(Collapsible):
            collapsible.collapsed = not collapsible.collapsed
            return True
        return False
