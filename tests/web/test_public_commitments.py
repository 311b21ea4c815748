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
