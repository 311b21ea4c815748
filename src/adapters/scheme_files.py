"""积分细则文件 — a points scheme described in TOML, read with :mod:`tomllib`.

The file's tables mirror :class:`dangjian_core.evaluation.scheme.Scheme`: ``name``, then
``[[categories]]`` (name, cap, kind = "sum" | "deduction", takes, default),
``[[deductions]]`` (code, label, points, category, once_a_year), ``[[vetoes]]`` (code,
label), ``[[dimensions]]`` (name, weight, max_score, from_points) and ``[no_show]``
(deduction, block_days). See docs/schemes.md.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from cattrs import transform_error

from adapters.storage.mapper import converter
from dangjian_core.evaluation.scheme import Scheme, check_scheme
from dangjian_core.kernel.errors import InvalidCommand

_KEYS = {
    "": {"name", "categories", "deductions", "vetoes", "dimensions", "no_show"},
    "no_show": {"deduction", "block_days"},
    "categories": {"name", "cap", "kind", "takes", "default"},
    "deductions": {"code", "label", "points", "category", "once_a_year"},
    "vetoes": {"code", "label"},
    "dimensions": {"name", "weight", "max_score", "from_points"},
}


def _unknown_keys(data: dict[str, Any]) -> list[str]:
    unknown = [f"{k}" for k in data if k not in _KEYS[""]]
    for table in ("categories", "deductions", "vetoes", "dimensions"):
        for i, item in enumerate(data.get(table, [])):
            extra = set(item) - _KEYS[table] if isinstance(item, dict) else {"?"}
            unknown += [f"{table}[{i}].{k}" for k in sorted(extra)]
    no_show = data.get("no_show", {})
    extra = set(no_show) - _KEYS["no_show"] if isinstance(no_show, dict) else {"?"}
    unknown += [f"no_show.{k}" for k in sorted(extra)]
    return unknown


def parse_scheme(text: str, source: str = "<text>") -> Scheme:
    """The scheme a TOML text describes, or :class:`InvalidCommand` naming the problem."""
    try:
        data = tomllib.loads(text)
        unknown = _unknown_keys(data)
        if unknown:
            raise ValueError(f"未知的键 / unknown keys: {', '.join(unknown)}")
        scheme = converter.structure(data, Scheme)
        check_scheme(None, None, scheme)
    except RecursionError:
        raise InvalidCommand(
            f"积分细则 {source} 嵌套过深", f"scheme {source} is nested too deeply"
        ) from None
    except (tomllib.TOMLDecodeError, ValueError, TypeError, KeyError) as error:
        zh, _, en = str(error).partition(" / ")
        raise InvalidCommand(
            f"积分细则 {source} 无效:{zh}", f"scheme {source} is invalid: {en or zh}"
        ) from None
    except ExceptionGroup as error:  # cattrs reports every field it could not structure
        where = "; ".join(transform_error(error))
        raise InvalidCommand(
            f"积分细则 {source} 格式不对:{where}", f"scheme {source} is malformed: {where}"
        ) from None
    return scheme


#: The largest scheme file read (a real one is a few kilobytes).
MAX_BYTES = 256 * 1024


def read_scheme(path: str | Path) -> Scheme:
    """The scheme in a UTF-8 TOML file of at most :data:`MAX_BYTES`; anything else — no
    such file, a folder, too big, not UTF-8 text — is :class:`InvalidCommand` naming it."""
    file = Path(path)
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InvalidCommand(
            f"无法读取积分细则 {file}: {reason}", f"cannot read scheme {file}: {reason}"
        ) from None
    if len(data) > MAX_BYTES:
        raise InvalidCommand(
            f"积分细则 {file} 超过 {MAX_BYTES // 1024} KB",
            f"scheme {file} exceeds {MAX_BYTES} bytes",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidCommand(
            f"积分细则 {file} 不是 UTF-8 文本", f"scheme {file} is not UTF-8 text"
        ) from None
    return parse_scheme(text, str(file))
