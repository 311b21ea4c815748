"""评分细则文件 — a contest's scheme described in TOML, read with :mod:`tomllib`.

The file mirrors :class:`dangjian_core.contests.values.ContestScheme`::

    name = "大泽镇村(社区)党组织书记述职评分细则"
    aggregation = "trimmed"        # "mean" or "trimmed" (去掉一个最高分和一个最低分)
    inspection_weight = 50         # 0–90: the field inspection's share of the final score
    tie_rule = "on_site"           # "shared" or "on_site"

    [[criteria]]                   # in display order; weights sum to 100
    name = "陈述内容"
    weight = 40

Unknown keys and wrong types are refused; the rest of the shape (weights summing to 100,
distinct names, lengths) is the command's (:class:`~dangjian_core.contests.commands.AdoptContestScheme`).
See docs/contests.md.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from dangjian_core.contests.values import Aggregation, ContestScheme, Criterion, TieRule
from dangjian_core.kernel.errors import InvalidCommand

_TOP = {"name", "aggregation", "inspection_weight", "tie_rule", "criteria"}
_CRITERION = {"name", "weight"}


def _refuse(zh: str, en: str, path: Path) -> InvalidCommand:
    return InvalidCommand(f"评分细则文件 {path}: {zh}", f"contest scheme file {path}: {en}")


def _int(value: Any, what: str, path: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _refuse(f"{what} 须为整数", f"{what} must be a whole number", path)
    return value


def scheme_from(data: dict[str, Any], path: Path) -> ContestScheme:
    """The scheme a parsed TOML document describes."""
    unknown = sorted(set(data) - _TOP)
    criteria = data.get("criteria")
    if not isinstance(criteria, list) or not criteria:
        raise _refuse("缺少 [[criteria]] 评分指标", "no [[criteria]]", path)
    for i, item in enumerate(criteria):
        extra = set(item) - _CRITERION if isinstance(item, dict) else {"?"}
        unknown += [f"criteria[{i}].{k}" for k in sorted(extra)]
    if unknown:
        raise _refuse(
            f"未知的键: {', '.join(unknown)}", f"unknown keys: {', '.join(unknown)}", path
        )
    name = data.get("name")
    if not isinstance(name, str) or any(not isinstance(c.get("name"), str) for c in criteria):
        raise _refuse("名称须为文字", "names must be text", path)
    try:
        aggregation = Aggregation(data.get("aggregation", Aggregation.TRIMMED.value))
        tie_rule = TieRule(data.get("tie_rule", TieRule.SHARED.value))
    except ValueError as error:
        raise _refuse(
            "aggregation 须为 mean 或 trimmed, tie_rule 须为 shared 或 on_site",
            f"aggregation is mean or trimmed, tie_rule shared or on_site ({error})",
            path,
        ) from None
    return ContestScheme(
        name,
        tuple(
            Criterion(c["name"], _int(c.get("weight"), f"{c['name']} 的 weight", path))
            for c in criteria
        ),
        aggregation,
        _int(data.get("inspection_weight", 0), "inspection_weight", path),
        tie_rule,
    )


def read_contest_scheme(path: Path) -> ContestScheme:
    """The scheme in a TOML file (refused, naming the problem, when it is not one)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise _refuse(
            f"无法读取 ({error.strerror})", f"cannot be read ({error.strerror})", path
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise _refuse(f"不是有效的 TOML ({error})", f"is not valid TOML ({error})", path) from None
    return scheme_from(data, path)
