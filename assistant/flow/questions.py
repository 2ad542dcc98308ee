"""The chat's questions, loaded from flows/questions.yaml and checked against the facts schema.

A mistake in the question data (a fact the contract does not define, an
option value the fact does not accept, an unknown kind) stops loading with
every problem listed, so it is caught by the first test, not by a user.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from assistant.fact_schema import FactSpec, fact_specs
from assistant.resources import flows_dir
from assistant.validation import check_value
from assistant.yaml_io import load_yaml

KINDS = ("choice", "multi", "number", "yesno", "date", "form")
UNIT_KINDS = ("dose_msv", "dose_mgy", "activity_mbq", "ratio", "margin", "count", "years")
# The unit each kind is converted to must be the fact's own unit.
UNIT_OF_KIND = {
    "dose_msv": ("mSv",),
    "dose_mgy": ("mGy",),
    "activity_mbq": ("MBq",),
    "ratio": ("×",),
    "margin": ("×",),
    "count": ("scans", "images", "people", ""),
    "years": ("years",),
}
ASK_ALWAYS = "always"
ASK_NEEDED = "needed"


@dataclass(frozen=True)
class Option:
    """One answer to pick: `label` in staff words, `value_text` what can be typed instead."""

    label: str
    value_text: str
    sets: Mapping[str, Any] = field(default_factory=dict)
    unticked: Mapping[str, Any] = field(default_factory=dict)
    unknown: tuple[str, ...] = ()
    exclusive: bool = False
    # A checklist's "not sure about the others": what is not ticked is left not known, not answered no.
    rest_unknown: bool = False


@dataclass(frozen=True)
class Field:
    """One fact a question fills. `options` is set for a choice inside a form."""

    fact: str
    label: str
    unit_kind: str | None
    allow_unknown: bool
    options: tuple[Option, ...] = ()
    min: float | None = None


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    term: str
    why: str
    kind: str
    options: list[Option]
    fields: list[Field]
    allow_unknown: bool
    help: str = ""
    ask_when: str = ASK_NEEDED
    follows_tick: str | None = None  # ask_when {ticked: option}: asked whenever that option is ticked
    only_if: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    only_if_ticked: tuple[str, ...] = ()
    quotes: tuple[tuple[str, str], ...] = ()

    @property
    def facts(self) -> tuple[str, ...]:
        return tuple(f.fact for f in self.fields)


class QuestionDataError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("flows/questions.yaml: " + " ".join(problems))


def _option(raw: Mapping[str, Any], where: str, specs: Mapping[str, FactSpec], problems: list[str]) -> Option:
    sets = dict(raw.get("sets") or {})
    unticked = dict(raw.get("unticked") or {})
    for group, values in (("sets", sets), ("unticked", unticked)):
        for fact, value in values.items():
            spec = specs.get(fact)
            if spec is None:
                problems.append(f"{where}: option {raw.get('value')!r} {group} unknown fact `{fact}`.")
                continue
            try:
                values[fact] = check_value(spec, value)
            except ValueError as err:
                problems.append(f"{where}: {err}")
    value_text = str(raw.get("value", ""))
    if not value_text or not raw.get("label"):
        problems.append(f"{where}: every option needs a value and a label.")
    return Option(
        label=str(raw.get("label", "")),
        value_text=value_text,
        sets=sets,
        unticked=unticked,
        unknown=tuple(raw.get("unknown") or ()),
        exclusive=bool(raw.get("exclusive", False)),
        rest_unknown=bool(raw.get("rest_unknown", False)),
    )


def _field(
    raw: Any, where: str, specs: Mapping[str, FactSpec], allow_unknown: bool, problems: list[str], *, by_options: bool
) -> Field:
    if isinstance(raw, str):
        raw = {"fact": raw}
    fact = str(raw.get("fact", ""))
    spec = specs.get(fact)
    if spec is None:
        problems.append(f"{where}: unknown fact `{fact}` (see flows/facts.yaml).")
        return Field(fact, fact, None, allow_unknown)
    unit_kind = raw.get("unit_kind")
    if unit_kind is not None:
        if unit_kind not in UNIT_KINDS:
            problems.append(f"{where}: unit_kind {unit_kind!r} is not one of {', '.join(UNIT_KINDS)}.")
        elif spec.unit not in UNIT_OF_KIND[unit_kind]:
            problems.append(f"{where}: unit_kind {unit_kind} does not give `{fact}` in {spec.unit or 'its unit'}.")
    elif spec.type in ("number", "int") and not by_options:
        problems.append(f"{where}: the number `{fact}` needs a unit_kind.")
    options = tuple(_option(o, f"{where} `{fact}`", specs, problems) for o in raw.get("options") or ())
    return Field(
        fact=fact,
        label=str(raw.get("label", spec.label[:1].upper() + spec.label[1:])),
        unit_kind=unit_kind if unit_kind is not None else ("choice" if options else None),
        allow_unknown=bool(raw.get("allow_unknown", allow_unknown)),
        options=options,
        min=raw.get("min"),
    )


def _why(raw: Any, where: str, problems: list[str]) -> tuple[tuple[str, str], ...]:
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        if not isinstance(item, Mapping) or not item.get("quote") or not item.get("source"):
            problems.append(f"{where}: `why` needs a quote and its source.")
            continue
        out.append((str(item["quote"]), str(item["source"])))
    return tuple(out)


def _question(raw: Mapping[str, Any], specs: Mapping[str, FactSpec], problems: list[str]) -> Question:
    qid = str(raw.get("id", ""))
    where = f"question {qid or '(no id)'}"
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}.")
    for key in ("prompt", "term", "why"):
        if not raw.get(key):
            problems.append(f"{where}: `{key}` is missing.")
    allow_unknown = bool(raw.get("allow_unknown", False))
    by_options = kind in ("choice", "multi")
    fields = [_field(f, where, specs, allow_unknown, problems, by_options=by_options) for f in raw.get("fields") or ()]
    options = [_option(o, where, specs, problems) for o in raw.get("options") or ()]
    facts = {f.fact for f in fields}
    if kind in ("choice", "multi"):
        if not options:
            problems.append(f"{where}: a {kind} question needs options.")
        for o in options:
            stray = (set(o.sets) | set(o.unticked) | set(o.unknown)) - facts
            if stray:
                problems.append(f"{where}: option {o.value_text!r} sets {sorted(stray)}, not among its fields.")
            if kind == "multi" and "," in o.label:
                problems.append(
                    f"{where}: option labels of a checklist may not contain commas (typed lists split on them)."
                )
    elif len(fields) != 1 and kind != "form":
        problems.append(f"{where}: a {kind} question fills exactly one fact.")
    ask_when_raw = raw.get("ask_when", ASK_NEEDED)
    follows = None
    if isinstance(ask_when_raw, Mapping) and "ticked" in ask_when_raw:
        follows, ask_when = str(ask_when_raw["ticked"]), "ticked"
    elif ask_when_raw in (ASK_ALWAYS, ASK_NEEDED):
        ask_when = str(ask_when_raw)
    else:
        problems.append(f"{where}: ask_when {ask_when_raw!r} is not needed, always or {{ticked: option}}.")
        ask_when = ASK_NEEDED
    only_raw = dict(raw.get("only_if") or {})
    ticked = tuple(str(t) for t in only_raw.pop("ticked", ()) or ())
    only_if: dict[str, tuple[Any, ...]] = {}
    for fact, allowed in only_raw.items():
        if fact not in specs:
            problems.append(f"{where}: only_if names unknown fact `{fact}`.")
        only_if[fact] = tuple(allowed)
    return Question(
        id=qid,
        prompt=str(raw.get("prompt", "")),
        term=str(raw.get("term", "")),
        why=" ".join(f"“{q}” ({s})" for q, s in _why(raw.get("why"), where, problems)),
        kind=str(kind),
        options=options,
        fields=fields,
        allow_unknown=allow_unknown or any(f.allow_unknown for f in fields),
        help=" ".join(str(raw.get("help", "")).split()),
        ask_when=ask_when,
        follows_tick=follows,
        only_if=only_if,
        only_if_ticked=ticked,
        quotes=_why(raw.get("why"), where, []),
    )


def parse_questions(raw: Any) -> tuple[Question, ...]:
    """Questions from the YAML data; raises QuestionDataError listing every problem."""
    specs = fact_specs()
    problems: list[str] = []
    if not isinstance(raw, Mapping) or not isinstance(raw.get("questions"), list):
        raise QuestionDataError(["the file must hold a `questions:` list."])
    questions = tuple(_question(q, specs, problems) for q in raw["questions"])
    ids = [q.id for q in questions]
    for qid in {i for i in ids if ids.count(i) > 1}:
        problems.append(f"question id {qid!r} is used twice.")
    if {"start", "decided"} & set(ids):
        problems.append("`start` and `decided` are the machine's own states, not question ids.")
    tick_values = {o.value_text for q in questions if q.kind == "multi" for o in q.options}
    for q in questions:
        for t in (q.follows_tick, *q.only_if_ticked):
            if t is not None and t not in tick_values:
                problems.append(f"question {q.id}: {t!r} is not a checklist option.")
        if not q.id.isidentifier():
            problems.append(f"question id {q.id!r} must be a Python identifier (it names a state).")
    if problems:
        raise QuestionDataError(problems)
    return questions


@cache
def load_questions() -> tuple[Question, ...]:
    """The questions in flows/questions.yaml, in the order they are considered."""
    raw = load_yaml((flows_dir() / "questions.yaml").read_text(encoding="utf-8"))
    return parse_questions(raw)


def question_by_id(qid: str) -> Question:
    for q in load_questions():
        if q.id == qid:
            return q
    raise KeyError(qid)
