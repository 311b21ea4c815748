"""扫码核验我的积分, served: the points page carries the QR code; the page it opens
verifies a real person's points in headless Chromium and fails on a tampered proof; it
passes the site's page checks (CSP, overflow, overlap, accessibility, keyboard)."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest

from adapters.app import open_app
from adapters.audit.cut import cut_checkpoint
from adapters.web.verify_points import KEY_ENV
from dangjian_core.points.commands import AdjustPoints
from tests.adapters.audit_support import NOW, signer
from tests.http.served import login, prepare, serving
from tests.support import BRANCH, LANZHI, SECRETARY, later
from tests.web import checks
from tests.web.conftest import DESKTOP, MEMBERS, PHONE


@pytest.fixture(scope="module")
def posted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The village served with 吕兰枝's points under two posted checkpoints."""
    folder = tmp_path_factory.mktemp("verify-site")
    url = f"sqlite:///{folder / 'village.db'}"
    prepare(url, MEMBERS)
    who = signer(folder)
    with open_app(url) as app:
        app.handle(AdjustPoints("V1", BRANCH, LANZHI, 3, "打扫村口", SECRETARY, later(2)))
        cut_checkpoint(app.store, who.name, who.key, "公示", NOW)
        app.handle(AdjustPoints("V2", BRANCH, LANZHI, 2, "清理水沟", SECRETARY, later(3)))
        app.catch_up()
        cut_checkpoint(app.store, who.name, who.key, "公示", NOW)
    with mock.patch.dict(os.environ, {KEY_ENV: who.verifier.text()}), serving(url, 1) as base:
        yield base


def _verdict(page: Any) -> tuple[str, str]:
    page.wait_for_function(
        "document.getElementById('verdict').dataset.verdict !== 'pending'", timeout=20_000
    )
    box = page.locator("#verdict")
    return str(box.get_attribute("data-verdict")), box.inner_text()


def test_the_points_page_links_its_check_page_by_qr_code(posted: str) -> None:
    client, _csrf = login(posted, LANZHI)
    try:
        page = client.get("/points").text
    finally:
        client.close()

    assert "扫码核验我的积分" in page
    assert 'class="qr"' in page


@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["360", "1280"])
def test_a_real_persons_points_verify_and_the_page_passes_the_checks(
    browser: Any, posted: str, screen: dict[str, int]
) -> None:
    page = checks.open_as_person(browser, posted, screen)
    try:
        page.goto(f"/verify/points/{LANZHI}")
        verdict, text = _verdict(page)
        checks.screenshot(page, f"verify-points-{screen['width']}")
        for check in (
            checks.no_csp_violations,
            checks.no_horizontal_overflow,
            checks.no_text_overlap,
            checks.accessibility,
            checks.keyboard_reachable,
        ):
            check(page)
    finally:
        page.context.close()

    assert verdict == "ok", text
    assert "与上一次公示的检查点一致" in text


def test_a_tampered_proof_from_the_server_fails_in_the_browser(browser: Any, posted: str) -> None:
    page = checks.open_as_person(browser, posted)

    def tamper(route: Any) -> None:
        answer = route.fetch()
        html = answer.text()
        start = html.index('<script type="application/json" id="proof-data">') + 48
        end = html.index("</script>", start)
        data = json.loads(html[start:end])
        raw = bytearray(base64.b64decode(data["entries"][0]["proof"][0]))
        raw[0] ^= 1
        data["entries"][0]["proof"][0] = base64.b64encode(bytes(raw)).decode()
        route.fulfill(response=answer, body=html[:start] + json.dumps(data) + html[end:])

    try:
        page.route("**/verify/points/**", tamper)
        page.goto(f"/verify/points/{LANZHI}")
        verdict, text = _verdict(page)
    finally:
        page.context.close()

    assert verdict == "failed"
    assert "不在公示的检查点里" in text


def test_an_unknown_person_is_a_404(posted: str) -> None:
    import httpx

    assert httpx.get(f"{posted}/verify/points/nobody", timeout=30).status_code == 404
