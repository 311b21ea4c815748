"""我的任务 — the person's claims and where each stands, and the form that submits a
completion with a note and photos. The photos are checked by their content and size
before anything is kept (:mod:`adapters.web.photos`), kept by their SHA-256, and their
hashes go into ``SubmitCompletion``; when the command is refused, the photos this request
kept are given back, so a refusal leaves nothing behind."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from adapters.identity import Principal
from adapters.storage.uploads import StoredPhoto
from adapters.web import photos
from adapters.web.acting import KEY_FIELD, act, app_of, form_key, person_row, status_of
from adapters.web.claims import my_claims
from adapters.web.session import CSRF_FIELD, check_form, member
from adapters.web.templates import render
from dangjian_core.kernel.errors import DangjianError
from dangjian_core.tasks.commands import SubmitCompletion

router = APIRouter(include_in_schema=False)

DONE = {
    "submitted": "已提交，等待审核。审核结果会显示在这里。",
    "withdrawn": "已撤回领办，名额已让给别人。",
    "left": "已放弃候补（或抽签）。",
}


@router.get("/mine")
def mine(request: Request, done: str = "") -> Response:
    """The person's claims, with the answer of the step just taken (if any)."""
    return _page(request, member(request), done=done)


@router.post("/mine/submit")
async def submit(request: Request) -> Response:
    """Submit a completion of one's own claim: a note and up to nine photos."""
    who = await run_in_threadpool(member, request)
    size = request.headers.get("content-length", "")
    if not size.isdigit() or int(size) > photos.MAX_REQUEST:
        refusal = photos.PhotoRefused(
            f"一次上传的内容太多：最多 {photos.MAX_PHOTOS} 张，每张不超过 8 MB",
            "the upload is too large or its length is unknown",
        )
        return await run_in_threadpool(_page, request, who, refusal=refusal, status=413)
    try:
        form = await request.form(max_files=photos.MAX_PHOTOS + 1, max_fields=20)
    except HTTPException:
        refusal = photos.PhotoRefused(
            f"最多只能上传 {photos.MAX_PHOTOS} 张照片", "too many files or fields in the form"
        )
        return await run_in_threadpool(_page, request, who, refusal=refusal)
    try:
        fields = {
            name: _text(form.get(name)) for name in (CSRF_FIELD, KEY_FIELD, "task_id", "note")
        }
        files = [
            (part.filename or "照片", await part.read(photos.MAX_BYTES + 1))
            for part in form.getlist("photos")
            if isinstance(part, UploadFile) and (part.filename or part.size)
        ]
    finally:
        await form.close()
    return await run_in_threadpool(_submit, request, who, fields, files)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _submit(
    request: Request, who: Principal, fields: dict[str, str], files: list[tuple[str, bytes]]
) -> Response:
    check_form(who, fields[CSRF_FIELD])
    try:
        kept = photos.checked(files)
        fresh = _keep(request, who, kept)
        try:
            act(
                request,
                who,
                SubmitCompletion,
                fields[KEY_FIELD],
                task_id=fields["task_id"],
                note=fields["note"].strip(),
                photos=tuple(photo.sha256 for photo in kept),
            )
        except DangjianError:
            _give_back(request, who, fresh)
            raise
    except DangjianError as refusal:
        return _page(request, who, refusal=refusal, refill=(fields["task_id"], fields["note"]))
    return RedirectResponse(f"/mine?done=submitted#claim-{fields['task_id']}", status_code=303)


def _keep(request: Request, who: Principal, kept: list[StoredPhoto]) -> list[str]:
    """Keep the photos as the person's; the hashes this request newly holds."""
    if not kept:
        return []
    app = app_of(request)
    branch = str(person_row(request, who.person_id)["branch_id"])
    at = app.now().isoformat()
    with app.store.secrets(write=True) as secrets:
        uploads = secrets.uploads()
        return [p.sha256 for p in kept if uploads.put(p, who.person_id, branch, at)]


def _give_back(request: Request, who: Principal, fresh: list[str]) -> None:
    if not fresh:
        return
    with app_of(request).store.secrets(write=True) as secrets:
        uploads = secrets.uploads()
        for sha256 in fresh:
            uploads.release(sha256, who.person_id)


def _page(
    request: Request,
    who: Principal,
    *,
    done: str = "",
    refusal: DangjianError | None = None,
    refill: tuple[str, str] = ("", ""),
    status: int | None = None,
) -> Response:
    now = app_of(request).now()
    code = status or (200 if refusal is None else status_of(refusal))
    return render(
        request,
        "mine.html",
        status=code,
        who=who,
        title="我的任务",
        claims=my_claims(request, who.person_id, now),
        key=form_key,
        done=DONE.get(done, ""),
        refusal=refusal,
        faster=[],
        refill=refill,
        max_photos=photos.MAX_PHOTOS,
    )
