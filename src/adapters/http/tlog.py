"""透明日志接口 — the log's Merkle tree over HTTP, for verifiers that trust nothing else.

Laid out after C2SP *tlog-tiles* where it fits: ``/log/checkpoint`` is the latest signed
checkpoint note, and ``/log/tile/<L>/<N>[.p/<W>]`` a tile of the tree's hashes (height 8:
the hashes of level ``8·L``, 256 to a full tile, ``N`` written in ``x``-prefixed groups of
three digits; 32 bytes each, concatenated). Entry bundles are not served: the events hold
personal data, and proofs below carry the one record they are about. The proofs are JSON:
``/log/proof/inclusion?position=P&size=S`` and ``/log/proof/consistency?old=M&new=N``,
hashes in base64 as in the notes. No login: hashes and signed checkpoints are public.
"""

from __future__ import annotations

import base64
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from adapters.audit.tree import (
    parse_tile_index,
    prove_consistency,
    prove_inclusion,
    tile_hashes,
)
from adapters.http.commands import app_of
from dangjian_core.kernel.errors import UnknownSubject

router = APIRouter(prefix="/log", tags=["透明日志 transparency log"])


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@router.get("/checkpoint", summary="最新检查点 / the latest signed checkpoint")
def checkpoint(request: Request) -> Response:
    """The latest checkpoint note, as text (404 before the first is cut)."""
    kept = app_of(request).store.read_checkpoints()
    if not kept:
        raise UnknownSubject("尚未签发检查点", "no checkpoint has been cut yet")
    return Response(kept[-1].note, media_type="text/plain; charset=utf-8")


@router.get("/tile/{level}/{path:path}", summary="哈希瓦片 / a tile of tree hashes")
def tile(request: Request, level: int, path: str) -> Response:
    """The hashes of tile ``N`` at tile level ``level`` (full, or the first ``W``)."""
    n, width = parse_tile_index(path)
    data = tile_hashes(app_of(request).store, level, n, width)
    if data is None:
        raise UnknownSubject("没有这个瓦片", f"no tile {level}/{path} at this size")
    return Response(data, media_type="application/octet-stream")


@router.get("/proof/inclusion", summary="包含证明 / an inclusion proof")
def inclusion(
    request: Request,
    position: Annotated[int, Query(ge=1, description="事件位置 / the event's position")],
    size: Annotated[int, Query(ge=1, description="树的大小 / the tree size")],
) -> dict[str, Any]:
    """The audit path of the event at ``position`` in the tree of ``size`` events."""
    store = app_of(request).store
    entry = store.chain_at(position)
    if entry is None:
        raise UnknownSubject(f"没有事件 {position}", f"no event at position {position}")
    return {
        "index": entry.seq - 1,
        "size": size,
        "proof": [_b64(h) for h in prove_inclusion(store, entry.seq - 1, size)],
    }


@router.get("/proof/consistency", summary="一致性证明 / a consistency proof")
def consistency(
    request: Request,
    old: Annotated[int, Query(ge=0, description="旧大小 / the older size")],
    new: Annotated[int, Query(ge=0, description="新大小 / the newer size")],
) -> dict[str, Any]:
    """The consistency proof from the tree of ``old`` events to the tree of ``new``."""
    proof = prove_consistency(app_of(request).store, old, new)
    return {"old": old, "new": new, "proof": [_b64(h) for h in proof]}
