"""中心工作的变更 Revising a share and cancelling an item.

Given the town of :mod:`tests.core.test_work` (象珠镇党委 → 第一党总支 → 清渭街村、官川村),
when a share is revised or an item cancelled, then the events or the typed refusal; a
refusal writes nothing. A revised share bounds what the unit below splits from then on;
nothing more is decided on a cancelled item or anything below it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from dangjian_core.catalog import audit
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.kernel.ids import BranchId
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.work.commands import CancelWorkItem, LinkTasks, ReviseWorkShare
from dangjian_core.work.events import (
    WorkItemCancelled,
    WorkItemId,
    WorkShareAccepted,
    WorkShareRevised,
)
from dangjian_core.work.state import WorkError
from tests.core.org import COUNTY, DING, GUANCHUAN, HU, LV, QINGWEIJIE, REGION, T1, WANG, later
from tests.core.test_work import (
    DEADLINE,
    GC_ITEM,
    MEASURE,
    QWJ_ITEM,
    TITLE,
    W1,
    ZHAO,
    ZONGZHI,
    ZONGZHI_ITEM,
    accept,
    assign,
    cascade_commands,
    issue,
    refused,
    report,
    town,
)

WHY = "上级调整任务量"


def revise(
    item: str, unit: str, target: int, actor: str, reason: str = WHY, **options: Any
) -> ReviseWorkShare:
    """Revise ``unit``'s share of ``item`` on day 15."""
    options.setdefault("at", later(15))
    return ReviseWorkShare(WorkItemId(item), BranchId(unit), target, reason, actor, **options)


def cancel(item: str, actor: str, reason: str = "工作已由上级统一安排", days: float = 30) -> Any:
    """Cancel ``item`` on day 30."""
    return CancelWorkItem(WorkItemId(item), reason, actor, later(days))


def split_once() -> list[Any]:
    """1000 户: 600 to the general branch, which accepts and gives 清渭街村 400 (accepted)."""
    return [
        issue(),
        assign(W1, ZONGZHI, 600, WANG),
        accept(W1, ZONGZHI, ZHAO),
        assign(ZONGZHI_ITEM, QINGWEIJIE, 400, ZHAO),
        accept(ZONGZHI_ITEM, QINGWEIJIE, LV),
    ]


# --- revising a share ----------------------------------------------------------------


def test_the_issuer_revises_a_share_for_a_reason() -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG))

    events = village.handle(revise(W1, ZONGZHI, 500, WANG))

    assert [WorkShareRevised(W1, ZONGZHI, 500, DEADLINE, WHY)] == events
    share = village.item(W1).share(ZONGZHI)
    assert (500, 500) == (share.target if share else None, village.item(W1).assigned)


def test_the_organizing_member_may_revise_too() -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG))

    assert 1 == len(village.handle(revise(W1, ZONGZHI, 500, DING)))


@pytest.mark.parametrize("actor", [ZHAO, COUNTY, LV])
def test_only_the_issuing_units_leaders_revise_its_shares(actor: str) -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG))

    refused(village, revise(W1, ZONGZHI, 500, actor), Unauthorized)


def test_revised_shares_together_may_reach_but_not_exceed_the_items_target() -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG), assign(W1, REGION, 300, WANG))

    refusal = refused(village, revise(W1, ZONGZHI, 701, WANG), WorkError)

    assert "尚可分解 700" in refusal.zh
    assert 1 == len(village.handle(revise(W1, ZONGZHI, 700, WANG)))
    assert 1000 == village.item(W1).assigned


def test_a_revision_needs_a_reason() -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG))

    refusal = refused(village, revise(W1, ZONGZHI, 500, WANG, reason="  "), InvalidCommand)

    assert "理由" in refusal.zh
    with pytest.raises(ValueError, match="reason"):
        revise(W1, ZONGZHI, 500, WANG, reason="")


def test_revising_to_the_same_target_and_deadline_records_nothing() -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG))

    assert [] == village.handle(revise(W1, ZONGZHI, 600, WANG, reason="另一个理由"))
    assert [] == village.handle(revise(W1, ZONGZHI, 600, WANG, deadline=DEADLINE))


def test_a_revision_may_bring_the_deadline_forward_but_not_past_the_items() -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG))

    [event] = village.handle(revise(W1, ZONGZHI, 600, WANG, deadline=later(50)))

    assert (600, later(50)) == (event.target, event.deadline)
    refused(village, revise(W1, ZONGZHI, 600, WANG, deadline=later(101)), WorkError)


def test_a_unit_given_no_share_has_none_to_revise() -> None:
    refusal = refused(town(issue()), revise(W1, ZONGZHI, 600, WANG), WorkError)

    assert "没有给 xz-zongzhi 分解工作" in refusal.zh


def test_a_share_of_an_unknown_item_cannot_be_revised() -> None:
    refused(town(), revise(W1, ZONGZHI, 600, WANG), UnknownSubject)


def test_a_share_may_not_fall_below_what_its_unit_already_gave_out() -> None:
    village = town(*split_once())

    refusal = refused(village, revise(W1, ZONGZHI, 399, WANG), WorkError)

    assert "已将 W2018-1.xz-zongzhi 分解出 400户" in refusal.zh
    assert 1 == len(village.handle(revise(W1, ZONGZHI, 400, WANG)))


def test_a_share_may_not_come_due_before_a_share_its_unit_gave() -> None:
    village = town(
        *split_once()[:3], assign(ZONGZHI_ITEM, QINGWEIJIE, 400, ZHAO, deadline=later(60))
    )

    refusal = refused(village, revise(W1, ZONGZHI, 600, WANG, deadline=later(59)), WorkError)

    assert "qingweijie" in refusal.zh
    assert 1 == len(village.handle(revise(W1, ZONGZHI, 600, WANG, deadline=later(60))))


def test_the_unit_below_splits_within_its_share_as_revised_not_as_accepted() -> None:
    village = town(*split_once(), revise(W1, ZONGZHI, 450, WANG))

    refusal = refused(village, assign(ZONGZHI_ITEM, GUANCHUAN, 51, ZHAO, at=later(16)), WorkError)

    assert "目标 450户, 尚可分解 50" in refusal.zh
    assert 600 == village.item(ZONGZHI_ITEM).target  # its own stream keeps what it accepted
    assert 1 == len(village.handle(assign(ZONGZHI_ITEM, GUANCHUAN, 50, ZHAO, at=later(16))))


def test_a_raised_share_leaves_the_unit_below_more_to_split() -> None:
    village = town(*split_once(), revise(W1, ZONGZHI, 700, WANG))

    assert 1 == len(village.handle(assign(ZONGZHI_ITEM, GUANCHUAN, 300, ZHAO, at=later(16))))
    assert 1 == len(village.handle(revise(ZONGZHI_ITEM, QINGWEIJIE, 400, ZHAO, deadline=later(90))))
    refused(village, revise(ZONGZHI_ITEM, QINGWEIJIE, 401, ZHAO), WorkError)


def test_the_unit_below_splits_by_its_shares_revised_deadline() -> None:
    early = assign(ZONGZHI_ITEM, QINGWEIJIE, 400, ZHAO, deadline=later(40))
    village = town(*split_once()[:3], early, revise(W1, ZONGZHI, 600, WANG, deadline=later(50)))

    refused(village, assign(ZONGZHI_ITEM, GUANCHUAN, 100, ZHAO, deadline=later(51)), WorkError)
    [event] = village.handle(assign(ZONGZHI_ITEM, GUANCHUAN, 100, ZHAO))

    assert later(50) == event.deadline


def test_a_share_revised_before_it_is_accepted_is_accepted_as_revised() -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG), revise(W1, ZONGZHI, 550, WANG))

    events = village.handle(accept(W1, ZONGZHI, ZHAO, later(16)))

    assert [WorkShareAccepted(ZONGZHI_ITEM, ZONGZHI, W1, TITLE, MEASURE, 550, DEADLINE)] == events


def test_accepting_again_after_a_revision_records_nothing() -> None:
    village = town(*split_once(), revise(W1, ZONGZHI, 500, WANG))

    assert [] == village.handle(accept(W1, ZONGZHI, ZHAO, later(16)))


# --- cancelling an item ----------------------------------------------------------------


def test_the_items_secretary_cancels_it_for_a_reason() -> None:
    village = town(*cascade_commands())

    events = village.handle(cancel(W1, WANG))

    assert [WorkItemCancelled(W1, "工作已由上级统一安排")] == events
    assert village.item(W1).cancelled
    assert not village.item(ZONGZHI_ITEM).cancelled  # below it is cancelled by inheritance


def test_cancelling_again_records_nothing() -> None:
    village = town(issue(), cancel(W1, WANG))

    assert [] == village.handle(cancel(W1, DING, reason="再次取消", days=31))


@pytest.mark.parametrize("actor", [COUNTY, ZHAO, LV])
def test_only_the_items_units_leaders_cancel_it(actor: str) -> None:
    refused(town(*cascade_commands()), cancel(W1, actor), Unauthorized)


def test_the_unit_above_does_not_cancel_an_item_its_share_became() -> None:
    village = town(*cascade_commands())

    refused(village, cancel(ZONGZHI_ITEM, WANG), Unauthorized)
    assert 1 == len(village.handle(cancel(ZONGZHI_ITEM, ZHAO)))


def test_a_cancellation_needs_a_reason() -> None:
    refused(town(issue()), cancel(W1, WANG, reason=" "), InvalidCommand)
    with pytest.raises(ValueError, match="reason"):
        cancel(W1, WANG, reason="")


def test_an_unknown_item_cannot_be_cancelled() -> None:
    refused(town(), cancel(W1, WANG), UnknownSubject)


def _on_w1() -> list[Any]:
    """Commands on the top item W1 after it is cancelled."""
    return [
        assign(W1, REGION, 10, WANG, at=later(31)),
        revise(W1, ZONGZHI, 500, WANG, at=later(31)),
        report(W1, 10, WANG, days=31),
        LinkTasks(W1, (T1,), WANG, later(31)),
        issue(),
        accept(W1, ZONGZHI, ZHAO, later(31)),
    ]


@pytest.mark.parametrize("index", range(len(_on_w1())))
def test_nothing_more_is_decided_on_a_cancelled_item(index: int) -> None:
    village = town(*cascade_commands(), cancel(W1, WANG))

    refusal = refused(village, _on_w1()[index], WorkError)

    assert "W2018-1 已取消" in refusal.zh


def _below_w1() -> list[Any]:
    """Commands on items below W1 after W1 is cancelled."""
    return [
        report(QWJ_ITEM, 10, LV, days=31),
        LinkTasks(QWJ_ITEM, (T1,), LV, later(31)),
        revise(ZONGZHI_ITEM, QINGWEIJIE, 300, ZHAO, at=later(31)),
        assign(ZONGZHI_ITEM, GUANCHUAN, 200, ZHAO, at=later(31)),
        cancel(GC_ITEM, HU, days=31),
    ]


@pytest.mark.parametrize("index", range(len(_below_w1())))
def test_nothing_more_is_decided_below_a_cancelled_item(index: int) -> None:
    village = town(*cascade_commands(), cancel(W1, WANG))

    refusal = refused(village, _below_w1()[index], WorkError)

    assert "上级工作 W2018-1 已取消" in refusal.zh


def test_a_share_under_a_cancelled_item_is_not_accepted() -> None:
    village = town(*cascade_commands()[:5], cancel(ZONGZHI_ITEM, ZHAO))

    refusal = refused(village, accept(ZONGZHI_ITEM, GUANCHUAN, HU, later(31)), WorkError)

    assert "已取消" in refusal.zh


def test_a_cancelled_branch_item_leaves_its_siblings_and_parent_working() -> None:
    village = town(*cascade_commands(), cancel(GC_ITEM, HU))

    assert 1 == len(village.handle(report(QWJ_ITEM, 10, LV, days=31)))
    assert 1 == len(village.handle(revise(ZONGZHI_ITEM, GUANCHUAN, 100, ZHAO, at=later(31))))


# --- the replay ----------------------------------------------------------------------


def test_the_replay_finds_revisions_and_cancellations_authorised() -> None:
    village = town(*split_once(), revise(W1, ZONGZHI, 450, DING), cancel(QWJ_ITEM, LV))

    assert [] == audit(village.log)


def test_the_replay_flags_a_revision_by_the_unit_below() -> None:
    village = town(*split_once())
    at: datetime = later(20)
    forged = Recorded(
        len(village.log) + 1,
        f"work-{W1}",
        3,
        ZHAO,
        at,
        WorkShareRevised(W1, ZONGZHI, 900, DEADLINE, "自己加码"),
    )

    [flag] = audit([*village.log, forged])

    assert ("lead_work", ZHAO) == (flag.rule.code, flag.actor_id)
