"""机器人消息格式 — a notice as each platform's documented request, and its answer read.

- 企业微信 (WeChat Work) group robot: ``POST <webhook>`` with
  ``{"msgtype": "markdown", "markdown": {"content": …}}`` (content at most 4096 bytes)
  or ``{"msgtype": "text", "text": {"content": …}}`` (2048 bytes); it answers
  ``{"errcode": 0, "errmsg": "ok"}``.
- 钉钉 (DingTalk) custom robot: ``{"msgtype": "markdown", "markdown": {"title": …,
  "text": …}}`` or ``{"msgtype": "text", "text": {"content": …}}``. A robot secured by
  signing (加签) takes ``&timestamp=<ms>&sign=<s>`` on the webhook, where ``s`` is the
  URL-encoded Base64 of HMAC-SHA256 over ``"<timestamp>\\n<secret>"`` keyed by the secret.

An answer is sent (errcode 0), worth retrying (the platform busy or limiting the rate:
HTTP 429, 3xx, 5xx, the errcodes in :data:`RETRIED`), failed (any other refusal: a wrong
key, a bad signature — retrying changes nothing) or unknown (a 200 that does not say).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from enum import StrEnum
from typing import Any
from urllib.parse import parse_qsl, quote_plus, urlsplit

from attrs import field, frozen

from adapters.notify.config import MessageType, RobotConfig, RobotKind
from adapters.notify.notices import Notice

#: The most bytes of content each platform takes, by kind and message type.
MAX_BYTES = {
    (RobotKind.WECOM, MessageType.MARKDOWN): 4096,
    (RobotKind.WECOM, MessageType.TEXT): 2048,
    (RobotKind.DINGTALK, MessageType.MARKDOWN): 4096,
    (RobotKind.DINGTALK, MessageType.TEXT): 4096,
}
#: Errcodes that mean "not now": -1 busy; WeChat Work's 45009 and DingTalk's 130101 and
#: 410100, sent too fast.
RETRIED = {
    RobotKind.WECOM: frozenset({-1, 45009}),
    RobotKind.DINGTALK: frozenset({-1, 130101, 410100}),
}


class Verdict(StrEnum):
    """投递结论 — what a post's answer says of the message."""

    SENT = "sent"  # 已送达
    RETRY = "retry"  # 未送达, 稍后重试
    FAILED = "failed"  # 未送达, 不再重试
    UNKNOWN = "unknown"  # 不知是否送达, 不再重试 (重试可能重复)


@frozen
class Answer:
    """投递回应 — a verdict, and what to tell the operator (never a key or secret)."""

    verdict: Verdict
    detail: str


@frozen
class Post:
    """机器人请求 — the address (key, and signature, included) and the JSON body."""

    url: str = field(repr=False)
    body: dict[str, Any]

    def content(self) -> bytes:
        """The body as UTF-8 JSON."""
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


def post_for(robot: RobotConfig, notice: Notice, timestamp_ms: int) -> Post:
    """The request that posts ``notice`` to ``robot`` (signed at ``timestamp_ms``)."""
    limit = MAX_BYTES[robot.kind, robot.msgtype]
    if robot.msgtype is MessageType.TEXT:
        body: dict[str, Any] = {
            "msgtype": "text",
            "text": {"content": cut(notice.text(robot.base_url), limit)},
        }
    elif robot.kind is RobotKind.WECOM:
        body = {
            "msgtype": "markdown",
            "markdown": {"content": cut(notice.markdown(robot.base_url), limit)},
        }
    else:
        text = cut(notice.markdown(robot.base_url), limit)
        body = {"msgtype": "markdown", "markdown": {"title": notice.title, "text": text}}
    url = robot.webhook
    if robot.secret is not None:
        sign = quote_plus(dingtalk_sign(robot.secret, timestamp_ms))
        url = f"{url}{'&' if '?' in url else '?'}timestamp={timestamp_ms}&sign={sign}"
    return Post(url, body)


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's signature (before URL-encoding): Base64 of HMAC-SHA256, keyed by the
    secret, over ``"<timestamp>\\n<secret>"``."""
    message = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def cut(content: str, limit: int) -> str:
    """``content`` cut to at most ``limit`` UTF-8 bytes (ending "…" if cut)."""
    if len(content.encode("utf-8")) <= limit:
        return content
    kept = content.encode("utf-8")[: limit - len("…".encode())].decode("utf-8", "ignore")
    return kept + "…"


def read_answer(robot: RobotConfig, status: int, body: bytes) -> Answer:
    """What an HTTP answer from the robot's platform says of the message."""
    if not 200 <= status < 300:
        verdict = (
            Verdict.RETRY
            if status == 429 or status >= 500 or 300 <= status < 400
            else Verdict.FAILED
        )
        return Answer(verdict, f"HTTP {status}")
    try:
        found = json.loads(body)
        errcode = int(found["errcode"])
    except (ValueError, TypeError, KeyError):
        return Answer(Verdict.UNKNOWN, f"HTTP {status}, 回应无法识别 / unreadable answer")
    if errcode == 0:
        return Answer(Verdict.SENT, "ok")
    errmsg = scrub(str(found.get("errmsg", "")), robot)[:120]  # cut after: no partial key
    verdict = Verdict.RETRY if errcode in RETRIED[robot.kind] else Verdict.FAILED
    return Answer(verdict, f"errcode {errcode}: {errmsg}")


def scrub(text: str, robot: RobotConfig) -> str:
    """``text`` without the robot's key, token or secret, should an answer echo them."""
    for _, value in parse_qsl(urlsplit(robot.webhook).query):
        if value:
            text = text.replace(value, "***")
    return text if robot.secret is None else text.replace(robot.secret, "***")
