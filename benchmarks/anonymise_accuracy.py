"""Accuracy and speed of the anonymisation check over the labelled corpus.

Prints recall (planted identifiers caught), the false-positive rate (clean
sentences with any hit), the same for the hand-written sentences (each
expected hit found with its exact kind and text; clean ones with no hit), the
same for the staff-written notes (`identifier_corpus_staff`) and
the time to scan the whole corpus as a ratio to a baseline measured in the
same run: `re.compile(r"\\d").finditer` over the same text, the cheapest scan
that touches every character.

    /work/.venv/bin/python benchmarks/anonymise_accuracy.py [--misses]
"""

from __future__ import annotations

import argparse
import re
import sys
import timeit
from collections import deque
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.anonymise import find_identifiers
from tests.unit import identifier_corpus as corpus
from tests.unit import identifier_corpus_staff as staff


def _best_of(run: Callable[[], None], repeat: int, number: int) -> float:
    """Seconds per call: the fastest of `repeat` timings (the least disturbed by the machine)."""
    return min(timeit.repeat(run, repeat=repeat, number=number)) / number


def _hand_written_lines(show_misses: bool) -> list[str]:
    """Exact hits over the hand-written sentences: expected found, unexpected extra, clean flagged."""
    expected_total = found_total = extra = clean = clean_flagged = 0
    misses: list[str] = []
    for text, expected in corpus.HAND_WRITTEN:
        got = [(hit.kind, hit.text) for hit in find_identifiers(text)]
        expected_total += len(expected)
        found_total += sum(item in got for item in expected)
        surplus = [item for item in got if item not in expected]
        extra += len(surplus)
        if not expected:
            clean += 1
            clean_flagged += bool(got)
        if got != list(expected):
            misses.append(f"  hand-written: expected {list(expected)}, found {got} in {text!r}")
    lines = [
        f"hand-written: {found_total} of {expected_total} expected hits found exactly, {extra} unexpected hits;"
        f" {clean_flagged} of {clean} clean sentences flagged"
    ]
    return lines + (misses if show_misses else [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--misses", action="store_true", help="also list every miss and false positive")
    args = parser.parse_args()

    identified, clean = corpus.identifier_sentences(), corpus.clean_sentences()
    result, problems = corpus.score(find_identifiers, identified, clean)
    for line in result.lines():
        print(line)
    if args.misses:
        for problem in problems:
            print("  " + problem)
    for line in _hand_written_lines(args.misses):
        print(line)
    misses, false = staff.misses_and_false_positives(find_identifiers)
    planted = sum(len(staff.parse(marked)[1]) for marked in staff.TEXTS)
    print(
        f"staff-written notes: {planted - len(misses)} of {planted} planted identifiers caught"
        f" ({len(staff.KNOWN_MISSES)} listed as known misses); {len(false)} false positives"
        f" over {len(staff.TEXTS)} notes and {len(staff.CLEAN)} clean ones"
    )
    if args.misses:
        for text in misses:
            print(f"  staff-written: missed {text!r}")
        for text in false:
            print(f"  staff-written: false positive {text!r}")

    text = "\n".join(sentence.text for sentence in identified + clean)
    digit = re.compile(r"\d")

    def baseline() -> None:
        deque(digit.finditer(text), maxlen=0)

    def scan() -> None:
        find_identifiers(text)

    base = _best_of(baseline, repeat=7, number=20)
    ours = _best_of(scan, repeat=7, number=5)
    print(f"corpus: {len(identified) + len(clean)} sentences, {len(text):,} characters")
    print(f"baseline re.compile(r'\\d').finditer: {base * 1e3:.3f} ms per scan")
    print(f"find_identifiers: {ours * 1e3:.3f} ms per scan ({len(text) / ours / 1e6:.2f} M characters/s)")
    print(f"ratio: {ours / base:.1f}× the baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
