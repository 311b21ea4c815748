"""照片 — the photos attached to a completion: checked by their content (a JPEG, PNG or
WebP by its first bytes, whatever the file is called), at most :data:`MAX_PHOTOS` of at
most :data:`MAX_BYTES` each, kept by their SHA-256 in the store's photo tables
(:mod:`adapters.storage.uploads`), and shown at ``/photos/<sha256>`` only to logged-in
people of a branch whose member uploaded it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.storage.uploads import StoredPhoto
from adapters.web.acting import app_of, person_row
from adapters.web.session import member
from adapters.web.templates import render
from dangjian_core.kernel.errors import InvalidCommand

router = APIRouter(include_in_schema=False)

MAX_PHOTOS = 9
MAX_BYTES = 8 * 1024 * 1024
#: The largest upload request: every photo at its limit, and room for the note and fields.
MAX_REQUEST = MAX_PHOTOS * MAX_BYTES + 256 * 1024

#: What a photo's first bytes say it is (WebP: ``RIFF`` + size + ``WEBP``).
_KINDS = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"))
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
_SHA256 = re.compile(r"[0-9a-f]{64}")


class PhotoRefused(InvalidCommand):
    """照片不合要求 — an upload of the wrong kind, too large, or too many."""

    code = "photo"


def media_type(data: bytes) -> str | None:
    """The image type the bytes begin with, or None for anything else."""
    for magic, kind in _KINDS:
        if data.startswith(magic):
            return kind
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def checked(files: Sequence[tuple[str, bytes]]) -> list[StoredPhoto]:
    """The uploads as photos to keep, or :class:`PhotoRefused` naming the first at fault
    (each file's bytes read up to one byte past the limit)."""
    if len(files) > MAX_PHOTOS:
        raise PhotoRefused(
            f"最多只能上传 {MAX_PHOTOS} 张照片，这次选了 {len(files)} 张",
            f"at most {MAX_PHOTOS} photos, {len(files)} sent",
        )
    photos = []
    for name, data in files:
        if len(data) > MAX_BYTES:
            raise PhotoRefused(
                f"照片「{name}」太大了：每张不能超过 {MAX_BYTES // (1024 * 1024)} MB",
                f"photo {name!r} is larger than {MAX_BYTES} bytes",
            )
        kind = media_type(data)
        if kind is None:
            raise PhotoRefused(
                f"「{name}」不是照片：只收 JPEG、PNG 或 WebP 格式的图片",
                f"{name!r} is not a JPEG, PNG or WebP image (by its content)",
            )
        photos.append(StoredPhoto(hashlib.sha256(data).hexdigest(), kind, len(data), data))
    return photos


@router.get("/photos/{sha256}")
def photo(request: Request, sha256: str) -> Response:
    """A photo, for a logged-in person of a branch whose member uploaded it; anyone else
    is told it does not exist (a hash reveals nothing)."""
    who = member(request)
    found = None
    if _SHA256.fullmatch(sha256):
        branch = str(person_row(request, who.person_id)["branch_id"])
        with app_of(request).store.secrets() as kept:
            uploads = kept.uploads()
            if branch in uploads.branches(sha256):
                found = uploads.photo(sha256)
    if found is None:
        return render(
            request,
            "refused.html",
            status=404,
            title="照片不存在",
            zh="没有这张照片，或者它不是本支部的照片。",
            en="No such photo, or not one of this branch's.",
        )
    extension = _EXTENSIONS[found.media_type]
    return Response(
        found.data,
        media_type=found.media_type,
        headers={
            "Content-Disposition": f'inline; filename="{sha256[:16]}.{extension}"',
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Cache-Control": "private, max-age=86400",
        },
    )
