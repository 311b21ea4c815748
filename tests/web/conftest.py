"""The village's pages in a real browser: ``dangjian serve`` in a child process on a
SQLite store holding the test village (people with accounts, a task or two), and
headless Chromium (Debian's, driven by Playwright) on a phone-sized or desktop screen.
Screenshots of every page go to ``$DANGJIAN_TEST_ARTIFACTS`` (default
``test-artifacts/web``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import chromium
from tests.http.conftest import PASSWORD
from tests.http.served import prepare, serving

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
#: The village's people who have an account in the served store.
MEMBERS = ["lv-lanzhi", "lv-xingcan", "lv-zw", "hu-wy", "wang-sj"]

ARTIFACTS_ENV = "DANGJIAN_TEST_ARTIFACTS"


def artifacts() -> Path:
    """Where screenshots are kept (created)."""
    folder = Path(os.environ.get(ARTIFACTS_ENV, "test-artifacts/web"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium, or the tests skip (like the board printing tests)."""
    executable = chromium.browser()
    if executable is None:
        pytest.skip(chromium.SKIP_REASON)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=executable, headless=True, args=["--no-sandbox"]
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a server on a fresh village store (one per test module)."""
    folder = tmp_path_factory.mktemp("site")
    url = f"sqlite:///{folder / 'village.db'}"
    prepare(url, MEMBERS)
    with serving(url, workers=1) as base:
        yield base


def open_page(browser: Any, base: str, screen: dict[str, int] = PHONE) -> Any:
    """A new browser session (its own cookies) with one page on ``screen``."""
    context = browser.new_context(viewport=screen, base_url=base, locale="zh-CN")
    return context.new_page()


def log_in(page: Any, person_id: str, password: str = PASSWORD) -> None:
    """Log in on the login page, as the person would."""
    page.goto("/login")
    page.get_by_label("编号（登录名）").fill(person_id)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
