"""补录的期限、理由和角色 — an entry recorded after its time, on a store whose clock the test
moves: the store's history (dated before it went live) may be typed in during its first
30 days only; after that a late entry lies within the actor's unit's window (7 days
unless the level above set another), gives a reason, and is typed by someone holding a
role that may enter late for the unit — else it is refused, nothing is written, and the
refusal is in the attempts log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from adapters.app import Dangjian, open_app
from adapters.storage.mapper import decode
from dangjian_core.kernel.errors import LateEntryRefused, Unauthorized
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.units.commands import SetLateEntryPolicy
from dangjian_core.units.roles import Role
from tests import support
from tests.support import BRANCH, CST, LANZHI, ORGANIZER, SECRETARY, T0, TOWN

WENT_LIVE = datetime(2026, 1, 10, 10, 0, tzinfo=CST)


class Clock:
    """The server's clock, moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(WENT_LIVE)


@pytest.fixture
def app(tmp_path: Path, clock: Clock) -> Iterator[Dangjian]:
    """The test village, typed in from its 2021 paper ledgers on the day the store went live;
    then the clock moves 40 days on."""
    with open_app(f"sqlite:///{tmp_path / 'late.db'}", clock=clock) as opened:
        for command in support.setup_commands():
            opened.handle(command)
        clock.now = WENT_LIVE + timedelta(days=40)
        yield opened


def adjust(clock: Clock, days_ago: float, key: str, actor: str = SECRETARY) -> AdjustPoints:
    return AdjustPoints(
        key, BRANCH, LANZHI, 2, "事后补记", actor, clock.now - timedelta(days=days_ago)
    )


def refused(app: Dangjian, command: object, **entry: str) -> str:
    before, attempts = app.store.max_position(), len(app.attempts())
    with pytest.raises(LateEntryRefused) as caught:
        app.handle(command, **entry)  # type: ignore[arg-type]
    assert before == app.store.max_position()
    (attempt,) = app.attempts(attempts)
    assert "late_entry" == attempt.code
    return caught.value.zh


def test_history_may_be_typed_in_only_in_the_stores_first_30_days(
    app: Dangjian, clock: Clock
) -> None:
    old = AdjustPoints("H1", BRANCH, LANZHI, 2, "纸质台账", SECRETARY, T0 + timedelta(days=3))

    assert "启用前的历史不能再补录" in refused(app, old, late_reason="录入纸质台账")


def test_a_late_entry_within_the_window_needs_a_reason_which_is_recorded(
    app: Dangjian, clock: Clock
) -> None:
    assert "补录须说明理由" in refused(app, adjust(clock, 3, "A1"))

    done = app.handle(adjust(clock, 3, "A1"), late_reason="村民大会当天停电")

    row = app.store.read_positions([done.events[0].position])[0]
    _, envelope = decode(
        row.topic, row.state, position=row.position, stream_id=row.stream_id, version=row.version
    )
    assert "村民大会当天停电" == envelope.late_reason
    trail = app.queries.trail(f"person:{LANZHI}")
    assert "村民大会当天停电" == trail[-1]["late_reason"]


def test_beyond_the_units_window_nothing_is_written(app: Dangjian, clock: Clock) -> None:
    zh = refused(app, adjust(clock, 8, "A2"), late_reason="忘了")

    assert "补录超出期限" in zh
    assert "补录期限为 7 天" in zh


def test_the_level_above_sets_a_longer_window_and_fewer_roles(app: Dangjian, clock: Clock) -> None:
    policy = SetLateEntryPolicy(BRANCH, 14, (Role.SECRETARY,), "农忙时节", TOWN, clock.now)
    app.handle(policy)

    app.handle(adjust(clock, 10, "A3"), late_reason="农忙")
    zh = refused(app, adjust(clock, 2, "A4"), entered_by=ORGANIZER, late_reason="代书记补记")

    assert "lv-zw 无权为paixilv补录" in zh
    assert "书记" in zh


def test_who_types_a_late_entry_must_hold_a_role_that_may_enter_late(
    app: Dangjian, clock: Clock
) -> None:
    zh = refused(app, adjust(clock, 2, "A5"), entered_by=LANZHI, late_reason="帮书记录")

    assert "lv-lanzhi 无权为paixilv补录" in zh
    # the organizing member keeps the roll: the default roles admit them
    app.handle(adjust(clock, 2, "A5"), entered_by=ORGANIZER, late_reason="代书记补记")


def test_nobody_sets_their_own_units_window(app: Dangjian, clock: Clock) -> None:
    with pytest.raises(Unauthorized, match="无权设定paixilv的补录规则"):
        app.handle(SetLateEntryPolicy(BRANCH, 30, (Role.SECRETARY,), "方便", SECRETARY, clock.now))


def test_an_entry_on_time_needs_no_reason(app: Dangjian, clock: Clock) -> None:
    done = app.handle(adjust(clock, 0, "A6"))

    assert done.changed
