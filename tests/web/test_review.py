"""审核 in a real browser: a reviewer sees the completions waiting in the branch with their
photos, never their own claim; approves one, approves one with fewer points and a reason,
rejects one with a reason, and the claimant reads the outcome on 我的任务. A reduction
without a reason, a review by someone without the role and a review of one's own claim
are refused by the core, and shown in Chinese."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from tests.http.conftest import PASSWORD
from tests.web.conftest import DESKTOP, PHONE, log_in
from tests.web.members import (
    LANZHI,
    REVIEWER,
    XINGCAN,
    browser_client,
    claimed_and_submitted,
    claims,
    command,
    csrf_of,
    issue,
    look,
    png,
)

#: The tasks this module's reviewer decides, and who submitted each.
WORK = {
    "R-full": (LANZHI, "修补村道坑洼", "补了三处坑，拍了照片。"),
    "R-fewer": (XINGCAN, "整理村史资料", "整理了一半的资料。"),
    "R-reject": (LANZHI, "宣传垃圾分类", "发了传单。"),
    "R-own": (REVIEWER, "帮扶困难党员", "上门送了米和油。"),
}


@pytest.fixture(scope="module")
def submitted(site: str) -> str:
    """Each task issued, claimed and submitted (R-full with a photo, through the page)."""
    for task_id, (person_id, title, note) in WORK.items():
        issue(site, task_id, title=title, points=5)
        if task_id == "R-full":
            command(site, person_id, "ClaimTask", task_id=task_id)
            _submit_with_photo(site, person_id, task_id, note)
        else:
            claimed_and_submitted(site, task_id, person_id, note)
    return site


def _submit_with_photo(site: str, person_id: str, task_id: str, note: str) -> None:
    with httpx.Client(base_url=site, timeout=30, follow_redirects=True) as client:
        page = client.post("/login", data={"person_id": person_id, "password": PASSWORD})
        token = page.text.split('name="csrf-token" content="')[1].split('"')[0]
        sent = client.post(
            "/mine/submit",
            data={"task_id": task_id, "note": note, "csrf": token},
            files={"photos": ("路面.png", png(), "image/png")},
        )
    assert 200 == sent.status_code, sent.text


def _review(browser: Any, site: str, person_id: str, screen: dict[str, int] = PHONE) -> Any:
    page = browser.new_context(viewport=screen, base_url=site, locale="zh-CN").new_page()
    log_in(page, person_id)
    page.goto("/review")
    return page


def _card(page: Any, task_id: str) -> Any:
    return page.locator(f"li.review[data-task='{task_id}']")


def test_a_reviewer_sees_waiting_work_with_its_photos_but_never_their_own(
    browser: Any, submitted: str
) -> None:
    page = _review(browser, submitted, REVIEWER)

    listed = page.locator("li.review").evaluate_all("cards => cards.map(c => c.dataset.task)")

    assert {"R-full", "R-fewer", "R-reject"} <= set(listed)
    assert "R-own" not in listed
    card = _card(page, "R-full")
    expect(card).to_contain_text("吕兰枝 ·「修补村道坑洼」")
    expect(card).to_contain_text("补了三处坑")
    expect(card.get_by_role("img", name="吕兰枝的照片 1")).to_have_js_property("naturalWidth", 48)
    look(page, "review-360")
    other = _review(browser, submitted, "lv-zw", DESKTOP)
    expect(_card(other, "R-own")).to_contain_text("胡文渊 ·「帮扶困难党员」")
    look(other, "review-1280")
    page.context.close()
    other.context.close()


def test_a_reviewer_approves_gives_fewer_points_with_a_reason_and_rejects(
    browser: Any, submitted: str
) -> None:
    page = _review(browser, submitted, REVIEWER)

    _card(page, "R-full").get_by_role("button", name="通过，记 5 分").click()
    expect(page.get_by_role("status")).to_contain_text("已通过：吕兰枝的「修补村道坑洼」，记 5 分")
    fewer = _card(page, "R-fewer")
    fewer.locator("summary", has_text="少给分通过").click()
    fewer.get_by_label("记几分").fill("3")
    fewer.get_by_label("为什么少给分（必填）").fill("只整理了一半")
    fewer.get_by_role("button", name="确认少给分通过").click()
    expect(page.get_by_role("status")).to_contain_text("记 3 分")
    rejected = _card(page, "R-reject")
    rejected.locator("summary", has_text="退回").click()
    rejected.get_by_label("退回的理由（必填，本人会看到）").fill("没有照片，请补拍")
    rejected.get_by_role("button", name="确认退回").click()
    expect(page.get_by_role("status")).to_contain_text("已退回：吕兰枝的「宣传垃圾分类」")

    assert "approved" == claims(submitted, "R-full")[LANZHI]
    assert "approved" == claims(submitted, "R-fewer")[XINGCAN]
    assert "rejected" == claims(submitted, "R-reject")[LANZHI]
    expect(page.locator("li.review")).to_have_count(0)
    page.context.close()
    mine = browser.new_context(viewport=PHONE, base_url=submitted, locale="zh-CN").new_page()
    log_in(mine, LANZHI)
    mine.goto("/mine")
    expect(mine.locator("#claim-R-reject")).to_contain_text("审核未通过，理由：没有照片，请补拍")
    expect(mine.locator("#claim-R-full")).to_contain_text("审核通过，得 5 分")
    look(mine, "mine-reviewed-360")
    mine.context.close()


def test_refusals_of_the_core_are_shown_on_the_page(browser: Any, site: str) -> None:
    issue(site, "R-rules", title="清扫公厕", points=5)
    claimed_and_submitted(site, "R-rules", LANZHI, "打扫好了")
    claimed_and_submitted(site, "R-rules", REVIEWER, "我也打扫了")
    reviewer = _review(browser, site, REVIEWER)
    activist = _review(browser, site, XINGCAN)
    fewer = {"task_id": "R-rules", "claimant_id": LANZHI, "points": "2", "reason": " "}
    own = {"task_id": "R-rules", "claimant_id": REVIEWER}

    with browser_client(site, reviewer) as client:
        no_reason = client.post("/review/approve", data={**fewer, "csrf": csrf_of(reviewer)})
        self_review = client.post("/review/approve", data={**own, "csrf": csrf_of(reviewer)})
        forged = client.post("/review/reject", data={**own, "reason": "不行"})
    with browser_client(site, activist) as client:
        no_role = client.post("/review/approve", data={**own, "csrf": csrf_of(activist)})
        made_up = client.get(
            "/review", params={"done": "approved", "task": "R-none", "claimant": "x"}
        )

    assert (422, "少于任务分值时须说明理由") == (no_reason.status_code, _alert(no_reason))
    assert (403, "不能审核本人的领办") == (self_review.status_code, _alert(self_review))
    assert (403, True) == (no_role.status_code, _alert(no_role).startswith("lv-xingcan 无权审核"))
    assert (403, True) == (forged.status_code, "表单已失效" in forged.text)
    assert (200, False) == (made_up.status_code, 'class="success"' in made_up.text)
    assert {LANZHI: "submitted", REVIEWER: "submitted"} == claims(site, "R-rules")
    reviewer.context.close()
    activist.context.close()


def _alert(answer: httpx.Response) -> str:
    start = answer.text.index('<p class="said">') + len('<p class="said">')
    return answer.text[start : answer.text.index("</p>", start)]


def test_the_inbox_lists_waiting_work_only_to_reviewers(browser: Any, site: str) -> None:
    issue(site, "R-inbox", title="修剪绿化带", points=3)
    claimed_and_submitted(site, "R-inbox", LANZHI, "剪好了,照片见群里")
    activist = _review(browser, site, XINGCAN)

    with browser_client(site, activist) as client:
        page = client.get("/review")

    assert 200 == page.status_code
    assert "你不是本支部的审核人" in page.text
    assert "剪好了" not in page.text
    assert "R-inbox" not in page.text
    activist.context.close()
