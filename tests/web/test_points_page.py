"""我的积分 in a real browser: after two reviews the person's total is the sum of two
ledger lines, each explained in words (the task, who reviewed it, the reason of a
reduction), for a cycle named as a reader names it and chosen from a list."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.web.conftest import DESKTOP, PHONE, log_in
from tests.web.members import LANZHI, REVIEWER, XINGCAN, claimed_and_submitted, command, issue, look


@pytest.fixture(scope="module")
def reviewed(site: str) -> str:
    """吕兰枝 earned 5 points in full and 2 of 4 with a reason; 吕星灿 nothing yet."""
    issue(site, "P-full", title="清理河道垃圾", points=5)
    issue(site, "P-less", title="慰问孤寡老人", points=4)
    claimed_and_submitted(site, "P-full", LANZHI, "清理了河道")
    claimed_and_submitted(site, "P-less", LANZHI, "去了两户")
    command(site, REVIEWER, "ApproveCompletion", task_id="P-full", claimant_id=LANZHI,
            points=None, reason="")  # fmt: skip
    command(site, REVIEWER, "ApproveCompletion", task_id="P-less", claimant_id=LANZHI,
            points=2, reason="只走访了两户，少于要求的四户")  # fmt: skip
    return site


def _points(browser: Any, site: str, person_id: str, screen: dict[str, int] = PHONE) -> Any:
    page = browser.new_context(viewport=screen, base_url=site, locale="zh-CN").new_page()
    log_in(page, person_id)
    page.goto("/points")
    return page


def test_the_total_is_shown_with_every_line_explained(browser: Any, reviewed: str) -> None:
    page = _points(browser, reviewed, LANZHI)

    expect(page.locator("[data-total]")).to_have_text("7")
    lines = page.locator("ol.ledger > li")
    expect(lines).to_have_count(2)
    expect(lines.nth(0)).to_contain_text("+5 分")
    expect(lines.nth(0)).to_contain_text("审核通过：「清理河道垃圾」")
    expect(lines.nth(0)).to_contain_text("经办：胡文渊")
    expect(lines.nth(1)).to_contain_text("+2 分")
    expect(lines.nth(1)).to_contain_text("说明：只走访了两户，少于要求的四户")
    expect(page.locator(".balance")).to_contain_text("环境卫生整治 7 分")
    expect(page.locator(".balance")).to_contain_text("等于下面每一笔加起来的和（7 分）")
    look(page, "points-360")
    desktop = _points(browser, reviewed, LANZHI, DESKTOP)
    look(desktop, "points-1280")
    page.context.close()
    desktop.context.close()


def test_a_cycle_is_chosen_by_its_plain_name(browser: Any, reviewed: str) -> None:
    page = _points(browser, reviewed, XINGCAN)
    choice = page.get_by_label("看哪一年的积分")
    named = choice.locator("option").all_inner_texts()

    choice.select_option(label=named[0])
    page.get_by_role("button", name="查看").click()

    assert all(re.fullmatch(r"\d{4}年(10月—\d{4}年9月|度)", name) for name in named)
    page.wait_for_url(re.compile(r"/points\?cycle=\d{4}-\d{2}$"))
    expect(page.locator("[data-total]")).to_have_text("0")
    expect(page.locator(".empty")).to_contain_text("这一年还没有积分")
    assert re.search(r"（\d{4}-\d{2}）", page.locator("main").inner_text()) is None
    page.context.close()
