"""``dangjian notify run`` as its own process, SIGKILLed while a post is on its way and
started again: every message arrives exactly once, and the ones a kill interrupted are
reported as unknown (the notifier cannot know they arrived) — never posted twice. The
last run is stopped with SIGTERM, as systemd stops it.

The fake server holds its answer to a chosen request until the notifier has been killed,
so each kill lands between recording a delivery as ``sending`` and recording its outcome.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from adapters.notify.robots_file import add_robot
from adapters.notify.tracking import DeliveryStatus
from dangjian_core.tasks.events import TaskIssued
from tests import support
from tests.adapters.stores import village_app
from tests.notify.fake_robot import FakeRobots
from tests.notify.given import deliveries, dingtalk, wecom

REPO = Path(__file__).resolve().parents[2]
TASKS = 8


def _run(url: str, robots: Path, *options: str) -> list[str]:
    return [
        sys.executable, "-m", "adapters.cli.main", "--store", url, "notify", "run",
        "--robots", str(robots), "--poll", "0.05", "--from-position", "0", *options,
    ]  # fmt: skip


def _wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert condition()


def _killed_at(url: str, robots: Path, fake: FakeRobots, request: int) -> str:
    """Start the notifier, SIGKILL it while the ``request``-th post waits for its answer."""
    fake.stall(request)
    process = subprocess.Popen(
        _run(url, robots),
        cwd=REPO,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(lambda: len(fake.received()) >= request)
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=30)
    fake.release()
    return out + err


def test_killed_mid_post_and_restarted_every_message_arrives_once_and_the_interrupted_are_reported(
    store_url: str, fake: FakeRobots, tmp_path: Path
) -> None:
    app = village_app(store_url)
    robots = tmp_path / "robots.toml"
    declared = [wecom(fake), dingtalk(fake)]
    for robot in declared:
        add_robot(robots, robot)
    for number in range(TASKS):
        app.handle(support.issue(f"T{number}"))
    issued = {r.position for r in app.follow(0, 10_000) if isinstance(r.event, TaskIssued)}

    outputs = [_killed_at(store_url, robots, fake, 3), _killed_at(store_url, robots, fake, 9)]
    final = subprocess.Popen(_run(store_url, robots), cwd=REPO, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)  # fmt: skip
    _wait_for(lambda: len(fake.received()) >= 2 * TASKS)
    final.send_signal(signal.SIGTERM)  # stops after the post in hand
    out, err = final.communicate(timeout=30)
    outputs.append(out + err)

    assert 0 == final.returncode, err
    assert "通知进程结束" in out
    arrived = Counter(
        (r.robot, r.content.split("#task-")[1].split(")")[0]) for r in fake.received()
    )
    expected = {(robot.name, f"T{n}") for robot in declared for n in range(TASKS)}
    assert expected == set(arrived)
    assert {1} == set(arrived.values())  # every message once, none twice
    recorded = deliveries(app)
    assert {(robot.name, p) for robot in declared for p in issued} == {
        (d.robot, d.position) for d in recorded
    }
    unknown = [d for d in recorded if d.status is DeliveryStatus.UNKNOWN]
    assert 2 == len(unknown)  # the two posts each kill interrupted
    assert {DeliveryStatus.SENT} == {d.status for d in recorded if d not in unknown}
    assert 2 == outputs[1].count("上次发送中断") + outputs[2].count("上次发送中断")
    secrets = [robot.webhook.rsplit("=", 1)[1] for robot in declared] + [declared[1].secret]
    assert [] == [s for s in secrets if any(s and s in output for output in outputs)]
    app.close()
