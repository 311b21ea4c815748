"""Givens for the evaluation tests: the 派溪吕村 scheme (examples/schemes/paixilv.toml as
plain values), commands with sensible defaults, ledger lines and directories with facts."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import attrs

from dangjian_core.evaluation.commands import (
    AdoptScheme,
    ApplyDeduction,
    CloseCycle,
    PublishSnapshot,
    RecordVeto,
    ScoreActivist,
    SetQuota,
)
from dangjian_core.evaluation.scheme import (
    Category,
    CategoryKind,
    DeductionItem,
    Dimension,
    Scheme,
    VetoItem,
)
from dangjian_core.evaluation.standings import CycleLedger, PendingReview
from dangjian_core.evaluation.state import EvaluationState
from dangjian_core.kernel.ids import PersonId
from dangjian_core.points.queries import LedgerLine
from tests import support
from tests.facts import FixedFacts

CYCLE = "2021-10"
AFTER = datetime(2022, 10, 8, 9, 0, tzinfo=support.CST)  # the cycle is over
BASE, TASKS, REWARDS = "基础分", "任务分", "奖励分"

PAIXILV = Scheme(
    "派溪吕村党员积分细则",
    (
        Category(BASE, 20, CategoryKind.DEDUCTION),
        Category(TASKS, 70, default=True),
        Category(REWARDS, 10, takes=("加减分", "奖励")),
    ),
    (
        DeductionItem("absent", "无故缺席组织生活", 5, BASE),
        DeductionItem("unfinished", "领办任务后无故不完成", 10, BASE),
        DeductionItem("false-report", "虚报任务完成情况", 20, BASE, once_a_year=True),
    ),
    (VetoItem("discipline", "受到党纪政务处分"), VetoItem("illegal", "参与违法犯罪活动")),
    (
        Dimension("任务积分", 60, 100, from_points=True),
        Dimension("群众评议", 20, 100),
        Dimension("党课学习", 20, 100),
    ),
)


def at(days: float) -> datetime:
    """``days`` after T0 (8 October 2021, in cycle 2021-10)."""
    return support.T0 + timedelta(days=days)


def adopt(scheme: Scheme = PAIXILV, actor: str = support.SECRETARY, **kw: Any) -> AdoptScheme:
    """The secretary adopts the scheme for cycle 2021-10."""
    return AdoptScheme(support.BRANCH, CYCLE, scheme, actor, kw.get("at", at(1)))


def quota(n: int = 2, actor: str = support.TOWN) -> SetQuota:
    """The town sets the quota."""
    return SetQuota(support.BRANCH, CYCLE, n, actor, at(2), "镇党委下达")


def deduct(
    person: str = support.LANZHI, code: str = "absent", did: str = "D1", **kw: Any
) -> ApplyDeduction:
    """The secretary applies a deduction item."""
    actor = kw.get("actor", support.SECRETARY)
    return ApplyDeduction(
        support.BRANCH, CYCLE, did, PersonId(person), code, "10月主题党日未请假缺席", actor, at(3)
    )


def veto(person: str = support.XINGCAN, code: str = "discipline") -> RecordVeto:
    """The secretary records a veto."""
    return RecordVeto(
        support.BRANCH, CYCLE, PersonId(person), code, "受到警告处分", support.SECRETARY, at(4)
    )


def score_activist(person: str = support.LANZHI, **scores: int) -> ScoreActivist:
    """The secretary scores an activist's hand-scored dimensions."""
    given = tuple(scores.items()) or (("群众评议", 90), ("党课学习", 80))
    return ScoreActivist(support.BRANCH, CYCLE, PersonId(person), given, support.SECRETARY, at(5))


def snapshot(quarter: str = "2022Q2", when: datetime | None = None) -> PublishSnapshot:
    """The secretary publishes a quarter's standings."""
    return PublishSnapshot(
        support.BRANCH,
        CYCLE,
        quarter,
        support.SECRETARY,
        when or datetime(2022, 6, 30, 18, tzinfo=support.CST),
    )


def close(actor: str = support.SECRETARY, when: datetime = AFTER) -> CloseCycle:
    """The secretary closes the cycle."""
    return CloseCycle(support.BRANCH, CYCLE, actor, when)


def line(
    position: int, delta: int, category: str = "环境卫生整治", kind: str = "credit"
) -> LedgerLine:
    """A ledger line of cycle 2021-10."""
    ref = "adj" if kind == "adjust" else f"T{position}"
    return LedgerLine(position, at(0).isoformat(), support.REVIEWER, kind, category, delta, ref, "")


def village(
    evaluation: EvaluationState | None = None,
    lines: dict[str, tuple[LedgerLine, ...]] | None = None,
    pending: tuple[tuple[str, str], ...] = (),
) -> FixedFacts:
    """The seed village, with the cycle's evaluation and ledger facts."""
    seed = support.directory()
    ledger = CycleLedger(
        {PersonId(p): ls for p, ls in (lines or {}).items()},
        tuple(PendingReview(t, PersonId(p)) for t, p in pending),
        max((x.position for ls in (lines or {}).values() for x in ls), default=0),
    )
    key = (support.BRANCH, CYCLE)
    evaluations = {} if evaluation is None else {key: evaluation}
    return attrs.evolve(seed, evaluations=evaluations, ledgers={key: ledger})
