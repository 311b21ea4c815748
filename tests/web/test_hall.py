"""任务大厅 in a real browser: an activist on a phone claims a task and another phone sees
the remaining slots drop without reloading (server-sent events); a late claimer hears
名额已满 and who was faster; a claim given back frees its slot live; the forms work
without a script; a forged form and a stranger are refused; a refusal is a page."""

from __future__ import annotations

import re
from typing import Any

import httpx
from playwright.sync_api import expect

from tests.web.conftest import DESKTOP, PHONE, log_in
from tests.web.members import (
    LANZHI,
    REVIEWER,
    XINGCAN,
    browser_client,
    claims,
    command,
    csrf_of,
    issue,
    look,
)

#: How long a live change may take to reach another phone.
LIVE_MS = 10_000


def _card(page: Any, task_id: str) -> Any:
    return page.locator(f"#task-{task_id}")


def _hall(browser: Any, site: str, person_id: str, **options: Any) -> Any:
    context = browser.new_context(
        viewport=options.pop("screen", PHONE), base_url=site, locale="zh-CN", **options
    )
    page = context.new_page()
    log_in(page, person_id)
    page.goto("/hall")
    return page


def test_a_claim_is_seen_live_by_another_phone_and_a_late_claimer_hears_who_was_faster(
    browser: Any, site: str
) -> None:
    issue(site, "T-live", title="清理村口垃圾", slots=2)
    watcher = _hall(browser, site, XINGCAN)
    watcher.evaluate("window.stayed = true")
    expect(_card(watcher, "T-live").locator("[data-remaining]")).to_have_text("2")
    claimer = _hall(browser, site, LANZHI)

    _card(claimer, "T-live").get_by_role("button", name="我来领办").click()

    expect(claimer.get_by_role("status")).to_contain_text("领办成功")
    expect(_card(watcher, "T-live").locator("[data-remaining]")).to_have_text("1", timeout=LIVE_MS)
    assert watcher.evaluate("window.stayed") is True  # no reload
    look(claimer, "hall-claimed-360")

    late = _hall(browser, site, REVIEWER, java_script_enabled=False)
    _card(watcher, "T-live").get_by_role("button", name="我来领办").click()
    expect(watcher.get_by_role("status")).to_contain_text("领办成功")
    expect(_card(claimer, "T-live").locator("[data-remaining]")).to_have_text("0", timeout=LIVE_MS)
    _card(late, "T-live").get_by_role("button", name="我来领办").click()

    refusal = late.get_by_role("alert")
    expect(refusal).to_contain_text("名额已满")
    expect(refusal.locator(".faster li")).to_have_text([_starting("吕兰枝"), _starting("吕星灿")])
    look(late, "hall-full-360", scripts=False)
    assert {LANZHI: "claimed", XINGCAN: "claimed"} == claims(site, "T-live")
    for page in (watcher, claimer, late):
        page.context.close()


def _starting(name: str) -> Any:
    return re.compile("^" + re.escape(name) + "，")


def test_a_slot_given_back_is_free_again_for_everyone(browser: Any, site: str) -> None:
    issue(site, "T-back", title="走访困难户", slots=1)
    command(site, LANZHI, "ClaimTask", task_id="T-back")
    watcher = _hall(browser, site, XINGCAN)
    expect(_card(watcher, "T-back").get_by_role("button", name="名额已满")).to_be_disabled()
    owner = _hall(browser, site, LANZHI)
    expect(_card(owner, "T-back")).to_contain_text("我的领办：已领办")

    _card(owner, "T-back").get_by_role("button", name="撤回领办").click()

    expect(owner.get_by_role("status")).to_contain_text("已撤回领办")
    expect(_card(watcher, "T-back").locator("[data-remaining]")).to_have_text("1", timeout=LIVE_MS)
    expect(_card(watcher, "T-back").get_by_role("button", name="我来领办")).to_be_enabled()
    assert {LANZHI: "withdrawn"} == claims(site, "T-back")
    watcher.context.close()
    owner.context.close()


def test_without_a_script_a_claim_posts_and_comes_back_with_the_answer(
    browser: Any, site: str
) -> None:
    issue(site, "T-plain", title="整理党员活动室", slots=3)
    page = _hall(browser, site, XINGCAN, java_script_enabled=False)

    _card(page, "T-plain").get_by_role("button", name="我来领办").click()

    page.wait_for_url("**/hall?done=claimed&task=T-plain")
    expect(page.get_by_role("status")).to_contain_text("领办成功")
    expect(page.get_by_role("status")).to_contain_text("「整理党员活动室」")
    expect(_card(page, "T-plain").locator("[data-remaining]")).to_have_text("2")
    assert {XINGCAN: "claimed"} == claims(site, "T-plain")
    page.context.close()


def test_the_hall_reads_plainly_on_a_phone_and_a_desktop(browser: Any, site: str) -> None:
    issue(site, "T-look", title="春节前慰问老党员", slots=4, points=8)
    for screen, name in ((PHONE, "hall-360"), (DESKTOP, "hall-1280")):
        page = _hall(browser, site, LANZHI, screen=screen)
        card = _card(page, "T-look")
        expect(card).to_contain_text("8 分")
        expect(card).to_contain_text("上级部署：象珠镇〔2026〕12号")
        expect(card).to_contain_text("积极分子、志愿者、党员")
        expect(card.locator("dd").first).to_have_text(_plain_deadline())
        look(page, name)
        page.context.close()


def _plain_deadline() -> Any:
    # 12月10日（星期四）下午6:00（还有6天）: no ISO time, no T, no +08:00.
    return re.compile(
        r"^(\d{4}年)?\d{1,2}月\d{1,2}日（星期.）(凌晨|上午|中午|下午|晚上)\d{1,2}:\d\d（还有.+）$"
    )


def test_a_forged_claim_without_the_forms_token_is_refused(browser: Any, site: str) -> None:
    issue(site, "T-forged", slots=2)
    page = _hall(browser, site, LANZHI)
    with browser_client(site, page) as client:
        forged = client.post("/hall/claim", data={"task_id": "T-forged"})
    assert 403 == forged.status_code
    assert "表单已失效" in forged.text
    assert {} == claims(site, "T-forged")
    page.context.close()


def test_a_refusal_is_a_chinese_page_not_json(browser: Any, site: str) -> None:
    page = _hall(browser, site, LANZHI)
    with browser_client(site, page) as client:
        answer = client.post("/hall/claim", data={"task_id": "T-none", "csrf": csrf_of(page)})
    assert 404 == answer.status_code
    assert answer.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in answer.text
    assert "任务 T-none 不存在" in answer.text
    page.context.close()


def test_the_live_feed_and_the_hall_need_a_session(site: str) -> None:
    feed = httpx.get(f"{site}/hall/live", timeout=10)
    hall = httpx.get(f"{site}/hall", follow_redirects=False, timeout=10)
    assert 401 == feed.status_code
    assert (303, "/login?next=/hall") == (hall.status_code, hall.headers["location"])
