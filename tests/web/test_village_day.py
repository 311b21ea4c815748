"""一天的来回 in real browsers: an activist claims a task in the hall on a phone and submits
it, the reviewer approves it in the inbox on another phone, and the public points wall —
read by anyone, without logging in — shows the new total."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.web.conftest import PHONE, log_in, open_page
from tests.web.members import LANZHI, REVIEWER, command, issue


def test_a_claim_approved_in_the_inbox_shows_on_the_public_wall(browser: Any, site: str) -> None:
    issue(site, "D-day", title="打扫文化礼堂", slots=1, points=6)
    activist = browser.new_context(viewport=PHONE, base_url=site, locale="zh-CN").new_page()
    log_in(activist, LANZHI)
    activist.goto("/hall")
    activist.locator("#task-D-day").get_by_role("button", name="我来领办").click()
    expect(activist.get_by_role("status")).to_contain_text("领办成功")
    command(site, LANZHI, "SubmitCompletion", task_id="D-day", note="礼堂打扫干净了", photos=[])

    reviewer = browser.new_context(viewport=PHONE, base_url=site, locale="zh-CN").new_page()
    log_in(reviewer, REVIEWER)
    reviewer.goto("/review")
    card = reviewer.locator("#review-D-day-" + LANZHI)
    expect(card).to_contain_text("礼堂打扫干净了")
    card.get_by_role("button", name="通过，记 6 分").first.click()
    expect(reviewer.locator("main")).to_contain_text("已通过")

    wall = open_page(browser, site)
    wall.goto("/public/paixilv/wall")
    row = wall.locator("tr", has_text="吕兰枝")

    expect(row).to_contain_text("6")
    for page in (activist, reviewer, wall):
        page.context.close()
