"""评委评分 — ``/judge``: for a judge on a phone, the contestant on stage in every contest
they judge, with one field per criterion (0–100); submitting records their sheet as
themself, at the server's time. The sheet is sealed until the round closes (现场亮分): the
page says only that it was submitted, never its marks, and a second different sheet is
refused (a correction, with its reason, is the command line's). A judge who must abstain
(the contestant of their own unit) is told so and offered no form; the core decides."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from adapters.identity import Principal
from adapters.views.contests import judge_stages
from adapters.web.acting import KEY_FIELD, act, app_of, form_key, status_of
from adapters.web.session import CSRF_FIELD, check_form, member
from adapters.web.templates import render
from dangjian_core.contests.commands import SubmitScore
from dangjian_core.kernel.errors import DangjianError, UnknownSubject

router = APIRouter(include_in_schema=False)


@router.get("/judge")
def judge(request: Request, done: str = "") -> Response:
    """The rounds open now in the contests the reader judges."""
    who = member(request)
    said = (
        "已提交评分。亮分前密封，任何人（包括你自己）都看不到分数；提交后不可更改。" if done else ""
    )
    return _page(request, who, done=said)


@router.post("/judge/score")
async def score(request: Request) -> Response:
    """Submit the reader's sheet for the contestant on stage."""
    who = member(request)
    form = await request.form()
    check_form(who, str(form.get(CSRF_FIELD, "")))
    contest_id, unit_id = str(form.get("contest_id", "")), str(form.get("unit_id", ""))
    try:
        stage = next(
            (s for s in judge_stages(app_of(request).store, who.person_id)
             if (s.contest_id, s.unit_id) == (contest_id, unit_id)),
            None,
        )  # fmt: skip
        if stage is None:
            raise UnknownSubject(
                f"{unit_id or '(未指定)'} 现在不在 {contest_id or '(未指定)'} 的台上",
                f"{unit_id!r} is not on stage in {contest_id!r}",
            )
        marks = tuple(
            (name, str(form.get(f"mark-{i}", "")).strip())
            for i, (name, _) in enumerate(stage.criteria, start=1)
        )
        key = str(form.get(KEY_FIELD, ""))
        act(request, who, SubmitScore, key, contest_id=contest_id, unit_id=unit_id, marks=marks)
    except DangjianError as refusal:
        return _page(request, who, refusal=refusal)
    query = urlencode({"done": "1"})
    return RedirectResponse(f"/judge?{query}", status_code=303)


def _page(
    request: Request, who: Principal, *, done: str = "", refusal: DangjianError | None = None
) -> Response:
    return render(
        request,
        "judge.html",
        status=200 if refusal is None else status_of(refusal),
        who=who,
        title="评委评分",
        stages=judge_stages(app_of(request).store, who.person_id),
        key=form_key,
        done=done,
        refusal=refusal,
    )
