"""How many questions the chat asks, against the facts in each public scenario's file.

Each scenario in tests/scenarios_public.yaml is answered as a person who
knows its facts would ("don't know" for a fact the file leaves out), with
no default nation. Target: never more questions than facts in the file.
Also shows the time per chat, against one `assess` of the same facts.

Run: python benchmarks/bench_questions.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.engine import assess  # noqa: E402
from assistant.flow import Conversation  # noqa: E402
from assistant.flow.answers import answer_for  # noqa: E402
from assistant.validation import parse_facts  # noqa: E402


def chat(facts: dict[str, Any]) -> Conversation:
    conv = Conversation()
    while (q := conv.current()) is not None:
        conv.answer(q.id, answer_for(q, facts))
    return conv


def main() -> int:
    scenarios = yaml.safe_load((ROOT / "tests" / "scenarios_public.yaml").read_text(encoding="utf-8"))
    ratios = []
    over = 0
    print(f"{'asked':>5} {'facts':>5} {'ratio':>6}  {'verdict':<13} scenario")
    for s in scenarios:
        facts = parse_facts(s["facts"])
        conv = chat(facts)
        asked, given = len(conv.history), len(s["facts"])
        ratios.append(asked / given)
        over += asked > given
        flag = "  << more questions than facts" if asked > given else ""
        print(f"{asked:>5} {given:>5} {asked / given:>6.2f}  {conv.decision().verdict:<13} {s['name']}{flag}")
    print(f"mean questions ÷ facts: {statistics.mean(ratios):.2f}   max: {max(ratios):.2f}   (target: max <= 1)")

    facts = parse_facts(scenarios[1]["facts"])
    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        chat(facts)
    per_chat = (time.perf_counter() - start) / runs
    start = time.perf_counter()
    for _ in range(runs * 10):
        assess(facts)
    per_assess = (time.perf_counter() - start) / (runs * 10)
    print(
        f"one whole chat: {per_chat * 1000:.1f} ms; one assess: {per_assess * 1000:.2f} ms; "
        f"ratio {per_chat / per_assess:.0f}x"
    )
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
