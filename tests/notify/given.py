"""Given for the notifier's tests: robots on the fake server, a notifier over the test
village (its robots starting at the log's end), and running it until it is done."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from adapters.app import Dangjian
from adapters.notify.config import RobotConfig, robot_of
from adapters.notify.notifier import Notifier, Settings
from adapters.notify.pacing import Backoff
from adapters.notify.posting import Poster
from adapters.notify.running import follow
from adapters.notify.tracking import Delivery, DeliveryStatus
from adapters.notify.tracking_stores import open_tracking
from tests.notify.fake_robot import FakeRobots

BASE = "https://dangjian.example.cn"
#: Retries for tests: 20 ms, doubling, three tries in all.
QUICK = Backoff(0.02, 0.2, 3)
#: Robots in tests take many messages a minute unless a test paces them itself.
UNPACED = {"limit": 1000, "window": 60}


def wecom(fake: FakeRobots, name: str = "paixilv-wecom", **fields: Any) -> RobotConfig:
    """A WeChat Work robot on the fake server, for the test branch's group."""
    declared = {"name": name, "kind": "wecom", "webhook": fake.webhook("wecom", name)}
    return robot_of({"units": ["paixilv"], "base_url": BASE, **UNPACED, **declared, **fields})


def dingtalk(fake: FakeRobots, name: str = "paixilv-dingtalk", **fields: Any) -> RobotConfig:
    """A DingTalk robot on the fake server with signing on (the server checks it)."""
    secret = "SEC" + secrets.token_hex(24)
    webhook = fake.webhook("dingtalk", name, secret=secret)
    declared = {"name": name, "kind": "dingtalk", "webhook": webhook, "secret": secret}
    return robot_of({"units": ["paixilv"], "base_url": BASE, **UNPACED, **declared, **fields})


@contextmanager
def notifier(
    app: Dangjian, *robots: RobotConfig, backoff: Backoff = QUICK, timeout: float = 2.0
) -> Iterator[Notifier]:
    """A started notifier whose robots begin at the log's end."""
    tracking = open_tracking(app.store)
    poster = Poster(timeout=timeout)
    started = Notifier(app, robots, tracking, poster, settings=Settings(backoff))
    started.start(app.store.max_position())
    try:
        yield started
    finally:
        started.close()
        poster.close()
        tracking.close()


def run_once(started: Notifier) -> None:
    """Run until every robot has reached the log's end."""
    follow(started, once=True, poll=0.01, should_stop=lambda: False)


def deliveries(app: Dangjian, *statuses: DeliveryStatus) -> list[Delivery]:
    """The recorded deliveries in these statuses (all, if none given)."""
    tracking = open_tracking(app.store)
    try:
        with tracking.transaction(write=False) as tx:
            return [d for s in statuses or tuple(DeliveryStatus) for d in tx.with_status(s)]
    finally:
        tracking.close()
