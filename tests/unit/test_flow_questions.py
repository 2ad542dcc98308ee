"""The question data, the machine built from it, and its diagram."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest
import yaml

from assistant.fact_schema import fact_specs
from assistant.flow.diagram import render_flow
from assistant.flow.machine import (
    CHOOSING,
    DECIDED,
    START,
    FlowModel,
    build_machine_class,
    guard_name,
    new_machine,
    state_id,
)
from assistant.flow.questions import QuestionDataError, load_questions, parse_questions
from assistant.resources import flows_dir


def _guidance() -> str:
    text = (flows_dir().parent / "docs" / "guidance" / "cqc-irmer-notification-guidance-2023-04-19.txt").read_text(
        encoding="utf-8"
    )
    return " ".join(text.split())


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((flows_dir() / "questions.yaml").read_text(encoding="utf-8"))
    return data


def test_every_why_quotes_the_guidance_verbatim() -> None:
    guidance = _guidance()
    for q in load_questions():
        assert q.quotes, q.id
        for quote, source in q.quotes:
            assert " ".join(quote.split()) in guidance, (q.id, quote)
            assert source.strip(), q.id


def test_questions_fill_only_facts_the_contract_defines() -> None:
    specs = fact_specs()
    for q in load_questions():
        assert q.fields, q.id
        for f in q.fields:
            assert f.fact in specs, (q.id, f.fact)
        for o in q.options:
            assert set(o.sets) | set(o.unticked) <= set(specs)


def test_every_circumstance_is_asked_in_the_checklist_or_on_the_card() -> None:
    checklist = next(q for q in load_questions() if q.kind == "multi")
    circumstances = {n for n, s in fact_specs().items() if s.when_absent is not None}
    on_the_card = {"voluntary"}
    asked_elsewhere = {"exposed_person", "before_clinical_use"}  # both answered by "who was exposed"
    assert circumstances - on_the_card - asked_elsewhere == set(checklist.facts)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["questions"][0].update(kind="essay"), "kind 'essay'"),
        (lambda d: d["questions"][0].update(fields=["nationality"]), "unknown fact `nationality`"),
        (lambda d: d["questions"][0]["options"][0].update(sets={"jurisdiction": "france"}), "france"),
        (lambda d: d["questions"][1].update(id="nation"), "used twice"),
        (lambda d: d["questions"][0].pop("why"), "`why` is missing"),
        (lambda d: d["questions"][3].update(ask_when={"ticked": "several"}), "not a checklist option"),
        (lambda d: d["questions"][3]["fields"][0].update(unit_kind="dose_msv"), "does not give `individuals_affected`"),
        (lambda d: d["questions"][0].update(id="decided"), "machine's own states"),
    ],
)
def test_mistakes_in_the_question_data_are_reported(change: Any, words: str) -> None:
    raw = _raw()
    change(raw)
    with pytest.raises(QuestionDataError) as err:
        parse_questions(raw)
    assert words in str(err.value)


def test_the_machine_instantiates_with_a_state_per_question() -> None:
    answers = iter(["nation", "who", DECIDED])
    chosen = {"next": next(answers)}
    model = FlowModel(askable=lambda qid: qid == chosen["next"], finished=lambda: chosen["next"] == DECIDED)
    machine = new_machine(model)  # a guard name typo would raise here
    ids = {s.id for s in machine.states}
    assert ids == {START, CHOOSING, DECIDED} | {q.id for q in load_questions()}
    assert state_id(machine) == START
    for expected in ("nation", "who", DECIDED):
        chosen["next"] = expected
        machine.send("answered")
        assert state_id(machine) == CHOOSING
        machine.send("next")
        assert state_id(machine) == expected
    assert machine.is_terminated


def test_guards_are_checked_in_question_order() -> None:
    questions = load_questions()[:3]
    cls = build_machine_class(questions)
    model = FlowModel(askable=lambda qid: True, finished=lambda: True)
    machine = cls(model=model)
    machine.send("answered")
    machine.send("next")
    assert state_id(machine) == questions[0].id  # every guard true: the first declared wins


def test_mermaid_diagram_and_transition_table() -> None:
    mermaid = render_flow("mermaid").splitlines()
    assert mermaid[0] == "stateDiagram-v2"
    assert "    start --> choosing : Answered" in mermaid
    assert {f"    {q.id} --> choosing : Answered" for q in load_questions()} <= set(mermaid)
    assert [line for line in mermaid if line.startswith("    choosing -->")] == [
        f"    choosing --> {q.id} : Next [{guard_name(q.id)}]" for q in load_questions()
    ] + ["    choosing --> decided : Next [nothing_more_to_ask]"]
    assert "    decided --> [*]" in mermaid
    table = render_flow("md")
    rows = [line for line in table.splitlines() if line.startswith("| choosing")]
    assert [re.split(r"\s*\|\s*", r)[4] for r in rows] == [q.id for q in load_questions()] + [DECIDED]
    with pytest.raises(ValueError, match="mermaid, md"):
        render_flow("svg")


def test_the_flow_never_imports_textual() -> None:
    code = "import sys, assistant.flow, assistant.flow.diagram; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
