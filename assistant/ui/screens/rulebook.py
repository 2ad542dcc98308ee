"""The rulebook: every notification code with the guidance's words, its source and thresholds."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from assistant.rulebook import Criterion, Rulebook, load_rulebook
from assistant.ui.safe_text import as_read, plain

_NATION_NAMES = {"england": "England", "wales": "Wales", "scotland": "Scotland", "northern_ireland": "Northern Ireland"}


def criterion_content(c: Criterion) -> Content:
    nations = "all nations" if len(c.nations) == len(_NATION_NAMES) else ", ".join(_NATION_NAMES[n] for n in c.nations)
    parts: list[str | tuple[str, str]] = [(c.code, "bold reverse"), " ", (c.category, "bold"), (f"  {nations}", "dim")]
    for quote in c.quote:
        parts += ["\n", (f"“{as_read(quote)}”", "italic")]
    for t in c.thresholds.values():
        parts += ["\n", f"threshold ({t.name}): {t.quantity} {t.describe()}"]  # adult / child / band...
    if c.note:
        parts += ["\n", (f"irmer reads it: {c.note}", "dim")]
    if c.complementary and not c.statutory:
        parts += ["\n", ("a letter only: does not by itself make the incident notifiable", "dim")]
    parts += ["\n", (f"Source: {c.source}", "dim")]
    return Content.assemble(*parts)


def footer_content(book: Rulebook) -> Content:
    ages = ", ".join(f"{_NATION_NAMES[n]} under {a}" for n, a in book.child_under_years.items())
    return Content.assemble(
        ("Child: ", "bold"),
        f"{ages}.\n",
        ("Deadlines: ", "bold"),
        f"notify within {book.notify_within_days} days, "
        f"report within {book.report_within_days // 7} weeks of discovery.",
    )


class RulebookScreen(ModalScreen[None]):
    """Escape or F3 closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("f3", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        book = load_rulebook()
        g = book.guidance
        with Vertical(id="rulebook", classes="panel"):
            yield Static(plain(f"Rulebook: {g.title}, version {g.version}"), classes="panel-title")
            with VerticalScroll(id="rulebook-codes"):
                for c in book.criteria:
                    yield Static(criterion_content(c), classes="criterion-entry")
                yield Static(footer_content(book), classes="criterion-entry")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#rulebook-codes", VerticalScroll).focus()
