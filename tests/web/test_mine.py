"""我的任务 in a real browser: a completion is submitted with a note and a photo, which is
kept by its SHA-256 and shown back; a file that is not a photo by its content, or one too
large, is refused with a clear message and nothing is kept; another person's claim cannot
be submitted with a crafted form, nor any form without its token. In-process, on SQLite
and PostgreSQL: another worker sees the photo, and only the uploader's branch may."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import expect

from adapters.app import open_app
from adapters.storage.uploads import StoredPhoto
from tests.adapters.stores import backend_url, village_app
from tests.http.conftest import PASSWORD, Server
from tests.web.conftest import DESKTOP, PHONE, log_in
from tests.web.members import (
    LANZHI,
    XINGCAN,
    browser_client,
    claims,
    command,
    csrf_of,
    issue,
    look,
    png,
)


def _mine(browser: Any, site: str, person_id: str, screen: dict[str, int] = PHONE) -> Any:
    page = browser.new_context(viewport=screen, base_url=site, locale="zh-CN").new_page()
    log_in(page, person_id)
    page.goto("/mine")
    return page


def _form(page: Any, task_id: str) -> Any:
    return page.locator(f"#claim-{task_id}")


def test_a_completion_with_a_photo_is_submitted_and_shown(browser: Any, site: str) -> None:
    issue(site, "T-photo", title="清理村口垃圾")
    command(site, LANZHI, "ClaimTask", task_id="T-photo")
    page = _mine(browser, site, LANZHI)
    claim = _form(page, "T-photo")
    expect(claim).to_contain_text("已领办")
    photo = png()

    claim.get_by_label("做了什么（必填）").fill("和村民一起清理了村口的垃圾，装了三车。")
    claim.get_by_label(re.compile("^照片")).set_input_files(
        [{"name": "村口.png", "mimeType": "image/png", "buffer": photo}]
    )
    claim.get_by_role("button", name="提交完成情况").click()

    expect(page.get_by_role("status")).to_contain_text("已提交，等待审核")
    claim = _form(page, "T-photo")
    expect(claim).to_contain_text("待审核")
    expect(claim).to_contain_text("装了三车")
    image = claim.get_by_role("img", name="完成情况照片 1")
    sha = hashlib.sha256(photo).hexdigest()
    assert f"/photos/{sha}" == image.get_attribute("src")
    expect(image).to_have_js_property("naturalWidth", 48)
    assert {LANZHI: "submitted"} == claims(site, "T-photo")
    look(page, "mine-360")
    desktop = _mine(browser, site, LANZHI, DESKTOP)
    look(desktop, "mine-1280")
    for opened in (page, desktop):
        opened.context.close()


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("照片.png", "这不是图片，只是改了名字的文字。".encode(), "「照片.png」不是照片"),
        ("大照片.png", b"\x89PNG\r\n\x1a\n" + bytes(8 * 1024 * 1024), "太大了"),
    ],
    ids=["not-a-photo", "too-big"],
)
def test_a_bad_upload_is_refused_and_nothing_is_kept(
    browser: Any, site: str, tmp_path: Path, name: str, content: bytes, said: str
) -> None:
    task_id = f"T-bad-{len(content)}"
    issue(site, task_id, title="打扫文化礼堂")
    command(site, XINGCAN, "ClaimTask", task_id=task_id)
    page = _mine(browser, site, XINGCAN)
    claim = _form(page, task_id)

    claim.get_by_label("做了什么（必填）").fill("打扫好了")
    upload = tmp_path / name  # a file on disk: the browser reads it, nothing is copied
    upload.write_bytes(content)
    claim.get_by_label(re.compile("^照片")).set_input_files(upload)
    claim.get_by_role("button", name="提交完成情况").click()

    expect(page.get_by_role("alert")).to_contain_text(said)
    expect(_form(page, task_id).get_by_label("做了什么（必填）")).to_have_value("打扫好了")
    assert {XINGCAN: "claimed"} == claims(site, task_id)
    with browser_client(site, page) as client:
        kept = client.get(f"/photos/{hashlib.sha256(content).hexdigest()}")
    assert 404 == kept.status_code
    if said == "太大了":
        look(page, "mine-refused-360")
    page.context.close()


def test_another_persons_claim_cannot_be_submitted_with_a_crafted_form(
    browser: Any, site: str
) -> None:
    issue(site, "T-theirs", title="走访独居老人")
    command(site, LANZHI, "ClaimTask", task_id="T-theirs")
    page = _mine(browser, site, XINGCAN)
    crafted = {"task_id": "T-theirs", "note": "替她交了", "actor_id": LANZHI, "csrf": csrf_of(page)}

    photo = png(20, 20)
    with browser_client(site, page) as client:
        answer = client.post("/mine/submit", data=crafted, files={"photos": ("a.png", photo)})
        forged = client.post("/mine/submit", data={"task_id": "T-theirs", "note": "替她交了"})
        given_back = client.get(f"/photos/{hashlib.sha256(photo).hexdigest()}")

    assert 409 == answer.status_code
    assert 'role="alert"' in answer.text
    assert "lv-xingcan 的领办状态为「未领办」" in answer.text
    assert 403 == forged.status_code
    assert "表单已失效" in forged.text
    assert 404 == given_back.status_code  # the refused submission kept no photo
    assert {LANZHI: "claimed"} == claims(site, "T-theirs")
    page.context.close()


# --------------------------------------------------------------------- in-process


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def village(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Server, str]]:
    """The test village served in-process on each SQL backend, and its store's URL."""
    with backend_url(request.param, tmp_path) as url:
        app = village_app(url)
        try:
            yield Server(app), url
        finally:
            app.close()


def _page_client(server: Server, person_id: str) -> tuple[TestClient, str]:
    server.open_account(person_id, "wang-sj")
    client = TestClient(server.api)
    answer = client.post("/login", data={"person_id": person_id, "password": PASSWORD})
    assert 200 == answer.status_code, answer.text
    token = re.search(r'name="csrf-token" content="([^"]+)"', answer.text)
    assert token is not None
    return client, token.group(1)


def test_a_photo_is_kept_for_every_worker_and_shown_only_to_its_branch(
    village: tuple[Server, str],
) -> None:
    server, url = village
    deadline = (server.app.now() + timedelta(days=7)).isoformat()
    organizer = server.logged_in("lv-zw")
    body = {"task_id": "T-in", "branch_id": "paixilv", "title": "清理水渠", "category": "环境卫生整治",
            "points": 5, "slots": 2, "deadline": deadline, "audiences": ["activists"],
            "source_kind": "village", "source_reference": ""}  # fmt: skip
    assert 200 == organizer.command("IssueTask", **body).status_code
    lanzhi, token = _page_client(server, LANZHI)
    xingcan, _token = _page_client(server, XINGCAN)
    assert (
        303
        == lanzhi.post(
            "/hall/claim", data={"task_id": "T-in", "csrf": token}, follow_redirects=False
        ).status_code
    )
    photo = png(8, 8)
    sha = hashlib.sha256(photo).hexdigest()

    sent = lanzhi.post(
        "/mine/submit",
        data={"task_id": "T-in", "note": "清理完毕", "csrf": token},
        files={"photos": ("水渠.jpg", photo, "image/jpeg")},
        follow_redirects=False,
    )

    assert 303 == sent.status_code, sent.text
    seen = xingcan.get(f"/photos/{sha}")
    assert (200, photo) == (seen.status_code, seen.content)
    assert "image/png" == seen.headers["content-type"]
    assert seen.headers["content-disposition"].startswith("inline;")
    assert "nosniff" == seen.headers["x-content-type-options"]
    with open_app(url) as worker, worker.store.secrets() as kept:
        assert sha == getattr(kept.uploads().photo(sha), "sha256", None)
    elsewhere = StoredPhoto(hashlib.sha256(b"x").hexdigest(), "image/png", 1, b"x")
    with server.app.store.secrets(write=True) as kept:
        kept.uploads().put(elsewhere, "someone", "another-branch", "2026-12-01T09:00:00+08:00")
    assert 404 == xingcan.get(f"/photos/{elsewhere.sha256}").status_code
    with server.app.store.secrets(write=True) as kept:
        kept.erase_person("someone")
        assert (None, {"paixilv"}) == (
            kept.uploads().photo(elsewhere.sha256),
            kept.uploads().branches(sha),
        )
    assert 303 == TestClient(server.api).get(f"/photos/{sha}", follow_redirects=False).status_code
