"""网页入口 — the pages, mounted on the HTTP application: their routers, the vendored
static files (no CDN: the village may have no internet), and what a page does when the
visitor has not logged in or a form was forged."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from adapters.web import (
    hall,
    invitations,
    judging,
    live,
    login,
    mine,
    objections,
    organize,
    organize_people,
    organize_tasks,
    photos,
    pledges,
    points,
    public,
    public_boards,
    public_campaigns,
    public_commitments,
    public_contests,
    public_development,
    public_duties,
    public_matters,
    review,
    verify_points,
    vetting,
)
from adapters.web.session import FormForged, LoginRequired, login_path
from adapters.web.templates import render

STATIC = Path(__file__).with_name("static")

#: Every page module's router, in the order their paths are matched.
ROUTERS = (
    login.router,
    live.router,
    hall.router,
    mine.router,
    points.router,
    pledges.router,
    review.router,
    photos.router,
    organize.router,
    organize_tasks.router,
    organize_people.router,
    vetting.router,
    invitations.router,
    public.router,
    public_boards.router,
    public_commitments.router,
    public_contests.router,
    judging.router,
    public_campaigns.router,
    public_duties.router,
    public_development.router,
    public_matters.router,
    objections.router,
    verify_points.router,
)


def install(api: FastAPI) -> None:
    """Serve the pages and their static files on ``api``."""
    api.mount("/static", StaticFiles(directory=STATIC), name="static")
    api.add_exception_handler(LoginRequired, _to_login)
    api.add_exception_handler(FormForged, _forged)
    for router in ROUTERS:
        api.include_router(router)


def _to_login(_request: Request, error: Exception) -> Response:
    assert isinstance(error, LoginRequired)
    return RedirectResponse(login_path(error.next_path), status_code=303)


def _forged(request: Request, _error: Exception) -> Response:
    return render(
        request,
        "refused.html",
        status=403,
        title="表单已失效",
        zh="这个表单已失效或不是从本站提交的，请返回刷新后再试。",
        en="The form has expired or was not sent from this site.",
    )
