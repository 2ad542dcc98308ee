"""F1: the terms staff meet, in plain words, with the guidance's own words where it defines them."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from assistant.ui.glossary_terms import Term, load_glossary
from assistant.ui.safe_text import as_read, plain


def term_content(term: Term) -> Content:
    parts: list[str | tuple[str, str]] = [(term.term, "bold")]
    if term.also:
        parts.append((f"  ({'; '.join(term.also)})", "dim"))
    parts += ["\n", term.meaning]
    if term.quote:
        parts += ["\n", (f"“{as_read(term.quote)}”", "italic")]
    if term.source:
        parts += ["\n", (f"CQC guidance, 19 April 2023: {term.source}", "dim")]
    return Content.assemble(*parts)


class GlossaryScreen(ModalScreen[None]):
    """Type to filter; Escape or F1 closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("f1", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="glossary", classes="panel"):
            yield Static(plain("Glossary"), classes="panel-title")
            yield Input(placeholder="Type to filter, e.g. dose", id="glossary-filter")
            with VerticalScroll(id="glossary-terms"):
                for n, term in enumerate(load_glossary()):
                    yield Static(term_content(term), id=f"term-{n}", classes="term-entry")
                none = Static("", id="glossary-none")
                none.display = False
                yield none
        yield Footer()

    @on(Input.Changed, "#glossary-filter")
    def _filter(self, event: Input.Changed) -> None:
        shown = 0
        for n, term in enumerate(load_glossary()):
            match = term.matches(event.value)
            self.query_one(f"#term-{n}", Static).display = match
            shown += match
        none = self.query_one("#glossary-none", Static)
        none.update(plain(f"No term matches “{event.value}”. Rules (F3) lists every code with its criterion."))
        none.display = not shown
