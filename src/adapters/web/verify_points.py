"""核验我的积分 — ``/verify/points/{person}?cycle=``: the page a person's QR code opens.

It lists the person's own ledger lines for the cycle and carries, in a data block, the
proof material (:func:`adapters.audit.points_proof.points_proof`): each line's event
record and inclusion proof under the posted checkpoint, and the consistency proof from
the checkpoint posted before. ``/static/verify_points.js`` checks it all in the browser
(WebCrypto SHA-256 and Ed25519) and says whether it holds; the server is not trusted.

The branch's verifier key is public: the page names the one in ``$DANGJIAN_VERIFIER_KEY``
(what the operator printed with ``dangjian audit key show``), and an address ending in
``#key=…`` (the printed card's QR code) overrides it. No one else's data is on the page.
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote

from attrs import frozen
from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.audit.points_proof import points_proof
from adapters.views.reading import read
from adapters.web.public import app_of, missing
from adapters.web.qr import qr_svg
from adapters.web.templates import render
from adapters.web.wording import period, signed, when
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.points.projections import KIND_NAMES

router = APIRouter(include_in_schema=False)

#: The branch's verifier key text, as inspectors pin it (public, not a secret).
KEY_ENV = "DANGJIAN_VERIFIER_KEY"
_CYCLE = re.compile(r"\d{4}-\d{2}")


@frozen
class ShownLine:
    """核验行 — a ledger line as the check page shows it."""

    position: int
    at: str
    what: str
    delta: str


def verify_address(request: Request, person_id: str, cycle: str) -> str:
    """The check page's address for a person and cycle (what their QR code carries)."""
    base = str(request.base_url).rstrip("/")
    return f"{base}/verify/points/{quote(person_id, safe='')}?cycle={cycle}"


def verify_qr(request: Request, person_id: str, cycle: str) -> object:
    """The QR code of the check page, for the points page and card."""
    return qr_svg(verify_address(request, person_id, cycle), "扫码核验我的积分")


@router.get("/verify/points/{person_id}")
def verify_points(request: Request, person_id: str, cycle: str = "") -> Response:
    """The person's lines for the cycle and the proofs the page's script checks."""
    app = app_of(request)
    with read(app.store) as views:
        known = views.select("people", {"person_id": person_id})
    if not known:
        return missing(request, UnknownSubject("没有这个人", f"no person {person_id}"))
    branch = str(known[0]["branch_id"])
    cycles = app.queries.cycles(branch)
    if not _CYCLE.fullmatch(cycle) or cycle not in cycles:
        cycle = cycles[-1] if cycles else ""
    explained = app.queries.explain(person_id, cycle) if cycle else None
    lines = [] if explained is None else explained.lines
    now = app.now()
    shown = [
        ShownLine(line.position, when(line.at, now), KIND_NAMES.get(line.kind, line.kind),
                  signed(line.delta))
        for line in lines
    ]  # fmt: skip
    data = (
        points_proof(app.store, explained)
        if explained is not None
        else {
            "checkpoint": None,
            "previous": None,
            "consistency": [],
            "entries": [],
            "unsigned": [],
        }
    )
    return render(
        request,
        "verify_points.html",
        title="核验我的积分",
        name=explained.name if explained else str(known[0].get("name", "")),
        label=period(cycle) if cycle else "",
        total=explained.total if explained else 0,
        lines=shown,
        data={**data, "key": os.environ.get(KEY_ENV, "").strip()},
    )
