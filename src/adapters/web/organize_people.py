"""谁还没登录 — ``/organize/{unit}/logins``: the people on a unit's roll and where each
stands with their account — never invited, invited but no password yet, the invitation
lapsed, a password set but never logged in, logged in (and when last), closed — from the
accounts read model and the last login kept beside the log (names only, nothing
personal). The invitation page draws its list from the same standings.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from attrs import frozen
from fastapi import APIRouter, Request
from fastapi.responses import Response

from adapters.identity import Identity
from adapters.views.reading import read
from adapters.web.organize import NotOrganizer, organized_unit, refused
from adapters.web.session import identity, member
from adapters.web.templates import render
from dangjian_core.kernel.readmodel import Value
from dangjian_core.kernel.time import LOCAL

router = APIRouter(include_in_schema=False)


class Standing(StrEnum):
    """账户情况 — where a person stands with their account, in the order listed."""

    UNINVITED = "uninvited"
    LAPSED = "lapsed"
    INVITED = "invited"
    NEVER = "never"
    LOGGED_IN = "logged_in"
    CLOSED = "closed"

    @property
    def zh(self) -> str:
        """The standing in plain words."""
        return _WORDS[self]


_WORDS = {
    Standing.UNINVITED: "还没邀请开户",
    Standing.LAPSED: "邀请已过期，没有设密码",
    Standing.INVITED: "已邀请，还没设密码",
    Standing.NEVER: "已设密码，还没登录过",
    Standing.LOGGED_IN: "登录过",
    Standing.CLOSED: "账户已停用",
}
#: Whom the invitation page offers: nobody has invited them, or the invitation lapsed.
INVITABLE = (Standing.UNINVITED, Standing.LAPSED)


@frozen
class Person:
    """名册上的人 — id (for the login card), name, account standing, and when the
    invitation runs out or the last login was."""

    person_id: str
    name: str
    standing: Standing
    when: datetime | None = None


def standings(door: Identity, unit_id: str) -> list[Person]:
    """Everyone on the unit's roll (by id) and their account's standing now."""
    app = door.app
    roll = app.queries.branch(unit_id).people
    with read(app.store) as views:
        accounts = {str(row["person_id"]): row for row in views.select("accounts", {})}
    logins = door.last_logins([str(row["person_id"]) for row in roll])
    now = app.now()
    found = []
    for row in roll:
        person_id = str(row["person_id"])
        account = accounts.get(person_id)
        standing, when = _standing(account, logins.get(person_id), now)
        found.append(Person(person_id, str(row["name"]), standing, when))
    return found


def _standing(
    account: Mapping[str, Value] | None, login: datetime | None, now: datetime
) -> tuple[Standing, datetime | None]:
    if account is None:
        return Standing.UNINVITED, None
    if account["standing"] == "closed":
        return Standing.CLOSED, None
    if account["standing"] == "open":
        return (Standing.LOGGED_IN, login) if login is not None else (Standing.NEVER, None)
    expires = datetime.fromisoformat(str(account["invitation_expires_at"]))
    return (Standing.INVITED, expires) if expires > now else (Standing.LAPSED, expires)


def day_text(moment: datetime) -> str:
    """A date as a reader writes it: ``2026年12月3日``."""
    local = moment.astimezone(LOCAL)
    return f"{local.year}年{local.month}月{local.day}日"


@router.get("/organize/{unit_id}/logins")
def logins(request: Request, unit_id: str) -> Response:
    """Who on the roll has not logged in yet, and who has (and when last)."""
    who = member(request)
    try:
        unit = organized_unit(request, who, unit_id)
    except NotOrganizer as error:
        return refused(request, error, 403, "看不到这一页")
    people = standings(identity(request), unit_id)
    waiting = [p for p in people if p.standing not in (Standing.LOGGED_IN, Standing.CLOSED)]
    waiting.sort(key=lambda p: list(Standing).index(p.standing))
    came = sorted(
        (p for p in people if p.standing is Standing.LOGGED_IN),
        key=lambda p: p.when or datetime.min.replace(tzinfo=LOCAL),
    )
    closed = [p for p in people if p.standing is Standing.CLOSED]
    return render(
        request,
        "organize_logins.html",
        who=who,
        title="谁还没登录",
        unit=unit,
        waiting=waiting,
        came=came,
        closed=closed,
        day_text=day_text,
    )
