"""积分细则 — a unit's points scheme for one cycle, as plain data.

A scheme names its categories, each with a yearly cap (封顶): a *sum* category counts the
ledger lines it takes, clipped to ``[0, cap]``; a *deduction* category starts at its cap
(the base, 基础分) and loses the deductions applied to it, floored at 0. It also lists the
fixed deduction items (扣分项, some at most once a year), the one-vote vetoes (一票否决)
and, optionally, the weighted dimensions of the activists' evaluation (积极分子考评维度)
and what a no-show on a claimed task costs (未履约: a deduction item, days without claiming).
The classes carry no validators (a scheme is stored inside an event, and a stored event
must always load); :func:`check_scheme` checks a scheme's shape when it is adopted. The
TOML files that describe schemes are read by the adapter.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from attrs import frozen


class CategoryKind(StrEnum):
    """计分方式 — how a scheme category is scored."""

    SUM = "sum"
    DEDUCTION = "deduction"

    @property
    def zh(self) -> str:
        """The kind in Chinese."""
        return {"sum": "累加计分", "deduction": "扣分制"}[self.value]


@frozen
class Category:
    """积分类别 — a scheme category with its yearly cap and the ledger categories it takes."""

    name: str
    cap: int
    kind: CategoryKind = CategoryKind.SUM
    takes: tuple[str, ...] = ()
    default: bool = False


@frozen
class DeductionItem:
    """扣分项 — a fixed deduction from a deduction category; ``once_a_year`` items apply
    at most once per person and cycle."""

    code: str
    label: str
    points: int
    category: str
    once_a_year: bool = False


@frozen
class VetoItem:
    """一票否决项 — a named breach that zeroes the person's year."""

    code: str
    label: str


@frozen
class Dimension:
    """考评维度 — a weighted dimension of the activists' evaluation; ``from_points``
    takes the counted points total (out of the scheme's total cap) as its score."""

    name: str
    weight: int
    max_score: int
    from_points: bool = False


#: The deduction code a no-show follow-up asks for (``eval`` applies the item the scheme's
#: ``[no_show]`` rule names, or nothing when it names none).
NO_SHOW_CODE = "no-show"


@frozen
class NoShowRule:
    """未履约规则 — what a no-show (领办后既未提交也未撤回) costs: the deduction item
    applied for each (``deduction``, a code of the scheme's deductions; empty: none), and
    the days the person may claim no task after it (``block_days``; 0: none)."""

    deduction: str = ""
    block_days: int = 0


def _no_show(scheme: Scheme) -> None:
    rule = scheme.no_show
    if rule is None:
        return
    days = rule.block_days
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 365:
        raise ValueError("未履约限领天数须为 0 至 365 / no_show.block_days must be 0..365")
    if rule.deduction and scheme.deduction(rule.deduction) is None:
        raise ValueError(
            f"未履约规则的扣分项 {rule.deduction} 不存在 / no_show.deduction names no "
            f"deduction item: {rule.deduction!r}"
        )
    if not rule.deduction and not days:
        raise ValueError("未履约规则须扣分或限领 / no_show needs a deduction or block_days")


def _unique(what: str, names: list[str]) -> None:
    if len(set(names)) != len(names):
        raise ValueError(f"{what}名称重复 / duplicate {what} names: {names}")


def _shape(scheme: Scheme) -> None:
    bounded = [(c.name, 30) for c in scheme.categories] + [(scheme.name, 60)]
    bounded += [(d.label, 100) for d in scheme.deductions] + [(v.label, 100) for v in scheme.vetoes]
    bounded += [(d.code, 30) for d in scheme.deductions] + [(v.code, 30) for v in scheme.vetoes]
    bounded += [(d.name, 30) for d in scheme.dimensions]
    if not all(isinstance(t, str) and 0 < len(t) <= n for t, n in bounded):
        raise ValueError("名称须为 1 至 30 字(说明至多 100 字)/ names must be 1–30 characters")
    numbers = [c.cap for c in scheme.categories] + [d.points for d in scheme.deductions]
    numbers += [d.max_score for d in scheme.dimensions] + [d.weight for d in scheme.dimensions]
    if not all(isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 1000 for n in numbers):
        raise ValueError(
            "上限、扣分、满分与权重须为 1 至 1000 的整数 / caps, points, "
            "maximum scores and weights must be integers 1..1000"
        )


def check_scheme(_instance: object, _attribute: object, scheme: Any) -> None:
    """attrs validator: refuse a scheme whose shape or parts do not fit together."""
    if not isinstance(scheme, Scheme) or not scheme.categories:
        raise ValueError(f"积分细则无效 / not a scheme with categories: {scheme!r}")
    _shape(scheme)
    names = [c.name for c in scheme.categories]
    _unique("类别", names)
    _unique("扣分项", [d.code for d in scheme.deductions])
    _unique("否决项", [v.code for v in scheme.vetoes])
    _unique("维度", [d.name for d in scheme.dimensions])
    sums = [c for c in scheme.categories if c.kind is CategoryKind.SUM]
    if not sums or sum(c.default for c in sums) != 1:
        raise ValueError("须有且仅有一个默认的累加类别 / exactly one default sum category needed")
    if any(c.takes for c in scheme.categories if c.kind is CategoryKind.DEDUCTION):
        raise ValueError("扣分制类别不收录积分明细 / a deduction category takes no ledger lines")
    taken = [t for c in scheme.categories for t in c.takes]
    _unique("收录的明细类别", taken)
    kinds = {c.name: c.kind for c in scheme.categories}
    for item in scheme.deductions:
        if kinds.get(item.category) is not CategoryKind.DEDUCTION:
            raise ValueError(
                f"扣分项 {item.code} 须扣在扣分制类别上 / deduction {item.code} needs a "
                f"deduction category, got {item.category!r}"
            )
    if scheme.dimensions and sum(d.weight for d in scheme.dimensions) != 100:
        raise ValueError("各维度权重之和须为 100 / dimension weights must sum to 100")
    if sum(d.from_points for d in scheme.dimensions) > 1:
        raise ValueError("至多一个维度取自积分 / at most one dimension comes from points")
    _no_show(scheme)


@frozen
class Scheme:
    """积分细则 — categories with caps, deduction items, vetoes, activist dimensions."""

    name: str
    categories: tuple[Category, ...]
    deductions: tuple[DeductionItem, ...] = ()
    vetoes: tuple[VetoItem, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    #: Added later (fair claiming): what a no-show costs; None: nothing.
    no_show: NoShowRule | None = None

    @property
    def total_cap(self) -> int:
        """满分 — the sum of the categories' caps."""
        return sum(c.cap for c in self.categories)

    def category_of(self, ledger_category: str) -> Category:
        """The scheme category a ledger line of ``ledger_category`` counts in."""
        for category in self.categories:
            if ledger_category in category.takes:
                return category
        return next(c for c in self.categories if c.default)

    def deduction(self, code: str) -> DeductionItem | None:
        """The deduction item with this code, if the scheme has it."""
        return next((d for d in self.deductions if d.code == code), None)

    def no_show_item(self) -> DeductionItem | None:
        """The deduction item a no-show costs under this scheme, if any."""
        rule = self.no_show
        return None if rule is None or not rule.deduction else self.deduction(rule.deduction)

    def veto(self, code: str) -> VetoItem | None:
        """The veto item with this code, if the scheme has it."""
        return next((v for v in self.vetoes if v.code == code), None)
