"""Cold start: from launch to the first question on screen, irmer against a bare Textual app.

Each run is a fresh interpreter in its own pseudo-terminal (a real terminal
driver, 100×30). Both apps exit right after their first screen is painted
(IRMER_EXIT_WHEN_READY, the same `call_after_refresh(self.exit)` in both), so
the wall time from spawn to exit is the start-up cost. Prints the medians
and irmer's ratio to the baseline (target: ≤ 1.3×).

    /work/.venv/bin/python benchmarks/bench_startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 1.3
COLUMNS, ROWS = 100, 30
TIMEOUT_SECONDS = 30


def _drain(fd: int) -> None:
    """Read the app's output so it never blocks on a full terminal buffer."""
    while True:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def launch_seconds(command: list[str], env: dict[str, str]) -> float:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    reader = threading.Thread(target=_drain, args=(master,), daemon=True)
    reader.start()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    try:
        code = process.wait(timeout=TIMEOUT_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
    elapsed = time.perf_counter() - started
    os.close(slave)
    os.close(master)
    if code != 0:
        raise SystemExit(f"{' '.join(command)} exited with {code}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each app (default 9)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, IRMER_EXIT_WHEN_READY="1", TERM="xterm-256color", HOME=home)
        # No settings file: irmer opens on its first question (the nation), as on a new machine.
        env["IRMER_CONFIG"] = str(Path(home) / "config.toml")
        env.pop("TEXTUAL", None)
        # As installed, irmer runs from compiled bytecode (pip compiles on install, Python caches it on first
        # import), like Textual already does here: let the warm-up runs write it even where the shell says not to.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        irmer = [sys.executable, "-m", "assistant"]
        bare = [sys.executable, str(HERE / "bare_label_app.py")]
        launch_seconds(irmer, env)  # warm the OS file cache and bytecode once for both
        launch_seconds(bare, env)
        times: dict[str, list[float]] = {"irmer": [], "bare label": []}
        for _ in range(args.runs):
            # Interleaved, so a change in machine load affects both alike.
            times["irmer"].append(launch_seconds(irmer, env))
            times["bare label"].append(launch_seconds(bare, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        spread = f"min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f}, {len(values)} runs"
        print(f"{name:>10}: median {medians[name] * 1000:7.1f} ms  ({spread})")
    ratio = medians["irmer"] / medians["bare label"]
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"ratio irmer / bare label: {ratio:.2f}x ({verdict} the {TARGET_RATIO}x target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
