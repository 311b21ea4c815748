"""命令行启动 — how long ``dangjian --help``, ``dangjian --version`` and one real query
take to answer, against the raw baseline of starting the same Python (``python -c pass``)
measured in the same run. Command families are imported only when they run
(:mod:`adapters.cli.lazy`), so the help answers without importing the library.

    .venv/bin/python -m benchmarks.bench_cli_startup [--rounds 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from adapters.app import open_app
from benchmarks.common import print_load, print_machine

DANGJIAN = str(Path(sys.executable).with_name("dangjian"))


def timed(argv: list[str], rounds: int) -> float:
    """The median wall time of running ``argv`` ``rounds`` times, in seconds."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    print_machine()
    print_load()
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "empty.db"
        open_app(str(store)).close()  # an empty store, tables created
        raw = timed([sys.executable, "-c", "pass"], rounds)
        cases = {
            "dangjian --help": [DANGJIAN, "--help"],
            "dangjian --version": [DANGJIAN, "--version"],
            "dangjian task --help": [DANGJIAN, "task", "--help"],
            "dangjian calendar show (empty store)": [
                DANGJIAN,
                "--store",
                str(store),
                "calendar",
                "show",
                "--year",
                "2024",
            ],
        }
        print(f"{'command':<40} {'median s':>9} {'raw s':>7} {'ratio':>6}")
        for name, argv in cases.items():
            took = timed(argv, rounds)
            print(f"{name:<40} {took:>9.3f} {raw:>7.3f} {took / raw:>6.1f}")


if __name__ == "__main__":
    main()
