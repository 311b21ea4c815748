"""机器人配置 — which group robots to post to: their kind, webhook (and DingTalk's signing
secret), the units whose events each receives, the address links point to, and the rate
limit each robot's platform sets.

The webhook holds the robot's key (WeChat Work's ``key=``, DingTalk's ``access_token=``)
and the secret signs DingTalk's requests: neither is ever shown — ``repr`` leaves them
out and :func:`redact_url` masks every query value and password of an address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, NoReturn
from urllib.parse import urlsplit, urlunsplit

from attrs import field, frozen

from adapters.notify.errors import RobotsFileError

#: The documented limit of both platforms: 20 messages a minute per robot.
LIMIT = 20
WINDOW = 60.0
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
_FIELDS = {"name", "kind", "webhook", "secret", "units", "base_url", "msgtype", "limit", "window"}
#: What a base address may hold: links in Markdown must not break on a space or ")".
_BASE_URL = re.compile(r"https?://[A-Za-z0-9._~%:/-]+")


class RobotKind(StrEnum):
    """机器人种类 — whose group robot: WeChat Work (企业微信) or DingTalk (钉钉)."""

    WECOM = "wecom"
    DINGTALK = "dingtalk"

    @property
    def zh(self) -> str:
        """The platform's Chinese name."""
        return {"wecom": "企业微信", "dingtalk": "钉钉"}[self.value]


class MessageType(StrEnum):
    """消息类型 — how a robot's messages are written: Markdown (the default), or plain
    text (WeChat Work groups with members on personal WeChat see no Markdown)."""

    MARKDOWN = "markdown"
    TEXT = "text"


@frozen
class RobotConfig:
    """群机器人 — one group's robot: where to post, how to sign, which units' events.

    ``limit`` messages in any ``window`` seconds is the most it is sent (the platforms'
    documented 20 a minute unless a stricter one is set).
    """

    name: str
    kind: RobotKind
    webhook: str = field(repr=False)
    units: tuple[str, ...]
    base_url: str
    secret: str | None = field(default=None, repr=False)
    msgtype: MessageType = MessageType.MARKDOWN
    limit: int = LIMIT
    window: float = WINDOW

    def receives(self, unit_id: str) -> bool:
        """Whether events of ``unit_id`` go to this robot's group."""
        return unit_id in self.units

    def shown(self) -> dict[str, Any]:
        """What may be shown of the robot: everything but its key and secret."""
        return {
            "name": self.name,
            "kind": self.kind.value,
            "webhook": redact_url(self.webhook),
            "signed": self.secret is not None,
            "units": list(self.units),
            "base_url": self.base_url,
            "msgtype": self.msgtype.value,
            "limit": self.limit,
            "window": self.window,
        }


def redact_url(url: str) -> str:
    """An address with every query value and any password masked (``key=***``)."""
    parts = urlsplit(url)
    query = "&".join(
        f"{pair.partition('=')[0]}=***" if "=" in pair else "***"
        for pair in parts.query.split("&")
        if pair
    )
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    if parts.username:
        netloc = f"***@{netloc}"
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def robots_of(document: Mapping[str, Any]) -> tuple[RobotConfig, ...]:
    """The robots a parsed robots file declares (``[[robot]]`` tables, a top-level
    ``base_url`` for those that give none); refuses a file with none or a bad one."""
    extra = set(document) - {"robot", "base_url"}
    if extra:
        _refuse("", f"不认识的项 {sorted(extra)}", f"unknown keys {sorted(extra)}")
    tables = document.get("robot", [])
    if not isinstance(tables, list) or not tables:
        _refuse("", "没有声明任何机器人 ([[robot]])", "no robots declared ([[robot]])")
    robots = tuple(robot_of(table, document.get("base_url")) for table in tables)
    names = [robot.name for robot in robots]
    if len(set(names)) != len(names):
        _refuse("", "机器人名称重复", f"robot names repeat: {names}")
    return robots


def robot_of(table: Any, base_url: Any = None) -> RobotConfig:
    """One ``[[robot]]`` table as a robot, each field checked."""
    if not isinstance(table, Mapping):
        _refuse("", "[[robot]] 须为表", "each [[robot]] must be a table")
    name = table.get("name")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        _refuse(str(name), "名称须为 1–40 个字母、数字、- 或 _", "name: 1-40 of A-Z a-z 0-9 - _")
    if extra := set(table) - _FIELDS:
        _refuse(name, f"不认识的项 {sorted(extra)}", f"unknown keys {sorted(extra)}")
    kind = _kind(name, table.get("kind"))
    secret = table.get("secret")
    if secret is not None and (kind is not RobotKind.DINGTALK or not _text(secret)):
        _refuse(name, "只有钉钉机器人有加签密钥", "secret: a non-empty string, DingTalk only")
    units = table.get("units")
    if not isinstance(units, list) or not units or not all(_text(u) for u in units):
        _refuse(name, "units 须为组织编号的列表", "units: a non-empty list of unit ids")
    msgtype = table.get("msgtype", "markdown")
    if msgtype not in {"markdown", "text"}:
        _refuse(name, "msgtype 须为 markdown 或 text", "msgtype must be markdown or text")
    limit, window = table.get("limit", LIMIT), table.get("window", WINDOW)
    if type(limit) is not int or not 1 <= limit <= 1000:
        _refuse(name, "limit 须为 1–1000 的整数", "limit: an integer from 1 to 1000")
    if type(window) not in (int, float) or not 0.1 <= window <= 3600:
        _refuse(name, "window 须为 0.1–3600 秒", "window: 0.1 to 3600 seconds")
    base = _address(name, "base_url", table.get("base_url", base_url)).rstrip("/")
    if not _BASE_URL.fullmatch(base):
        _refuse(name, "base_url 含不允许的字符", "base_url: letters, digits and . _ ~ % : / - only")
    return RobotConfig(
        name,
        kind,
        _address(name, "webhook", table.get("webhook")),
        tuple(units),
        base,
        secret,
        MessageType(msgtype),
        limit,
        float(window),
    )


def _kind(name: str, kind: Any) -> RobotKind:
    try:
        return RobotKind(kind)
    except ValueError:
        _refuse(name, "kind 须为 wecom 或 dingtalk", f"kind must be wecom or dingtalk: {kind!r}")


def _address(name: str, key: str, value: Any) -> str:
    parts = urlsplit(value) if _text(value) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        _refuse(name, f"{key} 须为 http(s) 地址", f"{key} must be an http(s) address")
    return str(value)


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == value and bool(value)


def _refuse(name: str, zh: str, en: str) -> NoReturn:
    where_zh = f"机器人 {name}: " if name else ""
    where_en = f"robot {name}: " if name else ""
    raise RobotsFileError(f"机器人配置有误: {where_zh}{zh}", f"bad robots file: {where_en}{en}")
