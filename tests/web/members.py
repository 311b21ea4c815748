"""What the member pages' browser tests share: tasks issued at the server's time by the
organizing member through the API, other steps taken through the API as their people
would, a small real PNG, the session cookie of a browser page, and a look at a page
(screenshot, and the checks of :mod:`tests.web.checks`)."""

from __future__ import annotations

import struct
import zlib
from datetime import datetime, timedelta
from typing import Any

import httpx

from tests.http.served import login
from tests.web.checks import accessibility, no_horizontal_overflow, no_text_overlap
from tests.web.conftest import artifacts

ORGANIZER = "lv-zw"  # 吕组委, who issues the test tasks
REVIEWER = "hu-wy"  # 胡文渊, a reviewer (and a full member, who may claim members' tasks)
LANZHI = "lv-lanzhi"  # 吕兰枝, activist
XINGCAN = "lv-xingcan"  # 吕星灿, activist


def command(base: str, person_id: str, name: str, **fields: Any) -> dict[str, Any]:
    """A command through the API as the person (logged in for it); its answer."""
    client, csrf = login(base, person_id)
    try:
        answer = client.post(f"/commands/{name}", json=fields, headers={"X-CSRF-Token": csrf})
    finally:
        client.close()
    assert 200 == answer.status_code, answer.text
    body: dict[str, Any] = answer.json()
    return body


def issue(
    base: str,
    task_id: str,
    *,
    title: str = "清理村口垃圾",
    slots: int = 2,
    points: int = 5,
    audiences: tuple[str, ...] = ("activists", "members", "volunteers"),
) -> None:
    """The organizing member issues a task due in a week (the server stamps the time)."""
    deadline = datetime.now().astimezone() + timedelta(days=7)
    command(
        base,
        ORGANIZER,
        "IssueTask",
        task_id=task_id,
        branch_id="paixilv",
        title=title,
        category="环境卫生整治",
        points=points,
        slots=slots,
        deadline=deadline.isoformat(),
        audiences=list(audiences),
        source_kind="upper",
        source_reference="象珠镇〔2026〕12号",
    )


def claimed_and_submitted(base: str, task_id: str, person_id: str, note: str) -> None:
    """The person claims the task and submits a completion without photos."""
    command(base, person_id, "ClaimTask", task_id=task_id)
    command(base, person_id, "SubmitCompletion", task_id=task_id, note=note, photos=[])


def claims(base: str, task_id: str) -> dict[str, str]:
    """Each claimant's status on a task, as the API reads it."""
    client, _csrf = login(base, ORGANIZER)
    try:
        answer = client.get(f"/tasks/{task_id}")
    finally:
        client.close()
    answer.raise_for_status()
    return {str(c["person_id"]): str(c["status"]) for c in answer.json()["claims"]}


def png(width: int = 48, height: int = 32) -> bytes:
    """A real PNG: a red-to-gold gradient, every row filtered with 'none'."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(
        b"\x00" + b"".join(bytes((166, 27 + x * 4 % 200, 27)) for x in range(width))
        for _y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def browser_client(base: str, page: Any) -> httpx.Client:
    """An HTTP client carrying the browser page's session cookie (to craft forms)."""
    jar = {c["name"]: c["value"] for c in page.context.cookies()}
    return httpx.Client(base_url=base, cookies=jar, timeout=30, follow_redirects=False)


def look(page: Any, name: str, *, scripts: bool = True) -> None:
    """Keep the whole page as ``<artifacts>/<name>.png`` and check it as every page is
    checked: no sideways scroll, no text over text, and (in a browser that runs scripts,
    as axe is one) no axe violation."""
    page.screenshot(path=artifacts() / f"{name}.png", full_page=True)
    no_horizontal_overflow(page)
    no_text_overlap(page)
    if scripts:
        accessibility(page)


def csrf_of(page: Any) -> str:
    """The anti-forgery token the page was rendered with."""
    token: str = page.locator("meta[name=csrf-token]").get_attribute("content")
    return token
