"""One chat about one incident: the answers so far, revisions, and a plain-data form to save.

The conversation keeps only the answers, in the order given. Everything
else (facts, transcript, which question is open) is worked out from them by
replaying the flow, so a revision can never leave a fact behind whose
question no longer applies, or whose answer no longer changes anything.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from statemachine import StateChart

from assistant.decision import Decision
from assistant.engine import assess
from assistant.fact_schema import fact_specs
from assistant.flow.answers import AnswerError, Parsed, parse_answer
from assistant.flow.machine import CHOOSING, DECIDED, EVENT, NEXT, START, FlowModel, new_machine, state_id
from assistant.flow.questions import ASK_ALWAYS, Question, load_questions, question_by_id
from assistant.validation import InputError, check_value, parse_facts

Raw = str | list[str] | dict[str, str]
NATION = "nation"  # the question a default nation (settings or --jurisdiction) answers
SAVE_VERSION = 1


@dataclass(frozen=True)
class Turn:
    """One answered question as the transcript shows it."""

    question_id: str
    prompt: str
    echo: str
    facts_set: dict[str, Any]


@dataclass(frozen=True)
class _Answer:
    raw: Raw
    parsed: Parsed


@dataclass(frozen=True)
class _Context:
    """The flow's view of the answers so far, worked out once per change."""

    facts: dict[str, Any]
    unknown: frozenset[str]
    ticks: frozenset[str]
    decision: Decision  # nothing assumed
    needed: frozenset[str]
    could_add_code: frozenset[str]  # facts of the open checks: each could add a code to a settled verdict


@lru_cache(maxsize=256)
def _judge(items: frozenset[tuple[str, Any]]) -> Decision:
    """The engine on facts so far, nothing assumed. Cached: a replay judges the same prefixes again."""
    return assess(dict(items), assume_absent=False)


def _gist(d: Decision) -> tuple[Any, ...]:
    """What an answer can change: the verdict, the codes, what they and the verdict wait on, what is unchecked."""
    return d.verdict, d.codes, d.codes_need, d.missing, tuple(c.code for c in d.open_checks)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


class Conversation:
    """The chat's state. `current()` is the open question; `answer()` takes a typed answer."""

    def __init__(self, default_jurisdiction: str | None = None) -> None:
        self._default: str | None = None
        if default_jurisdiction is not None:
            try:
                self._default = check_value(fact_specs()["jurisdiction"], default_jurisdiction)
            except ValueError as err:
                raise AnswerError(str(err)) from err
        self._answers: dict[str, _Answer] = {}
        self._remembered: dict[str, Raw] = {}
        self._card: dict[str, Any] = {}
        self._reopened: str | None = None
        self._check_codes = False  # asked for by the card: also ask what could add a code
        self._replaying: frozenset[str] = frozenset()
        self._ctx: _Context | None = None
        self._model = FlowModel(askable=self._askable, finished=self._finished)
        self.machine: StateChart[FlowModel] = new_machine(self._model)
        self._sync()

    # -- what the flow knows -------------------------------------------------

    def _context(self) -> _Context:
        if self._ctx is None:
            facts: dict[str, Any] = {}
            if self._default is not None:
                facts["jurisdiction"] = self._default
            unknown: set[str] = set()
            ticks: set[str] = set()
            for a in self._answers.values():
                facts.update(a.parsed.sets)
                unknown.update(a.parsed.unknown)
                ticks.update(a.parsed.ticks)
            facts.update(self._card)
            decision = _judge(frozenset(facts.items()))
            needed = frozenset(decision.missing + decision.codes_need) - unknown
            could_add = frozenset(n for check in decision.open_checks for n in check.needs) - unknown
            self._ctx = _Context(facts, frozenset(unknown), frozenset(ticks), decision, needed, could_add)
        return self._ctx

    def _changed(self) -> None:
        self._ctx = None

    def _applies(self, q: Question, ctx: _Context) -> bool:
        if not all(t in ctx.ticks for t in q.only_if_ticked):
            return False
        return all(ctx.facts.get(fact) in allowed for fact, allowed in q.only_if.items())

    def _wanted(self, q: Question, ctx: _Context) -> bool:
        """Whether `q` is to be asked now, revisions aside."""
        if q.id in self._answers or not self._applies(q, ctx):
            return False
        if q.follows_tick is not None:
            # A ticked "more than one person" already meets M; the count is asked for the notification.
            return q.follows_tick in ctx.ticks
        if q.ask_when == ASK_ALWAYS:
            # The checklist can add a letter (M, E, C) or a body to tell even once the
            # verdict is settled; only an exposure outside IR(ME)R has no use for it.
            return ctx.decision.verdict != "outside_irmer"
        if ctx.decision.settled:
            # Once settled, a question that could add a code is asked only when the person asks to
            # check the codes, or to keep an answer they gave (a revision re-flows through it).
            if not (self._check_codes or q.id in self._replaying):
                return False
            return any(fact in ctx.could_add_code for fact in q.facts)
        return any(fact in ctx.needed for fact in q.facts)

    def _askable(self, question_id: str) -> bool:
        if self._reopened is not None:
            return question_id == self._reopened
        return self._wanted(question_by_id(question_id), self._context())

    def _finished(self) -> bool:
        if self._reopened is not None:
            return False
        ctx = self._context()
        return not any(self._wanted(q, ctx) for q in load_questions())

    def _next_id(self) -> str:
        for q in load_questions():
            if self._askable(q.id):
                return q.id
        return DECIDED

    def _sync(self) -> None:
        """Move the machine to the question to ask now (its guards choose it)."""
        target = self._next_id()
        if state_id(self.machine) == target:
            return
        if self.machine.is_terminated:  # `decided` is final: a revision starts a new run
            self.machine = new_machine(self._model)
        self.machine.send(EVENT)
        self.machine.send(NEXT)

    def _replay(self, answers: Mapping[str, _Answer]) -> None:
        """Keep, in flow order, the earlier answers whose questions are still asked, and those that still tell.

        An answer "still tells" when its question still applies to this kind of incident and the decision
        changes with it: doses that show the exposure was unintended settle a code that "not sure" about the
        kind of exposure left open, though the flow, settled on the verdict, would not ask for them.
        """
        self._answers = {}
        self._reopened = None
        self._replaying = frozenset(answers)
        self._changed()
        try:
            while True:
                qid = self._next_id()
                if qid != DECIDED and qid in answers:
                    kept = answers[qid]
                    if self._conflict(kept.parsed) is not None:
                        break  # asked again, with the earlier answer offered to edit
                else:
                    candidates = {**self._remembered_answers(), **answers}
                    passed_by = self._still_tells(candidates)
                    if passed_by is None:
                        break
                    qid, kept = passed_by, candidates[passed_by]
                self._answers[qid] = kept
                self._changed()
        finally:
            self._replaying = frozenset()
        for qid, a in answers.items():
            if qid not in self._answers:
                self._remembered[qid] = a.raw

    def _remembered_answers(self) -> dict[str, _Answer]:
        """Answers set aside by an earlier revision (a detour through "a member of the public" and back), read
        again: one that still applies and still changes the decision is kept rather than lost."""
        out = {}
        for qid, raw in self._remembered.items():
            try:
                out[qid] = _Answer(raw, parse_answer(question_by_id(qid), raw))
            except (AnswerError, KeyError):
                continue  # no longer a valid answer to its question: it stays offered, not applied
        return out

    def _still_tells(self, answers: Mapping[str, _Answer]) -> str | None:
        """The first earlier answer, in flow order, not kept yet that still applies and changes the decision."""
        ctx = self._context()
        now = ctx.decision
        for q in load_questions():
            given = answers.get(q.id)
            if given is None or q.id in self._answers or not given.parsed.sets or not self._applies(q, ctx):
                continue
            if q.follows_tick is not None and q.follows_tick not in ctx.ticks:
                continue
            if self._conflict(given.parsed) is not None:
                continue
            then = _judge(frozenset({**ctx.facts, **given.parsed.sets}.items()))
            if _gist(then) != _gist(now):
                return q.id
        return None

    def _conflict(self, parsed: Parsed, before: str | None = None) -> str | None:
        """A combination of facts no incident can have (the contract's checks), or None.

        With `before`, only the answers given before that question count: later
        ones that no longer fit are dropped by the replay, not held against it.
        """
        facts = {}
        if self._default is not None:
            facts["jurisdiction"] = self._default
        for qid, a in self._answers.items():
            if qid == before:
                break
            facts.update(a.parsed.sets)
        facts.update(parsed.sets)
        try:
            parse_facts(facts, require_jurisdiction=False)
        except InputError as err:
            return err.message()
        return None

    # -- the interface the chat uses ----------------------------------------

    def ruled_out(self, question: Question) -> frozenset[str]:
        """Labels of this question's options that no incident with the earlier answers can have (a breast-fed
        infant's exposure rules out radiotherapy): not offered, rather than refused once picked."""
        if question.kind not in ("choice", "multi"):
            return frozenset()
        return frozenset(
            option.label
            for option in question.options
            if option.sets and self._conflict(Parsed(sets=dict(option.sets)), before=question.id) is not None
        )

    def current(self) -> Question | None:
        """The open question, or None when there is nothing more to ask."""
        sid = state_id(self.machine)
        return None if sid in (START, CHOOSING, DECIDED) else question_by_id(sid)

    def answer(self, question_id: str, raw: Raw) -> str:
        """Take an answer to the open question; returns the transcript's echo of it."""
        q = self.current()
        if q is None:
            raise AnswerError("There is no open question: the decision is reached. Revise an answer to change it.")
        if question_id != q.id:
            raise AnswerError(f"“{question_id}” is not the open question; the open question is “{q.id}”.")
        parsed = parse_answer(q, raw)
        problem = self._conflict(parsed, before=q.id)
        if problem is not None:
            raise AnswerError(problem)
        answers = dict(self._answers)
        answers[q.id] = _Answer(copy.deepcopy(raw), parsed)
        self._replay(answers)
        self._sync()
        return parsed.echo

    @property
    def history(self) -> list[Turn]:
        return [
            Turn(qid, question_by_id(qid).prompt, a.parsed.echo, dict(a.parsed.sets))
            for qid, a in self._answers.items()
        ]

    def revise(self, question_id: str) -> None:
        """Reopen an answered question; answering it again re-flows the rest."""
        defaulted = question_id == NATION and self._default is not None
        if question_id not in self._answers and not defaulted:
            try:
                question_by_id(question_id)
            except KeyError:
                raise AnswerError(f"There is no question “{question_id}”.") from None
            raise AnswerError(f"“{question_id}” has not been answered, so there is nothing to revise.")
        self._reopened = question_id
        self._changed()
        self._sync()

    def check_codes(self) -> None:
        """Ask, after the verdict, the questions that could add a code (the card's "not yet checked")."""
        self._check_codes = True
        self._replay(self._answers | {})
        self._sync()

    @property
    def checking_codes(self) -> bool:
        return self._check_codes

    def codes_to_check(self) -> bool:
        """Whether checking the codes has a question to ask: a fact that could add a code, not answered don't know."""
        ctx = self._context()
        if not (ctx.decision.settled and ctx.could_add_code):
            return False
        # Only where a question would be asked: the infant's dose waits for the infant to be ticked.
        return any(
            q.id not in self._answers and self._applies(q, ctx) and any(f in ctx.could_add_code for f in q.facts)
            for q in load_questions()
        )

    def back(self) -> None:
        """Reopen the most recent answered question (before the one reopened, if any)."""
        order = list(self._answers)
        index = order.index(self._reopened) - 1 if self._reopened in order else len(order) - 1
        if index < 0:
            raise AnswerError("There is no earlier answer to go back to.")
        self.revise(order[index])

    def previous_answer(self, question_id: str) -> Raw | None:
        """The answer last given to this question, to pre-fill it when it is asked again."""
        if question_id in self._answers:
            return copy.deepcopy(self._answers[question_id].raw)
        if question_id in self._remembered:
            return copy.deepcopy(self._remembered[question_id])
        return None

    @property
    def facts(self) -> dict[str, Any]:
        """The facts collected so far, validated, as an incident file would hold them."""
        return dict(self._context().facts)

    def decision(self) -> Decision:
        """The decision on the facts so far.

        Once the flow is over, this is `assess(facts)` with the usual
        assumptions, exactly what `irmer assess` gives on the facts the
        decision lists (where an answer "don't know" is null: never assumed).
        Until then nothing is assumed: missing facts are listed, never guessed.
        """
        ctx = self._context()
        if self.current() is not None:
            return dataclasses.replace(ctx.decision, facts=dict(ctx.decision.facts))  # the cached one stays intact
        return assess(ctx.facts, assume_absent=True, not_known=ctx.unknown)

    def set_fact(self, name: str, value: Any) -> None:
        """Set a fact the decision card collects (discovered_on, voluntary); None clears it."""
        specs = fact_specs()
        if name not in specs:
            raise AnswerError(f"“{name}” is not a fact irmer knows; accepted: {', '.join(specs)}.")
        asked = {f for q in load_questions() for f in q.facts}
        if name in asked:
            raise AnswerError(f"“{name}” is collected by a question: revise that question instead.")
        if value is None:
            self._card.pop(name, None)
        else:
            try:
                self._card[name] = check_value(specs[name], value)
            except ValueError as err:
                raise AnswerError(str(err)) from err
        self._replay(self._answers | {})
        self._sync()

    # -- saving -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-serialisable data; `Conversation.from_dict` restores it exactly."""
        return {
            "version": SAVE_VERSION,
            "default_jurisdiction": self._default,
            "answers": [{"question_id": qid, "raw": copy.deepcopy(a.raw)} for qid, a in self._answers.items()],
            "remembered": {qid: copy.deepcopy(raw) for qid, raw in self._remembered.items()},
            "card": {k: _plain(v) for k, v in self._card.items()},
            "reopened": self._reopened,
            "check_codes": self._check_codes,
            "position": state_id(self.machine),
            "facts": {k: _plain(v) for k, v in self.facts.items()},
            "history": [
                dataclasses.asdict(t) | {"facts_set": {k: _plain(v) for k, v in t.facts_set.items()}}
                for t in self.history
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Conversation:
        """A conversation saved by `to_dict`; raises ValueError if the data does not replay to the same state."""
        if not isinstance(data, Mapping) or data.get("version") != SAVE_VERSION:
            raise ValueError(f"Not a saved irmer conversation (version {SAVE_VERSION}).")
        conv = cls(data.get("default_jurisdiction"))
        conv._check_codes = bool(data.get("check_codes", False))
        specs = fact_specs()
        for name, value in (data.get("card") or {}).items():
            conv._card[name] = check_value(specs[name], value)
        answers: dict[str, _Answer] = {}
        for item in data.get("answers") or ():
            q = question_by_id(item["question_id"])
            answers[q.id] = _Answer(copy.deepcopy(item["raw"]), parse_answer(q, item["raw"]))
        conv._replay(answers)
        conv._remembered.update(data.get("remembered") or {})
        reopened = data.get("reopened")
        if reopened is not None and reopened not in conv._answers and not (reopened == NATION and conv._default):
            raise ValueError(f"The saved conversation reopens “{reopened}”, which it never answered.")
        conv._reopened = reopened
        conv._changed()
        conv._sync()
        restored = conv.to_dict()
        for key in ("facts", "position", "answers"):
            if restored[key] != data.get(key):
                raise ValueError(
                    f"The saved conversation does not replay to the same {key}: the questions may have changed."
                )
        return conv
