"""页面模板 — the Jinja2 templates of every page, escaped by default, and the headers
every page carries: no script, style or frame from anywhere but this site, and nothing
personal kept in a shared cache."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from adapters.web.session import CSRF_FIELD, visitor

#: Only this site's own scripts, styles and images (QR codes are inline SVG).
POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@cache
def environment() -> Environment:
    """The templates, HTML-escaped unless a template says otherwise; an unknown name in a
    template is an error, not an empty string."""
    return Environment(
        loader=PackageLoader("adapters.web", "templates"),
        autoescape=select_autoescape(("html", "svg")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page: the template with the visitor (or None), their anti-forgery token and the
    current path, plus ``context``."""
    who = context.pop("who", None) or visitor(request)
    page = (
        environment()
        .get_template(template)
        .render(
            who=who,
            csrf=who.csrf if who is not None else "",
            csrf_field=CSRF_FIELD,
            path=request.url.path,
            **context,
        )
    )
    return HTMLResponse(page, status_code=status, headers=HEADERS)
