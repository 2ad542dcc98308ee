"""Glossary (F1), rulebook (F3), the command palette (Ctrl+P) and the theme toggle."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.widgets import Input, Static

from assistant.config import Settings
from assistant.resources import flows_dir
from assistant.rulebook import load_rulebook
from assistant.ui.app import THEMES, IrmerApp
from assistant.ui.glossary_terms import load_glossary
from assistant.ui.screens.glossary import GlossaryScreen
from assistant.ui.screens.rulebook import RulebookScreen
from tests.functional.conftest import TODAY
from tests.functional.user import settle, type_text

REQUIRED_TERMS = (
    "SAUE", "CSAUE", "Effective dose", "PTV", "OAR", "SIRT", "Geographical miss", "Employer", "Referrer",
    "Practitioner", "Operator", "Accidental vs unintended", "IR(ME)R", "MPE", "ARSAC", "Child",
)  # fmt: skip


def _app() -> IrmerApp:
    return IrmerApp(settings=Settings(), today=lambda: TODAY)


def _visible_terms(screen: Any) -> list[str]:
    return [str(s.render()).split("\n")[0] for s in screen.query(".term-entry").results(Static) if s.display]


def test_glossary_has_the_terms_staff_meet() -> None:
    names = {t.term for t in load_glossary()}
    assert set(REQUIRED_TERMS) <= names


def test_glossary_quotes_are_the_guidance_word_for_word() -> None:
    guidance = " ".join((flows_dir().parent / "docs" / "guidance").joinpath(
        "cqc-irmer-notification-guidance-2023-04-19.txt").read_text(encoding="utf-8").split())  # fmt: skip
    quoted = [t for t in load_glossary() if t.quote]
    assert len(quoted) >= 10
    for term in quoted:
        assert " ".join(term.quote.split()) in guidance, term.term
        assert term.source, f"{term.term} quotes the guidance without saying where"


def test_f1_opens_the_glossary_and_typing_filters_it() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("f1")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, GlossaryScreen)
            assert len(_visible_terms(screen)) == len(load_glossary())
            screen.query_one("#glossary-filter", Input).focus()
            await type_text(pilot, "arsac")
            await pilot.pause()
            shown = _visible_terms(screen)
            assert any(s.startswith("ARSAC") for s in shown)
            assert not any(s.startswith("PTV") for s in shown)
            assert len(shown) == len([t for t in load_glossary() if t.matches("arsac")])
            assert not screen.query_one("#glossary-none").display
            await type_text(pilot, "zzz")
            await pilot.pause()
            assert not _visible_terms(screen)
            assert "No term matches" in str(screen.query_one("#glossary-none", Static).render())
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, GlossaryScreen)
            assert app.conversation.history == [], "closing the glossary does not go back a question"

    asyncio.run(body())


def test_f3_lists_every_code_with_its_quote() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("f3")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, RulebookScreen)
            text = "\n".join(str(s.render()) for s in screen.query(".criterion-entry").results(Static))
            for criterion in load_rulebook().criteria:
                assert criterion.code in text
                assert criterion.quote[0] in text
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, RulebookScreen)

    asyncio.run(body())


def test_palette_runs_the_apps_commands() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+p")
            await pilot.pause()
            await type_text(pilot, "glossary")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, GlossaryScreen)

    asyncio.run(body())


def test_theme_toggles_between_dark_and_light() -> None:
    async def body() -> None:
        app = _app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert app.theme == THEMES[0]
            await pilot.press("ctrl+t")
            assert app.theme == THEMES[1]
            await pilot.press("ctrl+t")
            assert app.theme == THEMES[0]

    asyncio.run(body())


def test_glossary_finds_the_other_spellings() -> None:
    by_term = {t.term: t for t in load_glossary()}
    assert by_term["Foetal dose"].matches("fetus") and by_term["Child"].matches("paediatric")


def test_why_we_ask_shows_the_question_above_its_guidance_at_80x24() -> None:
    from assistant.ui.widgets.choice_answer import ChoiceAnswer
    from assistant.ui.widgets.question_message import QuestionMessage

    async def body() -> None:
        app = _app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("1")  # England; "who was exposed" has the longest guidance
            await settle(pilot)
            question = [q for q in app.query(QuestionMessage) if not q.has_class("answered")][-1]
            await pilot.press("f2")
            await pilot.pause()
            await pilot.pause()
            view = app.transcript.region
            assert question.help_open and view.y <= question.region.y < view.bottom, "the question's first line shows"
            # The rest of the guidance is read with Page Down, though the list of answers has the keys.
            assert app.focused is app.query_one("#answer")
            top = app.transcript.scroll_y
            await pilot.press("pagedown")
            await pilot.pause()
            assert app.transcript.scroll_y > top, "Page Down reads on in the transcript"
            assert app.query_one("#answer", ChoiceAnswer).highlighted is None, "and chooses nothing in the list"
            await pilot.press("pageup")
            await pilot.pause()
            assert app.transcript.scroll_y == top
            await pilot.press("1")
            await settle(pilot)
            newest = [q for q in app.query(QuestionMessage) if not q.has_class("answered")][-1]
            assert newest is not question and newest.region.bottom <= view.bottom and newest.region.y >= view.y

    asyncio.run(body())
