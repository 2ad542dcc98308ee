"""The decision, rendered: verdict, codes, the criteria quoted with their arithmetic, who to tell and by when.

Everything shown comes from the `Decision`; the card judges nothing itself.
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Static

from assistant.decision import Decision, Finding, missing_now, open_check_lines, verdict_words
from assistant.fact_schema import fact_specs
from assistant.routing import days_left
from assistant.ui.safe_text import as_read, plain, visible
from assistant.ui.widgets.text_answer import OneLineInput

VERDICT_TITLES = {
    "notify": "NOTIFY",
    "voluntary": "VOLUNTARY NOTIFICATION",
    "local": "NOT NOTIFIABLE: LOCAL INVESTIGATION",
    "outside_irmer": "OUTSIDE IR(ME)R",
    "undetermined": "NOT YET DECIDED",
}

DISCLAIMER = "Decision support only: the employer's judgement and the medical physics expert's advice decide."


def fact_label(name: str) -> str:
    spec = fact_specs().get(name)
    return spec.label if spec else name


def long_date(day: dt.date) -> str:
    # Day and month in words: 03/04 reads differently on either side of the Atlantic.
    return f"{day:%a} {day.day} {day:%B %Y}"


Part = str | tuple[str, str]


def _heading(title: str) -> list[Part]:
    return ["\n\n", (title, "bold underline")]


def _bullet(text: str) -> list[Part]:
    return ["\n", "  • ", visible(text)]


def _finding(f: Finding, *, met: bool) -> list[Part]:
    title = f"[{f.code}] {f.category}" if f.category else f"[{f.code}]"
    return [
        "\n",
        (visible(title), "bold"),
        "\n",
        (f"“{visible(as_read(f.criterion))}”", "italic"),
        "\n",
        (f"Source: {visible(f.source)}", "dim"),
        "\n",
        ("Because: " if met else "Not met: ", "bold"),
        visible(f.reason),
    ]


def needs_content(d: Decision) -> Content | None:
    """What is still to find out, shown above everything else."""
    parts: list[Part] = []
    if d.codes_need:
        parts += [("To complete the code, find out: ", "bold"), ", ".join(fact_label(n) for n in d.codes_need)]
    if d.missing:
        if parts:
            parts.append("\n")
        parts.append(("Still needed to decide (find out):", "bold"))
        now, later = missing_now(d)
        for name in now:
            parts += _bullet(fact_specs()[name].to_find_out() if name in fact_specs() else name)
        if later:
            parts += _bullet(
                f"then only what that kind of case needs: once known (Ctrl+Z changes an answer), irmer asks "
                f"just those, not all {len(later)}"
            )
    return Content.assemble(*parts) if parts else None


def reasons_content(d: Decision, *, can_check_codes: bool = False) -> Content:
    """Why, who to tell, what to do: one block of text (one widget keeps the card quick to show)."""
    parts: list[Part] = []
    if d.pending:
        parts += _heading("What they decide: criteria still open")
        for line in open_check_lines(d.pending, fact_label):
            parts += _bullet(line)
    if d.findings:
        # V is the employer's choice, not a criterion met (the statutory ones are under "Why not").
        parts += _heading("Why: codes given" if d.verdict == "voluntary" else "Why: criteria met")
        for f in d.findings:
            parts += _finding(f, met=True)
    if d.why_not:
        parts += _heading("Why not: criteria considered and not met")
        for f in d.why_not:
            parts += _finding(f, met=False)
    if d.open_checks:
        parts += _heading("Not yet checked (could add a code" + ("; C to answer)" if can_check_codes else ")"))
        for line in open_check_lines(d.open_checks, fact_label):
            parts += _bullet(line)
    if d.notes:
        parts += _heading("Notes")
        for note in d.notes:
            parts += _bullet(note)
    if d.authority and d.verdict in ("notify", "voluntary", "undetermined"):
        a = d.authority
        parts += _heading("Who to notify")
        parts += ["\n  ", (visible(f"{a['name']} ({a['id'].upper()})"), "bold"), "\n  ", visible(a["contact"])]
    if d.also_report_to:
        parts += _heading("Also report to")
        for body in d.also_report_to:
            parts += ["\n  • ", (visible(body["name"]), "bold"), ": ", visible(body["why"])]
    if d.duties:
        parts += _heading("What to do")
        for duty in d.duties:
            parts += _bullet(duty)
    if d.assumptions:
        parts += _heading("Assumed (each would change the decision if wrong)")
        for assumption in d.assumptions:
            parts += _bullet(assumption.says)
    guidance = f"Criteria: {d.guidance.get('title', '')}, version {d.guidance.get('version', '')}."
    parts += ["\n\n", (f"{guidance}\n{DISCLAIMER}", "$text-muted")]
    return Content.assemble(*parts[1:] if parts and parts[0] == "\n\n" else parts)


# The card's one-letter keys, by the button each stands for.
_CARD_KEYS = {"c": "check_codes", "d": "draft", "v": "voluntary"}


class DecisionCard(Vertical):
    """A `Decision` for people: the verdict first, then why, then what to do."""

    class ActionRequested(Message):
        """A button on the card: new, back, voluntary or draft."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    class DiscoveryDateGiven(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(
        self,
        decision: Decision,
        *,
        today: dt.date,
        can_draft: bool = False,
        can_check_codes: bool = False,
        date_text: str = "",
    ) -> None:
        super().__init__(id="decision-card", classes=f"verdict-{decision.verdict}")
        self.decision = decision
        self.today = today
        self.can_draft = can_draft
        self.can_check_codes = can_check_codes  # something left to ask that could add a code
        self.date_text = date_text  # a date being changed: offered to edit

    def compose(self) -> ComposeResult:
        d = self.decision
        yield Static(plain(VERDICT_TITLES[d.verdict]), id="verdict-title")
        yield Static(plain(verdict_words(d)), id="verdict-words")
        if d.codes:
            with Horizontal(id="codes"):
                yield Static(plain("Codes" if len(d.codes) > 1 else "Code"), classes="codes-label")
                for code in d.codes:
                    yield Static(plain(code), classes="code")
        needs = needs_content(d)
        if needs is not None:
            yield Static(needs, id="needs")
        yield from self._deadlines()
        with Horizontal(id="card-actions"):
            yield Button("New (Ctrl+N)", id="action-new", compact=True)
            yield Button("Change answer (Ctrl+Z)", id="action-back", compact=True)
            if d.verdict == "local":
                yield Button(
                    "Voluntary (V)", id="action-voluntary", compact=True, tooltip="Notify voluntarily (code V)"
                )
            elif d.verdict == "voluntary":
                yield Button(
                    "Withdraw voluntary (V)",
                    id="action-voluntary",
                    compact=True,
                    tooltip="Withdraw the voluntary notification",
                )
            if self.can_check_codes and d.verdict != "undetermined":
                yield Button(
                    "Check codes (C)", id="action-check_codes", compact=True, tooltip="Answer what could add a code"
                )
            if self.can_draft:  # an undecided case may still need its local record, or a notification started
                yield Button("Draft (D)", id="action-draft", compact=True)
        yield Static(reasons_content(d, can_check_codes=self.can_check_codes), id="reasons")

    def _deadlines(self) -> ComposeResult:
        d = self.decision
        if d.deadlines:
            parts: list[Part] = [
                ("Deadlines (from the discovery date)", "bold underline"),
                ("  Ctrl+P: change the discovery date", "$text-muted"),
            ]
            for key, label in (("notify_by", "Notify by"), ("report_by", "Report by")):
                due = d.deadlines[key]
                parts += ["\n  ", (f"{label}: {long_date(due)}", "bold"), f"  ({days_left(due, self.today)})"]
            yield Static(Content.assemble(*parts), id="deadlines")
        elif d.verdict == "notify":
            ask = Content.styled("Deadlines: when was the incident discovered?", "bold underline")
            yield Static(ask, id="deadlines")
            yield OneLineInput(
                self.date_text,
                placeholder="today / yesterday / 20/11/2026, then Enter",
                id="discovered-on",
                compact=True,
            )
            error = Static("", id="date-error")
            error.display = False
            yield error

    def focus_first(self) -> None:
        """The discovery date when it is still needed, else nothing: a stray Enter does nothing.

        Focused, New would start a new incident at a second Enter after the date, Change answer
        would reopen one, and Draft would take typed-ahead answers as the draft's details.
        The card's keys (D, C, V, Ctrl+Z, Ctrl+N) and a click still act.
        """
        for date_input in self.query("#discovered-on").results(Input):
            date_input.focus(scroll_visible=False)
            return
        self.screen.set_focus(None)

    def show_date_error(self, message: str) -> None:
        error = self.query_one("#date-error", Static)
        error.update(plain(message))
        error.display = True
        self.query_one("#discovered-on", Input).select_all()  # the next try replaces it; D, C, V act again

    @on(Input.Changed, "#discovered-on")
    def _card_key(self, event: Input.Changed) -> None:
        """C, D or V typed into the empty date box are the card's keys (no date starts with them)."""
        action = _CARD_KEYS.get(event.value.strip().lower())
        if action and self.query(f"#action-{action}"):
            event.input.value = ""
            self.post_message(self.ActionRequested(action))

    @on(Input.Submitted, "#discovered-on")
    def _date(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.DiscoveryDateGiven(event.value))

    @on(Button.Pressed)
    def _action(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.ActionRequested((event.button.id or "").removeprefix("action-")))
