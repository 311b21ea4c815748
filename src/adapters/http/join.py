"""开户页 — where an invitation's link lands: a plain page, in Chinese, large type, no
script, that sets the password with the code in the link and says what to do next."""

from __future__ import annotations

from html import escape
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from adapters.http.auth import Door
from dangjian_core.kernel.errors import DangjianError

router = APIRouter(include_in_schema=False)

_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>设置密码 · 党建积分</title>
<style>
body {{ font: 20px/1.6 "Noto Sans CJK SC", sans-serif; margin: 1em; max-width: 32em; }}
input, button {{ font-size: 1em; width: 100%; padding: .5em; margin: .3em 0 1em; box-sizing: border-box; }}
button {{ background: #a61b1b; color: #fff; border: 0; border-radius: .3em; }}
.note {{ padding: .6em; border-radius: .3em; background: {tone}; }}
</style></head>
<body><main><h1>设置登录密码</h1>{note}{form}</main></body></html>"""

_FORM = """<form method="post" action="join">
<input type="hidden" name="code" value="{code}">
<label for="password">新密码(至少8位，不要只用数字)</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="8">
<label for="again">再输一遍</label>
<input id="again" name="again" type="password" autocomplete="new-password" required minlength="8">
<button type="submit">确定</button></form>"""


def _page(code: str, note: str = "", ok: bool = False) -> HTMLResponse:
    tone = "#e8f5e9" if ok else "#fff3e0"
    shown = f'<p class="note" role="status">{escape(note)}</p>' if note else ""
    form = "" if ok else _FORM.format(code=escape(code, quote=True))
    status = 200 if ok or not note else 400
    headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
    return HTMLResponse(_PAGE.format(note=shown, form=form, tone=tone), status, headers)


@router.get("/join", name="join_page")
def join_page(code: str = "") -> HTMLResponse:
    """The form to set a password with the invitation in the link."""
    return _page(code)


@router.post("/join")
async def join(request: Request, door: Door) -> HTMLResponse:
    """Set the password; say so, or say plainly what went wrong."""
    body = await request.body()
    fields = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")[:4096]).items()}
    code = fields.get("code", "")
    if fields.get("password", "") != fields.get("again", ""):
        return _page(code, "两次输入的密码不一样，请重输")
    try:
        person_id = door.accept(code, fields.get("password", ""))
    except DangjianError as refused:
        return _page(code, refused.zh)
    return _page(code, f"密码已设置。请用编号 {person_id} 和新密码登录。", ok=True)
