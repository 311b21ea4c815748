"""核验我的积分 in headless Chromium: the page's script (WebCrypto SHA-256 and Ed25519)
accepts a real person's proofs and refuses a tampered proof, a tampered record and a
checkpoint signed by another key. The page is the real template with the real proof
material, opened from a file (a secure context, like the served page)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from adapters.audit.cut import cut_checkpoint
from adapters.audit.keys import verifier_key
from adapters.audit.points_proof import points_proof
from adapters.web.templates import environment
from dangjian_core.points.commands import AdjustPoints
from tests import chromium
from tests.adapters.audit_support import NOW, signer
from tests.adapters.stores import village_app
from tests.adapters.test_replay import a_season
from tests.support import BRANCH, LANZHI, SECRETARY, later

SCRIPT = Path("src/adapters/web/static/verify_points.js").resolve()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium.browser()
    if executable is None:
        pytest.skip(chromium.SKIP_REASON)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """吕兰枝's lines in a season with two posted checkpoints, and the branch's key."""
    folder = tmp_path_factory.mktemp("verify")
    for attempt in range(100):  # a key whose base64 holds "+", like half of all keys
        (folder / f"key{attempt}").mkdir()
        who = signer(folder / f"key{attempt}")
        if "+" in who.verifier.text().split("+", 2)[2]:
            break
    with village_app(f"sqlite:///{folder / 'v.db'}") as app:
        a_season(app)
        cut_checkpoint(app.store, who.name, who.key, "公示", NOW)
        app.handle(AdjustPoints("J1", BRANCH, LANZHI, 2, "补记", SECRETARY, later(40)))
        cut_checkpoint(app.store, who.name, who.key, "公示", NOW)
        app.catch_up()
        cycle = app.queries.cycles(BRANCH)[-1]
        explained = app.queries.explain(LANZHI, cycle)
        data = points_proof(app.store, explained)
    assert data["previous"] is not None
    assert len(data["entries"]) == len(explained.lines) >= 2
    lines = [
        {"position": line.position, "at": "", "what": "", "delta": "+1"} for line in explained.lines
    ]
    return {"data": data | {"key": who.verifier.text()}, "lines": lines, "folder": folder}


def _verdict(
    browser: Any, material: dict[str, Any], data: dict[str, Any]
) -> tuple[str, str, list[str]]:
    page_html = (
        environment()
        .get_template("verify_points.html")
        .render(
            who=None, csrf="", csrf_field="csrf", path="/verify", title="核验我的积分",
            name="吕兰枝", label="", total=0, lines=material["lines"], data=data,
        )
    ).replace("/static/verify_points.js", SCRIPT.as_uri())  # fmt: skip
    page_file = material["folder"] / f"page-{abs(hash(json.dumps(data)))}.html"
    page_file.write_text(page_html, encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(page_file.as_uri())
        page.wait_for_function(
            "document.getElementById('verdict').dataset.verdict !== 'pending'", timeout=20_000
        )
        box = page.locator("#verdict")
        marks = page.locator("[data-position]").evaluate_all(
            "els => els.map(e => e.dataset.included)"
        )
        return str(box.get_attribute("data-verdict")), box.inner_text(), marks
    finally:
        page.close()


def _flip(b64: str) -> str:
    import base64

    raw = bytearray(base64.b64decode(b64))
    raw[-1] ^= 1
    return base64.b64encode(bytes(raw)).decode()


def test_a_real_persons_points_verify_in_the_browser(
    browser: Any, material: dict[str, Any]
) -> None:
    verdict, text, marks = _verdict(browser, material, material["data"])

    assert verdict == "ok", text
    assert "核验通过" in text
    assert "与上一次公示的检查点一致" in text
    assert set(marks) == {"yes"}


def test_a_tampered_proof_fails_and_names_the_line(browser: Any, material: dict[str, Any]) -> None:
    data = json.loads(json.dumps(material["data"]))
    entry = data["entries"][0]
    entry["proof"][0] = _flip(entry["proof"][0])

    verdict, text, marks = _verdict(browser, material, data)

    assert verdict == "failed"
    assert "1 笔积分不在公示的检查点里" in text
    assert marks.count("no") == 1


def test_a_tampered_record_a_broken_link_and_a_foreign_key_fail(
    browser: Any, material: dict[str, Any]
) -> None:
    record = json.loads(json.dumps(material["data"]))
    record["entries"][1]["record"] = _flip(record["entries"][1]["record"])
    linked = json.loads(json.dumps(material["data"]))
    linked["consistency"][0] = _flip(linked["consistency"][0])
    foreign = material["data"] | {
        "key": verifier_key("paixilv-2021", Ed25519PrivateKey.generate()).text()
    }

    assert _verdict(browser, material, record)[0] == "failed"
    assert "对不上" in _verdict(browser, material, linked)[1]
    assert "签名" in _verdict(browser, material, foreign)[1]
