"""说法 — times, cycles and points in the words a village reader uses: ``12月10日
（星期四）下午6:00``, never ``2026-12-10T18:00:00+08:00`` nor ``（2021-10）``."""

from __future__ import annotations

from datetime import datetime

from dangjian_core.kernel.time import LOCAL, cycle_label

_WEEKDAYS = "一二三四五六日"


def _moment(value: datetime | str) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(LOCAL)


def clock(moment: datetime, *, seconds: bool = False) -> str:
    """A time of day as said aloud: 上午9:05, 中午12:30, 下午6:00, 晚上8:15, 凌晨5:00
    (``seconds``: 上午9:05:07, for who was faster)."""
    hour, minute = moment.hour, moment.minute
    part = (
        "凌晨" if hour < 6 else "上午" if hour < 12 else "中午" if hour < 13
        else "下午" if hour < 18 else "晚上"
    )  # fmt: skip
    shown = hour if hour <= 12 else hour - 12
    tail = f":{moment.second:02d}" if seconds else ""
    return f"{part}{shown}:{minute:02d}{tail}"


def day(value: datetime | str, now: datetime) -> str:
    """A date: ``12月10日（星期四）``, with the year when it is not this year's."""
    moment, today = _moment(value), _moment(now)
    year = "" if moment.year == today.year else f"{moment.year}年"
    return f"{year}{moment.month}月{moment.day}日（星期{_WEEKDAYS[moment.weekday()]}）"


def when(value: datetime | str, now: datetime, *, seconds: bool = False) -> str:
    """A date and time: ``12月10日（星期四）下午6:00``, or ``今天下午6:00`` today."""
    moment = _moment(value)
    date = "今天" if moment.date() == _moment(now).date() else day(moment, now)
    return f"{date}{clock(moment, seconds=seconds)}"


def left(deadline: datetime | str, now: datetime) -> str:
    """How long is left before a deadline, roughly: 还有3天, 还有5小时, 不到1小时, 已截止."""
    seconds = (_moment(deadline) - _moment(now)).total_seconds()
    if seconds <= 0:
        return "已截止"
    if seconds >= 86400:
        return f"还有{int(seconds // 86400)}天"
    if seconds >= 3600:
        return f"还有{int(seconds // 3600)}小时"
    return "不到1小时"


def period(cycle: str) -> str:
    """A cycle as a reader names it: ``2026年10月—2027年9月``."""
    return cycle_label(cycle)


def signed(points: int) -> str:
    """Points gained or lost: ``+5``, ``-3``, ``0``."""
    return f"+{points}" if points > 0 else str(points)
