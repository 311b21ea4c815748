"""Posts the platforms refuse for now are retried after a doubling wait; refusals that
retrying cannot mend, and posts whose fate is unknown, are not; each robot is paced
within its limit, and a slow robot holds back only its own group."""

from __future__ import annotations

import itertools
import socket
import time

from adapters.app import Dangjian
from adapters.notify.config import robot_of
from adapters.notify.pacing import Backoff, TokenBucket
from adapters.notify.tracking import DeliveryStatus
from tests import support
from tests.notify.fake_robot import DROP, GARBLED, FakeRobots
from tests.notify.given import deliveries, dingtalk, notifier, run_once, wecom


def _gaps(fake: FakeRobots) -> list[float]:
    times = [received.at for received in fake.received()]
    return [later - earlier for earlier, later in itertools.pairwise(times)]


def test_a_busy_or_rate_limited_robot_is_retried_after_a_doubling_wait(
    app: Dangjian, fake: FakeRobots
) -> None:
    robot = wecom(fake)
    fake.script(robot.name, 500, "errcode:45009")
    with notifier(app, robot, backoff=Backoff(0.05, 1.0, 5)) as started:
        app.handle(support.issue("T1"))
        run_once(started)
    assert ["http:500", "errcode:45009", "ok"] == [r.answer for r in fake.received()]
    first, second = _gaps(fake)
    assert first >= 0.05
    assert second >= 0.1
    [sent] = deliveries(app, DeliveryStatus.SENT)
    assert 3 == sent.attempts


def test_a_dingtalk_robot_that_says_too_fast_is_retried(app: Dangjian, fake: FakeRobots) -> None:
    robot = dingtalk(fake)
    fake.script(robot.name, "errcode:130101")
    with notifier(app, robot) as started:
        app.handle(support.issue("T1"))
        run_once(started)
    assert ["errcode:130101", "ok"] == [r.answer for r in fake.received()]


def test_a_message_is_given_up_after_its_tries_and_the_next_one_still_goes(
    app: Dangjian, fake: FakeRobots
) -> None:
    robot = wecom(fake)
    fake.script(robot.name, 503, 503, 503)
    with notifier(app, robot) as started:
        app.handle(support.issue("T1"))
        app.handle(support.issue("T2"))
        run_once(started)
    assert ["http:503"] * 3 + ["ok"] == [r.answer for r in fake.received()]
    [failed] = deliveries(app, DeliveryStatus.FAILED)
    assert (3, "HTTP 503 (已试 3 次 / gave up after 3 tries)") == (failed.attempts, failed.detail)
    assert ["T2"] == [r.content.split("#task-")[1][:2] for r in fake.delivered()]


def test_an_unreachable_robot_is_retried_and_its_key_never_recorded(app: Dangjian) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nobody listens there
    key = "k" * 32
    unreachable = robot_of(
        {
            "name": "gone",
            "kind": "wecom",
            "webhook": f"http://127.0.0.1:{port}/wecom/gone?key={key}",
            "units": ["paixilv"],
            "base_url": "https://dangjian.example.cn",
        }
    )
    with notifier(app, unreachable, backoff=Backoff(0.01, 0.02, 2)) as started:
        app.handle(support.issue("T1"))
        run_once(started)
    [failed] = deliveries(app)
    assert DeliveryStatus.FAILED == failed.status
    assert failed.detail.startswith("未能连接 / not connected: ConnectError")
    assert key not in failed.detail


def test_a_post_that_got_no_answer_is_unknown_and_never_posted_again(
    app: Dangjian, fake: FakeRobots
) -> None:
    robot = wecom(fake)
    fake.script(robot.name, DROP, GARBLED)
    with notifier(app, robot) as started:
        for task in ("T1", "T2", "T3"):
            app.handle(support.issue(task))
        run_once(started)
    assert [DROP, GARBLED, "ok"] == [r.answer for r in fake.received()]
    in_order = sorted(deliveries(app), key=lambda delivery: delivery.position)
    unknown, sent = DeliveryStatus.UNKNOWN, DeliveryStatus.SENT
    assert [(unknown, 1), (unknown, 1), (sent, 1)] == [(d.status, d.attempts) for d in in_order]


def test_posts_to_a_robot_are_paced_within_its_limit(app: Dangjian, fake: FakeRobots) -> None:
    robot = wecom(fake, limit=10, window=0.5)
    with notifier(app, robot) as started:
        for number in range(12):
            app.handle(support.issue(f"T{number}"))
        run_once(started)
    times = [received.at for received in fake.delivered()]
    assert 12 == len(times)
    assert max(sum(1 for t in times if start <= t < start + 0.45) for start in times) <= 10
    assert times[-1] - times[0] >= 0.55


def test_the_default_bucket_never_lets_more_than_twenty_a_minute_through() -> None:
    bucket, now, taken = TokenBucket(20, 60.0, 0.0), 0.0, []
    while now < 1800:
        now = bucket.ready_at(now)
        assert bucket.take(now)
        taken.append(now)
    assert max(sum(1 for t in taken if start <= t < start + 60) for start in taken) <= 20
    assert len(taken) >= 15 * 30


def test_a_slow_robot_holds_back_only_its_own_group(app: Dangjian, fake: FakeRobots) -> None:
    slow, quick = wecom(fake, "slow", limit=1, window=60), wecom(fake, "quick")
    with notifier(app, slow, quick) as started:
        for task in ("T1", "T2", "T3"):
            app.handle(support.issue(task))
        deadline = time.monotonic() + 10
        while len(fake.delivered("quick")) < 3 and time.monotonic() < deadline:
            started.step()
            time.sleep(0.01)
    assert (1, 3) == (len(fake.delivered("slow")), len(fake.delivered("quick")))
