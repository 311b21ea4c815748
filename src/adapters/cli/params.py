"""参数类型 — choices that accept the English value or the Chinese name.

``--status activist`` and ``--status 入党积极分子`` mean the same; ``--role 组织委员`` is
``--role organizing``. The help lists both.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

import click

from dangjian_core.people.events import STATUS_NAMES, Gender
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.units.events import KIND_NAMES
from dangjian_core.units.roles import ROLE_NAMES, Role

AUDIENCE_NAMES = {
    Audience.ACTIVISTS: "积极分子",
    Audience.VOLUNTEERS: "志愿者",
    Audience.MEMBERS: "党员",
}
SOURCE_NAMES = {SourceKind.UPPER: "上级部署", SourceKind.VILLAGE: "村工作需要"}
_CYCLE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class ZhChoice(click.ParamType[StrEnum, Any]):
    """A choice among an enum's members, by English value, Chinese name or an alias."""

    def __init__(self, names: dict[Any, str], aliases: dict[str, Any] | None = None) -> None:
        self.names: dict[StrEnum, str] = dict(names)
        self.aliases: dict[str, Any] = dict(aliases or {})
        self.name = "|".join(f"{member.value}" for member in self.names)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """The enum member named by ``value``."""
        if value in self.aliases:
            return self.aliases[value]
        found = [m for m, zh in self.names.items() if value in (m, m.value, zh)]
        if not found:
            listed = ", ".join(f"{m.value}({zh})" for m, zh in self.names.items())
            self.fail(f"可选值 / choose one of: {listed}; got {value!r}", param, ctx)
        return found[0]

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:  # noqa: ARG002
        """Show the choices in the usage line."""
        return "[" + "|".join(f"{m.value}|{zh}" for m, zh in self.names.items()) + "]"


class CycleParam(click.ParamType[str, Any]):
    """A cycle named by its start month: ``2021-10``."""

    name = "YYYY-MM"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Check the shape of the cycle name."""
        if not (isinstance(value, str) and _CYCLE.match(value)):
            self.fail(
                f"周期格式为 年-起始月 / a cycle is YYYY-MM, e.g. 2021-10; got {value!r}",
                param,
                ctx,
            )
        return value


STATUS = ZhChoice(STATUS_NAMES)
#: ``支部书记``, ``党委书记``, ``总支书记`` all name the secretary of their unit.
ROLE = ZhChoice(ROLE_NAMES, {f"{k}书记": Role.SECRETARY for k in ("支部", "党委", "总支")})
KIND = ZhChoice(KIND_NAMES)
GENDER = ZhChoice({g: g.zh for g in Gender})
AUDIENCE = ZhChoice(AUDIENCE_NAMES)
SOURCE = ZhChoice(SOURCE_NAMES)
CYCLE = CycleParam()


def zh_of(names: dict[Any, str], value: object) -> str:
    """The Chinese name of a stored enum value, or the value itself if unknown."""
    for member, zh in names.items():
        if value == member.value:
            return zh
    return str(value)
