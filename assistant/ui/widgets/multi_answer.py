"""Several answers from a checklist: Space ticks, Enter sends; "None of these" clears the rest."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from assistant.ui.safe_text import plain
from assistant.ui.widgets.answer_base import Answered

NONE_OF_THESE = "None of these"


class MultiAnswer(SelectionList[int]):
    """Ticked labels are sent as a list. An exclusive option ("None of these") and the others untick each other."""

    BINDINGS = [Binding("enter", "submit", "Send ticked", show=True)]

    def __init__(
        self, question_id: str, labels: list[str], *, exclusive: set[str], ticked: list[str] | None = None
    ) -> None:
        ticked = ticked or []
        self.labels = list(labels)
        self.added_none = not exclusive
        if self.added_none:
            # The flow offers no "none" option: an empty list says nothing applies.
            self.labels.append(NONE_OF_THESE)
            exclusive = {NONE_OF_THESE}
        self.exclusive = {n for n, label in enumerate(self.labels) if label in exclusive}
        selections = [Selection(plain(label), n, label in ticked) for n, label in enumerate(self.labels)]
        super().__init__(*selections, id="answer", classes="answer multi")
        self.question_id = question_id
        self.border_title = "Space ticks · Enter sends"

    @on(SelectionList.SelectionToggled)
    def _exclusive(self, event: SelectionList.SelectionToggled[int]) -> None:
        # "None of these" and any real option contradict each other: the latest tick wins.
        value = event.selection.value
        if value not in self.selected:
            return
        others = [n for n in self.selected if n != value]
        if value in self.exclusive:
            for n in others:
                self.deselect(n)
        else:
            for n in others:
                if n in self.exclusive:
                    self.deselect(n)

    def action_submit(self) -> None:
        if not self.selected:
            # Sending nothing ticked would read as "none": make the person say so.
            self.notify(f'Tick at least one (Space), or "{self.labels[max(self.exclusive)]}".', severity="warning")
            return
        chosen = [self.labels[n] for n in sorted(self.selected)]
        if self.added_none:
            chosen = [label for label in chosen if label != NONE_OF_THESE]
        self.post_message(Answered(self.question_id, chosen))
