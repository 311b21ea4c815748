"""接口目录 — ``/docs``: every operation of the published OpenAPI on one plain page, in
Chinese and English, with no script and nothing fetched from elsewhere (the framework's
own pages load their scripts from a CDN, which a village office may not reach). The
machine-readable description stays at ``/openapi.json``."""

from __future__ import annotations

from html import escape
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · 接口目录</title>
<style>
body {{ font: 16px/1.5 "Noto Sans CJK SC", sans-serif; margin: 1em auto; max-width: 60em; padding: 0 1em; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
th:first-child {{ width: 4em; }} th:nth-child(2) {{ width: 40%; }}
th, td {{ border-bottom: 1px solid #ddd; padding: .3em .5em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }}
code {{ font-size: .95em; }} h2 {{ margin-top: 1.5em; }}
</style></head>
<body><main><h1>{title} · 接口目录 API</h1>
<p>{description}</p>
<p>机器可读的描述 / machine-readable: <a href="{openapi}">{openapi}</a></p>
{sections}</main></body></html>"""


def _sections(spec: dict[str, Any]) -> str:
    groups: dict[str, list[str]] = {}
    for path, operations in spec.get("paths", {}).items():
        for method, operation in operations.items():
            tag = (operation.get("tags") or ["其他 other"])[0]
            summary = escape(str(operation.get("summary", "")))
            row = f"<tr><td><code>{method.upper()}</code></td><td><code>{escape(path)}</code></td><td>{summary}</td></tr>"
            groups.setdefault(tag, []).append(row)
    return "".join(
        f"<h2>{escape(tag)}</h2><table><tr><th>方法</th><th>地址</th><th>说明</th></tr>{''.join(rows)}</table>"
        for tag, rows in groups.items()
    )


@router.get("/docs")
def index(request: Request) -> HTMLResponse:
    """The operations, grouped by tag."""
    spec = request.app.openapi()
    info = spec.get("info", {})
    page = _PAGE.format(
        title=escape(str(info.get("title", ""))),
        description=escape(str(info.get("description", ""))),
        openapi=escape(request.app.openapi_url or "/openapi.json"),
        sections=_sections(spec),
    )
    return HTMLResponse(page)
