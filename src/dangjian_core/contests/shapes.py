"""擂台赛命令的格式 — the shape validators the contest commands share: days, optional
ids, scores, marks, schemes and lists of short texts, with the limits they apply."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from dangjian_core.contests.values import Aggregation, ContestScheme, TieRule, score_problem
from dangjian_core.kernel.ids import check_id
from dangjian_core.kernel.validation import clean

#: The most criteria a scheme has.
MAX_CRITERIA = 10
#: The most attachments a report lists, and comments a review holds.
MAX_ITEMS = 10
#: The most contestants in one contest (their drawn order runs from 1).
MAX_CONTESTANTS = 200


def day(_instance: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValueError(f"{attribute.name} 须为日期 / {attribute.name} must be a date: {value!r}")


def optional_id(instance: object, attribute: Any, value: Any) -> None:
    if value != "":
        check_id(instance, attribute, value)


def score_text(_instance: object, attribute: Any, value: Any) -> None:
    problem = score_problem(value) if isinstance(value, str) else f"{value!r} 不是分数 / not text"
    if problem is not None:
        zh, _, en = problem.partition(" / ")
        raise ValueError(f"{attribute.name}: {zh} / {attribute.name}: {en}")


def marks(_instance: object, _attribute: object, value: Any) -> None:
    ok = isinstance(value, tuple) and 0 < len(value) <= MAX_CRITERIA
    pairs = ok and all(isinstance(m, tuple) and len(m) == 2 for m in value)
    if not pairs or not all(isinstance(n, str) and isinstance(v, str) for n, v in value):
        raise ValueError(
            f"marks 须为 1–{MAX_CRITERIA} 项 (指标, 分数) / 1–{MAX_CRITERIA} (criterion, mark) pairs"
        )
    names = [name for name, _ in value]
    if len(set(names)) != len(names):
        raise ValueError(f"同一指标评了两次 / a criterion is marked twice: {names}")
    for name, mark in value:
        problem = score_problem(mark)
        if problem is not None:
            zh, _, en = problem.partition(" / ")
            raise ValueError(f"{name}: {zh} / {name}: {en}")


def pairs(_instance: object, _attribute: object, value: Any) -> None:
    ok = isinstance(value, tuple) and all(isinstance(c, tuple) and len(c) == 2 for c in value)
    if not ok:
        raise ValueError("criteria 须为 (指标, 权重) / criteria must be (name, weight) pairs")


def texts(low: int, high: int, length: int) -> Any:
    """A tuple of ``low`` to ``high`` texts of 1 to ``length`` characters each (the text
    policy of :func:`~dangjian_core.kernel.validation.clean`)."""

    def check(_instance: object, attribute: Any, value: Any) -> None:
        ok = isinstance(value, tuple) and low <= len(value) <= high
        if not ok or not all(isinstance(t, str) and 0 < len(t) <= length for t in value):
            raise ValueError(
                f"{attribute.name} 须为 {low}–{high} 项、每项 1–{length} 字 / "
                f"{attribute.name} must hold {low}–{high} texts of 1–{length} characters"
            )
        for item in value:
            if (problem := clean(item)) is not None:
                raise ValueError(f"{attribute.name}: {problem}")

    return check


def whole_scheme(instance: Any, _attribute: object, _value: Any) -> None:
    """The scheme a command's fields make (its ``scheme``) is well formed."""
    scheme(instance.scheme)


def scheme(value: ContestScheme) -> None:
    """Refuse a malformed scheme (ValueError naming the rule)."""
    if not isinstance(value.name, str) or not 0 < len(value.name) <= 60 or clean(value.name):
        raise ValueError(
            f"评分细则名称须为 1–60 字 / the name must be 1–60 characters: {value.name!r}"
        )
    criteria = value.criteria
    if not isinstance(criteria, tuple) or not 0 < len(criteria) <= MAX_CRITERIA:
        raise ValueError(f"评分指标须为 1–{MAX_CRITERIA} 项 / 1–{MAX_CRITERIA} criteria")
    for criterion in criteria:
        name, weight = criterion.name, criterion.weight
        if not isinstance(name, str) or not 0 < len(name) <= 20 or clean(name):
            raise ValueError(
                f"指标名称须为 1–20 字 / a criterion's name: 1–20 characters: {name!r}"
            )
        if not isinstance(weight, int) or isinstance(weight, bool) or not 0 < weight <= 100:
            raise ValueError(f"{name} 权重须为 1–100 / {name}: weight must be 1–100")
    if len(set(value.names)) != len(criteria):
        raise ValueError(f"指标名称重复 / criteria names repeat: {value.names}")
    if sum(c.weight for c in criteria) != 100:
        raise ValueError(
            f"各指标权重之和须为 100(百分制) / the weights must sum to 100: "
            f"{sum(c.weight for c in criteria)}"
        )
    if not isinstance(value.aggregation, Aggregation) or not isinstance(value.tie_rule, TieRule):
        raise ValueError("汇总方式或同分规则无效 / invalid aggregation or tie rule")
    weight = value.inspection_weight
    if not isinstance(weight, int) or isinstance(weight, bool) or not 0 <= weight <= 90:
        raise ValueError(f"实地考察权重须为 0–90 / the inspection weight must be 0–90: {weight!r}")
