"""The page checks themselves: each passes a plain, well-made page and fails a page broken
in the way it looks for — wider than the phone, text over text, a field without a label,
grey on white, a button with no focus outline or out of order, an inline style the CSP
refuses — naming what is wrong. The pages are served by the browser itself (a route on
an address no server has), with the headers the test gives them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.web import checks
from tests.web.conftest import PHONE, artifacts

SITE = "http://checks.test"
#: The pages' own policy (adapters.web.templates.POLICY), or none.
CSP = {"Content-Security-Policy": "default-src 'self'; style-src 'self'; script-src 'self'"}
SCRIPTS_FROM_SELF = {"Content-Security-Policy": "script-src 'self'"}
HTML = {"Content-Type": "text/html; charset=utf-8"}

STYLE = """
body { font: 18px/1.6 sans-serif; margin: 0; padding: 12px; color: #1a1a1a; background: #fff; }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #1a4fa0; }
input, button { font: inherit; }
"""
FINE = """
<h1>登录</h1>
<form><label for="who">编号</label> <input id="who" name="who">
<button type="submit">登录</button></form>
<p>还没有账号？请向支部书记要一张<a href="/card">邀请卡</a>。</p>
"""


def html(main: str, style: str = "") -> str:
    """A small Chinese page: ``main`` in its <main>, ``style`` after the fine style."""
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>检查</title><style>{STYLE}{style}</style></head>"
        f"<body><main>{main}</main></body></html>"
    )


Serve = Callable[..., Any]


@pytest.fixture
def serve(browser: Any) -> Iterator[Serve]:
    """Show a page in a new phone-sized browser, at :data:`SITE`, with ``headers``."""
    opened: list[Any] = []

    def show(body: str, headers: dict[str, str] | None = None) -> Any:
        page = checks.open_as_person(browser, SITE, PHONE)
        opened.append(page)
        sent = {**HTML, **(headers or {})}
        page.route(f"{SITE}/**", lambda route: route.fulfill(body=body, headers=sent))
        page.goto("/page")
        return page

    yield show
    for page in opened:
        page.context.close()


def test_a_fine_page_passes_every_check(serve: Serve) -> None:
    page = serve(html(FINE))
    checks.no_horizontal_overflow(page)
    checks.no_text_overlap(page)
    checks.keyboard_reachable(page)
    checks.no_csp_violations(page)
    checks.accessibility(page)


def test_overflow_names_what_sticks_out(serve: Serve) -> None:
    page = serve(html(FINE + '<div class="wide">宽表格</div>', ".wide { width: 500px; }"))
    with pytest.raises(
        AssertionError, match=r"(?s)page is \d+px wide.*div\.wide \"宽表格\" reaches x=5"
    ):
        checks.no_horizontal_overflow(page)


def test_a_long_word_that_does_not_wrap_overflows(serve: Serve) -> None:
    page = serve(
        html(FINE + "<p><code>/accounts/{person_id}/invitations/and/more/and/more</code></p>")
    )
    with pytest.raises(AssertionError, match="code"):
        checks.no_horizontal_overflow(page)


def test_an_element_past_the_edge_counts_even_if_the_body_hides_it(serve: Serve) -> None:
    style = "body { overflow-x: hidden; } .badge { position: absolute; left: 330px; width: 80px; }"
    page = serve(html(FINE + '<span class="badge">积分</span>', style))
    with pytest.raises(AssertionError, match=r"span\.badge \"积分\""):
        checks.no_horizontal_overflow(page)


def test_a_wide_table_in_its_own_scroll_box_is_no_overflow(serve: Serve) -> None:
    table = '<div class="scroll"><table><tr><td class="wide">长</td></tr></table></div>'
    page = serve(html(FINE + table, ".scroll { overflow-x: auto; } .wide { width: 600px; }"))
    checks.no_horizontal_overflow(page)


def test_overlap_names_both_texts(serve: Serve) -> None:
    style = ".badge { position: absolute; top: 20px; left: 20px; }"
    page = serve(html(FINE + '<p class="badge">名额已满</p>', style))
    with pytest.raises(
        AssertionError, match=r"h1 \"登录\" and p \"名额已满\"|p \"名额已满\" and h1"
    ):
        checks.no_text_overlap(page)


def test_lines_squeezed_together_overlap(serve: Serve) -> None:
    squeezed = "<p><span>第一行文字</span><br><span>第二行文字</span></p>"
    page = serve(html(squeezed, "p { line-height: 0.5; }"))
    with pytest.raises(AssertionError, match="第一行文字"):
        checks.no_text_overlap(page)


def test_text_over_a_field_overlaps(serve: Serve) -> None:
    style = "input { position: relative; left: -40px; }"
    page = serve(html(FINE, style))
    with pytest.raises(AssertionError, match=r"编号.*input|input.*编号"):
        checks.no_text_overlap(page)


def test_a_field_without_a_label_fails_axe(serve: Serve) -> None:
    page = serve(html(FINE.replace('<label for="who">编号</label>', "")))
    with pytest.raises(AssertionError, match=r"label \(critical\): .* — #who"):
        checks.accessibility(page)


def test_grey_on_white_fails_axe(serve: Serve) -> None:
    page = serve(html(FINE + '<p class="pale">浅灰色的说明</p>', ".pale { color: #aaa; }"))
    with pytest.raises(AssertionError, match=r"color-contrast \(serious\): .* — \.pale"):
        checks.accessibility(page)


def test_axe_runs_under_the_pages_strict_script_policy(serve: Serve) -> None:
    page = serve(html(FINE.replace('<label for="who">编号</label>', "")), SCRIPTS_FROM_SELF)
    with pytest.raises(AssertionError, match=r"label \(critical\)"):
        checks.accessibility(page)
    checks.no_csp_violations(page)
    with pytest.raises(PlaywrightError, match="Content Security Policy"):
        page.add_script_tag(content="window.inline = 1")


def test_axe_runs_in_a_page_with_no_site(browser: Any) -> None:
    page = browser.new_page(viewport=PHONE)
    try:
        page.set_content(html(FINE.replace('<label for="who">编号</label>', "")))
        with pytest.raises(AssertionError, match=r"label \(critical\)"):
            checks.accessibility(page)
    finally:
        page.close()


def test_a_button_with_no_focus_outline_fails(serve: Serve) -> None:
    page = serve(html(FINE, "button:focus-visible { outline: none; }"))
    with pytest.raises(
        AssertionError, match=r"<button type=\"submit\"> shows no focus outline \(none"
    ):
        checks.keyboard_reachable(page)


def test_a_focus_outline_the_colour_of_the_background_fails(serve: Serve) -> None:
    style = "form { background: #1a4fa0; } label { color: #fff; }"
    page = serve(html(FINE, style))
    with pytest.raises(AssertionError, match=r"contrast 1\.0:1"):
        checks.keyboard_reachable(page)


def test_a_jumbled_tab_order_fails(serve: Serve) -> None:
    page = serve(html(FINE.replace("<a href", '<a tabindex="1" href')))
    with pytest.raises(
        AssertionError, match=r"Tab 3: nothing has focus \(expected <a tabindex=\"1\""
    ):
        checks.keyboard_reachable(page)


def test_a_button_taken_out_of_the_tab_order_fails(serve: Serve) -> None:
    page = serve(html(FINE.replace('<button type="submit">', '<button tabindex="-1">')))
    with pytest.raises(AssertionError, match=r"Tab 2: <a href=\"/card\".* not <button tabindex"):
        checks.keyboard_reachable(page)


def test_an_inline_style_the_csp_refuses_fails(serve: Serve) -> None:
    page = serve(html(FINE), CSP)
    with pytest.raises(AssertionError, match="Content Security Policy"):
        checks.no_csp_violations(page)


def test_screenshots_are_kept_among_the_artifacts(serve: Serve) -> None:
    path = checks.screenshot(serve(html(FINE)), "checks-fine-360")
    assert artifacts() / "checks-fine-360.png" == path
    assert path.read_bytes().startswith(b"\x89PNG")


def test_a_date_and_time_field_takes_several_tabs(serve: Serve) -> None:
    field = '<label for="due">截止</label> <input id="due" type="datetime-local"> '
    page = serve(html(FINE.replace("<button", field + "<button")))
    checks.keyboard_reachable(page)


def test_a_group_of_radio_buttons_is_one_tab_stop(serve: Serve) -> None:
    group = (
        '<fieldset><legend>来源</legend><input type="radio" id="a" name="src" value="a">'
        '<label for="a">上级</label> <input type="radio" id="b" name="src" value="b" checked>'
        '<label for="b">本支部</label></fieldset>'
    )
    page = serve(html(FINE.replace("<button", group + "<button")))
    checks.keyboard_reachable(page)


def test_tabbing_starts_from_the_top_after_a_click(serve: Serve) -> None:
    page = serve(html(FINE))
    page.get_by_role("link", name="邀请卡").focus()
    checks.keyboard_reachable(page)


def test_axe_says_so_in_a_browser_that_runs_no_scripts(browser: Any) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.route(f"{SITE}/**", lambda route: route.fulfill(body=html(FINE), headers=HTML))
        page.goto(f"{SITE}/page")
        with pytest.raises(AssertionError, match="JavaScript turned off"):
            checks.accessibility(page, loads=500)
    finally:
        context.close()
