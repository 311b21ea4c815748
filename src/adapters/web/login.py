"""登录页 — log in with the person's id and password, log out; the home address sends a
member to the task hall and a visitor to the login page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from adapters.identity import IdentityError
from adapters.web.session import (
    CSRF_FIELD,
    SESSION_COOKIE,
    check_form,
    clear_session_cookie,
    identity,
    member,
    safe_next,
    set_session_cookie,
    visitor,
)
from adapters.web.templates import render

router = APIRouter(include_in_schema=False)

#: Where a member lands after logging in, unless the login page was asked for by another.
HOME = "/hall"


@router.get("/")
def home(request: Request) -> Response:
    """The task hall for a member, the login page for anyone else."""
    return RedirectResponse(HOME if visitor(request) else "/login", status_code=303)


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> Response:
    """The login form."""
    return render(request, "login.html", title="登录", next=safe_next(next), error=None)


@router.post("/login")
def log_in(
    request: Request,
    person_id: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
    next: Annotated[str, Form(max_length=2000)] = HOME,
) -> Response:
    """Check the password; on success a new session and back to where the person was
    going (a path on this site only)."""
    address = request.client.host if request.client else "unknown"
    try:
        session = identity(request).login(person_id.strip(), password, address)
    except IdentityError as error:
        return render(
            request,
            "login.html",
            status=401 if error.code != "login_locked" else 429,
            title="登录",
            next=safe_next(next),
            error=error,
            person_id=person_id,
        )
    target = safe_next(next)
    response = RedirectResponse(HOME if target == "/" else target, status_code=303)
    set_session_cookie(request, response, session)
    return response


@router.post("/logout")
def log_out(request: Request, csrf: Annotated[str, Form(alias=CSRF_FIELD)] = "") -> Response:
    """End the session; back to the login page."""
    who = member(request)
    check_form(who, csrf)
    identity(request).logout(request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/login", status_code=303)
    clear_session_cookie(response)
    return response
