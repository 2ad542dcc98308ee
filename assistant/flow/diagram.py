"""`irmer flow`: the question flow as a Mermaid diagram or a Markdown transition table."""

from __future__ import annotations

from assistant.fact_schema import fact_specs
from assistant.flow.machine import DECIDED, EVENT, FINISHED_GUARD, START, flow_machine_class, guard_name
from assistant.flow.questions import ASK_ALWAYS, Question, load_questions

FORMATS = ("mermaid", "mermaid-full", "md")


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
    ]
    for q in questions:
        lines.append(f"| {START} or any question | {EVENT} | {guard_name(q.id)} | {q.id} | {_when(q)} |")
    lines.append(
        f"| {START} or any question | {EVENT} | {FINISHED_GUARD} | {DECIDED} | "
        "the decision is settled, or every fact that could settle it was answered “don't know” |"
    )
    note = (
        "Guards are checked top to bottom: the first question that is still needed is asked. "
        "A question being revised is asked before any other."
    )
    return "\n".join(lines) + "\n\n" + note


def _compact_mermaid() -> str:
    """The machine's own transitions, drawn through one choice point.

    Every state has the same guarded transitions in the same order (that is
    how the machine is built), so instead of drawing each of them from each
    state, every state leads to a choice and the choice to each target under
    its guard, in the order the guards are checked. The shape is read from
    the machine class and checked, so the drawing cannot drift from it.
    """
    machine = flow_machine_class()
    routes: list[tuple[str, str]] | None = None
    sources = []
    for state in machine.states:
        if state.final:
            continue
        here = [(t.target.id, ", ".join(str(c) for c in t.cond)) for t in state.transitions]
        if routes is not None and here != routes:
            raise AssertionError(f"state {state.id} has other transitions than the rest; draw the full machine")
        routes = here
        sources.append(state.id)
    lines = ["stateDiagram-v2", "    direction TB", "    state next <<choice>>", f"    [*] --> {START}"]
    lines += [f"    {source} --> next : {EVENT}" for source in sources]
    lines += [f"    next --> {target} : [{guard}]" for target, guard in routes or []]
    lines.append(f"    {DECIDED} --> [*]")
    return "\n".join(lines)


def render_flow(fmt: str = "mermaid") -> str:
    """The flow in `fmt`: "mermaid" (compact state diagram), "mermaid-full" (every transition) or "md" (table)."""
    if fmt == "mermaid":
        return _compact_mermaid()
    if fmt == "mermaid-full":
        return format(flow_machine_class(), "mermaid")
    if fmt == "md":
        return _table()
    raise ValueError(f"Unknown flow format {fmt!r}: use one of {', '.join(FORMATS)}.")
