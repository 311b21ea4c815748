"""HTTP 应用 — the FastAPI application over one :class:`~adapters.app.Dangjian`: login and
accounts, a ``POST`` per command, the read models, the event feed, the invitation page,
and the village's own pages (:mod:`adapters.web`). OpenAPI is at ``/openapi.json``;
``/docs`` lists it on a page that needs no CDN."""

from __future__ import annotations

import os

import anyio.to_thread
from fastapi import FastAPI

from adapters.app import Dangjian, open_app
from adapters.http import accounts, auth, commands, errors, feed, index, join, reads, tlog
from adapters.identity import Identity, LoginPolicy
from adapters.web import app as web

#: Environment of ``dangjian serve`` (and of any ASGI server started on :func:`from_env`).
STORE_ENV = "DANGJIAN_STORE"
SECURE_ENV = "DANGJIAN_SECURE_COOKIES"


def create_app(
    dangjian: Dangjian, *, secure_cookies: bool = False, policy: LoginPolicy | None = None
) -> FastAPI:
    """The HTTP application over an open :class:`Dangjian` (the caller closes it);
    ``secure_cookies`` marks the session cookie Secure (serve over HTTPS, or behind a
    proxy that does)."""
    api = FastAPI(
        # The framework's own pages fetch their scripts from a CDN: /docs is ours instead.
        docs_url=None,
        redoc_url=None,
        title="党建积分 dangjian",
        version="0.1.0",
        description=(
            "基层党建积分制的接口:登录、命令、读模型、事件流。操作人是登录的人，时间是服务器的时间。"
            " / The points system's API: the actor is who logged in, the time is the server's."
        ),
    )
    api.state.dangjian = dangjian
    api.state.identity = Identity(dangjian, policy)
    api.state.secure_cookies = secure_cookies
    api.router.on_startup.append(_fewer_threads)
    errors.install(api)
    for module in (auth, accounts, commands, reads, feed, join, index, tlog):
        api.include_router(module.router)
    web.install(api)
    return api


#: Threads per worker that run the (blocking) store calls. Starlette's default, 40, makes
#: the threads fight over the GIL and the store's few connections: a storm of requests
#: is answered faster queued in the event loop than switched between 40 threads.
THREADS = 8


async def _fewer_threads() -> None:
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS


def from_env() -> FastAPI:
    """The application on ``$DANGJIAN_STORE`` (what ``dangjian serve`` starts in each
    worker); ``$DANGJIAN_SECURE_COOKIES=1`` marks cookies Secure."""
    dangjian = open_app(os.environ.get(STORE_ENV) or None)
    secure = os.environ.get(SECURE_ENV, "") in ("1", "true", "yes")
    api = create_app(dangjian, secure_cookies=secure)
    api.router.on_shutdown.append(dangjian.close)
    return api
