"""Writers SIGKILLed at random moments, many times: every acknowledged command survives,
the chain verifies, and the history never forks across restarts.

After every kill the store is reopened, the acknowledged commands are looked up, and a
checkpoint is cut — which refuses if the chain since the previous checkpoint disagrees
with the log. At the end the whole chain is verified against every checkpoint held, so
each restart extended the same history. The issue asks for hundreds of kills: 200 by
default; ``DANGJIAN_CRASH_RUNS`` sets another number.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from adapters.app import open_app
from adapters.audit.cut import cut_checkpoint
from tests.adapters.audit_support import checked, signer
from tests.adapters.stores import village_app
from tests.adapters.test_crash import _missing

REPO = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("DANGJIAN_CRASH_RUNS", "200"))


def _acknowledged(path: Path) -> list[str]:
    """Complete lines only: a line cut off by the kill was never acknowledged."""
    if not path.exists():
        return []
    return path.read_text().split("\n")[:-1]


def test_writers_killed_at_random_moments_lose_nothing_and_never_fork(
    sqlite_url: str, tmp_path: Path
) -> None:
    village_app(sqlite_url).close()
    who = signer(tmp_path)
    zygote = subprocess.Popen(
        [sys.executable, "-m", "tests.adapters.audit_crash_worker", sqlite_url, str(tmp_path)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert zygote.stdin is not None
    assert zygote.stdout is not None
    rng = random.Random()
    pauses = [rng.uniform(0.01, 0.2) for _ in range(RUNS)]
    acknowledged: list[str] = []
    held: list[str] = []
    try:
        for run, pause in enumerate(pauses):
            zygote.stdin.write(f"go run{run}\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            time.sleep(pause)
            os.kill(pid, signal.SIGKILL)
            zygote.stdin.write("reap\n")
            zygote.stdin.flush()
            assert "reaped\n" == zygote.stdout.readline()
            acknowledged += _acknowledged(tmp_path / f"run{run}.acks")

            with open_app(sqlite_url) as app:
                assert [] == _missing(app, acknowledged), f"run {run}, pauses {pauses}"
                held.append(cut_checkpoint(app.store, who.name, who.key, "按需", datetime.now(UTC)))
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)

    report = checked(sqlite_url, [who.verifier], held)
    assert report.ok, report.findings
    assert (0, len(set(held))) == (report.unanchored, len({note.split("\n")[1] for note in held}))
    assert len(acknowledged) > RUNS, f"the writers barely wrote: {len(acknowledged)} commands"
