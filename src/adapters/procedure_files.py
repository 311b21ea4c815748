"""决策程序文件 — a village decision procedure described in TOML, read with :mod:`tomllib`.

``name``, ``merge_when_one_person`` (一肩挑 may merge the proposal and the discussion), then
one ``[[steps]]`` table per step in order: ``key``, ``name``, ``kind`` (suggestions |
meeting | resolution_notice | result_notice); a meeting's ``body`` (branch_committee |
two_committees | supervisors | members | representatives), ``quorum`` and ``approval``
(``"2/3"`` at least two thirds, ``"1/2+"`` more than half), ``named`` (a named vote),
``notice_days`` (the plan reaches the members that many days before) and ``on_reject``
(end | return); a publication's ``min_days``. See docs/matters.md.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.matters.procedures import problems
from dangjian_core.matters.values import Body, OnReject, Procedure, Step, StepKind, Threshold

_TOP = {"name", "merge_when_one_person", "steps"}
_STEP = {
    "key",
    "name",
    "kind",
    "body",
    "quorum",
    "approval",
    "named",
    "notice_days",
    "on_reject",
    "min_days",
}


def threshold(text: str) -> Threshold:
    """``"2/3"`` (at least) or ``"1/2+"`` (more than) as a :class:`Threshold`."""
    strict = text.endswith("+")
    num, den = (int(part) for part in text.rstrip("+").split("/"))
    if not 0 < num <= den:
        raise ValueError(f"比例 {text} 不成立 / not a fraction")
    return Threshold(num, den, strict)


def _step(data: dict[str, Any]) -> Step:
    unknown = set(data) - _STEP
    if unknown:
        raise ValueError(f"未知的键 / unknown keys: {', '.join(sorted(unknown))}")
    body = data.get("body")
    quorum, approval = data.get("quorum"), data.get("approval")
    return Step(
        str(data["key"]),
        str(data["name"]),
        StepKind(data["kind"]),
        None if body is None else Body(body),
        None if quorum is None else threshold(str(quorum)),
        None if approval is None else threshold(str(approval)),
        named=bool(data.get("named", False)),
        notice_days=int(data.get("notice_days", 0)),
        on_reject=OnReject(data.get("on_reject", "end")),
        min_days=int(data.get("min_days", 0)),
    )


def parse_procedure(text: str, source: str = "<text>") -> Procedure:
    """The procedure a TOML text describes, or :class:`InvalidCommand` naming the problem."""
    try:
        data = tomllib.loads(text)
        unknown = set(data) - _TOP
        if unknown:
            raise ValueError(f"未知的键 / unknown keys: {', '.join(sorted(unknown))}")
        procedure = Procedure(
            str(data["name"]),
            tuple(_step(step) for step in data["steps"]),
            merge_when_one_person=bool(data.get("merge_when_one_person", False)),
        )
    except (tomllib.TOMLDecodeError, KeyError, ValueError, TypeError) as error:
        raise InvalidCommand(
            f"决策程序文件 {source} 有误: {error}", f"procedure file {source}: {error}"
        ) from error
    found = problems(procedure)
    if found:
        raise InvalidCommand(f"决策程序文件 {source}: {'; '.join(found)}", "; ".join(found))
    return procedure


def read_procedure(path: str | Path) -> Procedure:
    """The procedure in the TOML file at ``path``."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidCommand(f"读不到文件 {file}", f"cannot read {file}: {error}") from error
    return parse_procedure(text, str(file))
