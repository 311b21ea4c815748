"""承诺命令的格式 — the shape validators the commitment commands share: years, days,
owners, evidence, grades, weights and thresholds, and the limits they apply."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from dangjian_core.commitments.values import Fulfilment
from dangjian_core.kernel.ids import check_id

#: The most pledges (items) one commitment holds.
MAX_ITEMS = 20
#: The most evidence references one progress report carries.
MAX_EVIDENCE = 20


def year(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1921 <= value <= 2200:
        raise ValueError(f"年度无效 / invalid year: {value!r}")


def day(_instance: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValueError(f"{attribute.name} 须为日期 / {attribute.name} must be a date: {value!r}")


def owner(instance: object, attribute: Any, value: Any) -> None:
    if value != "":
        check_id(instance, attribute, value)


def evidence(_instance: object, _attribute: object, value: Any) -> None:
    ok = isinstance(value, tuple) and len(value) <= MAX_EVIDENCE
    if not ok or not all(isinstance(item, str) and 0 < len(item) <= 200 for item in value):
        raise ValueError(
            f"evidence 须为至多{MAX_EVIDENCE}项、每项1–200字的引用 / at most {MAX_EVIDENCE} "
            f"references of 1–200 chars: {value!r}"
        )


def grades(_instance: object, _attribute: object, value: Any) -> None:
    def ok(pair: Any) -> bool:
        if not isinstance(pair, tuple) or len(pair) != 2:
            return False
        number, grade = pair
        whole = isinstance(number, int) and not isinstance(number, bool)
        return whole and 1 <= number <= MAX_ITEMS and isinstance(grade, Fulfilment)

    numbers = [pair[0] for pair in value] if isinstance(value, tuple) else []
    good = isinstance(value, tuple) and 0 < len(value) <= MAX_ITEMS
    if not good or not all(ok(pair) for pair in value) or len(set(numbers)) != len(numbers):
        raise ValueError(
            f"grades 须为不重复的 (事项序号, 评定) / distinct (item number, grade) pairs: {value!r}"
        )


def weights(instance: Any, _attribute: object, _value: Any) -> None:
    weights = (instance.self_weight, instance.meeting_weight, instance.representatives_weight)
    if sum(weights) != 100:
        raise ValueError(f"三方权重之和须为 100 / the weights must add up to 100: {weights!r}")


def thresholds(instance: Any, _attribute: object, _value: Any) -> None:
    if not 0 < instance.partly_from < instance.fulfilled_from <= 100:
        raise ValueError(
            "须 0 < 部分兑现线 < 兑现线 ≤ 100 / need 0 < partly_from < fulfilled_from ≤ 100: "
            f"{instance.partly_from!r}, {instance.fulfilled_from!r}"
        )
