"""公示页 in a real browser, without logging in: the points wall, the star board and the
development list under notice show names, points and stars — never an id, a phone or an
ID number, and a name written as HTML stays text; each shows the signed checkpoint that
covers it and a QR code of its own address; an objection filed on the page gets a
receipt number while the objector's name and contact appear on no public page; one
address may send only so many objections an hour."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from adapters.app import open_app
from adapters.audit.checkpoints import VerifierKey, verify
from adapters.audit.cut import cut_checkpoint
from adapters.audit.keys import generate, load
from adapters.web.objections import PER_HOUR
from adapters.web.qr import matrix
from dangjian_core.development.commands import PostNotice
from dangjian_core.kernel.ids import PersonId
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.ratings.commands import FixRating, ProposeRating, SetStarStandard
from dangjian_core.ratings.events import RatedKind
from dangjian_core.tasks.events import Audience
from tests import support
from tests.adapters.development_story import closed, dev, earn, propose
from tests.calendars import declare_around
from tests.http.served import login, prepare, serving
from tests.web.conftest import DESKTOP, MEMBERS, PHONE, artifacts, open_page

#: A person whose name is HTML, with a phone and an ID number on record.
HOSTILE_ID = "zj330781"
HOSTILE_NAME = "<img src=x onerror=alert(1)>吕某"
PHONE_NUMBER = "13912345678"
ID_NUMBER = "110101199003071233"
#: What no public page may show: ids of people, their phone, their ID number.
SECRETS = (HOSTILE_ID, PHONE_NUMBER, ID_NUMBER, "lv-lanzhi", "lv-baoyou", "wang-sj")
YEAR = 2021


def build(url: str, folder: Path) -> VerifierKey:
    """The test village with points, a star board, a development list under notice from
    today, and a checkpoint over all of it; returns the key that signed it."""
    prepare(url, MEMBERS)
    with open_app(url) as app:
        app.handle(
            RegisterPerson(
                PersonId(HOSTILE_ID), support.BRANCH, HOSTILE_NAME, PartyStatus.ACTIVIST,
                date(2020, 9, 1), support.TOWN, support.FOUNDED,
                contact=PHONE_NUMBER, id_number=ID_NUMBER,
            )
        )  # fmt: skip
        earn(app, "T3", (Audience.ACTIVISTS,), {HOSTILE_ID: 4})
        closed(app, quota=2)
        rate(app)
        app.handle(propose())
        now = app.now()
        declare_around(app, now.date(), support.BRANCH, support.SECRETARY, now)
        app.handle(dev(PostNotice, support.ORGANIZER, now, posted_on=now.date()))
        verifier = generate(folder / "key.pem", "paixilv-test")
        name, key = load(folder / "key.pem")
        cut_checkpoint(app.store, name, key, "公示", now)
    return verifier


def rate(app: Any) -> None:
    """The town's standard for 2021's members; 吕宝有 97 (five stars) and the hostile
    name 75 (two), fixed after the posting period."""
    at = support.later(24 * 90)
    app.handle(
        SetStarStandard(support.BRANCH, YEAR, RatedKind.MEMBER, 100, (60, 70, 80, 90, 96),
                        support.TOWN, at)
    )  # fmt: skip
    for subject, score in ((support.MEMBER, 97), (HOSTILE_ID, 75)):
        app.handle(
            ProposeRating(support.BRANCH, YEAR, RatedKind.MEMBER, subject, score,
                          support.SECRETARY, at)
        )  # fmt: skip
    for subject in (support.MEMBER, HOSTILE_ID):
        app.handle(
            FixRating(support.BRANCH, YEAR, RatedKind.MEMBER, subject, support.SECRETARY,
                      at + timedelta(days=10))
        )  # fmt: skip


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, VerifierKey, str]]:
    """The served village (base URL), the checkpoint's verifier key, and the store URL."""
    folder = tmp_path_factory.mktemp("public")
    url = f"sqlite:///{folder / 'village.db'}"
    verifier = build(url, folder)
    with serving(url, workers=1) as base:
        yield base, verifier, url


PAGES = {
    "public-index": "/public",
    "public-wall": "/public/paixilv/wall",
    "public-stars": "/public/paixilv/stars",
    "public-development": "/public/paixilv/development",
}


def from_address(base: str, address: str) -> httpx.Client:
    """A client whose requests come from another loopback address (its own rate limit)."""
    return httpx.Client(
        base_url=base, transport=httpx.HTTPTransport(local_address=address), timeout=30
    )


def dark_modules(path: str) -> set[tuple[int, int]]:
    """The (row, column) of every dark module a segno SVG path draws (``h`` strokes)."""
    found: set[tuple[int, int]] = set()
    x = y = 0.0
    for op, a, b in re.findall(r"([Mmh])\s*(-?[\d.]+)(?:[\s,]+(-?[\d.]+))?", path):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            found |= {(int(y), int(x) + i) for i in range(int(float(a)))}
            x += float(a)
    return found


def encodes(svg_path: str, text: str) -> bool:
    """Whether the drawn QR code is the one of ``text`` (module for module)."""
    expected = {(r, c) for r, row in enumerate(matrix(text)) for c, dark in enumerate(row) if dark}
    return dark_modules(svg_path) == expected


def no_sideways_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_every_public_page_opens_without_login_fits_a_phone_and_shows_nothing_personal(
    browser: Any, village: tuple[str, VerifierKey, str]
) -> None:
    base = village[0]
    alerts: list[str] = []
    for screen, width in ((PHONE, 360), (DESKTOP, 1280)):
        page = open_page(browser, base, screen)
        page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
        for name, path in PAGES.items():
            answer = page.goto(path)
            assert answer is not None
            assert 200 == answer.status, path
            html = page.content()
            assert [s for s in SECRETS if s in html] == [], path
            assert "政治面貌" not in html
            assert 0 == page.locator("main img").count()
            assert no_sideways_scroll(page), f"{path} scrolls sideways at {width}px"
            page.screenshot(path=artifacts() / f"{name}-{width}.png", full_page=True)
        assert alerts == []
        page.context.close()


def test_the_wall_shows_the_figures_and_a_name_written_as_html_stays_text(
    browser: Any, village: tuple[str, VerifierKey, str]
) -> None:
    page = open_page(browser, village[0])
    page.goto("/public/paixilv/wall")
    rows = page.locator("table.board tbody tr").all_inner_texts()
    by_name = {row.split("\t")[1]: row.split("\t") for row in rows}

    assert "派溪吕村党支部积分墙" == page.locator("h1").inner_text()
    assert "5" == by_name["吕兰枝"][2]
    assert "4" == by_name[HOSTILE_NAME][2]
    assert "3" == by_name["吕星灿"][2]
    assert "2021年10月—2022年9月" in page.locator(".board-info").inner_text()
    assert "（2021-10）" not in page.content()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page.content()
    page.context.close()


def test_the_star_board_lists_fixed_ratings_by_stars(
    browser: Any, village: tuple[str, VerifierKey, str]
) -> None:
    page = open_page(browser, village[0])
    page.goto("/public/paixilv/stars")
    members = page.locator("section.board-section", has_text="党员").last
    rows = members.locator("tbody tr").all_inner_texts()

    assert f"派溪吕村党支部 {YEAR} 年度创星榜" == page.locator("h1").inner_text()
    assert ["五星\t吕宝有\t97", f"二星\t{HOSTILE_NAME}\t75"] == rows
    page.context.close()


def test_each_page_carries_a_qr_code_of_its_address_and_the_checkpoint_that_covers_it(
    browser: Any, village: tuple[str, VerifierKey, str]
) -> None:
    base, verifier, url = village
    with open_app(url) as app:
        events = app.store.chain_at(app.store.max_position())
    page = open_page(browser, base)
    for path, address in (
        ("/public/paixilv/wall", f"{base}/public/paixilv/wall?cycle=2021-10"),
        ("/public/paixilv/stars", f"{base}/public/paixilv/stars?year={YEAR}"),
        ("/public/paixilv/development", f"{base}/public/paixilv/development?cycle=2021-10"),
    ):
        page.goto(path)
        drawn = page.locator(".proof-qr svg path[stroke]").get_attribute("d") or ""
        note = page.locator("pre.checkpoint").inner_text() + "\n"
        checkpoint, key = verify(note, [verifier])

        assert address == page.locator(".address").inner_text()
        assert encodes(drawn, address), path
        assert events is not None
        assert checkpoint.size == events.seq
        assert "paixilv-test" == key.name
        assert "本页的数据都在" in page.locator(".checkpoint-state").inner_text()
    page.context.close()


def test_an_objection_gets_a_receipt_and_its_filer_shows_nowhere_public(
    browser: Any, village: tuple[str, VerifierKey, str]
) -> None:
    base = village[0]
    page = open_page(browser, base)
    page.goto("/public/paixilv/development")
    page.get_by_label("对谁有意见").select_option(label=HOSTILE_NAME)
    page.get_by_label("意见内容").fill("经常不参加组织生活")
    page.get_by_label("您的姓名（不公布）").fill("吕大伯甲")
    page.get_by_label("您的电话或其他联系方式（不公布）").fill("13700001111")
    page.screenshot(path=artifacts() / "public-objection-form-360.png", full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="提交意见").click()
    receipt = page.locator("#receipt").inner_text()
    page.screenshot(path=artifacts() / "public-objection-receipt-360.png", full_page=True)
    shown = {path: httpx.get(f"{base}{path}").text for path in PAGES.values()}
    listed = page.goto("/public/paixilv/development")
    outcome = page.locator("section.board-section", has_text="异议及处理结果")

    assert re.fullmatch(r"\d{8}-\d{6}", receipt)
    assert "吕大伯甲" not in page.content()
    assert "13700001111" not in page.content()
    assert listed is not None
    assert 200 == listed.status
    assert "经常不参加组织生活" in outcome.inner_text()
    assert "调查中" in outcome.inner_text()
    assert [p for p, html in shown.items() if "吕大伯甲" in html or "13700001111" in html] == []
    for path in ("/views/dev_objections", "/views/dev_objection_contacts", "/events"):
        assert 401 == httpx.get(f"{base}{path}").status_code, path
    member, _ = login(base, "lv-lanzhi")
    try:
        contacts = member.get("/views/dev_objection_contacts")
        rows = member.get("/views/dev_objections", params={"unit_id": "paixilv"}).text
        feed = member.get("/events", params={"after": 0, "limit": 1000}).text
    finally:
        member.close()
    assert 404 == contacts.status_code
    assert "13700001111" not in rows
    assert "13700001111" not in feed
    # not even the objector's name reaches another member through the API
    assert "吕大伯甲" not in rows
    assert "(不公开)" in rows
    assert "吕大伯甲" not in feed
    assert "本页还用到其后新增的 1 条记录" in page.locator(".checkpoint-state").inner_text()
    page.context.close()


def test_sending_the_same_objection_form_again_files_it_once(
    village: tuple[str, VerifierKey, str],
) -> None:
    with from_address(village[0], "127.0.0.2") as client:
        form = objection_form(client)
        first = client.post("/public/paixilv/development/objections", data=form)
        again = client.post("/public/paixilv/development/objections", data=form)
        listed = client.get("/public/paixilv/development").text

    assert 200 == first.status_code == again.status_code
    assert form["receipt"] in first.text
    assert form["receipt"] in again.text
    assert 1 == listed.count("重复提交的意见")


def objection_form(client: httpx.Client, **fields: str) -> dict[str, str]:
    """The objection form of the development page, filled in."""
    page = client.get("/public/paixilv/development").text
    hidden = dict(re.findall(r'name="(cycle|proposal|receipt)" value="([^"]+)"', page))
    filled = {"rank": "1", "text": "重复提交的意见", "filer_name": "吕乙", "contact": "13600002222"}
    return {**hidden, **filled, **fields}


def test_one_address_may_send_only_so_many_objections_an_hour(
    village: tuple[str, VerifierKey, str],
) -> None:
    base = village[0]
    with from_address(base, "127.0.0.3") as client:
        answers = [
            client.post(
                "/public/paixilv/development/objections", data=objection_form(client, contact="")
            )
            for _ in range(PER_HOUR + 1)
        ]
    with from_address(base, "127.0.0.4") as other:
        elsewhere = other.post(
            "/public/paixilv/development/objections", data=objection_form(other, contact="")
        )

    assert [422] * PER_HOUR + [429] == [a.status_code for a in answers]
    assert "请填写「联系方式」" in answers[0].text
    assert "一小时内最多提交" in answers[-1].text
    assert 422 == elsewhere.status_code


def test_a_unit_or_period_with_nothing_posted_is_said_plainly(
    village: tuple[str, VerifierKey, str],
) -> None:
    base = village[0]
    unknown = httpx.get(f"{base}/public/no-such-unit/wall")
    no_year = httpx.get(f"{base}/public/paixilv/stars", params={"year": "1999"})
    no_cycle = httpx.get(f"{base}/public/paixilv/development", params={"cycle": "<b>"})

    assert 404 == unknown.status_code
    assert "组织 no-such-unit 不存在" in unknown.text
    assert 404 == no_year.status_code
    assert "这个年度没有公示内容" in no_year.text
    assert 404 == no_cycle.status_code
    assert "<b>" not in no_cycle.text
