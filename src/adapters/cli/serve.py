"""服务 — ``dangjian serve``: the HTTP API (:mod:`adapters.http`) on uvicorn, with as many
worker processes as asked, each opening the same store.

::

    $ dangjian --store paixilv.db serve --port 8000 --workers 2
"""

from __future__ import annotations

import os

import click
import uvicorn

from adapters.cli.runtime import current

#: The ASGI application factory each worker imports (the CLI never imports the HTTP
#: adapter itself: the two are siblings).
FACTORY = "adapters.http.app:from_env"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址 / address")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="工作进程数 / worker processes",
)
@click.option(
    "--secure-cookies",
    is_flag=True,
    help="会话 Cookie 只走 HTTPS / mark session cookies Secure (serve behind HTTPS)",
)
@click.option(
    "--proxy",
    "proxies",
    default="",
    metavar="ADDRESSES",
    help="信任其 X-Forwarded-For 的代理地址, 逗号分隔 / trusted reverse proxies",
)
def serve(host: str, port: int, workers: int, secure_cookies: bool, proxies: str) -> None:
    """启动网页和接口 — serve the pages (/) and the API (/openapi.json, listed at /docs)."""
    runtime = current()
    runtime.app()  # opened once here: a bad store is refused before serving
    os.environ["DANGJIAN_STORE"] = runtime.store
    os.environ["DANGJIAN_SECURE_COOKIES"] = "1" if secure_cookies else ""
    click.echo(
        f"党建积分网页 http://{host}:{port}/  接口说明 http://{host}:{port}/docs"
        f"  (事件库 {runtime.store}, {workers} 个进程)"
    )
    uvicorn.run(
        FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
        log_level="warning",
    )


COMMANDS = [serve]
