"""群通知 — what the groups are told, one notice per event worth telling: a new task (with
a link to claim it), a task full, a quarter's or a year's results, the development list
posted for 公示, an objection's outcome, the list confirmed.

A notice carries names and figures only: never an ID number, a phone, an address, nor
who objected or how to reach them (:class:`ObjectionFiled` is never told at all). Every
text people typed passes :func:`adapters.notify.escaping.plain`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Protocol
from urllib.parse import quote

from attrs import frozen

from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.time import local


class NoticeFacts(Protocol):
    """通知所需事实 — what building a notice may ask (:class:`adapters.notify.facts.StoreFacts`)."""

    def state_at(self, stream_id: str, version: int) -> Any:
        """A stream's state after one of its versions."""
        ...

    def name_of(self, person_id: str) -> str:
        """A person's name."""
        ...

    def unit_name(self, unit_id: str) -> str:
        """A unit's name."""
        ...


#: The last line of every message: a DingTalk robot secured by keywords may take 党建.
FOOTER = "—— 党建积分"


@frozen
class Link:
    """链接 — where a notice points: a path under the configured base address."""

    label: str
    path: str

    def url(self, base_url: str) -> str:
        """The full address under ``base_url`` (no trailing slash)."""
        return f"{base_url}{self.path}"


@frozen
class Notice:
    """群通知 — a message for the groups of one unit: a title, plain lines (already
    escaped), and a link.

    ``kind`` names what is told (``task_issued``, ``task_full``, …) for the operator's
    records; ``unit_id`` picks the robots whose groups receive it.
    """

    kind: str
    unit_id: str
    title: str
    lines: tuple[str, ...]
    link: Link | None = None

    def markdown(self, base_url: str) -> str:
        """The notice in the platforms' Markdown: a heading, the lines, the link."""
        body = [f"### {self.title}", *self.lines]
        if self.link is not None:
            body.append(f"[{self.link.label}]({self.link.url(base_url)})")
        return "\n".join([*body, FOOTER])

    def text(self, base_url: str) -> str:
        """The notice as plain text (for robots set to ``text``)."""
        body = [f"【{self.title}】", *self.lines]
        if self.link is not None:
            body.append(f"{self.link.label}: {self.link.url(base_url)}")
        return "\n".join([*body, FOOTER])


def task_link(label: str, task_id: str) -> Link:
    """A link to a task in the task hall: ``/hall#task-<id>``."""
    return Link(label, f"/hall#task-{quote(task_id, safe='')}")


#: The pages' front door, where boards and notices are found.
HOME = Link("打开党建积分页面查看", "/")

#: Builds the notice of one kind of event (None: nothing to tell).
Builder = Callable[[Recorded[Any], NoticeFacts], "Notice | None"]


def day(value: date) -> str:
    """A day as people write it: ``2022年10月10日``."""
    return f"{value.year}年{value.month}月{value.day}日"


def moment(value: datetime) -> str:
    """A time in 北京时间 as people write it: ``2021年10月15日 09:00``."""
    at = local(value)
    return f"{day(at.date())} {at:%H:%M}"


def names(people: list[str], most: int = 30) -> str:
    """Names joined with 、, at most ``most`` of them (then "等 N 人")."""
    shown = "、".join(people[:most])
    return shown if len(people) <= most else f"{shown} 等 {len(people)} 人"
