"""How fast `irmer assess` is, as ratios against baselines measured in the same run.

1. Batch: `irmer assess --batch` over 100,000 varied incidents, against the
   floor of one Python process that only reads and json.loads every line of
   the same file. Target: at most 3x.
   Also printed: the time one process takes only to encode irmer's output
   lines as JSON again (objects already built), as a bound: no engine can
   write the contract's objects faster than they can be encoded.
2. Single: one `irmer assess FILE --json`, against `python -c pass`.
   Target: under 0.25 s wall time.

Run: python benchmarks/bench_assess.py [COUNT]
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_incidents import write

PY = sys.executable
IRMER = [PY, "-m", "assistant"]
FLOOR = "import json, sys\nfor line in open(sys.argv[1], encoding='utf-8'):\n    json.loads(line)\n"
# Encoding alone: the objects irmer wrote, loaded first (not timed), then encoded as batch does.
ENCODE_ONLY = """import json, sys, time
objects = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]
encode = json.JSONEncoder(ensure_ascii=False).encode
start = time.perf_counter()
for o in objects:
    encode(o)
print(time.perf_counter() - start)
"""


def wall(cmd: list[str], repeat: int, stdout: int | None = subprocess.DEVNULL) -> float:
    """Median wall time of a command over `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=stdout, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    work = Path(tempfile.mkdtemp(prefix="irmer-bench-"))
    try:
        cases = write(work / "incidents.jsonl", count)
        one = work / "one.json"
        one.write_text(json.dumps({"jurisdiction": "england", "exposure": "unintended", "setting": "diagnostic",
                                   "age_years": 60, "intended_dose_msv": 1.0, "total_dose_msv": 12.0}))  # fmt: skip
        floor = wall([PY, "-c", FLOOR, str(cases)], 3)
        batch = wall([*IRMER, "assess", "--batch", str(cases)], 3)
        output = work / "decisions.jsonl"
        with output.open("w", encoding="utf-8") as out:
            subprocess.run([*IRMER, "assess", "--batch", str(cases)], stdout=out, check=True)
        size = output.stat().st_size
        encode = statistics.median(
            float(
                subprocess.run([PY, "-c", ENCODE_ONLY, str(output)], capture_output=True, text=True, check=True).stdout
            )
            for _ in range(3)
        )
        bare = wall([PY, "-c", "pass"], 10)
        single = wall([*IRMER, "assess", str(one), "--json"], 10)
        print(f"batch of {count:,} incidents")
        print(f"  floor (read + json.loads every line): {floor:8.3f} s")
        print(f"  irmer assess --batch:                 {batch:8.3f} s   ({batch / count * 1e6:.1f} µs per incident)")
        print(f"  ratio: {batch / floor:.2f}x   (target <= 3x)")
        print(f"  output: {size / 1e6:.0f} MB, {size / count:,.0f} bytes per incident")
        print(f"  encoding that output alone, one process: {encode:8.3f} s   ({encode / floor:.2f}x the floor)")
        print("single incident")
        print(f"  python -c pass:              {bare:6.3f} s")
        print(f"  irmer assess FILE --json:    {single:6.3f} s   (target < 0.25 s)")
        print(f"  ratio: {single / bare:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
