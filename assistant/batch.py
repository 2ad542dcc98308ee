"""`irmer assess --batch`: one JSON decision per input line, in order.

Large batches are shared between worker processes (forked, so the rulebook
is loaded once), each judging a run of consecutive lines; results are written
in input order. A bad line gives an object with its `error`, never a stop.
Ctrl+C stops it between runs of lines (it waits for the run being judged): every line written is whole.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from collections.abc import Iterator
from functools import partial
from typing import Any, TextIO

from assistant.engine import assess
from assistant.incident_file import incident_from_json_line
from assistant.validation import InputError

CHUNK = 2_000  # lines per task: large enough to amortise the hand-over, small enough to stream
PARALLEL_FROM = 4 * CHUNK  # below this, starting workers costs more than it saves

_encode = json.JSONEncoder(ensure_ascii=False).encode


def judge_line(number: int, line: str, nation: str | None = None) -> str:
    result: dict[str, Any]
    try:
        incident = incident_from_json_line(line, number, nation)
        if incident.details:  # checked as for a single file: a misspelt key must not pass silently
            from assistant.documents import DocumentError, clean_details

            try:
                clean_details(incident.details, discovered_on=incident.facts.get("discovered_on"))
            except DocumentError as err:
                raise InputError([f"On line {number}, {err.message()}"]) from None
        result = {"line": number} | assess(incident.facts, not_known=incident.not_known).to_json()
    except InputError as err:
        result = {"line": number, "error": err.message()}
    except Exception as err:  # a fault in irmer costs this line its decision, not the rest of the batch
        result = {
            "line": number,
            "error": f"irmer failed on this line ({type(err).__name__}: {err}); this is a fault in irmer, "
            "please report it with the line.",
        }
    return _encode(result)


def _judge_chunk(chunk: list[tuple[int, str]], nation: str | None = None) -> str:
    return "".join(judge_line(n, line, nation) + "\n" for n, line in chunk)


def _chunks(lines: list[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    for start in range(0, len(lines), CHUNK):
        yield lines[start : start + CHUNK]


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Interrupted(Exception):
    """Ctrl+C during a batch; `last_line` is the input line of the last decision written (0: none)."""

    def __init__(self, last_line: int) -> None:
        super().__init__(f"interrupted after line {last_line}")
        self.last_line = last_line


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a worker leaves Ctrl+C to the parent, which stops them


def run_batch(lines: list[tuple[int, str]], out: TextIO, nation: str | None = None) -> None:
    """Judge `lines`, writing each run of decisions whole. Ctrl+C is taken between runs: what is written
    is complete, and `Interrupted` says up to which line."""
    workers = _workers()
    judge = partial(_judge_chunk, nation=nation)
    chunks = list(_chunks(lines))
    asked_to_stop: list[bool] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda *_: asked_to_stop.append(True))
    except ValueError:  # not the main thread: Ctrl+C is the caller's
        previous = None

    def write(text: str, last_line: int) -> None:
        # Held back while writing: a signal arriving mid-write to a full pipe would cut the write short,
        # losing what had not yet gone out, even though the handler only takes note.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if hasattr(signal, "pthread_sigmask") else None
        try:
            out.write(text)
            out.flush()
        finally:
            if held is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
        if asked_to_stop:
            raise Interrupted(last_line)

    try:
        if len(lines) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            for chunk in chunks:
                write(judge(chunk), chunk[-1][0])
            return
        assess({"jurisdiction": "england"})  # load the rulebook before forking, so workers share it
        with multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupts) as pool:
            for chunk, text in zip(chunks, pool.imap(judge, chunks), strict=True):
                write(text, chunk[-1][0])
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
