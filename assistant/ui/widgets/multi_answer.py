"""Several answers from a checklist: Space ticks, Enter sends; "None of these" clears the rest."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from assistant.ui.safe_text import plain
from assistant.ui.widgets.answer_base import Answered

NONE_OF_THESE = "None of these"
_NONE = -1


class MultiAnswer(SelectionList[int]):
    """Ticked labels are sent as a list; "None of these" sends an empty list."""

    BINDINGS = [Binding("enter", "submit", "Send ticked", show=True)]

    def __init__(self, question_id: str, labels: list[str], *, ticked: list[str] | None = None) -> None:
        ticked = ticked or []
        selections = [Selection(plain(label), n, label in ticked) for n, label in enumerate(labels)]
        selections.append(Selection(plain(NONE_OF_THESE), _NONE, False))
        super().__init__(*selections, id="answer", classes="answer multi")
        self.question_id = question_id
        self.labels = labels
        self.border_title = "Space ticks · Enter sends"

    @on(SelectionList.SelectionToggled)
    def _exclusive_none(self, event: SelectionList.SelectionToggled[int]) -> None:
        # "None of these" and any real option contradict each other: the latest tick wins.
        if event.selection.value == _NONE and _NONE in self.selected:
            for n in range(len(self.labels)):
                self.deselect(n)
        elif event.selection.value != _NONE and event.selection.value in self.selected:
            self.deselect(_NONE)

    def action_submit(self) -> None:
        chosen = [self.labels[n] for n in sorted(self.selected) if n != _NONE]
        if not chosen and _NONE not in self.selected:
            # Sending nothing ticked would read as "none": make the person say so.
            self.notify('Tick at least one, or "None of these".', severity="warning")
            return
        self.post_message(Answered(self.question_id, chosen))
