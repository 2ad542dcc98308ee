"""`irmer flow`: the question flow as a Mermaid diagram or a Markdown transition table."""

from __future__ import annotations

from assistant.fact_schema import fact_specs
from assistant.flow.machine import (
    CHOOSING,
    DECIDED,
    EVENT,
    FINISHED_GUARD,
    NEXT,
    START,
    flow_machine_class,
    guard_name,
)
from assistant.flow.questions import ASK_ALWAYS, Question, load_questions

FORMATS = ("mermaid", "md")


def _when(q: Question) -> str:
    specs = fact_specs()
    if q.follows_tick is not None:
        rule = f"checklist option “{q.follows_tick}” ticked (even once decided: the count goes into the notification)"
    elif q.ask_when == ASK_ALWAYS:
        rule = "always, once, for a patient (even once decided: it can add M, E or C)"
    else:
        rule = "the engine still needs " + " or ".join(f"`{f}`" for f in q.facts)
    conditions = [
        f"{fact} is {' or '.join('not known' if v is None else str(v) for v in values)}"
        for fact, values in q.only_if.items()
    ]
    conditions += [f"“{t}” ticked" for t in q.only_if_ticked]
    labels = ", ".join(specs[f].label for f in q.facts)
    return rule + (f"; only if {'; '.join(conditions)}" if conditions else "") + f" ({labels})"


def _table() -> str:
    questions = load_questions()
    lines = [
        "| From | Event | Guard | To | Asked when |",
        "| ---- | ----- | ----- | -- | ---------- |",
        f"| {START} or any question | {EVENT} | | {CHOOSING} | after each answer |",
    ]
    for q in questions:
        lines.append(f"| {CHOOSING} | {NEXT} | {guard_name(q.id)} | {q.id} | {_when(q)} |")
    lines.append(
        f"| {CHOOSING} | {NEXT} | {FINISHED_GUARD} | {DECIDED} | "
        "the decision is settled, or every fact that could settle it was answered “don't know” |"
    )
    note = (
        "Guards are checked top to bottom: the first question that is still needed is asked. "
        "A question being revised is asked before any other."
    )
    return "\n".join(lines) + "\n\n" + note


def render_flow(fmt: str = "mermaid") -> str:
    """The flow in `fmt`: "mermaid" (the machine's state diagram) or "md" (its transition table)."""
    if fmt == "mermaid":
        return format(flow_machine_class(), "mermaid")
    if fmt == "md":
        return _table()
    raise ValueError(f"Unknown flow format {fmt!r}: use one of {', '.join(FORMATS)}.")
