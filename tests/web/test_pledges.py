"""我的承诺 and 审诺 in a real browser: a member drafts a pledge on a 360-px phone and
submits it; the secretary returns it with a ground and a reason; the member reads them,
revises and submits again; the secretary approves and posts it, and it is on the public
board; the member reports progress. A committee member cannot vet their own pledge (the
core's refusal is shown), and a form without the anti-forgery token is refused."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from tests.http.served import login
from tests.support import CST
from tests.web.conftest import DESKTOP, PHONE, log_in
from tests.web.members import ORGANIZER, REVIEWER, browser_client, command, csrf_of, look

MEMBER = REVIEWER  # 胡文渊, a full member, pledges
SECRETARY = "wang-sj"
VETTING = "/organize/paixilv/commitments"


@pytest.fixture(scope="module")
def year() -> int:
    """The server's year (same clock, 北京时间)."""
    return datetime.now(CST).year


def _as(browser: Any, site: str, person_id: str, path: str, screen: dict[str, int] = PHONE) -> Any:
    page = browser.new_context(viewport=screen, base_url=site, locale="zh-CN").new_page()
    log_in(page, person_id)
    page.goto(path)
    return page


def _pledge_rows(site: str, year: int, pledger_id: str) -> dict[int, dict[str, Any]]:
    """The pledger's rows of the read model, as the secretary reads them through the API."""
    client, _csrf = login(site, SECRETARY)
    try:
        answer = client.get(
            "/views/commitment_pledges", params={"unit_id": "paixilv", "year": year}
        )
    finally:
        client.close()
    answer.raise_for_status()
    rows = answer.json()["rows"]
    return {int(r["item_no"]): r for r in rows if r["pledger_id"] == pledger_id}


def test_a_pledge_is_drafted_returned_revised_approved_and_posted(
    browser: Any, site: str, year: int
) -> None:
    mine = _as(browser, site, MEMBER, "/pledges")
    expect(mine.get_by_role("link", name="我的承诺")).to_have_attribute("aria-current", "page")
    mine.get_by_label("岗位（如：党小组长、普通党员）").fill("普通党员")
    mine.get_by_label("承诺内容").fill("帮助村里老人收玉米")
    mine.get_by_label("目标（要能看得出做没做到）").fill("多帮忙")
    mine.get_by_label("完成时限").fill(f"{year}-12-31")
    mine.get_by_role("button", name="拟定这一项").click()
    expect(mine.get_by_role("status")).to_contain_text("已拟定这项承诺")
    expect(mine.locator("#pledge-1")).to_contain_text("草拟")
    expect(mine.locator("#pledge-1")).to_contain_text(f"{year}年12月31日")
    look(mine, "pledges-drafted-360")
    mine.get_by_role("button", name="提交支部审核").click()
    expect(mine.get_by_role("status")).to_contain_text("已提交支部审核")
    expect(mine.locator("#pledge-1")).to_contain_text("待审")

    secretary = _as(browser, site, SECRETARY, VETTING)
    item = secretary.locator(f"#vet-{MEMBER}-1")
    expect(item).to_contain_text("帮助村里老人收玉米")
    look(secretary, "vetting-360")
    item.locator("summary", has_text="退回第 1 项").click()
    item.get_by_label("退回原因").select_option(label="目标不可衡量")
    item.get_by_label("退回的理由（必填，本人会看到）").fill("多帮忙是多少？请写清帮几户、几天")
    item.get_by_role("button", name="确认退回").click()
    expect(secretary.get_by_role("status")).to_contain_text("已退回胡文渊的第 1 项承诺")
    expect(secretary.locator(f"#vet-{MEMBER}-1")).to_have_count(0)

    mine.goto("/pledges")
    returned = mine.locator("#pledge-1")
    expect(returned).to_contain_text("已退回")
    expect(returned).to_contain_text(
        "支部退回：目标不可衡量。理由：多帮忙是多少？请写清帮几户、几天"
    )
    look(mine, "pledges-returned-360")
    returned.locator("summary", has_text="修改第 1 项").click()
    returned.get_by_label("目标（要能看得出做没做到）").fill("帮 3 户老人收完玉米，每户至少 2 天")
    returned.get_by_role("button", name="保存修改").click()
    expect(mine.get_by_role("status")).to_contain_text("已修改")
    mine.get_by_role("button", name="提交支部审核").click()
    expect(mine.locator("#pledge-1")).to_contain_text("待审")

    secretary.goto(VETTING)
    again = secretary.locator(f"#vet-{MEMBER}-1")
    expect(again).to_contain_text("修改过 1 次")
    again.get_by_role("button", name="审核通过第 1 项").click()
    expect(secretary.get_by_role("status")).to_contain_text("已审核通过胡文渊的第 1 项承诺")
    secretary.get_by_role("button", name="公示胡文渊的承诺").click()
    expect(secretary.get_by_role("status")).to_contain_text("已公示胡文渊的承诺")
    assert "posted" == _pledge_rows(site, year, MEMBER)[1]["status"]

    public = httpx.get(f"{site}/public/paixilv/commitments")
    assert "帮 3 户老人收完玉米，每户至少 2 天" in public.text
    assert "胡文渊" in public.text

    mine.goto("/pledges")
    posted = mine.locator("#pledge-1")
    expect(posted).to_contain_text("已亮诺")
    posted.locator("summary", has_text="报告第 1 项的进展").click()
    posted.get_by_label("做了什么（必填）").fill("帮张大娘家收了两天玉米")
    posted.get_by_role("button", name="报告进展").click()
    expect(mine.get_by_role("status")).to_contain_text("已报告践诺进展")
    expect(mine.locator("#pledge-1")).to_contain_text("已报告 1 次")
    look(mine, "pledges-posted-360")
    assert 1 == _pledge_rows(site, year, MEMBER)[1]["reports"]
    mine.context.close()
    secretary.context.close()


def test_a_committee_member_cannot_vet_their_own_and_forged_forms_are_refused(
    browser: Any, site: str, year: int
) -> None:
    own = {"unit_id": "paixilv", "year": year, "pledger_id": ORGANIZER}
    command(site, ORGANIZER, "DraftPledge", **own, item_no=1, post="组织委员",
            content="整理党员档案", target="年底前全部党员档案归档", due=f"{year}-12-31")  # fmt: skip
    command(site, ORGANIZER, "SubmitCommitment", **own)
    organizer = _as(browser, site, ORGANIZER, VETTING, DESKTOP)

    expect(organizer.locator(f"#vet-{ORGANIZER}-1")).to_have_count(0)
    look(organizer, "vetting-1280")
    fields = {"pledger_id": ORGANIZER, "item_no": "1"}
    with browser_client(site, organizer) as client:
        self_vet = client.post(f"{VETTING}/approve", data={**fields, "csrf": csrf_of(organizer)})
        forged = client.post(f"{VETTING}/approve", data=fields)
    draft = {"post": "组织委员", "content": "补发党费收据", "target": "全部补齐"}
    with browser_client(site, organizer) as client:
        forged_draft = client.post("/pledges/draft", data={**draft, "due": f"{year}-12-31"})
        token = csrf_of(organizer)
        first = client.post(
            "/pledges/draft", data={**draft, "due": f"{year}-12-31", "key": "k1", "csrf": token}
        )
        again = client.post(
            "/pledges/draft", data={**draft, "due": f"{year}-12-31", "key": "k1", "csrf": token}
        )
        too_late = client.post(
            "/pledges/draft", data={**draft, "due": f"{year - 1}-12-31", "csrf": csrf_of(organizer)}
        )

    assert 403 == self_vet.status_code
    assert 'role="alert"' in self_vet.text
    assert "lv-zw 不能审核、评议本人的承诺" in self_vet.text
    assert (403, True) == (forged.status_code, "表单已失效" in forged.text)
    assert (403, True) == (forged_draft.status_code, "表单已失效" in forged_draft.text)
    assert 'role="alert"' in too_late.text
    assert f"完成时限 {year - 1}-12-31 须在 {year} 年内" in too_late.text
    assert "submitted" == _pledge_rows(site, year, ORGANIZER)[1]["status"]
    assert (303, 303) == (first.status_code, again.status_code)
    assert [1, 2] == list(_pledge_rows(site, year, ORGANIZER))  # the form pressed twice: once
    organizer.context.close()


def test_someone_off_the_committee_is_not_shown_the_pledges(
    browser: Any, site: str, year: int
) -> None:
    activist = _as(browser, site, "lv-lanzhi", VETTING)

    text = activist.locator("main").inner_text()

    assert "你不是这个支部的支部委员" in text
    assert "整理党员档案" not in text
    activist.context.close()
