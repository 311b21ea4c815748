"""时间 — the CLI reads the clock so the core never does; times are China Standard Time.

``--at`` takes an ISO time (``2021-10-08T09:00``, ``2021-10-08 09:00+08:00``, ``2021-10-08``);
one without an offset is read as 北京时间 (Asia/Shanghai, UTC+8, no daylight saving since
1991, so a fixed offset is exact and needs no time-zone database).
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

import click
from attrs import frozen

from dangjian_core.kernel.time import LOCAL, YEARS, local


def now() -> datetime:
    """The current time in Asia/Shanghai."""
    return datetime.now(LOCAL)


def parse_time(text: str) -> datetime:
    """An ISO date or time; one without an offset is taken as Asia/Shanghai time."""
    parsed = datetime.fromisoformat(text.strip())
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=LOCAL)


def show_time(value: datetime | str, *, seconds: bool = False) -> str:
    """A time as people read it, in Asia/Shanghai: ``2021-10-08 09:00`` (``:05`` with seconds)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    pattern = "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"
    return moment.astimezone(LOCAL).strftime(pattern)


class IsoTime(click.ParamType[datetime, Any]):
    """An ISO date or time on the command line."""

    name = "ISO-TIME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Parse the value, or fail with a bilingual usage error."""
        if isinstance(value, datetime):
            return value
        try:
            parsed = parse_time(str(value))
        except ValueError:
            self.fail(
                f"时间格式不对 / not an ISO time: {value!r} (e.g. 2021-10-08T09:00)", param, ctx
            )
        if parsed.year not in YEARS or local(parsed).year not in YEARS:
            self.fail(
                f"年份须在{YEARS.start}–{YEARS.stop - 1}之间 / the year must fall in "
                f"{YEARS.start}–{YEARS.stop - 1}: {value!r}",
                param,
                ctx,
            )
        return parsed


class AsOf(IsoTime):
    """A moment to look back at: an ISO time, or a date meaning the end of that day."""

    name = "DATE|ISO-TIME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Parse the value; a bare date is the last moment of that day in Asia/Shanghai."""
        if isinstance(value, datetime):
            return value
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError:
            return super().convert(value, param, ctx)
        return datetime.combine(day, time.max, tzinfo=LOCAL)


class IsoDate(click.ParamType[date, Any]):
    """An ISO date (``2020-09-01``) on the command line."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Parse the value, or fail with a bilingual usage error."""
        if isinstance(value, date):
            return value
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"日期格式不对 / not an ISO date: {value!r} (e.g. 2020-09-01)", param, ctx)
        if day.year not in YEARS:
            self.fail(
                f"年份须在{YEARS.start}–{YEARS.stop - 1}之间 / the year must fall in "
                f"{YEARS.start}–{YEARS.stop - 1}: {value!r}",
                param,
                ctx,
            )
        return day


@frozen
class Actor:
    """操作人 — who acts (``--as``), when (``--at``) and under which ``--command-id``."""

    person_id: str
    at: datetime
    command_id: str
    at_given: bool = True
    #: Why a command dated in the past is entered only now (补录), for the record.
    late_reason: str = ""

    def derived_id(self, prefix: str) -> str:
        """A short id (prefix + 6 hex) from the command id, so a retry names the same thing."""
        return prefix + hashlib.sha256(self.command_id.encode()).hexdigest()[:6]


at_option = click.option(
    "--at",
    type=IsoTime(),
    default=None,
    help="时间, 默认现在(北京时间) / the time, default now in Asia/Shanghai (UTC+8)",
)


late_reason_option = click.option(
    "--late-reason",
    default="",
    metavar="理由",
    help="补录理由: --at 早于现在时必填 / why an entry dated in the past is entered now",
)


def acting(command: Callable[..., None]) -> Callable[..., None]:
    """Add ``--as``, ``--at`` and ``--command-id``; the command receives one ``actor``."""

    @click.option("--as", "actor_id", required=True, help="操作人编号 / the acting person's id")
    @at_option
    @click.option(
        "--command-id",
        default=None,
        help="命令编号, 重试时使用同一编号不会重复记录 / id for safe retries",
    )
    @late_reason_option
    @functools.wraps(command)
    def with_actor(
        *args: Any,
        actor_id: str,
        at: datetime | None,
        command_id: str | None,
        late_reason: str,
        **kwargs: Any,
    ) -> None:
        actor = Actor(
            actor_id, at or now(), command_id or uuid.uuid4().hex, at is not None, late_reason
        )
        command(*args, actor=actor, **kwargs)

    return with_actor
