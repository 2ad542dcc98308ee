"""The draft: a preview with the anonymisation check; save or copy only once nothing identifying is left.

Every suspected identifier (NHS/CHI/H&C numbers, dates of birth, names...)
is highlighted with its kind. N/P move between them, R redacts the selected
one, A redacts all. Save (Markdown or plain text) and Copy stay disabled
while any remain, and the text is checked again just before it leaves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from assistant.anonymise import NONE_FOUND, Hit, identifiers_except, redact
from assistant.decision import Decision
from assistant.documents import to_plain_text
from assistant.export import default_filename, unused_path, write_atomic
from assistant.ui.safe_text import plain
from assistant.ui.widgets.draft_preview import DraftPreview
from assistant.ui.widgets.key_bar import KeyBar


@dataclass(frozen=True)
class DraftRequest:
    """What to preview: the rendered Markdown and what it carries on purpose (the employer's own contacts)."""

    kind: str
    title: str
    markdown: str
    decision: Decision
    intended: tuple[str, ...]
    folder: Path
    today: dt.date


def suspected(text: str, intended: tuple[str, ...]) -> list[Hit]:
    """Identifiers in `text`, less the text the draft carries on purpose (an authority's address...)."""
    return identifiers_except(text, intended)


class DraftScreen(Screen[Path | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_hit", "Next"),
        Binding("p", "previous_hit", "Previous", show=False),
        Binding("r", "redact_one", "Redact"),
        Binding("a", "redact_all", "Redact all"),
        Binding("s", "save('md')", "Save .md"),
        Binding("t", "save('txt')", "Save .txt"),
        Binding("c", "copy", "Copy"),
        Binding("escape", "close", "Chat"),  # "Back to chat" is cut off at 80 columns
    ]

    def __init__(self, request: DraftRequest) -> None:
        super().__init__()
        self.request = request
        self.text = request.markdown
        self.hits = suspected(self.text, request.intended)
        self.selected = 0
        self.saved_to: Path | None = None
        self._saved: dict[Path, Path] = {}  # default path asked for -> the file this draft saved there

    def compose(self) -> ComposeResult:
        with Vertical(id="draft", classes="panel"):
            yield Static(plain(f"Draft: {self.request.title}"), classes="panel-title")
            yield Static("", id="draft-check")
            with VerticalScroll(id="draft-scroll"):
                yield DraftPreview(id="draft-text")
            with Horizontal(id="draft-folder-row"):
                yield Label("Save to folder: ")
                yield Input(str(self.request.folder), id="draft-folder", compact=True)
            yield Static("", id="draft-saved")
        yield KeyBar()

    async def on_mount(self) -> None:
        await self._refresh()
        self.query_one("#draft-scroll", VerticalScroll).focus()

    # -- the check ------------------------------------------------------------

    @property
    def clean(self) -> bool:
        return not self.hits

    async def _refresh(self) -> None:
        if self.hits:
            self.selected = min(self.selected, len(self.hits) - 1)
            hit = self.hits[self.selected]
            check = (
                f"{len(self.hits)} suspected identifier{'s' if len(self.hits) > 1 else ''}: "
                f"save and copy are off until each is redacted (R, or A for all) or removed from your answers "
                "(Esc, then Ctrl+P: Change draft answer). "
                f"Selected {self.selected + 1} of {len(self.hits)}."
            )
            self.query_one("#draft-check", Static).update(plain(check, "bold $text-error"))
            line = await self.query_one(DraftPreview).show(self.text, self.hits, self.selected)
            if line is not None:
                self.call_after_refresh(self._show_line, line, hit)
        else:
            self.query_one("#draft-check", Static).update(plain(NONE_FOUND, "$text-success"))
            await self.query_one(DraftPreview).show(self.text, [], None)
        self.refresh_bindings()

    def _show_line(self, line: Static, hit: Hit) -> None:
        self.query_one("#draft-scroll", VerticalScroll).scroll_to_center(line, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "copy"):
            return True  # until the draft is clean, the key says why it does not save (see _outgoing)
        if action in ("next_hit", "previous_hit", "redact_one", "redact_all"):
            return not self.clean
        return True

    async def action_next_hit(self) -> None:
        if self.hits:
            self.selected = (self.selected + 1) % len(self.hits)
            await self._refresh()

    async def action_previous_hit(self) -> None:
        if self.hits:
            self.selected = (self.selected - 1) % len(self.hits)
            await self._refresh()

    async def action_redact_one(self) -> None:
        if self.hits:
            self.text = redact(self.text, [self.hits[self.selected]])
            self.hits = suspected(self.text, self.request.intended)
            await self._refresh()

    async def action_redact_all(self) -> None:
        if self.hits:
            self.text = redact(self.text, self.hits)
            self.hits = suspected(self.text, self.request.intended)
            await self._refresh()

    # -- leaving the screen ---------------------------------------------------------

    def _outgoing(self, form: str) -> str | None:
        """The text to save or copy, checked once more in its final form; None (and a message) if not clean."""
        plain_text = to_plain_text(self.text)
        text = plain_text if form == "txt" else self.text
        # The markdown is checked as shown (`clean`); the plain form too, as markup can split a number
        # ("**943** 476 5919") that plain text joins again.
        remaining = suspected(plain_text, self.request.intended)
        if not self.clean:
            count = len(self.hits)
            self.notify(
                f"Not saved or copied: {count} suspected identifier{' remains' if count == 1 else 's remain'}. "
                "R redacts the highlighted one, A all of them; Esc goes back to the chat.",
                severity="error",
            )
            return None
        if remaining:  # found only once the markup is gone: R and A cannot reach it here
            shown = ", ".join(f"“{h.text}”" for h in remaining[:3])
            self.notify(
                f"Not saved or copied: without its markup the draft shows {shown}. Esc goes back to the chat: "
                "change the detail it came from, then draft again.",
                severity="error",
            )
            return None
        return text

    def action_save(self, form: str) -> None:
        text = self._outgoing(form)
        if text is None:
            return
        folder = Path(self.query_one("#draft-folder", Input).value.strip() or str(self.request.folder)).expanduser()
        name = default_filename(self.request.kind, self.request.decision, self.request.today)
        wanted = folder / (str(Path(name).with_suffix(".txt")) if form == "txt" else name)
        # Saving this draft again replaces its own file; another incident's file of that name is kept.
        path = self._saved.get(wanted) or unused_path(folder, wanted.name)
        try:
            self.saved_to = self._saved[wanted] = write_atomic(path, text)
        except OSError as err:
            message = f"Not saved: cannot write {path}: {err.strerror or err}."
            self.query_one("#draft-saved", Static).update(plain(message, "$text-error"))
            return
        self.query_one("#draft-saved", Static).update(plain(f"Saved: {self.saved_to}", "$text-success"))

    def action_copy(self) -> None:
        text = self._outgoing("md")
        if text is None:
            return
        self.app.copy_to_clipboard(text)
        self.notify("Copied to the clipboard.")

    def action_close(self) -> None:
        """Back to the card; the folder saved to is offered for the next draft of this session."""
        self.dismiss(self.saved_to.parent if self.saved_to else None)
