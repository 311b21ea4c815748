"""擂台赛的值 — what a contest's scoring is made of: the weighted criteria (百分制), how the
judges' sheets are aggregated (平均 or 去掉一个最高分和一个最低分), the weight of a prior
field inspection (实地考察), the tie rule, and one judge's marks.

A scheme is data, recorded whole in :class:`~dangjian_core.contests.events.ContestSchemeAdopted`
(versioned like the points schemes, docs/schemes.md). Scores are decimals, carried as
text (``"92.5"``) in events and rows and read as :class:`~decimal.Decimal`; these classes
have no validators so that a stored event always loads (the commands check the shape).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from enum import StrEnum

from attrs import frozen

#: The full mark of every criterion and sheet (百分制).
FULL_MARK = Decimal(100)
#: Scores are kept to two decimal places (分, rounded half up).
CENT = Decimal("0.01")


class Aggregation(StrEnum):
    """汇总方式 — how one contestant's sheets make the on-site score."""

    MEAN = "mean"  # 取全体评委平均分
    TRIMMED = "trimmed"  # 去掉一个最高分和一个最低分后取平均

    @property
    def zh(self) -> str:
        """The rule in Chinese."""
        return {"mean": "取全体评委平均分", "trimmed": "去掉一个最高分和一个最低分后取平均分"}[
            self.value
        ]


class TieRule(StrEnum):
    """同分规则 — how contestants with the same final score are placed."""

    SHARED = "shared"  # 并列名次
    ON_SITE = "on_site"  # 现场得分高者居前, 仍同分则并列

    @property
    def zh(self) -> str:
        """The rule in Chinese."""
        return {
            "shared": "同分并列, 下一名次顺延",
            "on_site": "同分者现场得分高者居前, 仍同分则并列",
        }[self.value]


@frozen
class Criterion:
    """评分指标 — one weighted criterion (权重, the weights of a scheme sum to 100); each
    judge marks it out of 100."""

    name: str
    weight: int


@frozen
class ContestScheme:
    """评分细则 — the criteria, the aggregation, the weight of the field inspection (0 when
    the on-site score is the final score; 50 for 现场 50% + 实地考察 50%) and the tie rule."""

    name: str
    criteria: tuple[Criterion, ...]
    aggregation: Aggregation = Aggregation.TRIMMED
    inspection_weight: int = 0
    tie_rule: TieRule = TieRule.SHARED

    @property
    def names(self) -> tuple[str, ...]:
        """The criteria's names, in order."""
        return tuple(c.name for c in self.criteria)


@frozen
class Mark:
    """单项评分 — a judge's mark for one criterion, out of 100, as text (``"88.5"``)."""

    criterion: str
    value: str


@frozen
class Sheet:
    """评分表 — one judge's marks for one contestant."""

    judge_id: str
    marks: tuple[Mark, ...]


def score_of(text: str) -> Decimal:
    """The score ``text`` holds (stored values always parse)."""
    return Decimal(text)


def show(value: Decimal) -> str:
    """A score as text to two decimal places (``92.50``)."""
    return str(value.quantize(CENT))


def score_problem(text: str) -> str | None:
    """What is wrong with ``text`` as a score out of 100 with at most two decimals
    (Chinese / English), or None."""
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return f"{text!r} 不是分数 / is not a score"
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        return f"{text!r} 不是分数 / is not a score"
    if exponent < -2:
        return f"{text} 最多两位小数 / has more than two decimals"
    if value < 0 or value > FULL_MARK:
        return f"{text} 须在 0 到 100 之间 / must be from 0 to 100"
    return None
