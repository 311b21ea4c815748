"""攻坚看板公示页 without login: once the branch launches a campaign, ``/public/paixilv/
campaigns`` shows it for anyone — the counts per front, each problem with its leader's
name, its milestones' measured results — on a phone and a desktop; before, there is
nothing to show."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx

from tests.http.served import login
from tests.support import CST
from tests.web.conftest import DESKTOP, PHONE, open_page
from tests.web.members import look

SECRETARY, ACTIVIST = "wang-sj", "lv-lanzhi"


def _command(site: str, actor: str, command: str, fields: dict[str, Any]) -> None:
    client, csrf = login(site, actor)
    try:
        answer = client.post(f"/commands/{command}", json=fields, headers={"X-CSRF-Token": csrf})
    finally:
        client.close()
    assert 200 == answer.status_code, answer.text


def test_a_launched_campaign_is_on_the_public_dashboard(browser: Any, site: str) -> None:
    before = httpx.get(f"{site}/public/paixilv/campaigns")
    today = datetime.now(CST).date()  # the server's day (same clock, 北京时间)
    c = {"campaign_id": "gongjian"}
    p = {**c, "problem_id": "s316"}
    steps = [
        ("LaunchCampaign", {**c, "unit_id": "paixilv", "name": "三场硬仗",
                            "starts": today.isoformat(), "ends": f"{today.year + 1}-12-31"}),
        ("OpenFront", {**c, "front_id": "jiaotong", "name": "交通项目大会战"}),
        ("ListProblem", {**p, "front_id": "jiaotong", "title": "S316省道政策处理"}),
        ("ListProblem", {**p, "problem_id": "yongyi", "front_id": "jiaotong", "title": "永义公路"}),
        ("FormTaskForce", {**p, "leader_id": SECRETARY, "since": today.isoformat()}),
        ("JoinTaskForce", {**p, "person_id": ACTIVIST, "capacity": "young_cadre",
                           "home_unit_id": "paixilv", "since": today.isoformat()}),
        ("StartProblem", {**p, "on": today.isoformat()}),
        ("SetMilestone", {**p, "milestone_no": 1, "title": "坟墓迁移", "target": "231",
                          "due": (today + timedelta(days=30)).isoformat(), "measure": "穴"}),
    ]  # fmt: skip
    for command, fields in steps:
        _command(site, SECRETARY, command, fields)
    report = {**p, "milestone_no": 1, "achieved": "120", "on": today.isoformat()}
    _command(site, ACTIVIST, "ReportMilestoneProgress", {**report, "evidence": "迁坟台账"})

    page = open_page(browser, site, PHONE)
    page.goto("/public/paixilv/campaigns")
    text = page.locator("main").inner_text()

    assert "还没有发起的攻坚行动" in before.text
    assert "三场硬仗 攻坚看板" in text
    assert "交通项目大会战" in text
    assert "S316省道政策处理" in text
    assert "wang-sj" not in text
    assert "120穴/231穴" in text
    assert "未启动" in text
    assert page.locator("svg").count() >= 1  # the page's own QR code
    look(page, "public-campaigns-360")
    desktop = open_page(browser, site, DESKTOP)
    desktop.goto("/public/paixilv/campaigns")
    look(desktop, "public-campaigns-1280")
    page.context.close()
    desktop.context.close()
