"""页面办事 — what every member page shares: the application, the logged-in person's
roll row (their branch), a form's command submitted as that person at the server's time,
and a refusal's status. A form names its command by a one-time ``key`` rendered into it,
so pressing the button twice (or going back and sending again) is answered, not applied
twice."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from fastapi import Request

from adapters.app import Dangjian
from adapters.app.handling import Outcome
from adapters.identity import Principal
from adapters.storage.errors import DuplicateCommandId, StoreBusy
from adapters.views.reading import one, read
from dangjian_core.kernel.errors import (
    DangjianError,
    DomainError,
    InvalidCommand,
    Unauthorized,
    UnknownSubject,
)
from dangjian_core.tasks.state import SelfReview

#: The hidden field naming a form's command (see :func:`form_key`).
KEY_FIELD = "key"

#: Most specific first: the first class a refusal is an instance of gives the page's status.
_STATUSES: tuple[tuple[type[DangjianError], int], ...] = (
    (Unauthorized, 403),
    (SelfReview, 403),
    (UnknownSubject, 404),
    (DuplicateCommandId, 422),
    (InvalidCommand, 422),
    (StoreBusy, 503),
    (DomainError, 409),
)


def app_of(request: Request) -> Dangjian:
    """The application the server holds."""
    found: Dangjian = request.app.state.dangjian
    return found


def person_row(request: Request, person_id: str) -> dict[str, Any]:
    """The person's row of the ``people`` read model: name, branch, party status."""
    with read(app_of(request).store) as views:
        return one(views.select("people", {"person_id": person_id}), "人员", person_id)


def names(request: Request, person_ids: set[str]) -> dict[str, str]:
    """Each person's name (an id nobody registered stands for itself)."""
    found: dict[str, str] = {}
    with read(app_of(request).store) as views:
        for person_id in sorted(person_ids):
            rows = views.select("people", {"person_id": person_id})
            found[person_id] = str(rows[0]["name"]) if rows else person_id
    return found


def form_key() -> str:
    """A fresh key for one rendered form."""
    return uuid.uuid4().hex


def act(
    request: Request, who: Principal, command_type: type[Any], key: str, **fields: Any
) -> Outcome:
    """Submit the form's command as the logged-in person, now; a key already used for
    this command by this person is answered again (a malformed key counts as none)."""
    usable = 0 < len(key) <= 64 and key.isascii() and key.isalnum()
    if usable:
        seed = f"{who.person_id}\0{command_type.__name__}\0{key}"
        command_id = "web-" + hashlib.sha256(seed.encode()).hexdigest()[:40]
    else:
        command_id = f"web-{uuid.uuid4().hex}"
    return app_of(request).submit(
        command_type,
        command_id=command_id,
        fresh=not usable,
        actor_id=who.person_id,
        **fields,
    )


def status_of(refusal: DangjianError) -> int:
    """The page's HTTP status for a refusal."""
    return next((status for kind, status in _STATUSES if isinstance(refusal, kind)), 400)


def back_to(path: str, allowed: tuple[str, ...]) -> str:
    """Where a form returns to: one of the ``allowed`` pages, else the first."""
    return path if path in allowed else allowed[0]
