"""The question flow as a state machine, built from flows/questions.yaml.

One state per question, plus `start`, `choosing` and `decided`. The event
`answered` leads from `start` and from every question to `choosing`; the
event `next` leads from `choosing` to every question and to `decided`, each
transition guarded by "is this the question to ask now?", read from the
facts so far and the engine's list of facts it still needs. Guards are
checked in declaration order, which is the order of the questions in the
file, so the first question still needed wins; `decided` comes last, guarded
by "nothing more to ask". (One hub rather than a transition from every
question to every other keeps the machine small: it is built at start-up.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from statemachine import State, StateChart

from assistant.flow.questions import Question, load_questions

START = "start"
CHOOSING = "choosing"
DECIDED = "decided"
EVENT = "answered"
NEXT = "next"


@dataclass
class FlowModel:
    """What the guards read: supplied by the conversation that owns the machine."""

    askable: Callable[[str], bool]
    finished: Callable[[], bool]
    state: str | None = None  # where python-statemachine keeps the current state


def guard_name(question_id: str) -> str:
    return f"ask_{question_id}"


FINISHED_GUARD = "nothing_more_to_ask"


def _guard(question_id: str) -> Callable[[Any], bool]:
    def guard(self: Any) -> bool:
        return bool(self.model.askable(question_id))

    guard.__name__ = guard_name(question_id)
    guard.__doc__ = f"{question_id} is the next question to ask."
    return guard


def _finished(self: Any) -> bool:
    return bool(self.model.finished())


def build_machine_class(questions: Sequence[Question]) -> type[StateChart[FlowModel]]:
    """A machine class with one state per question, guards in question order."""
    attrs: dict[str, Any] = {
        "__doc__": "The irmer question flow: each state is the question being asked.",
        "allow_event_without_transition": False,  # a state with no way on is a bug, not a no-op
        "catch_errors_as_events": False,  # a guard that fails must raise, not become an event
        START: State("Start", initial=True),
        CHOOSING: State("Choosing the next question"),
        DECIDED: State("Decided", final=True),
    }
    for q in questions:
        attrs[q.id] = State(q.id)
        attrs[guard_name(q.id)] = _guard(q.id)
    attrs[FINISHED_GUARD] = _finished
    answered = attrs[START].to(attrs[CHOOSING])
    for q in questions:
        answered = answered | attrs[q.id].to(attrs[CHOOSING])
    choices = [attrs[CHOOSING].to(attrs[q.id], cond=guard_name(q.id)) for q in questions]
    following = choices[0]
    for t in [*choices[1:], attrs[CHOOSING].to(attrs[DECIDED], cond=FINISHED_GUARD)]:
        following = following | t
    attrs[EVENT] = answered
    attrs[NEXT] = following
    return type("QuestionFlow", (StateChart,), attrs)


@cache
def flow_machine_class() -> type[StateChart[FlowModel]]:
    """The machine class for the shipped questions."""
    return build_machine_class(load_questions())


def new_machine(model: FlowModel) -> StateChart[FlowModel]:
    """A machine at `start`, reading its guards from `model`."""
    model.state = None
    return flow_machine_class()(model=model)


def state_id(machine: StateChart[FlowModel]) -> str:
    return str(machine.current_state_value)
