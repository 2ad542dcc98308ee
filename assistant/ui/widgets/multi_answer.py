"""Several answers from a checklist: Space (or the option's number, 0 for "Not sure yet") ticks, Enter sends.

An OptionList whose prompts carry their own tick box, so that a long label
wraps under its text instead of being cut off. An exclusive option ("None of
these") and the others untick each other.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from assistant.ui.safe_text import visible
from assistant.ui.widgets.answer_base import READ_TRANSCRIPT, Answered, number_keys, refuse_key

NONE_OF_THESE = "None of these"
TICKED, UNTICKED = "☒", "☐"


class MultiAnswer(OptionList):
    """Ticked labels are sent as a list, in the order offered."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *READ_TRANSCRIPT,
        Binding("space", "tick", "Tick", show=False),
        Binding("enter", "submit", "Send ticked"),
    ]

    def __init__(
        self,
        question_id: str,
        labels: list[str],
        *,
        exclusive: set[str],
        ticked: list[str] | None = None,
        named: set[str] | None = None,
        not_sure: str | None = None,
    ) -> None:
        self.labels = list(labels)
        self.added_none = not exclusive
        if self.added_none:
            # The flow offers no "none" option: an empty list says nothing applies.
            self.labels.append(NONE_OF_THESE)
            exclusive = {NONE_OF_THESE}
        self.exclusive = {n for n, label in enumerate(self.labels) if label in exclusive}
        self.selected = {n for n, label in enumerate(self.labels) if label in (ticked or [])}
        self.keys = number_keys(self.labels, not_sure)
        super().__init__(*(Option(self._prompt(n)) for n in range(len(self.labels))), classes="answer multi")
        self.id = "answer"
        self.question_id = question_id
        # "None of these" and "Not sure yet" come last and, at 80×24, below the fold: the title names their keys
        # (up to a colon: the title has one line).
        shown = {n for n, label in enumerate(self.labels) if label in (named or set())} | self.exclusive
        also = "".join(f" · {self.keys[n]} {self.labels[n].split(':')[0]}" for n in sorted(shown) if self.keys[n])
        keys = "1-9, 0" if "0" in self.keys else "1-9"
        self.border_title = f"Space or {keys} ticks{also} · Enter sends"

    def _prompt(self, n: int) -> Content:
        box = TICKED if n in self.selected else UNTICKED
        number = f"{self.keys[n]}." if self.keys[n] else "  "
        return Content.assemble((f"{box} ", "bold"), f"{number} ", visible(self.labels[n]))

    def _redraw(self) -> None:
        for n in range(len(self.labels)):
            self.replace_option_prompt_at_index(n, self._prompt(n))

    def toggle(self, n: int) -> None:
        if n in self.selected:
            self.selected.discard(n)
        else:
            self.selected.add(n)
            # "None of these" and any real option contradict each other: the latest tick wins.
            if n in self.exclusive:
                self.selected = {n}
            else:
                self.selected -= self.exclusive
        self._redraw()

    def action_tick(self) -> None:
        if self.highlighted is not None:
            self.toggle(self.highlighted)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        # A click (or Enter, which is rebound to send) selects: ticking is what a click means here.
        event.stop()

    def on_click(self, event: events.Click) -> None:
        self.call_after_refresh(self.action_tick)

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in self.keys:
            event.stop()
            n = self.keys.index(event.character)
            self.highlighted = n
            self.toggle(n)
        elif event.character and event.character.isdigit():
            event.stop()
            refuse_key(self, event.character, self.keys)

    def action_submit(self) -> None:
        if not self.selected:
            # Sending nothing ticked would read as "none": make the person say so.
            last = self.labels[max(self.exclusive)]
            self.notify(f'Tick at least one (Space), or "{last}".', severity="warning")
            return
        chosen = [self.labels[n] for n in sorted(self.selected)]
        if self.added_none:
            chosen = [label for label in chosen if label != NONE_OF_THESE]
        self.post_message(Answered(self.question_id, chosen))
