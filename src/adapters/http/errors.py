"""HTTP 错误 — every refusal as a status and one JSON shape: the stable ``code``, the
message in Chinese (``zh``) and English (``en``), and for a malformed body the fields at
fault. Nothing was written when any of these is answered."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from adapters.identity.errors import (
    BadCredentials,
    Forbidden,
    LoginLocked,
    NotAuthenticated,
    TokenScope,
    WeakPassword,
)
from adapters.storage.errors import DuplicateCommandId, StoreBusy
from dangjian_core.accounts.state import InvitationInvalid
from dangjian_core.kernel.errors import (
    DangjianError,
    DomainError,
    InvalidCommand,
    Unauthorized,
    UnknownSubject,
)
from dangjian_core.tasks.state import SelfReview

#: Most specific first: the first class an error is an instance of gives its status.
STATUSES: tuple[tuple[type[DangjianError], int], ...] = (
    (BadCredentials, 401),
    (NotAuthenticated, 401),
    (Forbidden, 403),
    (TokenScope, 403),
    (LoginLocked, 429),
    (WeakPassword, 422),
    (InvitationInvalid, 400),
    (DuplicateCommandId, 422),
    (Unauthorized, 403),
    (SelfReview, 403),
    (UnknownSubject, 404),
    (InvalidCommand, 422),
    (StoreBusy, 503),
    (DomainError, 409),
)

#: The shape of every error answer (for OpenAPI).
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["code", "zh", "en"],
    "properties": {
        "code": {"type": "string", "description": "稳定的错误代码 / stable error code"},
        "zh": {"type": "string"},
        "en": {"type": "string"},
        "fields": {"type": "array", "items": {"type": "object"}},
    },
}


def status_of(error: DangjianError) -> int:
    """The HTTP status of a refusal (500 for a storage fault)."""
    return next((status for kind, status in STATUSES if isinstance(error, kind)), 500)


def error_body(error: DangjianError) -> dict[str, Any]:
    """The JSON answer of a refusal."""
    return {"code": error.code, "zh": error.zh, "en": error.en}


def _refused(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DangjianError)
    status = status_of(error)
    headers = {"Retry-After": "60"} if status in (429, 503) else None
    if status == 401:
        headers = {"WWW-Authenticate": 'Bearer realm="dangjian"'}
    return JSONResponse(error_body(error), status_code=status, headers=headers)


def _malformed(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    fields = [
        {
            "field": ".".join(str(part) for part in problem["loc"][1:]) or str(problem["loc"][0]),
            "problem": problem["msg"],
        }
        for problem in error.errors()
    ]
    named = "、".join(item["field"] for item in fields)
    body = {
        "code": "invalid",
        "zh": f"请求内容不对:{named}",
        "en": f"malformed request: {', '.join(item['field'] + ': ' + item['problem'] for item in fields)}",
        "fields": fields,
    }
    return JSONResponse(body, status_code=422)


#: The framework's own answers (no such path, method not allowed …) in the same shape.
_HTTP_CODES = {
    404: ("no_route", "没有这个地址", "no such path"),
    405: ("method_not_allowed", "不支持这种请求方法", "method not allowed"),
}


def _http(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    code, zh, en = _HTTP_CODES.get(error.status_code, ("http", "请求无法处理", str(error.detail)))
    body = {"code": code, "zh": zh, "en": en}
    return JSONResponse(body, status_code=error.status_code, headers=error.headers)


def install(app: FastAPI) -> None:
    """Answer every refusal of the library, every malformed request and the framework's
    own answers in one shape."""
    app.add_exception_handler(DangjianError, _refused)
    app.add_exception_handler(RequestValidationError, _malformed)
    app.add_exception_handler(StarletteHTTPException, _http)
