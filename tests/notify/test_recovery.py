"""At most once, across stops: a message begun but not recorded as done is never posted
again (it is reported as unknown); one notifier per store; a robot added later starts at
the log's end, and every robot resumes where it stopped."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.app import Dangjian
from adapters.notify.errors import NotifierRunning
from adapters.notify.notifier import Notifier
from adapters.notify.posting import Poster
from adapters.notify.tracking import Delivery, DeliveryStatus
from adapters.notify.tracking_stores import open_tracking
from tests import support
from tests.adapters.stores import backend_url, village_app
from tests.notify.fake_robot import FakeRobots
from tests.notify.given import deliveries, notifier, run_once, wecom


def test_a_message_left_sending_by_a_crash_is_reported_unknown_and_never_posted_again(
    app: Dangjian, fake: FakeRobots
) -> None:
    robot = wecom(fake)
    with notifier(app, robot):
        app.handle(support.issue("T1"))
        app.handle(support.issue("T2"))
    first = app.store.max_position() - 1  # T1's event; the crash came as it was posted
    tracking = open_tracking(app.store)
    with tracking.transaction() as tx:
        tx.put(Delivery(robot.name, first, "task_issued", DeliveryStatus.SENDING, 1, "", "t"))
    tracking.close()

    with notifier(app, robot) as started:
        run_once(started)

    assert ["T2"] == [r.content.split("#task-")[1][:2] for r in fake.received()]
    unknown, sent = DeliveryStatus.UNKNOWN, DeliveryStatus.SENT
    in_order = sorted(deliveries(app), key=lambda delivery: delivery.position)
    assert [(first, unknown), (first + 1, sent)] == [(d.position, d.status) for d in in_order]


def test_start_returns_the_interrupted_deliveries_for_the_operator(
    app: Dangjian, fake: FakeRobots
) -> None:
    robot = wecom(fake)
    tracking = open_tracking(app.store)
    with tracking.transaction() as tx:
        tx.put(Delivery(robot.name, 7, "task_full", DeliveryStatus.SENDING, 2, "", "t"))
    poster = Poster()
    try:
        lost = Notifier(app, [robot], tracking, poster).start()
    finally:
        tracking.close()
        poster.close()
    assert [(robot.name, 7, DeliveryStatus.UNKNOWN, 2)] == [
        (d.robot, d.position, d.status, d.attempts) for d in lost
    ]


def test_a_second_notifier_on_the_same_store_is_refused_until_the_first_stops(
    app: Dangjian, fake: FakeRobots
) -> None:
    robot = wecom(fake)
    second = open_tracking(app.store)
    try:
        with notifier(app, robot), pytest.raises(NotifierRunning):
            second.hold()
        second.hold()
        second.release()
    finally:
        second.close()


def test_a_robot_added_later_is_not_told_the_past_and_each_resumes_where_it_stopped(
    app: Dangjian, fake: FakeRobots
) -> None:
    old = wecom(fake, "old")
    with notifier(app, old) as started:
        app.handle(support.issue("T1"))
        run_once(started)
    app.handle(support.issue("T2"))
    with notifier(app, old, wecom(fake, "new")) as started:
        app.handle(support.issue("T3"))
        run_once(started)
    told = {
        name: [r.content.split("#task-")[1][:2] for r in fake.delivered(name)]
        for name in ("old", "new")
    }
    assert {"old": ["T1", "T2", "T3"], "new": ["T3"]} == told


@pytest.mark.postgres
def test_a_notifier_needs_no_more_than_a_postgres_pool_of_one(
    tmp_path: Path, fake: FakeRobots
) -> None:
    with backend_url("postgres", tmp_path) as url:
        app = village_app(f"{url}&pool_size=1&max_overflow=0&lock_timeout=5")
        try:
            with notifier(app, wecom(fake)) as started:
                app.handle(support.issue("T1"))
                run_once(started)
        finally:
            app.close()
    assert 1 == len(fake.delivered())
