"""职责公示页 without login: once the branch assigns a road chief, ``/public/paixilv/duties``
shows the road with the chief's name, the patrols and the gap since the last one (dated,
still open), and the enterprise register's coverage — on a phone and a desktop; before,
there is nothing to show."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx

from tests.http.served import login
from tests.support import CST
from tests.web.conftest import DESKTOP, PHONE, open_page
from tests.web.members import look

SECRETARY, CHIEF = "wang-sj", "lv-lanzhi"


def _command(site: str, actor: str, command: str, fields: dict[str, Any]) -> None:
    client, csrf = login(site, actor)
    try:
        answer = client.post(f"/commands/{command}", json=fields, headers={"X-CSRF-Token": csrf})
    finally:
        client.close()
    assert 200 == answer.status_code, answer.text


def test_a_road_chiefs_gap_is_on_the_public_page(browser: Any, site: str) -> None:
    before = httpx.get(f"{site}/public/paixilv/duties")
    today = datetime.now(CST).date()  # the server's day (same clock, 北京时间)
    since = today - timedelta(days=10)
    road = {
        "duty_id": "road-1", "unit_id": "paixilv", "kind": "road", "object_name": "村主干道",
        "details": "长约400米", "holder_id": CHIEF, "every": 3, "cadence": "day",
        "since": since.isoformat(),
    }  # fmt: skip
    _command(site, SECRETARY, "AssignDuty", road)
    patrol = {
        "duty_id": "road-1",
        "on": (since + timedelta(days=1)).isoformat(),
        "note": "路面整洁",
    }
    _command(site, SECRETARY, "LogPatrol", patrol)
    enterprise = {
        "unit_id": "paixilv",
        "enterprise_id": "e1",
        "name": "多德士工贸",
        "since": since.isoformat(),
    }
    _command(site, SECRETARY, "ListEnterprise", enterprise)

    page = open_page(browser, site, PHONE)
    page.goto("/public/paixilv/duties")
    text = page.locator("main").inner_text()

    assert "还没有落实的路长" in before.text
    assert "路长履职" in text
    assert "村主干道" in text
    assert CHIEF not in text
    assert f"{since + timedelta(days=4)}—{today}（仍未巡查）" in text
    assert "红色全覆盖" in text
    assert page.locator("svg").count() >= 1  # the page's own QR code
    look(page, "public-duties-360")
    desktop = open_page(browser, site, DESKTOP)
    desktop.goto("/public/paixilv/duties")
    look(desktop, "public-duties-1280")
    page.context.close()
    desktop.context.close()
