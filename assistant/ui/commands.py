"""The command palette (Ctrl+P): the app's actions, and "change answer" for each answer given."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from assistant.ui.safe_text import visible

# (what the palette shows, the app action it runs, help line)
ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("New incident", "new_incident", "Start again with an empty conversation"),
    ("Back: change the last answer", "back", "Reopen the most recent answered question"),
    ("Why we ask", "why", "Show or hide the guidance behind the open question"),
    ("Draft the paperwork", "draft", "Notification, investigation report or local record, from the decision"),
    ("Change the discovery date", "change_discovery_date", "Type the date the incident was discovered again"),
    ("Check the codes not yet checked", "check_codes", "Answer what could add a code to a verdict already reached"),
    ("Notify voluntarily (or withdraw it)", "voluntary", "Local verdict: add code V; voluntary: withdraw it"),
    ("Rulebook", "rulebook", "Every notification code with the guidance's words"),
    ("Glossary", "glossary", "SAUE, CSAUE, effective dose, duty holders and other terms"),
    ("Toggle dark/light theme", "toggle_theme", "Switch between the dark and the light theme"),
)


class IrmerCommands(Provider):
    """irmer's own commands, beside Textual's system commands."""

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        offers = getattr(self.app, "offers", None)
        out: list[tuple[str, Callable[[], Any], str]] = [
            (name, partial(self.app.run_action, action), help_text)
            for name, action, help_text in ACTIONS
            if offers is None or offers(action)  # "Notify voluntarily" only where the card offers it
        ]
        conversation = getattr(self.app, "conversation", None)
        revise = getattr(self.app, "revise", None)
        if conversation is not None and revise is not None:
            for turn in conversation.history:
                # The palette reads help as markup: the echo is the person's own text, so escape it.
                was = escape(visible(turn.echo))
                out.append((f"Change answer: {visible(turn.prompt)}", partial(revise, turn.question_id), f"was: {was}"))
        draft_answers = getattr(self.app, "draft_answers", None)
        if draft_answers is not None and revise is not None:
            from assistant.document_fields import document_data
            from assistant.ui.app import DRAFT_PREFIX

            catalogue = document_data().catalogue
            for key, text in draft_answers():
                question = visible(catalogue[key].question) if key in catalogue else key
                was = escape(visible(text))
                out.append((f"Change draft answer: {question}", partial(revise, DRAFT_PREFIX + key), f"was: {was}"))
        return out

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
