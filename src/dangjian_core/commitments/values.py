"""承诺的取值 — the grades, assessing bodies and return grounds commitment events name,
and the values they hold: the assessment rule, one body's grade of a pledge, a pledge's
result. Stored inside the events (:mod:`dangjian_core.commitments.events`), so they are a
storage contract too: add enum members, never rename a value."""

from __future__ import annotations

from enum import StrEnum

from attrs import frozen

from dangjian_core.kernel.ids import PersonId


class Fulfilment(StrEnum):
    """兑现情况 — how far an item was kept: one assessing body's grade, and an item's
    outcome under the rule."""

    FULFILLED = "fulfilled"  # 已兑现
    PARTLY = "partly"  # 部分兑现
    NOT_FULFILLED = "not_fulfilled"  # 未兑现

    @property
    def zh(self) -> str:
        """The grade in Chinese."""
        return {"fulfilled": "已兑现", "partly": "部分兑现", "not_fulfilled": "未兑现"}[self.value]


class AssessorBody(StrEnum):
    """评诺主体 — who assesses a commitment at year end."""

    SELF = "self"  # 本人自评
    MEETING = "meeting"  # 党员大会评议
    REPRESENTATIVES = "representatives"  # 村民代表评议

    @property
    def zh(self) -> str:
        """The body in Chinese."""
        return {"self": "本人自评", "meeting": "党员大会评议", "representatives": "村民代表评议"}[
            self.value
        ]


class ReturnGround(StrEnum):
    """退回原因 — why the branch returned an item for revision."""

    VAGUE = "vague"  # 表述笼统
    NOT_TIED = "not_tied"  # 未结合岗位
    NOT_MEASURABLE = "not_measurable"  # 目标不可衡量
    OTHER = "other"  # 其他

    @property
    def zh(self) -> str:
        """The ground in Chinese."""
        return {
            "vague": "表述笼统",
            "not_tied": "未结合岗位",
            "not_measurable": "目标不可衡量",
            "other": "其他",
        }[self.value]


@frozen
class AssessmentRule:
    """评诺规则 — the weight of each assessing body (percent, summing to 100), what
    部分兑现 is worth out of 100, and the item score (out of 100) from which an item counts
    as 已兑现 or 部分兑现."""

    self_weight: int
    meeting_weight: int
    representatives_weight: int
    partly_value: int
    fulfilled_from: int
    partly_from: int

    def weight(self, body: AssessorBody) -> int:
        """The weight of one body, in percent."""
        return {
            AssessorBody.SELF: self.self_weight,
            AssessorBody.MEETING: self.meeting_weight,
            AssessorBody.REPRESENTATIVES: self.representatives_weight,
        }[body]


@frozen
class PledgeGrade:
    """事项评定 — one body's grade of one item."""

    item_no: int
    grade: Fulfilment


@frozen
class PledgeResult:
    """事项评诺结果 — an item's score (hundredths of a point, out of 100.00) under the rule,
    and its outcome."""

    item_no: int
    owner_id: PersonId
    score: int
    outcome: Fulfilment
