"""村务公开页 without login: 雅吕村's 十大民生实事, once resolved and published, is on
``/public/yalv/matters`` for anyone — the items, each step's 应到, 实到 and vote, the
period — and the result, once published, beside it; the objector's name and contact
never; a village with nothing published says so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from adapters.app import open_app
from adapters.http.app import create_app
from tests.calendars import declare_official
from tests.core import matters_given as m


@pytest.fixture
def client() -> Iterator[TestClient]:
    """雅吕村 with 十大民生实事 through 四议, both publications and an answered objection."""
    app = open_app("memory://")
    for command in (*m.setup_commands(), *m.rolls()):
        app.handle(command)
    declare_official(app, 2018, m.TOWN, m.COUNTY, m.DAY0)
    for command in (
        *m.resolved(),
        m.publish(),
        m.objection(),
        m.answer(),
        m.implement(),
        m.publish("publish_result", date(2018, 12, 3)),
    ):
        app.handle(command)
    yield TestClient(create_app(app))
    app.close()


def test_the_latest_publication_shows_and_links_the_resolution(client: TestClient) -> None:
    page = client.get("/public/yalv/matters")

    assert page.status_code == 200
    assert "2018年十大民生实事实施结果公开" in page.text
    assert "2018年12月3日至2018年12月7日（5个工作日）" in page.text
    assert "党员大会审议" in page.text
    assert "已协商置换菜地" in page.text
    assert "notice=minsheng-2018.publish_resolution" in page.text
    assert "13905791234" not in page.text
    assert "吕大伯" not in page.text


def test_the_resolution_is_shown_when_asked_for(client: TestClient) -> None:
    page = client.get("/public/yalv/matters?notice=minsheng-2018.publish_resolution")

    assert page.status_code == 200
    assert "2018年十大民生实事决议公开" in page.text
    assert "八份里大院创建电商小镇" in page.text


def test_a_publication_nobody_made_is_not_found(client: TestClient) -> None:
    assert client.get("/public/yalv/matters?notice=nothing.here").status_code == 404
    assert client.get("/public/nowhere/matters").status_code == 404


def test_a_village_with_nothing_published_says_so(client: TestClient) -> None:
    page = client.get("/public/xiangzhu/matters")

    assert page.status_code == 200
    assert "还没有公开的村务" in page.text


def test_the_public_index_links_the_villages_matters(client: TestClient) -> None:
    index = client.get("/public")

    assert 200 == index.status_code
    assert f'href="/public/{m.YALV}/matters"' in index.text
    assert "村务公开" in index.text
