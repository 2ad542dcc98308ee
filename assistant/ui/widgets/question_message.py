"""A question in the chat: the prompt, the regulation's term beside it, and help and why it is asked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Collapsible, Static

from assistant.ui.safe_text import visible


class QuestionMessage(Vertical):
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

    def compose(self) -> ComposeResult:
        parts: list[str | tuple[str, str]] = [(visible(self.prompt), "bold")]
        if self.term:
            parts += ["  ", (f"⟨{visible(self.term)}⟩", "$text-accent")]
        yield Static(Content.assemble(*parts), classes="prompt")
        if self.help or self.quotes:
            with Collapsible(title="Help and why we ask (F2)", collapsed=True):
                if self.help:
                    yield Static(Content(visible(self.help)), classes="help")
                for quote, source in self.quotes:
                    why = Content.assemble((f"“{visible(quote)}”", "italic"), "\n", (f"CQC guidance: {visible(source)}", "dim"))
                    yield Static(why, classes="why")

    def toggle_why(self) -> bool:
        """Open or close the help; False when this question has none."""
        for collapsible in self.query(Collapsible):
            collapsible.collapsed = not collapsible.collapsed
            return True
        return False
