"""发展程序 — the order of party statuses and the waiting periods of the development
regulations (《中国共产党发展党员工作细则》).

- 入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员, one step at a time;
- at least one year as activist before becoming a development candidate;
- a probation of one year before full membership, which may be extended (with a reason)
  by at most one more year;
- members may be transferred out (and back, to the status they left with), suspended, or
  leave; anyone may die. Nothing follows death.

A change that breaks a rule is refused with :class:`StatusRuleBroken`, naming the rule.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NoReturn

from attrs import frozen

from dangjian_core.kernel.errors import DomainError
from dangjian_core.people.events import PartyStatus

if TYPE_CHECKING:
    from dangjian_core.people.state import StatusPeriod

_S = PartyStatus
#: The statuses each status may change to.
NEXT: dict[PartyStatus, frozenset[PartyStatus]] = {
    _S.VILLAGER: frozenset({_S.APPLICANT, _S.DECEASED}),
    _S.APPLICANT: frozenset({_S.ACTIVIST, _S.VILLAGER, _S.DECEASED}),
    _S.ACTIVIST: frozenset({_S.CANDIDATE, _S.VILLAGER, _S.DECEASED}),
    _S.CANDIDATE: frozenset({_S.PROBATIONARY, _S.ACTIVIST, _S.VILLAGER, _S.DECEASED}),
    _S.PROBATIONARY: frozenset({_S.FULL, _S.VILLAGER, _S.TRANSFERRED_OUT, _S.DECEASED}),
    _S.FULL: frozenset({_S.TRANSFERRED_OUT, _S.SUSPENDED, _S.VILLAGER, _S.DECEASED}),
    _S.TRANSFERRED_OUT: frozenset({_S.PROBATIONARY, _S.FULL}),
    _S.SUSPENDED: frozenset({_S.FULL, _S.VILLAGER, _S.DECEASED}),
    _S.DECEASED: frozenset(),
}


class StatusRuleBroken(DomainError):
    """不符合发展程序 — a party status change breaks a rule of the development regulations;
    the message names the rule."""

    code = "pipeline"


@frozen
class NextStep:
    """下一步 — the status a person may move to next, and the earliest date (if any)."""

    status: PartyStatus
    earliest: date | None


def add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def last_start(history: tuple[StatusPeriod, ...], status: PartyStatus) -> date | None:
    """When the person's latest period in ``status`` began."""
    starts = [period.since for period in history if period.status == status]
    return starts[-1] if starts else None


def probation_end(history: tuple[StatusPeriod, ...], extended_until: date | None) -> date | None:
    """The earliest day a probationary member may become full: a year after probation
    began, or the end of an extension."""
    began = last_start(history, _S.PROBATIONARY)
    if began is None:
        return None
    end = add_years(began, 1)
    return max(end, extended_until) if extended_until is not None else end


def next_step(history: tuple[StatusPeriod, ...], extended_until: date | None) -> NextStep | None:
    """The next step on the road to full membership, if the person is on it."""
    match history[-1].status:
        case _S.VILLAGER:
            return NextStep(_S.APPLICANT, None)
        case _S.APPLICANT:
            return NextStep(_S.ACTIVIST, None)
        case _S.ACTIVIST:
            began = last_start(history, _S.ACTIVIST)
            return NextStep(_S.CANDIDATE, add_years(began, 1) if began else None)
        case _S.CANDIDATE:
            return NextStep(_S.PROBATIONARY, None)
        case _S.PROBATIONARY:
            return NextStep(_S.FULL, probation_end(history, extended_until))
        case _:
            return None


def check_change(
    history: tuple[StatusPeriod, ...], extended_until: date | None, new: PartyStatus, since: date
) -> None:
    """Refuse a change from the current status to ``new`` from ``since`` that breaks a rule."""
    old = history[-1].status
    if new not in NEXT[old]:
        _refuse(
            "status_order",
            f"不能从「{old.zh}」变为「{new.zh}」",
            f"a {old.value} cannot become {new.value}",
        )
    earliest = next_step(history, extended_until)
    if earliest and earliest.status == new and earliest.earliest and since < earliest.earliest:
        if new == _S.CANDIDATE:
            _refuse(
                "activist_year",
                f"入党积极分子须培养考察一年以上才能列为发展对象，最早 {earliest.earliest}",
                f"an activist becomes a candidate after at least a year: {earliest.earliest}",
            )
        _refuse(
            "probation_year",
            f"预备期未满(一年，或延长后的期限)，最早 {earliest.earliest} 转为正式党员",
            f"probation (a year, or as extended) runs until {earliest.earliest}",
        )
    if old == _S.TRANSFERRED_OUT and len(history) > 1 and new != history[-2].status:
        _refuse(
            "transfer_back",
            f"转回须恢复转出前的身份「{history[-2].status.zh}」",
            f"a member transferred back keeps the status they left with: {history[-2].status}",
        )


def check_extension(
    history: tuple[StatusPeriod, ...], extended_until: date | None, until: date
) -> None:
    """Refuse an extension of probation that is not allowed."""
    began = last_start(history, _S.PROBATIONARY)
    if history[-1].status != _S.PROBATIONARY or began is None:
        _refuse("extend_probationary", "只有预备党员可以延长预备期", "only probation is extended")
    if until <= (probation_end(history, extended_until) or until):
        _refuse(
            "extend_later",
            "延长后的预备期须晚于现在的期限",
            "an extension must end after the current end of probation",
        )
    if until > add_years(began, 2):
        _refuse(
            "extend_at_most_a_year",
            f"延长预备期不能超过一年，最迟 {add_years(began, 2)}",
            f"probation may be extended by at most a year: until {add_years(began, 2)}",
        )


def _refuse(rule: str, zh: str, en: str) -> NoReturn:
    raise StatusRuleBroken(f"{zh} (规则 {rule})", f"{en} (rule {rule})")
