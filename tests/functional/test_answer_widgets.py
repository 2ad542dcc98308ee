"""The answer widgets as the keyboard uses them: type-ahead, number keys, the checklist's "None of these"."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.app import App, ComposeResult

from assistant.ui.widgets.answer_base import Answered
from assistant.ui.widgets.choice_answer import ChoiceAnswer
from assistant.ui.widgets.form_answer import FormAnswer, FormRow
from assistant.ui.widgets.multi_answer import NONE_OF_THESE, MultiAnswer
from assistant.ui.widgets.text_answer import TextAnswer

NATIONS = ["England", "Wales", "Scotland", "Northern Ireland", "Don't know"]


class Host(App[None]):
    """Shows one answer widget and keeps what it sends."""

    def __init__(self, widget: Any) -> None:
        super().__init__()
        self.widget = widget
        self.sent: list[str | list[str] | dict[str, str]] = []

    def compose(self) -> ComposeResult:
        yield self.widget

    def on_mount(self) -> None:
        self.widget.focus()

    def on_answered(self, message: Answered) -> None:
        self.sent.append(message.raw)


def drive(widget: Any, *keys: str) -> list[Any]:
    async def body() -> list[Any]:
        app = Host(widget)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            return app.sent

    return asyncio.run(body())


def test_typing_the_start_of_an_option_then_enter() -> None:
    assert drive(ChoiceAnswer("nation", NATIONS), "s", "c", "enter") == ["Scotland"]
    assert drive(ChoiceAnswer("nation", NATIONS), "n", "o", "enter") == ["Northern Ireland"]


def test_number_keys_choose_at_once_and_arrows_move() -> None:
    assert drive(ChoiceAnswer("nation", NATIONS), "2") == ["Wales"]
    # Nothing is highlighted until an arrow is pressed: the first Down lands on option 1.
    assert drive(ChoiceAnswer("nation", NATIONS), "down", "down", "down", "enter") == ["Scotland"]


def test_0_is_dont_know_in_every_list() -> None:
    assert drive(ChoiceAnswer("nation", NATIONS), "0") == ["Don't know"]
    assert drive(ChoiceAnswer("nation", NATIONS), "5") == [], "Don't know has no number but 0"
    yes_no = ChoiceAnswer("yn", ["Yes", "No", "Don't know"])
    assert yes_no.keys == ["1", "2", "0"]
    assert drive(yes_no, "0") == ["Don't know"]
    assert drive(ChoiceAnswer("c", ["A", "B"]), "0") == [], "no Don't know offered: 0 does nothing"


def notices_after(widget: Any, *keys: str) -> tuple[list[Any], list[str]]:
    async def body() -> tuple[list[Any], list[str]]:
        app = Host(widget)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            return app.sent, [str(n.message) for n in app._notifications]

    return asyncio.run(body())


def test_a_number_key_that_names_no_option_says_which_keys_work() -> None:
    sent, notices = notices_after(ChoiceAnswer("nation", NATIONS[:4]), "0", *["7"] * 50)
    assert sent == []
    assert notices[0] == "0 is not one of the options here: press 1-4."
    assert len(notices) < 10, "a burst of wrong keys gets a message a second, not one a key"
    sent, notices = notices_after(ChoiceAnswer("nation", NATIONS), "9")
    assert (sent, notices) == ([], ["9 is not one of the options here: press 1-4, or 0 if not sure."])
    eleven = [f"Option {n}" for n in range(11)]
    sent, notices = notices_after(ChoiceAnswer("long", eleven), "0")
    assert notices == ["0 is not one of the options here: press 1-9 (the arrows reach the rest)."]
    checklist = MultiAnswer("c", ["Several people", "A theme", "None of these"], exclusive={"None of these"})
    sent, notices = notices_after(checklist, "5", "1", "enter")
    assert sent == [["Several people"]]
    assert notices == ["5 is not one of the options here: press 1-3."]


def test_a_stray_enter_answers_nothing() -> None:
    """ "2" then Enter, as in many menus, sends Wales once; the Enter must not answer the next question."""
    assert drive(ChoiceAnswer("nation", NATIONS), "enter") == []


def test_an_earlier_answer_is_preselected() -> None:
    assert drive(ChoiceAnswer("nation", NATIONS, selected="Wales"), "enter") == ["Wales"]


def test_checklist_ticks_and_sends_in_order() -> None:
    labels = ["Several people", "A theme", "A foetus", "None of these"]
    widget = MultiAnswer("c", labels, exclusive={"None of these"})
    assert drive(widget, "3", "1", "enter") == [["Several people", "A foetus"]]


def test_none_of_these_unticks_the_rest_and_the_rest_untick_it() -> None:
    labels = ["Several people", "A theme", "None of these"]
    assert drive(MultiAnswer("c", labels, exclusive={"None of these"}), "1", "2", "3", "enter") == [["None of these"]]
    assert drive(MultiAnswer("c", labels, exclusive={"None of these"}), "3", "1", "enter") == [["Several people"]]


def test_0_ticks_not_sure_in_the_real_checklist_and_the_title_names_its_keys() -> None:
    from assistant.flow.questions import load_questions
    from assistant.ui.app import answer_widget

    checklist = next(q for q in load_questions() if q.id == "circumstances")
    widget = answer_widget(checklist, None)
    assert isinstance(widget, MultiAnswer)
    unsure = next(o.label for o in checklist.options if o.rest_unknown)
    assert widget.keys[widget.labels.index(unsure)] == "0" and widget.keys[widget.labels.index("None of these")]
    assert str(widget.border_title).startswith("Space or 1-9, 0 ticks · ") and " · 0 Not sure yet · " in str(
        widget.border_title
    )
    assert drive(widget, "2", "0", "enter") == [[checklist.options[1].label, unsure]]


def test_0_picks_the_questions_own_not_sure_option() -> None:
    from assistant.flow.questions import load_questions
    from assistant.ui.app import answer_widget

    who = next(q for q in load_questions() if q.id == "who")
    widget = answer_widget(who, None)
    unsure = next(o.label for o in who.options if o.unknown)
    assert drive(widget, "0") == [unsure]


def test_nothing_ticked_is_not_sent() -> None:
    assert drive(MultiAnswer("c", ["A", "B"], exclusive=set()), "enter") == []


def test_checklist_without_a_none_option_gets_one_that_sends_nothing_ticked() -> None:
    widget = MultiAnswer("c", ["A", "B"], exclusive=set())
    assert widget.labels[-1] == NONE_OF_THESE
    assert drive(widget, "3", "enter") == [[]]


def test_form_enter_moves_down_and_sends_from_the_last_line() -> None:
    rows = [FormRow("intended_dose_msv", "Intended", "mSv", True), FormRow("total_dose_msv", "Total", "mSv", True)]
    sent = drive(FormAnswer("doses", rows), "1", "enter", "1", "2", "enter")
    assert sent == [{"intended_dose_msv": "1", "total_dose_msv": "12"}]


def test_text_answer_sends_what_was_typed_and_refuses_a_blank_enter() -> None:
    assert drive(TextAnswer("dose", "mSv", allow_unknown=True), "enter") == []
    assert drive(TextAnswer("dose", "mSv", allow_unknown=True), "4", " ", "m", "S", "v", "enter") == ["4 mSv"]
    assert drive(TextAnswer("site", "text", allow_unknown=False, blank_skips=True), "enter") == [""]


def test_every_form_hint_fits_one_line_at_80_columns() -> None:
    from assistant.flow.questions import load_questions
    from assistant.ui.app import answer_widget
    from assistant.ui.widgets.form_answer import FormAnswer

    for question in load_questions():
        if question.kind != "form":
            continue
        widget = answer_widget(question, None)
        assert isinstance(widget, FormAnswer)
        for row in widget.rows:  # a placeholder is one line: past the box's width it is cut off
            assert len(row.placeholder()) <= 76, (question.id, row.placeholder())


def test_a_list_with_a_not_sure_option_names_its_key_in_the_title() -> None:
    assert ChoiceAnswer("nation", NATIONS).border_title == "1-4 or arrows · 0 Don't know"
    assert not ChoiceAnswer("nation", NATIONS[:4]).border_title, "no 0: nothing below the fold to name"
    who = ChoiceAnswer(
        "who", ["Unintended", "Accidental", "A patient, not sure which: yet"], not_sure="A patient, not sure which: yet"
    )
    assert who.border_title == "1-2 or arrows · 0 A patient, not sure which"


def test_options_ruled_out_are_not_offered_and_the_keys_number_those_shown() -> None:
    from assistant.flow.questions import question_by_id
    from assistant.ui.app import answer_widget

    setting = question_by_id("setting")
    radiotherapy = next(o.label for o in setting.options if o.value_text == "radiotherapy")
    widget = answer_widget(setting, None, ruled_out={radiotherapy})
    assert isinstance(widget, ChoiceAnswer)
    assert radiotherapy not in widget.labels
    shown = [o.label for o in setting.options if o.label != radiotherapy]
    assert drive(widget, str(len(shown))) == [shown[-1]], "the last key names the last option shown"
