"""A real server: ``dangjian serve`` in a child process (uvicorn, several workers) on a
store the test prepared, and the people who log in to it over real sockets."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from adapters.identity import Identity
from tests.adapters.stores import village_app
from tests.http.conftest import PASSWORD

DANGJIAN = str(Path(sys.executable).with_name("dangjian"))


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def prepare(url: str, people: list[str], inviter: str = "wang-sj") -> None:
    """The test village on ``url``, with an open account (password :data:`PASSWORD`) for
    each of ``people``."""
    app = village_app(url)
    try:
        door = Identity(app)
        for person in people:
            issued = door.invite(inviter, person, command_id=f"invite-{person}")
            door.accept(issued.code, PASSWORD)
    finally:
        app.close()


@contextmanager
def serving(url: str, workers: int = 2) -> Iterator[str]:
    """``dangjian serve`` on the store until the block ends; yields the base URL."""
    port = free_port()
    process = subprocess.Popen(
        [DANGJIAN, "--store", url, "serve", "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            raise AssertionError(f"dangjian serve exited {process.returncode}: {output}")
        try:
            if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("dangjian serve did not answer within 60 s")


def login(base: str, person_id: str) -> tuple[httpx.Client, str]:
    """A client logged in as the person, and its anti-forgery token."""
    client = httpx.Client(base_url=base, timeout=30)
    answer = client.post("/auth/login", json={"person_id": person_id, "password": PASSWORD})
    answer.raise_for_status()
    return client, str(answer.json()["csrf_token"])
