"""投递 — one POST of a notice to a robot, its outcome as a :class:`Answer`.

A post that never reached the platform (the connection refused or timed out before the
request was sent) is worth retrying. One that failed after the request may have been
sent — a read timeout, a dropped connection — is *unknown*: the group may have the
message, so retrying it could post it twice, and the notifier promises at most once.
Errors are told by their kind only: an address in an exception's text holds the key.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from adapters.notify.config import RobotConfig
from adapters.notify.notices import Notice
from adapters.notify.payloads import Answer, Verdict, post_for, read_answer

#: Seconds to connect, and to wait for the platform's answer.
CONNECT_TIMEOUT = 5.0
ANSWER_TIMEOUT = 10.0

#: Errors raised before any byte of the request left: retrying cannot post twice.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
#: Addresses no request can be made to: retrying changes nothing.
UNUSABLE = (httpx.InvalidURL, httpx.UnsupportedProtocol)


def _now_ms() -> int:
    return int(time.time() * 1000)


class Poster:
    """投递者 — posts notices over one HTTP client (connections kept between posts)."""

    def __init__(
        self, *, timeout: float = ANSWER_TIMEOUT, clock_ms: Callable[[], int] = _now_ms
    ) -> None:
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT)),
            follow_redirects=False,
            # A fresh connection per post: a kept one the platform closed meanwhile fails
            # only once the request is out, which would make the outcome unknown.
            limits=httpx.Limits(max_keepalive_connections=0),
        )
        self._clock_ms = clock_ms

    def post(self, robot: RobotConfig, notice: Notice) -> Answer:
        """Post ``notice`` once; what came of it."""
        request = post_for(robot, notice, self._clock_ms())
        try:
            response = self._client.post(
                request.url,
                content=request.content(),
                headers={"Content-Type": "application/json; charset=utf-8"},
            )
        except UNUSABLE as error:
            return Answer(Verdict.FAILED, f"地址无效 / unusable address: {type(error).__name__}")
        except NOT_SENT as error:
            return Answer(Verdict.RETRY, f"未能连接 / not connected: {type(error).__name__}")
        except httpx.HTTPError as error:
            return Answer(
                Verdict.UNKNOWN, f"发出后没有回应 / no answer after sending: {type(error).__name__}"
            )
        return read_answer(robot, response.status_code, response.content)

    def close(self) -> None:
        """Close the client's connections."""
        self._client.close()
