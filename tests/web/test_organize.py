"""组织委员的页面 in a real browser: the organizing member issues a task from the form
and it exists; anyone else's attempt is refused by the core, in Chinese; invitation cards
for the people without an account print eight to an A4 page, each QR code drawing the
``/join`` link with its code, which a person accepts and then logs in with; the list of
who has not logged in changes after a login."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from adapters.app import open_app
from adapters.web.invitations import PER_SHEET
from dangjian_core.kernel.ids import PersonId
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from tests import chromium, support
from tests.http.conftest import PASSWORD
from tests.http.served import login, prepare, serving
from tests.web.conftest import DESKTOP, MEMBERS, PHONE, artifacts, log_in, open_page
from tests.web.test_public import encodes

#: Villagers registered without an account, beside the two of the test village.
NEWCOMERS = {f"cun-{i:02d}": f"村民{i:02d}" for i in range(1, 10)}
A4 = (595.3, 841.9)  # points


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test village (accounts for :data:`MEMBERS`) with nine more villagers on the
    roll who have none, served."""
    folder = tmp_path_factory.mktemp("organize")
    url = f"sqlite:///{folder / 'village.db'}"
    prepare(url, MEMBERS)
    with open_app(url) as app:
        for person_id, name in NEWCOMERS.items():
            app.handle(
                RegisterPerson(PersonId(person_id), support.BRANCH, name, PartyStatus.VILLAGER,
                               date(2020, 9, 1), support.TOWN, support.FOUNDED)
            )  # fmt: skip
    with serving(url, workers=1) as base:
        yield base


def fill_task(page: Any, title: str) -> None:
    """The task form, filled in as the organizer would."""
    deadline = (date.today() + timedelta(days=7)).isoformat() + "T18:00"
    page.get_by_label("标题").fill(title)
    page.get_by_label("类别").fill("环境卫生整治")
    page.get_by_label("每人得分").fill("5")
    page.get_by_label("名额（人）").fill("3")
    page.get_by_label("截止时间").fill(deadline)
    page.get_by_label("入党申请人、积极分子、发展对象").check()
    page.get_by_label("志愿者、群众").check()


def branch_tasks(base: str) -> list[dict[str, Any]]:
    client, _ = login(base, "lv-zw")
    try:
        answer = client.get("/branches/paixilv/tasks")
    finally:
        client.close()
    answer.raise_for_status()
    return list(answer.json())


def test_the_organizer_issues_a_task_from_the_page_and_it_exists(browser: Any, site: str) -> None:
    page = open_page(browser, site, PHONE)
    log_in(page, "lv-zw")
    page.goto("/organize")
    page.screenshot(path=artifacts() / "organize-360.png", full_page=True)
    page.get_by_role("link", name="发布任务").click()
    fill_task(page, "清理村口垃圾")
    page.screenshot(path=artifacts() / "organize-task-360.png", full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="发布任务").click()
    said = page.get_by_role("status").inner_text()
    page.screenshot(path=artifacts() / "organize-task-issued-360.png", full_page=True)
    (task,) = [t for t in branch_tasks(site) if t["title"] == "清理村口垃圾"]

    assert said.startswith("已发布任务「清理村口垃圾」")
    assert task["task_id"] in said
    assert task["task_id"].startswith(f"paixilv-{date.today().year}-")
    assert (5, 3) == (task["points"], task["slots"])
    assert "lv-zw" == task["issued_by"]
    page.context.close()


def test_sending_the_task_form_again_issues_it_once(browser: Any, site: str) -> None:
    page = open_page(browser, site, DESKTOP)
    log_in(page, "wang-sj")
    page.goto("/organize/paixilv/task")
    fill_task(page, "慰问困难户")
    with page.expect_navigation():
        page.get_by_role("button", name="发布任务").click()
    first = page.get_by_role("status").inner_text()
    page.reload()  # the browser sends the same form again
    again = page.get_by_role("status").inner_text()
    page.screenshot(path=artifacts() / "organize-task-1280.png", full_page=True)

    assert first == again
    assert 1 == sum(t["title"] == "慰问困难户" for t in branch_tasks(site))
    page.context.close()


def test_anyone_else_issuing_a_task_is_refused_by_the_core_in_chinese(
    browser: Any, site: str
) -> None:
    before = len(branch_tasks(site))
    page = open_page(browser, site, PHONE)
    log_in(page, "lv-lanzhi")
    page.goto("/organize")
    offered = page.locator("main").inner_text()
    page.goto("/organize/paixilv/task")
    fill_task(page, "我也想发任务")
    with page.expect_response("**/organize/paixilv/task") as sent:
        page.get_by_role("button", name="发布任务").click()
    refusal = page.get_by_role("alert").inner_text()
    page.screenshot(path=artifacts() / "organize-task-refused-360.png", full_page=True)
    lists = page.goto("/organize/paixilv/logins")

    assert "不担任书记或组织委员" in offered
    assert 403 == sent.value.status
    assert "lv-lanzhi 无权发布任务" in refusal
    assert before == len(branch_tasks(site))
    assert lists is not None
    assert 403 == lists.status
    page.context.close()


def test_invitation_cards_print_eight_to_an_a4_page_and_open_an_account(
    browser: Any, site: str
) -> None:
    page = open_page(browser, site, DESKTOP)
    log_in(page, "lv-zw")
    page.goto("/organize/paixilv/invitations")
    offered = page.locator("input[name=people]")
    count = offered.count()
    page.screenshot(path=artifacts() / "organize-invitations-1280.png", full_page=True)
    for index in range(count):
        offered.nth(index).check()
    with page.expect_response("**/organize/paixilv/invitations") as answered:
        page.get_by_role("button", name="发邀请、打印邀请卡").click()
    cards = page.locator("article.invite-card")
    links = cards.locator(".card-link").all_inner_texts()
    drawn = [
        cards.nth(i).locator("svg path[stroke]").get_attribute("d") or "" for i in range(count)
    ]
    page.screenshot(path=artifacts() / "organize-cards-1280.png", full_page=True)
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (artifacts() / "organize-cards.pdf").write_bytes(pdf)
    page.set_viewport_size(PHONE)
    page.screenshot(path=artifacts() / "organize-cards-360.png", full_page=True)
    cards.nth(0).screenshot(path=artifacts() / "organize-card-360.png")

    assert 2 + len(NEWCOMERS) == count == len(links)
    assert "no-store" == answered.value.headers["cache-control"]
    assert all(link.startswith(f"{site}/join?code=inv-") for link in links)
    assert all(encodes(path, link) for path, link in zip(drawn, links, strict=True))
    assert math.ceil(count / PER_SHEET) == chromium.page_count(pdf)
    assert all(abs(w - A4[0]) < 1.5 and abs(h - A4[1]) < 1.5 for w, h in chromium.media_boxes(pdf))

    person_id = cards.nth(0).locator(".card-id").inner_text()
    newcomer = open_page(browser, site, PHONE)
    newcomer.goto(links[0])
    newcomer.get_by_label("新密码(至少8位，不要只用数字)").fill("xin-mima-2026")
    newcomer.get_by_label("再输一遍").fill("xin-mima-2026")
    newcomer.get_by_role("button", name="确定").click()
    accepted = newcomer.get_by_role("status").inner_text()
    log_in(newcomer, person_id, "xin-mima-2026")
    newcomer.wait_for_url(lambda url: "/login" not in url)

    assert f"请用编号 {person_id} 和新密码登录" in accepted
    assert ["dangjian_session"] == [c["name"] for c in newcomer.context.cookies()]
    page.context.close()
    newcomer.context.close()


def test_the_not_logged_in_list_changes_after_a_login(browser: Any, site: str) -> None:
    page = open_page(browser, site, PHONE)
    log_in(page, "wang-sj")
    page.goto("/organize/paixilv/logins")
    before = page.locator("#not-logged-in").inner_text()
    page.screenshot(path=artifacts() / "organize-logins-360.png", full_page=True)
    with httpx.Client(base_url=site) as reviewer:
        answer = reviewer.post("/auth/login", json={"person_id": "hu-wy", "password": PASSWORD})
        assert 200 == answer.status_code
    page.reload()
    after_waiting = page.locator("#not-logged-in").inner_text()
    after_came = page.locator("#logged-in").inner_text()
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=artifacts() / "organize-logins-1280.png", full_page=True)

    assert "胡文渊" in before
    assert "胡文渊" not in after_waiting
    assert "胡文渊" in after_came
    assert "hu-wy" not in page.content()
    page.context.close()
