"""机器人配置文件 — the robots file: TOML (``robots.toml``) or JSON (``robots.json``),
readable by its owner only, since its webhooks and secrets let anyone post to the groups.

::

    base_url = "https://dangjian.paixilv.cn"

    [[robot]]
    name = "paixilv-wecom"
    kind = "wecom"
    webhook = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
    units = ["paixilv"]

A file group or others may read is refused (``chmod 600``); :func:`add_robot` writes it
0600 (:mod:`adapters.private_files`), through a private temporary file and a rename, so a
crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from adapters.notify.config import LIMIT, WINDOW, MessageType, RobotConfig, robots_of
from adapters.notify.errors import RobotsFileError
from adapters.private_files import private_open


def load_robots(path: Path) -> tuple[RobotConfig, ...]:
    """The robots a file declares; refuses a missing, unreadable, malformed or
    group-readable file."""
    return robots_of(_document(path))


def add_robot(path: Path, robot: RobotConfig) -> tuple[RobotConfig, ...]:
    """Add a robot to the file (creating it 0600); refuses a name already declared.
    Returns every robot the file now declares."""
    document = _document(path) if path.exists() else {}
    tables = list(document.get("robot", []))
    if any(isinstance(t, dict) and t.get("name") == robot.name for t in tables):
        raise RobotsFileError(
            f"机器人 {robot.name} 已在配置文件中", f"robot {robot.name} is already declared"
        )
    document = {**document, "robot": [*tables, _table(robot)]}
    robots = robots_of(document)
    text = json.dumps(document, ensure_ascii=False, indent=2) if _is_json(path) else _toml(document)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with private_open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except OSError as error:
        raise RobotsFileError(
            f"无法写入机器人配置文件: {path}", f"cannot write robots file {path}: {error}"
        ) from error
    return robots


def _document(path: Path) -> dict[str, Any]:
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RobotsFileError(
            f"无法读取机器人配置文件: {path}", f"cannot read robots file {path}: {error}"
        ) from error
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise RobotsFileError(
            f"机器人配置文件权限过宽 ({stat.filemode(mode)}), 请执行 chmod 600 {path}",
            f"robots file {path} is accessible by group or others "
            f"({stat.filemode(mode)}); run chmod 600 {path}",
        )
    try:
        found = json.loads(text) if _is_json(path) else tomllib.loads(text)
    except ValueError as error:
        # The parsers' messages quote no values, only where the syntax broke.
        raise RobotsFileError(
            f"机器人配置文件格式不对: {path}", f"robots file {path} does not parse: {error}"
        ) from error
    if not isinstance(found, dict):
        raise RobotsFileError(f"机器人配置文件格式不对: {path}", f"not a table: {path}")
    return found


def _is_json(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def _table(robot: RobotConfig) -> dict[str, Any]:
    table: dict[str, Any] = {
        "name": robot.name,
        "kind": robot.kind.value,
        "webhook": robot.webhook,
        "units": list(robot.units),
        "base_url": robot.base_url,
    }
    if robot.secret is not None:
        table["secret"] = robot.secret
    if robot.msgtype is not MessageType.MARKDOWN:
        table["msgtype"] = robot.msgtype.value
    if (robot.limit, robot.window) != (LIMIT, WINDOW):
        table |= {"limit": robot.limit, "window": robot.window}
    return table


def _toml(document: dict[str, Any]) -> str:
    """The document as TOML: strings as basic strings (JSON's escapes are TOML's)."""
    lines = [f"base_url = {_value(document['base_url'])}\n"] if "base_url" in document else []
    for table in document["robot"]:
        lines.append("\n[[robot]]\n")
        lines += [f"{key} = {_value(value)}\n" for key, value in table.items()]
    return "".join(lines)


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)
