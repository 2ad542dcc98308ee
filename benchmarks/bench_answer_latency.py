"""Answer latency: from submitting an answer to the next question (or the decision card) on screen.

Runs every public scenario as a whole conversation under Pilot: each answer
(what a person who knows the scenario's facts would give) is submitted by
the answer widget, and the clock stops when the app reports the next screen
painted (QuestionShown / DecisionShown are posted after the refresh that
shows them). The benchmark then waits on an event the app sets, not by
polling with `pilot.pause()`: each pause queues a callback on every widget
on screen, work the app under test would otherwise be timed doing. The same
is measured for a trivial baseline app in the same run: a transcript and an
Input, each answer mounting one Label and a fresh Input. Prints p50/p95 for
both (target: irmer p95 ≤ 50 ms) and the ratio.

    /work/.venv/bin/python benchmarks/bench_answer_latency.py [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from textual import on
from textual.app import App, ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402
from assistant.flow.answers import answer_for  # noqa: E402
from assistant.ui.app import DecisionShown, IrmerApp, QuestionShown  # noqa: E402
from assistant.ui.widgets.answer_base import Answered  # noqa: E402

TARGET_P95_MS = 50.0
SIZE = (100, 30)
WAIT_SECONDS = 10.0  # a screen that takes longer was never going to be painted


class Painted:
    """When an app last reported a screen painted, and an event to wait on for the next."""

    def __init__(self) -> None:
        self.at = 0.0
        self.event = asyncio.Event()

    def expect(self) -> float:
        """Arm for the next screen; returns the start time."""
        self.event.clear()
        return time.perf_counter()

    def now(self) -> None:
        self.at = time.perf_counter()
        self.event.set()

    async def wait(self, started: float) -> float:
        """Seconds from `started` to the next painted screen."""
        await asyncio.wait_for(self.event.wait(), WAIT_SECONDS)
        return self.at - started


class TimedIrmer(IrmerApp):
    """irmer, noting when each screen has been painted."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.painted = Painted()

    def on_question_shown(self, message: QuestionShown) -> None:
        super().on_question_shown(message)
        self.painted.now()

    def on_decision_shown(self, message: DecisionShown) -> None:
        super().on_decision_shown(message)
        self.painted.now()


class BaselineApp(App[None]):
    """The least a chat can do per answer: echo it and offer a fresh Input."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = Painted()

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="transcript")
        yield Vertical(Input(id="answer"), id="answer-area")

    @on(Answered)
    async def _answered(self, event: Answered) -> None:
        await self.query_one("#transcript").mount(Label(str(event.raw)))
        area = self.query_one("#answer-area")
        await area.remove_children()
        fresh = Input(id="answer")
        await area.mount(fresh)
        fresh.focus()
        self.call_after_refresh(self.painted.now)


async def irmer_conversation(facts: dict[str, Any]) -> tuple[list[float], int]:
    app = TimedIrmer(settings=Settings())
    latencies: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        while app.on_screen is None:
            await pilot.pause()
        while (question := app.conversation.current()) is not None:
            widget = app.query_one("#answer")
            started = app.painted.expect()
            widget.post_message(Answered(question.id, answer_for(question, facts)))
            latencies.append(await app.painted.wait(started))
            await pilot.pause()  # settle, untimed: a person reads before answering
    return latencies, len(latencies)


async def baseline_conversation(answers: int) -> list[float]:
    app = BaselineApp()
    latencies: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for n in range(answers):
            started = app.painted.expect()
            app.query_one("#answer").post_message(Answered("q", f"answer {n}"))
            latencies.append(await app.painted.wait(started))
            await pilot.pause()
    return latencies


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


async def run(rounds: int) -> None:
    scenarios = yaml.safe_load((ROOT / "tests" / "scenarios_public.yaml").read_text(encoding="utf-8"))
    irmer: list[float] = []
    baseline: list[float] = []
    for _ in range(rounds):
        for scenario in scenarios:
            # Interleaved per conversation, so machine load affects both alike.
            times, answers = await irmer_conversation(scenario["facts"])
            irmer += times
            baseline += await baseline_conversation(answers)
    for name, values in (("irmer", irmer), ("baseline", baseline)):
        p50, p95 = percentile(values, 50) * 1000, percentile(values, 95) * 1000
        print(f"{name:>8}: p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  ({len(values)} answers)")
    ratio = percentile(irmer, 95) / percentile(baseline, 95)
    p95 = percentile(irmer, 95) * 1000
    verdict = "within" if p95 <= TARGET_P95_MS else "OVER"
    print(f"irmer p95 {p95:.1f} ms: {verdict} the {TARGET_P95_MS:.0f} ms target; {ratio:.2f}x the baseline's p95")
    print(f"median ratio irmer / baseline: {statistics.median(irmer) / statistics.median(baseline):.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="passes over the public scenarios (default 1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["IRMER_CONFIG"] = str(Path(home) / "config.toml")  # never the user's own settings
        asyncio.run(run(args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
