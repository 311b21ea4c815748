"""登录页 in a real browser: a wrong password is refused in Chinese and nothing else
happens; the right one sets an HttpOnly, SameSite cookie and sends the member home; a
forged logout form (no anti-forgery token) is refused; logging out ends the session."""

from __future__ import annotations

from typing import Any

import httpx

from tests.web.conftest import PHONE, artifacts, log_in, open_page


def test_a_wrong_password_is_refused_in_chinese(browser: Any, site: str) -> None:
    page = open_page(browser, site)
    log_in(page, "lv-lanzhi", "wrong-password")
    assert page.get_by_role("alert").inner_text().startswith("账号或密码不对")
    assert page.context.cookies() == []
    page.screenshot(path=artifacts() / "login-refused-360.png", full_page=True)
    page.context.close()


def test_the_right_password_opens_a_session_and_goes_home(browser: Any, site: str) -> None:
    page = open_page(browser, site, PHONE)
    page.goto("/login?next=/docs%3Ffrom%3Dlogin")
    page.get_by_label("编号（登录名）").fill("lv-lanzhi")
    page.get_by_label("密码").fill("qiang-mima-2021")
    with page.expect_navigation():
        page.get_by_role("button", name="登录").click()
    assert page.url.endswith("/docs?from=login")
    (cookie,) = page.context.cookies()
    assert cookie["name"] == "dangjian_session"
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    page.context.close()


def test_logout_needs_the_forms_token_and_ends_the_session(browser: Any, site: str) -> None:
    page = open_page(browser, site)
    log_in(page, "lv-xingcan")
    (cookie,) = page.context.cookies()
    jar = {cookie["name"]: cookie["value"]}
    forged = httpx.post(f"{site}/logout", cookies=jar, data={"csrf": "guess"})
    assert forged.status_code == 403
    assert "表单已失效" in forged.text
    page.goto("/login")
    page.get_by_role("button", name="退出").click()
    page.wait_for_url("**/login")
    after = httpx.get(f"{site}/", cookies=jar, follow_redirects=False)
    assert after.headers["location"] == "/login"
    page.context.close()


def test_next_never_leaves_the_site(site: str) -> None:
    page = httpx.get(f"{site}/login", params={"next": "//evil.example/x"})
    assert 'name="next" value="/"' in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
