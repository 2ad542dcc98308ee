"""From the decision card to a saved draft: only the missing details asked, identifiers caught before saving."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from assistant.config import load_settings
from assistant.document_fields import document_data
from assistant.export import default_filename
from assistant.ui.app import LEFT_BLANK, IrmerApp
from assistant.ui.screens.draft import DraftScreen
from assistant.ui.widgets.decision_card import DecisionCard
from assistant.ui.widgets.multiline_answer import MultilineAnswer
from assistant.ui.widgets.notice_message import NoticeMessage
from assistant.ui.widgets.question_message import QuestionMessage
from assistant.ui.widgets.text_answer import TextAnswer
from assistant.ui.widgets.user_message import UserMessage
from tests.functional.conftest import TODAY
from tests.functional.user import converse, type_text

CT_OVERDOSE = {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic", "age_years": 60,
               "intended_dose_msv": 1.0, "total_dose_msv": 12.0}  # fmt: skip
NHS_NUMBER = "943 476 5919"  # a valid check digit: the kind of number a tired person pastes
DESCRIPTION = f"Patient John Smith (NHS {NHS_NUMBER}) had the CT abdomen repeated after the injector faulted."


@pytest.fixture
def documents_folder(isolated_settings: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    isolated_settings.parent.mkdir(parents=True)
    isolated_settings.write_text(
        '[organisation]\nname = "Example NHS Foundation Trust"\nnation = "england"\n'
        'contact_name = "Radiation Protection Lead"\ncontact_email = "rpa@example.nhs.uk"\n'
        f'[documents]\nfolder = "{folder}"\n',
        encoding="utf-8",
    )
    return folder


async def answer_details(pilot: Any, app: IrmerApp, answers: dict[str, str]) -> list[str]:
    """Answer each detail the chat asks (blank when not in `answers`) until the draft opens."""
    asked: list[str] = []
    while (shown := await settle_draft(pilot)) != "draft":
        key = shown.removeprefix("draft:")
        asked.append(key)
        text = answers.get(key, "")
        widget = app.query_one("#answer")
        if isinstance(widget, MultilineAnswer):
            await type_text(pilot, text)
            await pilot.press("ctrl+s")
        else:
            assert isinstance(widget, TextAnswer)
            await type_text(pilot, text)
            await pilot.press("enter")
        await pilot.pause()
    return asked


async def settle_draft(pilot: Any) -> str:
    app = pilot.app
    for _ in range(200):
        if app.on_screen is not None:
            return str(app.on_screen)
        await pilot.pause()
    raise AssertionError("nothing settled on screen")


async def draft_the_notification(pilot: Any) -> None:
    """From the card: Draft, then the document suggested and preselected, the notification."""
    await pilot.click("#action-draft")
    assert await settle_draft(pilot) == "draft:kind"
    await pilot.press("enter")


def test_from_card_to_saved_draft(documents_folder: Path) -> None:
    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await draft_the_notification(pilot)
            asked = await answer_details(pilot, app, {"site": "Example General Hospital", "description": DESCRIPTION})
            # Settings give the organisation and contacts: they are not asked.
            assert "organisation" not in asked and "contact_name" not in asked and "contact_email" not in asked
            needed = [f.key for f in document_data().documents["notification"].fields]
            assert asked and set(asked) <= set(needed)
            screen = app.screen
            assert isinstance(screen, DraftScreen)
            kinds = {h.kind for h in screen.hits}
            assert {"nhs_number", "name"} <= kinds
            assert "rpa@example.nhs.uk" not in [h.text for h in screen.hits], "the employer's own contact is meant"
            # Save is refused while identifiers remain, and says why.
            await pilot.press("s")
            await pilot.pause()
            assert not documents_folder.exists() or not any(documents_folder.iterdir())
            said = [n.message for n in app._notifications]
            assert any("Not saved or copied" in m and "R redacts" in m for m in said), said
            await pilot.press("r")  # redact the selected one only
            await pilot.pause()
            assert screen.hits, "one redaction leaves the other identifier"
            await pilot.press("a")
            await pilot.pause()
            assert screen.hits == []
            await pilot.press("s")
            await pilot.pause()
            await pilot.press("t")
            await pilot.pause()
            saved = documents_folder / default_filename("notification", app.conversation.decision(), TODAY)
            text = saved.read_text(encoding="utf-8")
            assert NHS_NUMBER not in text and "John Smith" not in text
            assert "[REDACTED]" in text and "Example General Hospital" in text
            await pilot.press("s")  # saving this draft again replaces its own file
            await pilot.pause()
            assert sorted(p.name for p in documents_folder.iterdir()) == [saved.name, saved.with_suffix(".txt").name]
            plain_text = saved.with_suffix(".txt").read_text(encoding="utf-8")
            assert NHS_NUMBER not in plain_text and "**" not in plain_text
            assert str(saved) in str(screen.query_one("#draft-saved", Static).render()) or saved.with_suffix(
                ".txt"
            ).name in str(screen.query_one("#draft-saved", Static).render())
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is app.screen_stack[0]
            assert app.on_screen == "decision"

    asyncio.run(body())


def test_clean_draft_can_be_copied(documents_folder: Path) -> None:
    copied: list[str] = []

    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            # The card's cursor starts in the discovery date, where letters are typing: Tab out first.
            await pilot.press("tab", "d")
            assert await settle_draft(pilot) == "draft:kind"
            await pilot.press("3")  # the local record
            await answer_details(pilot, app, {"description": "Repeat CT after an injector fault; no names."})
            screen = app.screen
            assert isinstance(screen, DraftScreen) and screen.hits == []
            await pilot.press("c")
            await pilot.pause()
            assert copied and "injector fault" in copied[0]

    asyncio.run(body())
    assert load_settings().documents_folder is not None


def test_ctrl_z_while_drafting_reopens_the_previous_draft_question(documents_folder: Path) -> None:
    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            history = list(app.conversation.history)
            await draft_the_notification(pilot)
            first = await settle_draft(pilot)
            assert first.startswith("draft:") and first != "draft:kind"
            await type_text(pilot, "Example General Hospital" if first == "draft:site" else "x")
            await pilot.press("ctrl+s" if isinstance(app.query_one("#answer"), MultilineAnswer) else "enter")
            second = await settle_draft(pilot)
            assert second != first
            await pilot.press("ctrl+z")
            assert await settle_draft(pilot) == first  # the draft's previous question, asked again
            assert app.conversation.history == history  # the chat's answers are untouched
            # Asked anew, as a revision is in the chat: its earlier exchange is not left above it.
            assert [q.question_id for q in app.query(QuestionMessage)].count(first) == 1
            assert first not in [m.question_id for m in app.query(UserMessage)]
            still_open = app.query(QuestionMessage).exclude(".answered")
            assert [q.question_id for q in still_open] == [first], "the question left is not shown as still asked"
            await pilot.press("ctrl+z")
            assert await settle_draft(pilot) == "draft:kind"
            await pilot.press("ctrl+z")  # back from the first draft question is the card
            assert await settle_draft(pilot) == "decision"
            assert app.conversation.history == history, "the chat's answers are untouched"
            assert not app.query(QuestionMessage).exclude(".answered"), "no question is left shown as asked"

    asyncio.run(body())


def test_a_detail_of_the_wrong_form_is_refused_and_asked_again(documents_folder: Path) -> None:
    """An incident date after the discovery, or an email address that is not one, keeps the question open."""

    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await type_text(pilot, "20/11/2026")  # the card's discovery date, where its cursor waits
            await pilot.press("enter")
            await pilot.pause()
            assert app.conversation.facts["discovered_on"] == dt.date(2026, 11, 20)
            await draft_the_notification(pilot)
            for _ in range(20):  # the fields asked before the incident date, each given a valid answer
                if (shown := await settle_draft(pilot)) == "draft:incident_date":
                    break
                await type_text(pilot, {"draft:contact_phone": "0161 496 0000"}.get(shown, "x"))
                await pilot.press("ctrl+s" if isinstance(app.query_one("#answer"), MultilineAnswer) else "enter")
                await pilot.pause()
                assert shown != "draft", "the incident date was never asked"
            assert app.on_screen == "draft:incident_date"
            await type_text(pilot, "2026-11-23")
            await pilot.press("enter")
            await pilot.pause()
            assert await settle_draft(pilot) == "draft:incident_date"
            notices = [str(n.render()) for n in app.query(NoticeMessage)]
            assert any("after the incident was discovered (2026-11-20)" in n for n in notices), notices
            (refusal,) = [n for n in app.query(NoticeMessage) if "after the incident was discovered" in n.text]
            await pilot.pause()
            assert app.transcript.region.contains_region(refusal.region), "the refusal is on screen, not below it"
            await pilot.press("enter")  # the same try again: the same message, not a second one
            await pilot.pause()
            assert len([n for n in app.query(NoticeMessage) if "after the incident was discovered" in n.text]) == 1
            box = app.query_one("#answer-input", Input)
            assert box.value == "2026-11-23", "the refused text stays, to be corrected"
            box.value = ""
            await type_text(pilot, "2026-11-19")
            await pilot.press("enter")
            assert await settle_draft(pilot) != "draft:incident_date"
            assert app._draft is not None and app._draft.details["incident_date"] == "2026-11-19"
            notices = [str(n.render()) for n in app.query(NoticeMessage)]
            assert not any("after the incident was discovered" in n for n in notices), "answered: the refusal goes"

    asyncio.run(body())


def test_the_next_draft_is_offered_the_folder_the_last_was_saved_in(documents_folder: Path, tmp_path: Path) -> None:
    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await draft_the_notification(pilot)
            await answer_details(pilot, app, {"site": "Example General Hospital"})
            elsewhere = tmp_path / "elsewhere"
            app.screen.query_one("#draft-folder", Input).value = str(elsewhere)
            await pilot.press("s")
            await pilot.pause()
            assert any(elsewhere.iterdir())
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("d")
            assert await settle_draft(pilot) == "draft:kind"
            await pilot.press("enter")
            await answer_details(pilot, app, {})
            assert app.screen.query_one("#draft-folder", Input).value == str(elsewhere)

    asyncio.run(body())


def test_an_undecided_card_offers_the_draft_too(documents_folder: Path) -> None:
    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            # England, unintended CT, doses not known: the verdict waits for them, the 14 days do not.
            await converse(pilot, {"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic"})
            assert app.conversation.decision().verdict == "undetermined"
            await pilot.click("#action-draft")
            assert await settle_draft(pilot) == "draft:kind"
            await pilot.press("enter")  # the document preselected: the local record, as nothing is decided yet
            assert await settle_draft(pilot) != "draft:kind", "a document was chosen and drafting went on"
            assert app._draft is not None and app._draft.kind == "local"

    asyncio.run(body())


def test_esc_steps_back_from_a_multiline_draft_question_and_the_footer_says_so(documents_folder: Path) -> None:
    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await draft_the_notification(pilot)
            previous = None
            current = await settle_draft(pilot)
            for _ in range(10):  # the details asked before the first multi-line one
                if isinstance(app.query_one("#answer"), MultilineAnswer):
                    break
                typed = {"draft:contact_email": "rpa@example.nhs.uk", "draft:contact_phone": "0161 496 0000",
                         "draft:incident_date": "2026-11-19"}.get(current, "Example")  # fmt: skip
                await type_text(pilot, typed)
                await pilot.press("enter")
                previous, current = current, await settle_draft(pilot)
                assert current != previous, f"{previous} refused {typed!r}"
            assert isinstance(app.query_one("#answer"), MultilineAnswer) and previous is not None
            from assistant.ui.widgets.question_message import QuestionMessage

            await pilot.pause()
            asked = [q for q in app.query(QuestionMessage) if not q.has_class("answered")][-1]
            view = app.transcript.region
            assert view.y <= asked.region.y < view.bottom, "the question shows above its 15-row box"
            escape = app.screen.active_bindings["escape"].binding
            assert escape.show and escape.description == "Back", "Ctrl+Z is the text box's undo: the footer names Esc"
            await pilot.press("escape")
            assert await settle_draft(pilot) == previous
            box = app.query_one("#answer-input", Input)
            assert box.value == typed, "the answer reopened comes back to edit, not to type again"

    asyncio.run(body())


def test_an_identifier_joined_only_without_markup_is_not_saved(tmp_path: Path) -> None:
    from textual.app import App

    from assistant.engine import assess
    from assistant.ui.screens.draft import DraftRequest
    from assistant.validation import parse_facts

    decision = assess(parse_facts(CT_OVERDOSE))
    markdown = "# Draft\n\nReference: **943** 476 5919\n"
    request = DraftRequest("notification", "Draft", markdown, decision, (), tmp_path, TODAY)

    class Host(App[None]):
        async def on_mount(self) -> None:
            await self.push_screen(DraftScreen(request))

    async def body() -> None:
        app = Host()
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, DraftScreen) and app.screen.clean, "the markdown alone shows no number"
            await pilot.press("s")
            await pilot.pause()
            assert not any(tmp_path.iterdir()), "saved with an NHS number in it"
            assert any("without its markup" in n.message for n in app._notifications)

    asyncio.run(body())


def test_today_and_yesterday_are_dates_in_a_draft_as_on_the_card() -> None:
    from assistant.config import Settings
    from assistant.engine import assess
    from assistant.ui.drafting import DraftInterview
    from assistant.validation import parse_facts

    draft = DraftInterview(assess(parse_facts(CT_OVERDOSE)), Settings(), kind="notification")
    draft.answer("incident_date", "Yesterday", TODAY)
    assert draft.details["incident_date"] == "2026-11-27"
    draft.answer("incident_date", "today", TODAY)
    assert draft.details["incident_date"] == "2026-11-28"


def test_a_draft_answer_that_no_longer_fits_a_changed_discovery_date_is_asked_again(documents_folder: Path) -> None:
    """An incident date given for an earlier draft, now after a discovery date changed since, must not crash
    the next draft: it is set aside, said so, and asked again with the old text to edit."""

    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await type_text(pilot, "15/11/2026")
            await pilot.press("enter")
            await pilot.pause()
            app._draft_details = {"incident_date": "2026-11-20", "description": "x"}  # from the last draft
            await draft_the_notification(pilot)
            await settle_draft(pilot)
            assert app._draft is not None
            assert "incident_date" not in app._draft.details and app._draft.details["description"] == "x"
            assert app._draft.earlier["incident_date"] == "2026-11-20"
            notices = [n.text for n in app.query(NoticeMessage)]
            assert any("after the incident was discovered (2026-11-15)" in n for n in notices), notices

    asyncio.run(body())


def test_an_answer_of_a_draft_already_made_can_be_changed(documents_folder: Path) -> None:
    """An identifier typed into a draft's answer can be taken out of the answer, not only redacted."""
    from assistant.ui.commands import IrmerCommands
    from assistant.ui.widgets.multiline_answer import MultilineAnswer

    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            app._draft_details = {"description": "Mrs Jones was scanned twice"}
            app._last_draft_kind = "notification"
            assert app.draft_answers() == [("description", "Mrs Jones was scanned twice")]
            names = [name for name, _, _ in IrmerCommands(app.screen, None)._commands()]
            assert any(name.startswith("Change draft answer: ") for name in names), names
            await app.revise("draft:description")
            assert await settle_draft(pilot) == "draft:description"
            assert app._draft is not None and app._draft.kind == "notification", "the same document, no kind asked"
            box = app.query_one("#answer")
            assert isinstance(box, MultilineAnswer)
            assert box.value == "Mrs Jones was scanned twice", "the answer comes back to edit"
            history = list(app.conversation.history)
            await pilot.press("escape")  # back from changing a draft answer is the card, not the incident's answers
            assert await settle_draft(pilot) == "decision"
            assert app._draft is None and app.conversation.history == history

    asyncio.run(body())


def test_a_draft_answer_left_blank_can_be_filled_in_after_the_draft(documents_folder: Path) -> None:
    """Left blank to fill in later: later is after the draft, so the palette offers it, and only it is asked."""
    from assistant.ui.commands import IrmerCommands

    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await draft_the_notification(pilot)
            asked = await answer_details(pilot, app, {"site": "Example General Hospital"})
            blanks = [key for key in asked if key != "site"]
            assert blanks, "some detail was left blank"
            await pilot.press("escape")
            assert await settle_draft(pilot) == "decision"
            offered = dict(app.draft_answers())
            assert offered["site"] == "Example General Hospital"
            assert all(offered[key] == LEFT_BLANK for key in blanks)
            names = [name for name, _, _ in IrmerCommands(app.screen, None)._commands()]
            assert sum(name.startswith("Change draft answer: ") for name in names) == len(asked)
            await app.revise(f"draft:{blanks[-1]}")
            again = await answer_details(pilot, app, {blanks[-1]: "filled in later"})
            assert again == [blanks[-1]], "the others stay left blank: only the one chosen is asked"
            assert app._draft_details[blanks[-1]] == "filled in later"
            assert blanks[-1] not in app._draft_blank

    asyncio.run(body())


def test_drafting_a_notification_without_the_discovery_date_says_how_to_have_the_deadlines(
    documents_folder: Path,
) -> None:
    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            assert app.query_one(DecisionCard).decision.deadlines is None
            await draft_the_notification(pilot)
            said = [str(n.render()) for n in app.query(NoticeMessage)]
            assert any("The discovery date is not given" in text for text in said), said
            await pilot.press("escape")  # to the choice of document
            assert await settle_draft(pilot) == "draft:kind"
            await pilot.press("escape")  # to the card
            assert await settle_draft(pilot) == "decision"
            await type_text(pilot, "20/11/2026")
            await pilot.press("enter")
            assert await settle_draft(pilot) == "decision"
            await draft_the_notification(pilot)
            said = [str(n.render()) for n in app.query(NoticeMessage)]
            assert sum("The discovery date is not given" in text for text in said) == 1, "not said again with it"

    asyncio.run(body())


def test_drafting_while_the_discovery_date_is_being_changed_keeps_the_date(documents_folder: Path) -> None:
    async def body() -> None:
        app = IrmerApp(today=lambda: TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await converse(pilot, CT_OVERDOSE)
            await type_text(pilot, "yesterday")
            await pilot.press("enter")
            assert await settle_draft(pilot) == "decision"
            await app.run_action("change_discovery_date")
            assert await settle_draft(pilot) == "decision"
            app.query_one("#discovered-on", Input).value = ""
            await pilot.press("d")  # the card's key, in the emptied box
            assert await settle_draft(pilot) == "draft:kind"
            assert app._draft is not None and app._draft.decision.deadlines is not None, "drafted with the date"
            said = [str(n.render()) for n in app.query(NoticeMessage)]
            assert not any("The discovery date is not given" in text for text in said)

    asyncio.run(body())
