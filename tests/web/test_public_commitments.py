"""党员公开承诺公示页 without login: a member's pledge, once vetted and posted by the branch,
is on ``/public/paixilv/commitments`` for anyone — the pledge, its post and target — and
the public index links it; before posting there is nothing to show."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

from tests.support import CST
from tests.web.conftest import DESKTOP, PHONE, open_page
from tests.web.members import command, look

ORGANIZER, SECRETARY = "lv-zw", "wang-sj"


def test_a_posted_commitment_is_on_the_public_board(browser: Any, site: str) -> None:
    before = httpx.get(f"{site}/public/paixilv/commitments")
    year = str(datetime.now(CST).year)  # the server's year (same clock, 北京时间)
    pledge = {"unit_id": "paixilv", "year": int(year), "pledger_id": ORGANIZER}
    command(site, ORGANIZER, "DraftPledge", **pledge, item_no=1, post="组织委员",
            content="帮扶一户低保户", target="每月走访一次", due=f"{year}-12-31")  # fmt: skip
    command(site, ORGANIZER, "SubmitCommitment", **pledge)
    command(site, SECRETARY, "ApprovePledge", **pledge, item_no=1)
    unposted = httpx.get(f"{site}/public/paixilv/commitments")
    command(site, SECRETARY, "PostCommitment", **pledge)

    page = open_page(browser, site, PHONE)
    page.goto("/public")
    page.get_by_role("link", name="党员公开承诺").first.click()
    text = page.locator("main").inner_text()

    assert "还没有公示的承诺" in before.text
    assert "还没有公示的承诺" in unposted.text
    assert f"{year} 年度党员公开承诺" in text
    assert "帮扶一户低保户" in text
    assert "每月走访一次" in text
    assert "吕组委" in text
    assert page.locator("svg").count() >= 1  # the page's own QR code
    look(page, "public-commitments-360")
    desktop = open_page(browser, site, DESKTOP)
    desktop.goto("/public/paixilv/commitments")
    look(desktop, "public-commitments-1280")
    page.context.close()
    desktop.context.close()


def test_a_villager_leaves_feedback_that_the_branch_shows_without_the_givers_name(
    browser: Any, site: str
) -> None:
    year = str(datetime.now(CST).year)
    pledge = {"unit_id": "paixilv", "year": int(year), "pledger_id": SECRETARY}
    command(site, SECRETARY, "DraftPledge", **pledge, item_no=1, post="支部书记",
            content="修好村口路灯", target="三盏路灯全亮", due=f"{year}-12-31")  # fmt: skip
    command(site, SECRETARY, "SubmitCommitment", **pledge)
    command(site, ORGANIZER, "ApprovePledge", **pledge, item_no=1)
    command(site, ORGANIZER, "PostCommitment", **pledge)

    page = open_page(browser, site, PHONE)
    page.goto("/public/paixilv/commitments")
    choice = page.get_by_label("对哪一项承诺")
    label = next(t for t in choice.locator("option").all_inner_texts() if "修好村口路灯" in t)
    choice.select_option(label=label)
    page.get_by_label("意见内容").fill("东头那盏还是不亮")
    page.get_by_label("您的姓名（不公布）").fill("吕老伯")
    page.get_by_label("您的电话或其他联系方式（不公布）").fill("13911112222")
    with page.expect_navigation():
        page.get_by_role("button", name="提交意见").click()
    receipt = page.locator("#receipt").inner_text()
    before_shown = httpx.get(f"{site}/public/paixilv/commitments").text
    command(site, ORGANIZER, "ShowFeedback", unit_id="paixilv", year=int(year),
            feedback_id=receipt)  # fmt: skip
    after_shown = httpx.get(f"{site}/public/paixilv/commitments").text

    assert "东头那盏还是不亮" not in before_shown  # waits for the branch
    assert "东头那盏还是不亮" in after_shown
    for html in (before_shown, after_shown, page.content()):
        assert "吕老伯" not in html
        assert "13911112222" not in html
    page.context.close()


def test_feedback_from_a_stale_page_or_without_a_contact_is_refused_with_the_reason(
    site: str,
) -> None:
    year = str(datetime.now(CST).year)
    sent = {"year": year, "fingerprint": "0" * 16, "receipt": "20261203-000001", "place": "1",
            "text": "好", "contact_name": "吕某", "contact": ""}  # fmt: skip

    stale = httpx.post(f"{site}/public/paixilv/commitments/feedback", data=sent)

    assert 422 == stale.status_code
    assert "意见没有提交" in stale.text
    assert "承诺榜已有变动" in stale.text or "请填写" in stale.text
