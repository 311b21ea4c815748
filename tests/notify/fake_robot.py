"""假群机器人 — a local stand-in for WeChat Work's and DingTalk's robot webhooks: real HTTP
on 127.0.0.1, one thread per request, recording what it received.

Robots live at ``/wecom/<name>?key=<key>`` and ``/dingtalk/<name>?access_token=<token>``.
Like the platforms, it answers ``{"errcode": 0, "errmsg": "ok"}``, refuses a wrong key
(93000 / 300001), and checks a DingTalk robot's signature when it was given a secret
(310000 when the signature or the timestamp is wrong). It can be told to answer the next
requests otherwise: an HTTP status, an errcode, an unreadable body, or a connection
closed without an answer; to take its time answering; and to hold a given request's
answer until released. Every request is recorded
before it is answered (a message counts as arrived once the platform has it).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from attrs import frozen

#: What the next request to a robot is answered, instead of its usual answer.
OK = "ok"
DROP = "drop"  # close the connection without an answer (after reading the request)
GARBLED = "garbled"  # HTTP 200 with a body that is no answer


@frozen
class Received:
    """收到的请求 — what a robot was sent, when (monotonic seconds), what it answered."""

    robot: str
    kind: str
    query: dict[str, str]
    body: Any
    at: float
    answer: str

    @property
    def accepted(self) -> bool:
        """Whether the robot took the message (answered errcode 0)."""
        return self.answer == OK

    @property
    def content(self) -> str:
        """The message's text, whatever its type."""
        body = self.body
        if body.get("msgtype") == "text":
            return str(body["text"]["content"])
        markdown = body["markdown"]
        return str(markdown.get("content", markdown.get("text")))


class FakeRobots:
    """假群机器人 — the server, its robots' keys and secrets, and what they received."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}
        self.secrets: dict[str, str] = {}
        self.delay = 0.0
        self._stalls: set[int] = set()
        self._released = threading.Event()
        self._scripts: dict[str, deque[str | int]] = {}
        self._received: list[Received] = []
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def port(self) -> int:
        """The port it listens on."""
        return int(self._server.server_address[1])

    def webhook(self, kind: str, name: str, *, secret: str | None = None) -> str:
        """A new robot's webhook address (with a fresh key), signed with ``secret``."""
        key = secrets.token_hex(16)
        self.keys[name] = key
        if secret is not None:
            self.secrets[name] = secret
        param = "key" if kind == "wecom" else "access_token"
        return f"http://127.0.0.1:{self.port}/{kind}/{name}?{param}={key}"

    def script(self, name: str, *answers: str | int) -> None:
        """Answer the next requests to ``name`` so: an HTTP status (``500``), an errcode
        (``"errcode:45009"``), :data:`DROP`, :data:`GARBLED` or :data:`OK`."""
        with self._lock:
            self._scripts.setdefault(name, deque()).extend(answers)

    def stall(self, *numbers: int) -> None:
        """Hold the answer to the ``numbers``-th requests (counting from 1, all robots)
        until :meth:`release` (at most 10 s): the sender is then surely mid-post."""
        self._stalls.update(numbers)
        self._released.clear()

    def release(self) -> None:
        """Answer the held requests."""
        self._released.set()

    def received(self, name: str | None = None) -> list[Received]:
        """Every request (to ``name``), in order of arrival."""
        with self._lock:
            return [r for r in self._received if name is None or r.robot == name]

    def delivered(self, name: str | None = None) -> list[Received]:
        """The messages a robot took."""
        return [r for r in self.received(name) if r.accepted]

    def _answer_for(self, kind: str, name: str, query: dict[str, str], body: Any) -> str | int:
        with self._lock:
            script = self._scripts.get(name)
            if script:
                return script.popleft()
        param = "key" if kind == "wecom" else "access_token"
        if name not in self.keys or query.get(param) != self.keys[name]:
            return "errcode:93000" if kind == "wecom" else "errcode:300001"
        if name in self.secrets and not _signed(self.secrets[name], query):
            return "errcode:310000"
        if not isinstance(body, dict) or body.get("msgtype") not in ("markdown", "text"):
            return "errcode:40008"
        return OK

    def _record(self, received: Received) -> None:
        with self._lock:
            self._received.append(received)
            stalled = len(self._received) in self._stalls
        if stalled:
            self._released.wait(10)

    @contextmanager
    def running(self) -> Iterator[FakeRobots]:
        """Serve for the block."""
        self._thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet: a sender killed mid-post leaves a dead connection to answer."""


def _signed(secret: str, query: dict[str, str]) -> bool:
    """DingTalk's check: a timestamp within the hour, and its HMAC-SHA256 signature."""
    timestamp, sign = query.get("timestamp", ""), query.get("sign", "")
    if not timestamp.isdigit() or abs(time.time() * 1000 - int(timestamp)) > 3_600_000:
        return False
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    return hmac.compare_digest(base64.b64encode(digest).decode(), sign)


def _handler(robots: FakeRobots) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            _, kind, name = [*parts.path.split("/"), "", ""][:3]
            query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                body = json.loads(raw.decode("utf-8"))
            except ValueError:
                body = None
            answer = robots._answer_for(kind, name, query, body)
            shown = answer if isinstance(answer, str) else f"http:{answer}"
            robots._record(Received(name, kind, query, body, time.monotonic(), shown))
            time.sleep(robots.delay)
            if answer == DROP:
                self.close_connection = True
                self.connection.shutdown(2)
                return
            self._reply(answer)

        def _reply(self, answer: str | int) -> None:
            if isinstance(answer, int):
                status, payload = answer, b"busy"
            elif answer == GARBLED:
                status, payload = 200, b"<html>gateway</html>"
            else:
                code = 0 if answer == OK else int(answer.partition(":")[2])
                status = 200
                payload = json.dumps(
                    {"errcode": code, "errmsg": "ok" if code == 0 else "no"}
                ).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    return Handler
