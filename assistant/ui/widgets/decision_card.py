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

from assistant.decision import VERDICT_WORDS, Decision, Finding
from assistant.fact_schema import fact_specs
from assistant.ui.safe_text import plain, visible

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


def days_left(due: dt.date, today: dt.date) -> str:
    left = (due - today).days
    if left > 1:
        return f"{left} days left"
    if left == 1:
        return "1 day left"
    if left == 0:
        return "due today"
    return f"{-left} day{'s' if left < -1 else ''} overdue"


def long_date(day: dt.date) -> str:
    # Day and month in words: 03/04 reads differently on either side of the Atlantic.
    return f"{day:%a} {day.day} {day:%B %Y}"


def _section(title: str) -> Static:
    return Static(plain(title), classes="card-heading")


def _finding(f: Finding, *, met: bool) -> Static:
    title = f"[{f.code}] {f.category}" if f.category else f"[{f.code}]"
    parts: list[str | tuple[str, str]] = [(visible(title), "bold"), "\n", (f"“{visible(f.criterion)}”", "italic")]
    parts += ["\n", (f"Source: {visible(f.source)}", "dim")]
    parts += ["\n", ("Because: " if met else "Not met: ", "bold"), visible(f.reason)]
    return Static(Content.assemble(*parts), classes="finding")


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

    def __init__(self, decision: Decision, *, today: dt.date, can_draft: bool = False) -> None:
        super().__init__(id="decision-card", classes=f"verdict-{decision.verdict}")
        self.decision = decision
        self.today = today
        self.can_draft = can_draft

    def compose(self) -> ComposeResult:
        d = self.decision
        yield Static(plain(VERDICT_TITLES[d.verdict]), id="verdict-title")
        yield Static(plain(VERDICT_WORDS[d.verdict]), id="verdict-words")
        if d.codes:
            with Horizontal(id="codes"):
                yield Static(plain("Codes" if len(d.codes) > 1 else "Code"), classes="codes-label")
                for code in d.codes:
                    yield Static(plain(code), classes="code")
        if d.codes_need:
            yield Static(
                plain("To complete the code, find out: " + ", ".join(fact_label(n) for n in d.codes_need)),
                classes="needs",
            )
        if d.missing:
            yield _section("Still needed to decide (find out)")
            for name in d.missing:
                meaning = fact_specs()[name].meaning if name in fact_specs() else ""
                yield Static(plain(f"• {fact_label(name)}: {meaning}"), classes="item")
        yield from self._deadlines()
        if d.findings:
            yield _section("Why: criteria met")
            for f in d.findings:
                yield _finding(f, met=True)
        if d.why_not:
            yield _section("Why not: criteria considered and not met")
            for f in d.why_not:
                yield _finding(f, met=False)
        if d.open_checks:
            yield _section("Not yet checked (could add a code)")
            for check in d.open_checks:
                needs = ", ".join(fact_label(n) for n in check.needs)
                yield Static(plain(f"• [{check.code}] needs {needs}"), classes="item")
        if d.authority and d.verdict in ("notify", "voluntary", "undetermined"):
            a = d.authority
            yield _section("Who to notify")
            yield Static(
                Content.assemble((visible(f"{a['name']} ({a['id'].upper()})"), "bold"), "\n", visible(a["contact"])),
                id="authority",
            )
        if d.also_report_to:
            yield _section("Also report to")
            for body in d.also_report_to:
                yield Static(
                    Content.assemble((visible(body["name"]), "bold"), ": ", visible(body["why"])), classes="item"
                )
        if d.duties:
            yield _section("What to do")
            for duty in d.duties:
                yield Static(plain(f"• {duty}"), classes="item")
        if d.assumptions:
            yield _section("Assumed (each would change the decision if wrong)")
            for assumption in d.assumptions:
                yield Static(plain(f"• {assumption.says}"), classes="item")
        guidance = f"Criteria: {d.guidance.get('title', '')}, version {d.guidance.get('version', '')}."
        yield Static(plain(f"{guidance}\n{DISCLAIMER}"), id="disclaimer")
        with Horizontal(id="card-actions"):
            yield Button("New incident (Ctrl+N)", id="action-new", compact=True)
            yield Button("Change an answer (Ctrl+Z)", id="action-back", compact=True)
            if d.verdict == "local":
                yield Button("Notify voluntarily (V)", id="action-voluntary", compact=True)
            if self.can_draft and d.verdict != "undetermined":
                yield Button("Draft (D)", id="action-draft", compact=True)

    def _deadlines(self) -> ComposeResult:
        d = self.decision
        if d.deadlines:
            yield _section("Deadlines (from the discovery date)")
            for key, label in (("notify_by", "Notify by"), ("report_by", "Report by")):
                due = d.deadlines[key]
                yield Static(
                    Content.assemble(
                        (f"{label}: ", "bold"), (long_date(due), "bold"), f"  ({days_left(due, self.today)})"
                    ),
                    classes="deadline",
                )
        elif d.verdict == "notify":
            yield _section("Deadlines: when was the incident discovered?")
            yield Input(placeholder="today / yesterday / 20/11/2026, then Enter", id="discovered-on")
            yield Static("", id="date-error")

    def focus_first(self) -> None:
        """The discovery date when it is still needed, else the first action."""
        for date_input in self.query("#discovered-on").results(Input):
            date_input.focus()
            return
        self.query_one("#action-new", Button).focus()

    def show_date_error(self, message: str) -> None:
        self.query_one("#date-error", Static).update(plain(message))

    @on(Input.Submitted, "#discovered-on")
    def _date(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.DiscoveryDateGiven(event.value))

    @on(Button.Pressed)
    def _action(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.ActionRequested((event.button.id or "").removeprefix("action-")))
