"""每一页 — every page of the site, on a 360-px phone and a 1280-px desktop: a screenshot
kept among the test artifacts, nothing wider than the screen, no text drawn over text,
nothing its CSP refuses, every link, button and field reachable by Tab with a visible
focus outline, and no WCAG 2.0/2.1 A or AA violation found by axe-core.

The registry finds the pages by itself: every ``GET`` route of the page routers
(:data:`adapters.web.app.ROUTERS`) without path parameters, or with only ones the test
village has a value for (:data:`KNOWN`: ``{unit_id}`` is its branch), plus ``/join`` and
``/docs``, so a new page is checked as soon as it is mounted. Who looks at it is decided on the served
site: a page that sends a visitor to ``/login?next=…`` is looked at by a person logged
in (:data:`LOGIN_AS`, else the first of :data:`PEOPLE` it lets in); a route that answers
no HTML page (a redirect elsewhere, an event stream) is skipped, saying what it answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import APIRouter
from fastapi.routing import APIRoute

from adapters.web.app import ROUTERS
from adapters.web.session import SESSION_COOKIE
from tests.http.served import login
from tests.support import BRANCH
from tests.web import checks
from tests.web.conftest import DESKTOP, MEMBERS, PHONE

#: Pages served outside :mod:`adapters.web` (the invitation's page, the API's index).
OTHER_PAGES = ("/join", "/docs")
#: Path parameters the test village has a value for: its branch.
KNOWN = {"unit_id": str(BRANCH)}
#: Routes of the page routers that are no page (``/`` only redirects).
NOT_PAGES = frozenset({"/"})
#: Who looks at the pages under a path (the longest prefix wins); others, :data:`PEOPLE`.
LOGIN_AS = {"/review": "hu-wy", "/organize": "lv-zw"}
#: Tried in turn for a page that needs a login: an activist first, then the committee.
PEOPLE = ("lv-lanzhi", "lv-zw", "hu-wy", "wang-sj")
SCREENS = {"360": PHONE, "1280": DESKTOP}


def discovered(routers: Iterable[APIRouter] = ROUTERS) -> list[str]:
    """The paths of the site's pages: the page routers' GET routes whose path parameters
    are all in :data:`KNOWN` (filled in), then :data:`OTHER_PAGES`."""
    found: list[str] = []
    for router in routers:
        for route in router.routes:
            if not isinstance(route, APIRoute) or "GET" not in (route.methods or ()):
                continue
            names = re.findall(r"\{(\w+)[^}]*\}", route.path)
            if any(name not in KNOWN for name in names):
                continue
            path = re.sub(r"\{(\w+)[^}]*\}", lambda name: KNOWN[name[1]], route.path)
            if path not in NOT_PAGES and path not in found:
                found.append(path)
    return found + [path for path in OTHER_PAGES if path not in found]


#: The registry: every page checked below.
PAGES = discovered()


@dataclass(frozen=True)
class Visit:
    """How a page is looked at: by whom (None: a visitor) with which session cookie, or
    why the route is no page."""

    path: str
    who: str | None = None
    session: str | None = None
    not_a_page: str | None = None


def _answer(client: httpx.Client, path: str) -> tuple[int, str, str]:
    """Status, content type and Location of a GET, reading no body (a stream never ends)."""
    with client.stream("GET", path) as answer:
        kind = answer.headers.get("content-type", "")
        return answer.status_code, kind, answer.headers.get("location", "")


def _is_page(status: int, kind: str) -> bool:
    return status == 200 and kind.startswith("text/html")


def _people(path: str) -> list[str]:
    """Who to try for ``path``: the one named for its longest prefix, then the others."""
    prefixes = sorted((p for p in LOGIN_AS if path.startswith(p)), key=len, reverse=True)
    named = [LOGIN_AS[prefixes[0]]] if prefixes else []
    return named + [person for person in PEOPLE if person in MEMBERS and person not in named]


def visit(site: str, path: str) -> Visit:
    """Ask the served site how ``path`` answers a visitor, and a person if it must."""
    with httpx.Client(base_url=site, timeout=30) as anonymous:
        status, kind, location = _answer(anonymous, path)
    if _is_page(status, kind):
        return Visit(path)
    if not location.startswith("/login?next="):
        return Visit(path, not_a_page=f"answers {status} {kind} {location}".strip())
    tried = []
    for person in _people(path):
        client, _csrf = login(site, person)
        try:
            status, kind, location = _answer(client, path)
            session = client.cookies.get(SESSION_COOKIE)
        finally:
            client.close()
        if _is_page(status, kind):
            return Visit(path, person, session)
        if status == 200:
            return Visit(path, not_a_page=f"answers {person} {status} {kind}")
        tried.append(f"{person}: {status} {kind} {location}".strip())
    raise AssertionError(f"{path} shows none of {PEOPLE} a page: {tried}")


@pytest.fixture(scope="module")
def visits(site: str) -> Callable[[str], Visit]:
    """How each page is looked at on this module's site, asked once per page."""
    known: dict[str, Visit] = {}

    def look(path: str) -> Visit:
        if path not in known:
            known[path] = visit(site, path)
        return known[path]

    return look


def _wrong_password(page: Any) -> None:
    # Nobody's id: wrong passwords for a person count towards locking their account.
    page.get_by_label("编号（登录名）").fill("no-such-person")
    page.get_by_label("密码").fill("wrong-password")
    page.get_by_role("button", name="登录").click()
    page.get_by_role("alert").wait_for()


def _passwords_that_differ(page: Any) -> None:
    page.get_by_label("新密码", exact=False).fill("qiang-mima-2022")
    page.get_by_label("再输一遍").fill("qiang-mima-2023")
    page.get_by_role("button", name="确定").click()
    page.get_by_role("status").wait_for()


def _forged_form(page: Any) -> None:
    page.locator("form.logout input[type=hidden]").evaluate("field => { field.value = 'guess'; }")
    page.get_by_role("button", name="退出").click()
    page.get_by_role("alert").wait_for()


@dataclass(frozen=True)
class State:
    """A page as it looks after the person did something: opened at ``path`` (by ``who``,
    logged in), then ``act``."""

    name: str
    path: str
    who: str | None
    act: Callable[[Any], None]


#: Pages in the states a person meets besides the first look: refusals and answers.
STATES = (
    State("login-refused", "/login", None, _wrong_password),
    State("join-refused", "/join?code=not-a-code", None, _passwords_that_differ),
    State("form-refused", "/login", "lv-lanzhi", _forged_form),
)


def _slug(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


def _check(
    browser: Any, site: str, found: Visit, screen: dict[str, int], name: str, act: Any = None
) -> list[str]:
    """Every check's failures on the page (after ``act``); its screenshot kept."""
    page = checks.open_as_person(browser, site, screen, found.session)
    try:
        answer = page.goto(found.path)
        assert answer is not None, found.path
        assert 200 == answer.status, f"{found.path} answers {answer.status}"
        if act is not None:
            act(page)
        checks.screenshot(page, name)
        return _failures(
            page,
            checks.no_csp_violations,
            checks.no_horizontal_overflow,
            checks.no_text_overlap,
            checks.accessibility,
            checks.keyboard_reachable,
        )
    finally:
        page.context.close()


def _failures(page: Any, *steps: Callable[[Any], None]) -> list[str]:
    """Every check's failure, not only the first."""
    failed = []
    for step in steps:
        try:
            step(page)
        except AssertionError as error:
            failed.append(f"[{step.__name__}] {error}")
    return failed


@pytest.mark.parametrize("width", SCREENS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_fits_the_screen_and_is_accessible(
    browser: Any, site: str, visits: Callable[[str], Visit], path: str, width: str
) -> None:
    found = visits(path)
    if found.not_a_page:
        pytest.skip(f"{path} is no page: it {found.not_a_page}")
    failed = _check(browser, site, found, SCREENS[width], f"page-{_slug(path)}-{width}")
    who = f" as {found.who}" if found.who else ""
    assert not failed, f"{path} at {width} px{who}:\n" + "\n".join(failed)


@pytest.mark.parametrize("width", SCREENS)
@pytest.mark.parametrize("state", STATES, ids=lambda state: state.name)
def test_every_refusal_fits_the_screen_and_is_accessible(
    browser: Any, site: str, state: State, width: str
) -> None:
    session = None
    if state.who is not None:
        client, _csrf = login(site, state.who)
        session = client.cookies.get(SESSION_COOKIE)
        client.close()
    found = Visit(state.path, state.who, session)
    failed = _check(browser, site, found, SCREENS[width], f"page-{state.name}-{width}", state.act)
    assert not failed, f"{state.name} at {width} px:\n" + "\n".join(failed)


def test_the_registry_holds_todays_pages() -> None:
    assert {"/login", "/join", "/docs"} <= set(PAGES)
    assert "/" not in PAGES
    assert "/logout" not in PAGES  # a form's target, not a page


def test_a_new_page_joins_the_registry_by_itself() -> None:
    router = APIRouter()
    for path in ("/hall", "/hall/{task_id}", "/hall/events", "/public/{unit_id}/wall"):
        router.add_api_route(path, lambda: None, methods=["GET"])
    router.add_api_route("/hall/claim", lambda: None, methods=["POST"])
    expected = ["/hall", "/hall/events", "/public/paixilv/wall", "/join", "/docs"]
    assert expected == discovered([router])


def test_who_looks_at_a_page(site: str) -> None:
    assert Visit("/login") == visit(site, "/login")
    assert Visit("/docs") == visit(site, "/docs")
    assert "303" in str(visit(site, "/").not_a_page)
    assert ["hu-wy", "lv-lanzhi", "lv-zw", "wang-sj"] == _people("/review/pending")
    assert ["lv-zw", "lv-lanzhi", "hu-wy", "wang-sj"] == _people("/organize")
