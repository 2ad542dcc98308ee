"""The irmer chat: asks what the flow needs, echoes each answer, ends on the decision card.

The app's whole state is the `Conversation` (plain data). The app never
decides: questions and their help come from the flow, verdicts, codes and
reasons from the `Decision`.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Footer, Header

from assistant.config import Settings, load_settings
from assistant.fact_schema import fact_specs
from assistant.flow import AnswerError, Conversation, Question, parse_date
from assistant.ui.commands import IrmerCommands
from assistant.ui.widgets.answer_base import DONT_KNOW, Answered
from assistant.ui.widgets.choice_answer import ChoiceAnswer
from assistant.ui.widgets.decision_card import DecisionCard
from assistant.ui.widgets.form_answer import FormAnswer, FormRow
from assistant.ui.widgets.irmer_message import IrmerMessage
from assistant.ui.widgets.multi_answer import MultiAnswer
from assistant.ui.widgets.notice_message import NoticeMessage
from assistant.ui.widgets.question_message import QuestionMessage
from assistant.ui.widgets.text_answer import TextAnswer
from assistant.ui.widgets.transcript import Transcript
from assistant.ui.widgets.user_message import UserMessage

INTRO = (
    "irmer is decision support: it applies the CQC notification criteria of 19 April 2023 to your incident. "
    "The employer's judgement and the medical physics expert's advice still decide."
)
HINT = "Click an earlier answer (or press Ctrl+Z) to change it. F1 glossary, F2 why we ask, Ctrl+P commands."
DATE_HINT = "today / yesterday / 20/11/2026"

# Set by the start-up benchmark: exit as soon as the first question is on screen.
EXIT_WHEN_READY = "IRMER_EXIT_WHEN_READY"
EXIT_USAGE = 2

THEMES = ("textual-dark", "textual-light")


class QuestionShown(Message):
    """A question and its answer widget are mounted (tests and benchmarks wait for this)."""

    def __init__(self, question_id: str) -> None:
        super().__init__()
        self.question_id = question_id


class DecisionShown(Message):
    """The decision card is mounted."""

    def __init__(self, verdict: str) -> None:
        super().__init__()
        self.verdict = verdict


# How to type each kind of number the flow asks for (the flow converts other units itself).
UNIT_HINTS = {
    "dose_msv": "effective dose in mSv, e.g. 1.5",
    "dose_mgy": "dose in mGy, e.g. 12",
    "activity_mbq": "activity in MBq, e.g. 3700",
    "ratio": "delivered ÷ intended, e.g. 1.12 or 112%",
    "count": "a whole number",
    "years": "age in years",
}


def unit_hint(unit_kind: str | None) -> str:
    return UNIT_HINTS.get(unit_kind or "", "a number") + ", then Enter"


def answer_widget(question: Question, previous: Any) -> Widget:
    """The widget that takes an answer of this question's kind, showing any earlier answer."""
    labels = [option.label for option in question.options]
    if question.kind in ("choice", "yesno"):
        if not labels:
            labels = ["Yes", "No"]
        if question.allow_unknown and DONT_KNOW not in labels:
            labels.append(DONT_KNOW)
        return ChoiceAnswer(question.id, labels, selected=previous if isinstance(previous, str) else None)
    if question.kind == "multi":
        exclusive = {option.label for option in question.options if option.exclusive}
        ticked = [str(p) for p in previous] if isinstance(previous, list) else None
        return MultiAnswer(question.id, labels, exclusive=exclusive, ticked=ticked)
    if question.kind == "form":
        earlier = previous if isinstance(previous, dict) else {}
        rows = [
            FormRow(
                fact=f.fact,
                label=f.label,
                hint=unit_hint(f.unit_kind),
                allow_unknown=f.allow_unknown,
                value=str(earlier.get(f.fact, "") or ""),
                options=tuple(o.label for o in f.options),
            )
            for f in question.fields
        ]
        return FormAnswer(question.id, rows)
    value = previous if isinstance(previous, str) else ""
    if question.kind == "date":
        return TextAnswer(question.id, DATE_HINT, allow_unknown=question.allow_unknown, value=value)
    unit_kind = question.fields[0].unit_kind if question.fields else None
    return TextAnswer(question.id, unit_hint(unit_kind), allow_unknown=question.allow_unknown, value=value)


class IrmerApp(App[None]):
    """The chat. `settings` give the default nation; `jurisdiction` overrides it for this run."""

    TITLE = "irmer"
    SUB_TITLE = "IR(ME)R significant exposure: notify or not?"
    CSS_PATH: ClassVar[list[str | os.PathLike[str]]] = ["app.tcss", "screens/screens.tcss"]  # type: ignore[misc]
    COMMANDS = App.COMMANDS | {IrmerCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "glossary", "Glossary"),
        Binding("f2", "why", "Why we ask"),
        Binding("question_mark", "why", "Why we ask", show=False),
        Binding("f3", "rulebook", "Rulebook"),
        Binding("ctrl+z", "back", "Back"),
        Binding("escape", "back", "Back", show=False),
        Binding("ctrl+n", "new_incident", "New"),
        Binding("ctrl+t", "toggle_theme", "Theme"),
        Binding("v", "voluntary", "Notify voluntarily", show=False),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        jurisdiction: str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else load_settings()
        self.nation = jurisdiction or self.settings.nation
        self.today = today
        self.conversation = Conversation(default_jurisdiction=self.nation)
        self.exit_when_ready = bool(os.environ.get(EXIT_WHEN_READY))
        self._shown: list[tuple[str, str]] = []  # (question id, echo) of each answer in the transcript
        self._current: Question | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Transcript(id="transcript")
        yield Vertical(id="answer-area")
        yield Footer()

    async def on_mount(self) -> None:
        self.theme = THEMES[0]
        await self._rebuild()

    # The transcript -------------------------------------------------------

    @property
    def transcript(self) -> Transcript:
        return self.query_one("#transcript", Transcript)

    def _opening(self) -> list[Widget]:
        out: list[Widget] = [IrmerMessage(INTRO, id="intro")]
        if self.settings.problems:
            out.append(NoticeMessage("\n".join(self.settings.problems), title="Settings problem: irmer will ask instead"))
        return out

    async def _rebuild(self) -> None:
        """Lay the transcript out again from the conversation (after a revision or a new incident)."""
        await self.transcript.remove_children()
        widgets = self._opening()
        self._shown = []
        for turn in self.conversation.history:
            widgets.append(QuestionMessage(turn.question_id, turn.prompt, answered=True))
            widgets.append(UserMessage(turn.echo, turn.question_id))
            self._shown.append((turn.question_id, turn.echo))
        await self.transcript.mount_all(widgets)
        await self._ask_current()

    async def _ask_current(self) -> None:
        area = self.query_one("#answer-area", Vertical)
        await area.remove_children()
        question = self.conversation.current()
        self._current = question
        if question is None:
            await self._show_decision()
            return
        await self.transcript.mount(
            QuestionMessage(
                question.id,
                question.prompt,
                question.term,
                help=question.help,
                quotes=question.quotes,
            )
        )
        widget = answer_widget(question, self.conversation.previous_answer(question.id))
        await area.mount(widget)
        widget.focus()
        self.transcript.scroll_end(animate=False)
        self.post_message(QuestionShown(question.id))
        if self.exit_when_ready:
            self.call_after_refresh(self.exit)

    async def _show_decision(self) -> None:
        await self.query(DecisionCard).remove()
        decision = self.conversation.decision()
        card = DecisionCard(decision, today=self.today())
        await self.transcript.mount(card)
        self.call_after_refresh(card.focus_first)
        self.post_message(DecisionShown(decision.verdict))

    # Answers ----------------------------------------------------------------

    @on(Answered)
    async def _answered(self, event: Answered) -> None:
        event.stop()
        try:
            echo = self.conversation.answer(event.question_id, event.raw)
        except AnswerError as err:
            await self.transcript.mount(NoticeMessage(str(err), title="Not accepted; the question is still open"))
            self.transcript.scroll_end(animate=False)
            return
        expected = [*self._shown, (event.question_id, echo)]
        if [(t.question_id, t.echo) for t in self.conversation.history] != expected:
            await self._rebuild()  # the flow re-flowed (a revision): lay the transcript out from its history
            return
        self._shown = expected
        await self.transcript.mount(UserMessage(echo, event.question_id))
        await self._ask_current()

    @on(UserMessage.ReviseRequested)
    async def _revise(self, event: UserMessage.ReviseRequested) -> None:
        await self.revise(event.question_id)

    async def revise(self, question_id: str) -> None:
        self.conversation.revise(question_id)
        await self._rebuild()

    # The decision card ----------------------------------------------------

    @on(DecisionCard.ActionRequested)
    async def _card_action(self, event: DecisionCard.ActionRequested) -> None:
        await self.run_action(event.action.replace("new", "new_incident"))

    @on(DecisionCard.DiscoveryDateGiven)
    async def _discovered(self, event: DecisionCard.DiscoveryDateGiven) -> None:
        try:
            day = parse_date(event.text)
        except AnswerError as err:
            for card in self.query(DecisionCard):
                card.show_date_error(str(err))
            return
        self.conversation.set_fact("discovered_on", day)
        await self._show_decision()

    # Actions (keys, buttons and the command palette) ----------------------

    async def action_back(self) -> None:
        if not self.conversation.history:
            self.notify("Nothing to go back to: this is the first question.")
            return
        self.conversation.back()
        await self._rebuild()

    async def action_new_incident(self) -> None:
        self.conversation = Conversation(default_jurisdiction=self.nation)
        await self._rebuild()

    async def action_voluntary(self) -> None:
        if self._current is not None or self.conversation.decision().verdict != "local":
            return
        self.conversation.set_fact("voluntary", True)
        await self._show_decision()

    def action_why(self) -> None:
        questions = [q for q in self.query(QuestionMessage) if not q.has_class("answered")]
        if not questions or not questions[-1].toggle_why():
            self.notify("No question is open.")

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def action_glossary(self) -> None:
        from assistant.ui.screens.glossary import GlossaryScreen

        self.push_screen(GlossaryScreen())

    def action_rulebook(self) -> None:
        from assistant.ui.screens.rulebook import RulebookScreen

        self.push_screen(RulebookScreen())


def normal_nation(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def run(jurisdiction: str | None = None) -> int:
    """Open the chat; an unknown `jurisdiction` is refused before anything starts."""
    nation = None
    if jurisdiction is not None:
        nations = fact_specs()["jurisdiction"].values
        nation = normal_nation(jurisdiction)
        if nation not in nations:
            print(
                f"irmer: --jurisdiction {jurisdiction!r} is not a nation irmer knows; accepted: {', '.join(nations)}.",
                file=sys.stderr,
            )
            return EXIT_USAGE
    IrmerApp(jurisdiction=nation).run()
    return 0
