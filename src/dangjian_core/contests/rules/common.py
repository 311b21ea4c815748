"""擂台赛规则的共用部分 — the refusals every rule module raises, and the lookups they share."""

from __future__ import annotations

from dangjian_core.contests.state import ContestError, ContestState, Entry
from dangjian_core.kernel.errors import UnknownSubject


def refuse(zh: str, en: str) -> ContestError:
    """A contest refusal naming the rule."""
    return ContestError(zh, en)


def entry_of(contest: ContestState, unit_id: str) -> Entry:
    """The contestant of ``unit_id``, or :class:`UnknownSubject`."""
    entry = contest.entries.get(unit_id)
    if entry is None:
        raise UnknownSubject(
            f"{unit_id} 未报名参加 {contest.contest_id}",
            f"{unit_id} has not entered {contest.contest_id}",
        )
    return entry


def not_published(contest: ContestState) -> None:
    """结果公示后不再变更: nothing changes after the results are published."""
    if contest.published is not None:
        raise refuse(
            f"{contest.contest_id} 的结果已公示, 不能再变更(结果公示后不可更改)",
            f"the results of {contest.contest_id} are published; nothing may change",
        )


def not_started(contest: ContestState, what: str, what_en: str) -> None:
    """开赛后不再变更: the scheme, the field and the panel are fixed once a round opens."""
    if contest.started:
        raise refuse(
            f"{contest.contest_id} 已开始述职, 不能再{what}(首轮开始前确定)",
            f"{contest.contest_id} has begun; {what_en} is fixed before the first round",
        )
