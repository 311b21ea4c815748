"""Times a command may carry: within the years a branch's history can hold, and never
ahead of the server's clock beyond a small skew."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dangjian_core.kernel.errors import FutureTime, InvalidCommand, build
from dangjian_core.kernel.time import CLOCK_SKEW, check_not_future
from dangjian_core.points.commands import AdjustPoints
from tests.support import BRANCH, LANZHI, SECRETARY

_fields: dict[str, object] = {
    "adjustment_id": "A1",
    "branch_id": BRANCH,
    "person_id": LANZHI,
    "delta": 3,
    "reason": "加分",
    "actor_id": SECRETARY,
}
NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "at",
    [
        datetime(9999, 12, 31, tzinfo=UTC),
        datetime(2999, 12, 31, 20, 0, tzinfo=UTC),  # already 3000 in 北京时间
        datetime(1, 1, 1, tzinfo=UTC),
        datetime(1899, 12, 31, tzinfo=UTC),
    ],
)
def test_a_time_outside_the_years_is_refused_when_the_command_is_built(at: datetime) -> None:
    with pytest.raises(InvalidCommand, match="1900–2999"):
        build(AdjustPoints, **_fields, at=at)


def test_a_time_within_the_skew_passes_and_beyond_it_is_a_future_time() -> None:
    check_not_future(NOW + CLOCK_SKEW, NOW)
    check_not_future(NOW - timedelta(days=400), NOW)

    with pytest.raises(FutureTime) as refused:
        check_not_future(NOW + CLOCK_SKEW + timedelta(seconds=1), NOW)

    assert refused.value.code == "future_time"
    assert "2026-12-03 16:05" in str(refused.value)  # shown in 北京时间
