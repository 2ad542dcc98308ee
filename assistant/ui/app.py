"""The irmer chat: asks what the flow needs, echoes each answer, ends on the decision card.

The app's whole state is the `Conversation` (plain data). The app never
decides: questions and their help come from the flow, verdicts, codes and
reasons from the `Decision`.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Collection, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import on
from textual.app import App, ComposeResult
from textual.await_remove import AwaitRemove
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from assistant.config import Settings, load_settings
from assistant.decision import Decision
from assistant.flow import AnswerError, Conversation, Question, parse_date
from assistant.rulebook import nation_name
from assistant.ui.commands import IrmerCommands
from assistant.ui.memory import freeze_startup_objects, release_removed_widgets
from assistant.ui.widgets.answer_base import DONT_KNOW, Answered
from assistant.ui.widgets.choice_answer import ChoiceAnswer
from assistant.ui.widgets.irmer_message import IrmerMessage
from assistant.ui.widgets.key_bar import KeyBar
from assistant.ui.widgets.notice_message import NoticeMessage
from assistant.ui.widgets.question_message import QuestionMessage
from assistant.ui.widgets.text_answer import TextAnswer
from assistant.ui.widgets.transcript import Transcript
from assistant.ui.widgets.user_message import UserMessage
from assistant.validation import parse_nation

if TYPE_CHECKING:
    # Drafting (templates, the anonymiser) loads only when asked for: the chat starts without it.
    from assistant.ui.drafting import DraftInterview

    # Likewise the widgets the first question never needs: each is imported where it is first made.
    from assistant.ui.widgets.decision_card import DecisionCard

CARD = "DecisionCard"  # its CSS type name, to query it without importing it

INTRO = (
    "irmer is decision support applying the CQC notification criteria of 19 April 2023; "
    "the employer's judgement and the medical physics expert's advice still decide."
)
DRAFTING = "Drafting: I ask only for what the document needs beyond your answers. Leave any blank to fill in later."
REVISING = "Changing an earlier answer. Later answers are kept where they still apply."
DATE_HINT = "today / yesterday / 20/11/2026"
REFUSED = "Not accepted; the question is still open"

# Set by the start-up benchmark: exit as soon as the first question is on screen.
EXIT_WHEN_READY = "IRMER_EXIT_WHEN_READY"
EXIT_USAGE = 2
DECISION = "decision"
DRAFT = "draft"

_HERE = Path(__file__).resolve().parent
# Actions that change the conversation: only from the chat itself.
CHAT_ACTIONS = frozenset({"back", "new_incident", "voluntary", "draft", "why", "check_codes", "change_discovery_date"})
NO_DISCOVERY_DATE = (
    "The discovery date is not given, so the draft marks it and both deadlines TO COMPLETE. To have them "
    "filled in, Esc back to the card and type the date there, then draft again (your answers here are kept)."
)
DRAFT_PREFIX = "draft:"
DRAFT_KIND = DRAFT_PREFIX + "kind"
LEFT_BLANK = "(left blank: marked TO COMPLETE in the draft)"
THEMES = ("textual-dark", "textual-light")


QUIT_AGAIN_WITHIN = 3.0  # seconds in which a second Ctrl+Q quits an incident with answers


class QuestionShown(Message):
    """A question and its answer widget are on screen (posted after the refresh that shows them)."""

    def __init__(self, question_id: str) -> None:
        super().__init__()
        self.question_id = question_id


class DecisionShown(Message):
    """The decision card is on screen."""

    def __init__(self, verdict: str) -> None:
        super().__init__()
        self.verdict = verdict


# How to type each kind of number the flow asks for (the flow converts other units itself).
UNIT_HINTS = {
    "dose_msv": "effective dose in mSv, e.g. 1.5",
    "dose_mgy": "dose in mGy, e.g. 12",
    "activity_mbq": "activity in MBq, e.g. 3700",
    "ratio": "delivered ÷ intended, e.g. 1.12 or 112%",
    "margin": "miss ÷ error margin, e.g. 3 or 3x",
    "count": "a whole number",
    "years": "age in years",
}


def unit_hint(unit_kind: str | None) -> str:
    return UNIT_HINTS.get(unit_kind or "", "a number") + ", then Enter"


def chosen_label(question: Question, previous: Any) -> str | None:
    """The label of an earlier choice, whether it was given as its label or typed as its value."""
    if not isinstance(previous, str):
        return None
    for option in question.options:
        if previous in (option.label, option.value_text):
            return option.label
    return {"yes": "Yes", "no": "No"}.get(previous.strip().lower(), previous)


def question_message(question: Question) -> QuestionMessage:
    return QuestionMessage(question.id, question.prompt, question.term, help=question.help, quotes=question.quotes)


def answer_widget(question: Question, previous: Any, ruled_out: Collection[str] = ()) -> Widget:
    """The widget that takes an answer of this question's kind, showing any earlier answer; options
    `ruled_out` by the earlier answers are not offered."""
    labels = [option.label for option in question.options if option.label not in ruled_out]
    if question.kind in ("choice", "yesno"):
        if not labels:
            labels = ["Yes", "No"]
        if question.allow_unknown and DONT_KNOW not in labels:
            labels.append(DONT_KNOW)
        # Where the question has its own "not sure yet" option (one that leaves facts unknown), 0 picks it.
        unsure = [o.label for o in question.options if o.unknown]
        zero = DONT_KNOW if DONT_KNOW in labels or len(unsure) != 1 else unsure[0]
        return ChoiceAnswer(question.id, labels, selected=chosen_label(question, previous), not_sure=zero)
    if question.kind == "multi":
        from assistant.ui.widgets.multi_answer import MultiAnswer

        exclusive = {option.label for option in question.options if option.exclusive}
        named = {option.label for option in question.options if option.exclusive or option.rest_unknown}
        rest = next((option.label for option in question.options if option.rest_unknown), None)
        ticked = [str(p) for p in previous] if isinstance(previous, list) else None
        return MultiAnswer(question.id, labels, exclusive=exclusive, ticked=ticked, named=named, not_sure=rest)
    if question.kind == "form":
        from assistant.ui.widgets.form_answer import FormAnswer, FormRow

        earlier = previous if isinstance(previous, dict) else {}
        rows = [
            FormRow(
                fact=f.fact,
                label=f.label,
                hint=UNIT_HINTS.get(f.unit_kind or "", "a number"),  # a form is sent with its button, not per line
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
    # Absolute, so that subclasses elsewhere (benchmarks, tests) find the styles too.
    CSS_PATH: ClassVar[list[str | PurePath]] = [_HERE / "app.tcss", _HERE / "screens" / "screens.tcss"]
    COMMANDS = App.COMMANDS | {IrmerCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "glossary", "Glossary"),
        Binding("f2", "why", "Why"),
        Binding("question_mark", "why", "Why we ask", show=False),
        Binding("f3", "rulebook", "Rules"),
        Binding("ctrl+z", "back", "Back"),
        Binding("escape", "escape", "Back", show=False),
        Binding("ctrl+n", "new_incident", "New"),
        Binding("v", "voluntary", "Notify voluntarily"),
        Binding("d", "draft", "Draft"),
        Binding("c", "check_codes", "Check codes"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
        # Read the card (or the transcript) with nothing focused: a list or text box keeps these keys for itself.
        Binding("pagedown", "scroll_transcript('page_down')", "Page down", show=False),
        Binding("pageup", "scroll_transcript('page_up')", "Page up", show=False),
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
        self._nation_from = "--jurisdiction" if jurisdiction else "the settings file (irmer --config-path)"
        self.today = today
        self.conversation = Conversation(default_jurisdiction=self.nation)
        self.exit_when_ready = bool(os.environ.get(EXIT_WHEN_READY))
        self._shown: list[tuple[str, str]] = []  # (question id, echo) of each answer in the transcript
        self._current: Question | None = None
        self._decision: Decision | None = None  # the decision on the card, when the card is shown
        self._date_being_changed = ""  # the discovery date just cleared to be changed, offered to edit
        self._date_before_change: dt.date | None = None  # that date, kept by Esc or Ctrl+Z until a new one is given
        self._draft_folder: Path | None = None  # where this session last saved a draft
        self._refusals: list[NoticeMessage] = []  # messages refusing tries at the open question
        self._draft: DraftInterview | None = None  # while the chat asks a draft's details
        self._last_draft_kind: str | None = None  # the document last drafted: changing an answer drafts it again
        self._draft_details: dict[str, str] = {}  # kept between drafts of the same incident
        self._draft_blank: set[str] = set()  # the last draft's details left TO COMPLETE, to fill in later
        self._draft_answered_keys: list[str] = []  # this draft's answers in order, for Ctrl+Z ("kind" first)
        # The incident a New replaced, until the new one gets an answer: Ctrl+Z brings it back.
        self._replaced: tuple[Conversation, dict[str, str], set[str]] | None = None
        self._quit_asked_at = -QUIT_AGAIN_WITHIN  # monotonic time of the last Ctrl+Q that only warned
        # What the person sees now: a question id, DECISION, or None while the screen is changing.
        self.on_screen: str | None = None

    def compose(self) -> ComposeResult:
        # The first screen whole: widgets mounted in later batches would each re-parse the styles and add a frame.
        question = self.conversation.current()
        with Transcript(id="transcript"):
            yield from self._history_widgets()
            if question is not None:
                yield question_message(question)
        with Vertical(id="answer-area"):
            if question is not None:
                yield self._answer_widget(question)
        yield KeyBar()

    async def on_mount(self) -> None:
        self.theme = THEMES[0]
        question = self.conversation.current()
        if question is None:  # nothing to ask: the card
            await self._ask_current()
            return
        self._current = question
        self.refresh_bindings()
        self.query_one("#answer").focus()
        self._question_up(question)

    # The transcript -------------------------------------------------------

    @property
    def transcript(self) -> Transcript:
        return self.query_one("#transcript", Transcript)

    def _opening(self) -> list[Widget]:
        out: list[Widget] = [IrmerMessage(INTRO, id="intro")]
        if self.nation:  # not asked, so said: the thresholds, child age and authority are this nation's
            name = nation_name(self.nation)
            out.append(
                IrmerMessage(
                    f"Nation: {name}, from {self._nation_from}. For another nation, run irmer --jurisdiction NATION.",
                    id="nation-preset",
                )
            )
        if self.settings.problems:
            problems = "\n".join(self.settings.problems)
            out.append(NoticeMessage(problems, title="Settings problem: irmer will ask instead"))
        return out

    def _history_widgets(self) -> list[Widget]:
        """The opening and the answers so far, as the transcript shows them (notes them in `_shown`)."""
        widgets = self._opening()
        self._shown = []
        reopened = self.conversation.current()
        for turn in self.conversation.history:
            if reopened is not None and turn.question_id == reopened.id:
                # Answers after a reopened question are kept only if still asked: they reappear once it is answered.
                widgets.append(IrmerMessage(REVISING, id="revising"))
                break
            widgets.append(QuestionMessage(turn.question_id, turn.prompt, answered=True))
            widgets.append(UserMessage(turn.echo, turn.question_id))
            self._shown.append((turn.question_id, turn.echo))
        return widgets

    async def _rebuild(self) -> None:
        """Lay the transcript out again from the conversation (after a revision or a new incident)."""
        self._draft = None
        self._date_before_change = None  # the card it was changed on is gone
        await self.transcript.remove_children()
        self.transcript.anchor()
        await self.transcript.mount_all(self._history_widgets())
        await self._ask_current()

    async def _ask_current(self, echo: Widget | None = None) -> None:
        """Show the open question (or the card), after `echo`, the answer just given, if any.

        The echo, the question and its answer widget go up together, so the person
        sees one change and the screen is laid out once per answer, not once per step.
        """
        self.on_screen = None
        release_removed_widgets()
        question = self.conversation.current()
        self._current = question
        self._decision = None
        self.refresh_bindings()
        with self.batch_update():  # no frame is drawn half-way
            removed = self._clear_answer_area()
            self.query_one("#answer-area", Vertical).display = question is not None
            if question is None:
                await removed
                await self._show_decision(before=[echo] if echo else [])
                return
            asked = question_message(question)
            if not self.transcript.is_anchored:  # follow the newest again (F2 showed a question from its top)
                self.transcript.anchor()
            mounted = self.transcript.mount_all([echo, asked] if echo else [asked])
            widget = self._answer_widget(question)
            await removed  # the new widget takes the old one's id
            await self.query_one("#answer-area", Vertical).mount(widget)
            await mounted
            widget.focus()
        self._question_up(question)

    def _answer_widget(self, question: Question) -> Widget:
        conversation = self.conversation
        return answer_widget(question, conversation.previous_answer(question.id), conversation.ruled_out(question))

    def _question_up(self, question: Question) -> None:
        """Say so once the question just mounted has been drawn."""
        self.call_after_refresh(self.post_message, QuestionShown(question.id))
        if self.exit_when_ready:
            self.call_after_refresh(self.exit)

    def _clear_answer_area(self) -> AwaitRemove:
        """Take the answer widget away, focusing nothing meanwhile.

        Else Textual passes the focus to the transcript and back, restyling every
        message in it twice per answer (the cost grew with the conversation).
        """
        self.screen.set_focus(None)
        return self.query_one("#answer-area", Vertical).remove_children()

    async def _show_decision(self, *, before: Sequence[Widget] = ()) -> None:
        """Show the decision card, below `before` (the answer that decided, if any)."""
        self.on_screen = None
        self.screen.set_focus(None)  # as in _clear_answer_area: not via the transcript
        await self.query(CARD).remove()
        decision = self.conversation.decision()
        self._decision = decision
        self.refresh_bindings()
        from assistant.ui.widgets.decision_card import DecisionCard

        card = DecisionCard(
            decision,
            today=self.today(),
            can_draft=True,
            can_check_codes=self.conversation.codes_to_check(),
            date_text=self._date_being_changed,
        )
        self._date_being_changed = ""
        with self.batch_update():
            await self.transcript.mount_all([*before, card])
            # The verdict first: stop following the newest line and show the card from its top.
            self.transcript.show_top_of(card)
            card.focus_first()
        self.call_after_refresh(self._card_up, card, decision.verdict)

    def _card_up(self, card: Widget, verdict: str) -> None:
        """Say the card is shown once a frame with its top in view is drawn."""
        if self.transcript.top_in_view(card):
            self.post_message(DecisionShown(verdict))
            return
        self.transcript.scroll_to_widget(card, animate=False, top=True)  # the layout did not place it yet
        self.call_after_refresh(self.post_message, DecisionShown(verdict))

    def on_question_shown(self, message: QuestionShown) -> None:
        self.on_screen = message.question_id
        freeze_startup_objects()

    def on_decision_shown(self, message: DecisionShown) -> None:
        if self._draft is None:  # drafting began before the card's first frame: the draft's question is up
            self.on_screen = DECISION
        freeze_startup_objects()  # a chat that opens on its card (every fact already known) starts here

    # Answers ----------------------------------------------------------------

    async def _refused(self, message: str) -> None:
        """Say why a try was not taken, once (the same try again points at the same message; another
        replaces it), and in view: a draft's question is shown from its top, so a message below it would be
        off screen."""
        notice = next((n for n in self._refusals if n.text == message and n.is_attached), None)
        if notice is None:
            await self._clear_refusals()  # the latest try's reason only: a pile would push the question away
            notice = NoticeMessage(message, title=REFUSED)
            self._refusals.append(notice)
            await self.transcript.mount(notice)
        for answer in self.query("#answer").results(TextAnswer):
            answer.select_typed()
        self.call_after_refresh(self.transcript.scroll_to_widget, notice, animate=False)

    async def _clear_refusals(self) -> None:
        """Once an answer is taken, the messages that refused earlier tries have done their work."""
        notices, self._refusals = self._refusals, []
        for notice in notices:
            if notice.is_attached:  # a rebuilt transcript has dropped it already
                await notice.remove()

    @on(Answered)
    async def _answered(self, event: Answered) -> None:
        event.stop()
        if event.question_id.startswith(DRAFT_PREFIX):
            await self._draft_answered(event)
            return
        current = self.conversation.current()
        if current is None or current.id != event.question_id:
            return  # a key typed ahead into the last question's list, after it was answered: not an answer here
        try:
            echo = self.conversation.answer(event.question_id, event.raw)
        except AnswerError as err:
            await self._refused(str(err))
            from assistant.ui.widgets.form_answer import FormAnswer  # loaded with the first form, as in answer_widget

            form = self.query_one("#answer")
            if err.facts and isinstance(form, FormAnswer):
                form.focus_field(err.facts[0])  # else the correction goes into the line the cursor was left in
            return
        await self._clear_refusals()
        expected = [*self._shown, (event.question_id, echo)]
        if [(t.question_id, t.echo) for t in self.conversation.history] != expected:
            await self._rebuild()  # the flow re-flowed (a revision): lay the transcript out from its history
            return
        self._shown = expected
        if self._replaced is not None:
            self._replaced = None
            self.clear_notifications()  # "Ctrl+Z brings the last one back" is no longer true, nor in the way
        for asked in self.query(QuestionMessage).exclude(".answered"):
            asked.mark_answered()
        await self._ask_current(echo=UserMessage(echo, event.question_id))

    @on(UserMessage.ReviseRequested)
    async def _revise(self, event: UserMessage.ReviseRequested) -> None:
        await self.revise(event.question_id)

    async def revise(self, question_id: str) -> None:
        if question_id.startswith(DRAFT_PREFIX):
            await self._draft_revise(question_id.removeprefix(DRAFT_PREFIX))
            return
        self._draft = None
        try:
            self.conversation.revise(question_id)
        except AnswerError as err:
            self.notify(str(err), severity="warning")
            return
        await self._rebuild()

    # The decision card ----------------------------------------------------

    # Named handlers rather than @on(DecisionCard...): the card's module loads with the first card.
    async def on_decision_card_action_requested(self, event: DecisionCard.ActionRequested) -> None:
        await self.run_action({"new": "new_incident"}.get(event.action, event.action))

    async def on_decision_card_discovery_date_given(self, event: DecisionCard.DiscoveryDateGiven) -> None:
        try:
            day = parse_date(event.text, today=self.today())
        except AnswerError as err:
            for card in self.query(CARD):
                cast("DecisionCard", card).show_date_error(str(err))
            return
        await self._card_fact("discovered_on", day)

    async def _card_fact(self, name: str, value: object) -> None:
        """A fact the card collects; the flow may refuse it (it then says why)."""
        try:
            self.conversation.set_fact(name, value)
        except AnswerError as err:
            self.notify(str(err), severity="error")
            return
        if name == "discovered_on" and value is not None:
            self._date_before_change = None
        await self._show_decision()

    async def _keep_date_being_changed(self) -> bool:
        """Esc or Ctrl+Z while the discovery date is being changed: the date given before stays."""
        day = self._date_before_change
        if day is None or self.on_screen != DECISION or "discovered_on" in self.conversation.facts:
            return False
        from assistant.ui.widgets.decision_card import long_date  # loaded with the first card, as the card is

        await self._card_fact("discovered_on", day)
        self.notify(f"The discovery date stays {long_date(day)}.")
        return True

    # Actions (keys, buttons and the command palette) ----------------------

    def describe_binding(self, binding: Binding) -> str:
        """The footer's words for a key now: on a voluntary card, V withdraws the notification."""
        if binding.action == "voluntary" and self._decision is not None and self._decision.verdict == "voluntary":
            return "Withdraw voluntary"
        return binding.description

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in CHAT_ACTIONS and self.screen is not self.screen_stack[0]:
            return False  # over the glossary, rulebook or a draft, keys do not change the chat beneath
        return self.offers(action)

    def offers(self, action: str) -> bool:
        """Whether the chat offers this action now: card-only ones only when the card does (footer and palette)."""
        on_card = self._decision is not None and self._draft is None
        if action == "voluntary":  # V notifies voluntarily, and on a voluntary card withdraws it
            return on_card and self._decision is not None and self._decision.verdict in ("local", "voluntary")
        if action == "draft":
            return on_card
        if action == "change_discovery_date":
            return on_card and "discovered_on" in self.conversation.facts
        if action == "check_codes":
            return on_card and self.conversation.codes_to_check()
        if action == "why":
            return self._open_question() is not None
        return True

    async def action_escape(self) -> None:
        """Esc is Back, except in the card's discovery date box: there it keeps the box and what was typed
        (leaving it, the letters typed next would be the card's keys: D drafts), and says how to go back."""
        if self.on_screen == DECISION and isinstance(self.focused, Input):
            if not await self._keep_date_being_changed():
                self.notify(
                    "The discovery date is still open: type it and press Enter. Ctrl+Z changes an earlier answer."
                )
            return
        await self.action_back()

    async def action_back(self) -> None:
        if await self._keep_date_being_changed():
            return  # back from changing the date is the date as it was, not the incident's last answer
        if self._draft is not None and not self._draft_answered_keys:
            # Drafting, or changing a draft answer, none answered yet: back is the card, not the incident's
            # last answer; the question left goes.
            self._draft, self.on_screen = None, None
            self.query_one("#answer-area", Vertical).display = False
            await self._clear_answer_area()
            await self._drop_open_question()
            await self._show_decision()
            return
        if self._draft is not None and self._draft_answered_keys:
            # While drafting, back is the previous draft question, not the chat's last answer.
            await self._draft_revise(self._draft_answered_keys.pop())
            return
        if self._replaced is not None and not self.conversation.history:
            self.conversation, self._draft_details, self._draft_blank = self._replaced
            self._replaced = None
            self.notify("The incident you had replaced is back.")
            await self._rebuild()
            return
        try:
            self.conversation.back()
        except AnswerError as err:
            self.notify(str(err))
            return
        await self._rebuild()

    async def action_new_incident(self) -> None:
        if self.conversation.history:
            self._replaced = (self.conversation, self._draft_details, self._draft_blank)
            self.notify("New incident. Ctrl+Z brings the last one back until you answer here.")
        self.conversation = Conversation(default_jurisdiction=self.nation)
        self._draft_details, self._draft_blank = {}, set()
        await self._rebuild()

    async def action_quit(self) -> None:
        """Quit; while an incident has answers, only at a second Ctrl+Q: nothing of it is kept."""
        now = time.monotonic()
        if self.conversation.history and now - self._quit_asked_at > QUIT_AGAIN_WITHIN:
            self._quit_asked_at = now
            self.notify("Press Ctrl+Q again to quit. This incident is not saved.", severity="warning")
            return
        self.exit()

    async def action_change_discovery_date(self) -> None:
        """Ask the discovery date again, the one given offered to edit (a typing slip is not final)."""
        given = self.conversation.facts.get("discovered_on")
        if self._decision is None or given is None:
            self.notify("There is no discovery date to change: the card asks it once the decision is reached.")
            return
        self._date_being_changed = f"{given.day}/{given.month}/{given.year}"
        self._date_before_change = given
        await self._card_fact("discovered_on", None)

    async def action_check_codes(self) -> None:
        """Ask what could add a code to the settled verdict (the card's "not yet checked")."""
        if self._decision is None:
            self.notify("Codes are checked from the decision card, once the decision is reached.")
            return
        if not self.conversation.codes_to_check():
            self.notify("Nothing is left to ask: what could add a code is judged, or answered don't know.")
            return
        self._draft = None
        self.conversation.check_codes()
        await self._rebuild()

    async def action_voluntary(self) -> None:
        if self._decision is not None and self._decision.verdict == "voluntary":
            await self._card_fact("voluntary", False)
            self.notify("The voluntary notification is withdrawn: the decision is local again.")
            return
        if self._decision is None or self._decision.verdict != "local":
            self.notify("A voluntary notification is for a decision that is not notifiable (local).")
            return
        await self._card_fact("voluntary", True)

    def _open_question(self) -> QuestionMessage | None:
        """The question waiting for an answer, if it has guidance to show."""
        questions = [q for q in self.query(QuestionMessage) if not q.has_class("answered")]
        return questions[-1] if questions and questions[-1].has_help else None

    def action_why(self) -> None:
        question = self._open_question()
        if question is None:
            self.notify("No question with guidance to show is open.")
            return
        question.toggle_help()
        if question.help_open:  # long guidance must not push the question itself off the top
            self.transcript.show_top_of(question)
        else:
            self.transcript.anchor()

    # Drafting (phase after the decision) --------------------------------------

    async def action_draft(self) -> None:
        if self._decision is None or self._draft is not None:
            return
        await self._keep_date_being_changed()  # a date being changed is not dropped from the draft
        from assistant.ui.drafting import DraftInterview

        self._draft = DraftInterview.carried_over(self._decision, self.settings, self._draft_details, self.today())
        self._draft_answered_keys = []
        self.transcript.anchor()  # follow the draft's questions below the card
        await self.transcript.mount(IrmerMessage(DRAFTING))
        if self._decision.verdict == "notify" and self._decision.deadlines is None:
            await self.transcript.mount(NoticeMessage(NO_DISCOVERY_DATE, title="The deadlines are not in the draft"))
        for problem in self._draft.no_longer_fit:
            await self.transcript.mount(NoticeMessage(problem, title="Asked again: an earlier answer no longer fits"))
        await self._ask_draft()

    async def _ask_draft(self) -> None:
        draft = self._draft
        assert draft is not None
        from assistant.ui.drafting import document_titles

        area = self.query_one("#answer-area", Vertical)
        await self._clear_answer_area()
        self.on_screen = None
        titles = document_titles()
        widget: Widget
        if draft.kind is None:
            question = QuestionMessage(DRAFT_KIND, "Which document shall I draft?", "document")
            labels = list(titles.values())
            widget = ChoiceAnswer(DRAFT_KIND, labels, selected=titles[draft.suggested])
        else:
            detail = draft.next_field()
            if detail is None:
                await self._open_draft(draft)
                return
            qid = DRAFT_PREFIX + detail.key
            need = "needed for this document" if detail.required else "optional"
            question = QuestionMessage(qid, detail.question, f"{need}; leave blank to fill in later", help=detail.help)
            question.help_open = True  # the help says what to write: show it at once
            earlier = draft.earlier.get(detail.key, "")  # a reopened answer comes back to edit
            if detail.multiline:
                from assistant.ui.widgets.multiline_answer import MultilineAnswer

                widget = MultilineAnswer(qid, value=earlier)
            else:
                widget = TextAnswer(
                    qid, "type, then Enter (blank: fill in later)", allow_unknown=False, blank_skips=True, value=earlier
                )
        await self.transcript.mount(question)
        area.display = True
        await area.mount(widget)
        # The question above its help, even when they overflow: placed once the answer box has its height.
        self.transcript.anchor(False)
        self.call_after_refresh(self.transcript.scroll_to_widget, question, top=True, animate=False)
        widget.focus()
        self.refresh_bindings()
        self.call_after_refresh(self.post_message, QuestionShown(question.question_id))

    async def _draft_answered(self, event: Answered) -> None:
        draft = self._draft
        if draft is None or not isinstance(event.raw, str):
            return
        if event.question_id == DRAFT_KIND:
            from assistant.ui.drafting import document_titles

            titles = document_titles()
            draft.kind = next(kind for kind, title in titles.items() if title == event.raw)
            echo = event.raw
            self._draft_answered_keys.append("kind")
        else:
            from assistant.documents import DocumentError

            key = event.question_id.removeprefix(DRAFT_PREFIX)
            try:
                draft.answer(key, event.raw, self.today())
            except DocumentError as err:
                await self._refused(err.message())
                return
            await self._clear_refusals()
            self._draft_answered_keys.append(key)
            self._draft_details = dict(draft.details)
            # As taken: "yesterday" is echoed as its date.
            echo = draft.details.get(key) or LEFT_BLANK
        for asked in self.query(QuestionMessage).exclude(".answered"):
            asked.mark_answered()
        await self.transcript.mount(UserMessage(echo, event.question_id))
        await self._ask_draft()

    async def _draft_revise(self, key: str) -> None:
        if self._draft is None:
            await self._redraft(key)
            return
        if key == "kind":
            self._draft.kind = None
        else:
            self._draft.reopen(key)
        # The one reopened is asked anew below, so its last exchange goes too, as a revision does in the chat.
        await self._drop_open_question()
        reopened = DRAFT_KIND if key == "kind" else DRAFT_PREFIX + key
        asked = [w for w in self.query(QuestionMessage) if w.question_id == reopened]
        answered = [w for w in self.query(UserMessage) if w.question_id == reopened]
        for last in [*asked[-1:], *answered[-1:]]:
            await last.remove()
        await self._ask_draft()

    async def _drop_open_question(self) -> None:
        """The draft question being left is not asked any more: it goes, with any refusal of a try at it."""
        await self.query(QuestionMessage).exclude(".answered").remove()
        await self._clear_refusals()

    async def _redraft(self, key: str) -> None:
        """Change one answer of a draft already made (an identifier typed into it, say): the same document is
        drafted again with that question reopened and the others as they were."""
        from assistant.ui.drafting import DraftInterview

        answered = key in self._draft_details or key in self._draft_blank
        if self._decision is None or (key != "kind" and not answered):
            self.notify("There is no draft answer to change: press D to draft.")
            return
        self._draft = DraftInterview.carried_over(self._decision, self.settings, self._draft_details, self.today())
        if key != "kind":
            self._draft.kind = self._last_draft_kind
            self._draft.left_blank = self._draft_blank - {key}  # left TO COMPLETE again, unless chosen
            self._draft.reopen(key)
        self._draft_answered_keys = []
        self.transcript.anchor()
        await self.transcript.mount(IrmerMessage(DRAFTING))
        await self._ask_draft()

    def draft_answers(self) -> list[tuple[str, str]]:
        """(key, text) of each detail given for a draft, and of each left blank, while the card is shown:
        the palette offers to change them (a blank one, to fill it in)."""
        if self.on_screen != DECISION or self._draft is not None:
            return []
        return list(self._draft_details.items()) + [(key, LEFT_BLANK) for key in sorted(self._draft_blank)]

    async def _open_draft(self, draft: DraftInterview) -> None:
        from assistant.documents import DocumentError
        from assistant.ui.drafting import document_titles
        from assistant.ui.screens.draft import DraftRequest, DraftScreen

        assert draft.kind is not None
        area = self.query_one("#answer-area", Vertical)
        area.display = False
        try:
            markdown = draft.render(self.today())
        except DocumentError as err:
            await self.transcript.mount(NoticeMessage(err.message(), title="The draft could not be made"))
            self._draft = None
            return
        request = DraftRequest(
            kind=draft.kind,
            title=document_titles()[draft.kind],
            markdown=markdown,
            decision=draft.decision,
            intended=draft.intended_text(),
            folder=self._draft_folder or draft.folder(),
            today=self.today(),
        )
        self._draft = None
        self._last_draft_kind = draft.kind
        self._draft_blank = set(draft.left_blank)
        await self.push_screen(DraftScreen(request), callback=self._draft_closed)
        self.on_screen = DRAFT
        self.refresh_bindings()

    def _draft_closed(self, saved_in: Path | None) -> None:
        if saved_in is not None:
            self._draft_folder = saved_in  # the next draft is offered the same folder
        self.on_screen = DECISION
        self.refresh_bindings()

    def action_scroll_transcript(self, how: str) -> None:
        self.transcript.release_anchor()  # the person reads back: new lines must not pull the view down
        getattr(self.transcript, f"scroll_{how}")(animate=False)

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def action_glossary(self) -> None:
        from assistant.ui.screens.glossary import GlossaryScreen

        self.push_screen(GlossaryScreen())

    def action_rulebook(self) -> None:
        from assistant.ui.screens.rulebook import RulebookScreen

        self.push_screen(RulebookScreen())


def run(jurisdiction: str | None = None) -> int:
    """Open the chat; an unknown `jurisdiction` is refused before anything starts."""
    chosen = None
    if jurisdiction is not None:
        try:
            chosen = parse_nation(jurisdiction)
        except ValueError as err:
            print(f"irmer: --jurisdiction {err}", file=sys.stderr)
            return EXIT_USAGE
    IrmerApp(jurisdiction=chosen).run()
    return 0
