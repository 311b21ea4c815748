"""A reviewer's role ends at the moment they approve: whichever commits first, the log
never holds an approval decided on the role the other transaction was ending.

Two applications (two connection pools) race, once per task: the secretary ends the
reviewer's role while the reviewer approves a claim, both at the same instant. Before the
facts a decision relies on were read under a shared lock on their stream, PostgreSQL let
about half of such approvals through after the role had ended, and the untampered store
then failed the authority audit. SQLite serialises its writers and is raced the same way.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest

from adapters.app import Dangjian, open_app
from dangjian_core.catalog import audit
from dangjian_core.kernel.errors import DomainError
from dangjian_core.tasks.commands import ApproveCompletion, ClaimTask, SubmitCompletion
from dangjian_core.tasks.events import CompletionApproved
from dangjian_core.units.commands import AppointRole, EndRole
from dangjian_core.units.events import RoleEnded
from dangjian_core.units.roles import Role
from tests.adapters.stores import village_app
from tests.support import BRANCH, LANZHI, REVIEWER, SECRETARY, issue, later

RACES = 24


def _race(one: Dangjian, two: Dangjian, number: int) -> tuple[bool, bool]:
    """One race on a fresh task; whether the approval and the end of role were recorded."""
    task, start = f"R{number}", later(2 * number + 1)
    one.handle(issue(task, slots=1))
    one.handle(ClaimTask(task, LANZHI, start))
    one.handle(SubmitCompletion(task, "已完成", (), LANZHI, start + timedelta(minutes=10)))
    moment = start + timedelta(minutes=30)
    commands = [
        (one, EndRole(BRANCH, REVIEWER, Role.REVIEWER, "调整分工", SECRETARY, moment)),
        (two, ApproveCompletion(task, LANZHI, None, "", REVIEWER, moment)),
    ]
    results: list[Any] = [None, None]
    barrier = threading.Barrier(2)

    def run(index: int) -> None:
        app, command = commands[index]
        barrier.wait()
        try:
            results[index] = app.handle(command).changed
        except DomainError:
            results[index] = False

    threads = [threading.Thread(target=run, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    one.handle(AppointRole(BRANCH, REVIEWER, Role.REVIEWER, SECRETARY, start + timedelta(hours=1)))
    ended, approved = results
    return approved, ended


@pytest.mark.parametrize("backend_url", ["postgres_url", "sqlite_url"])
def test_no_approval_slips_past_the_end_of_the_reviewers_role(
    backend_url: str, request: pytest.FixtureRequest
) -> None:
    url: str = request.getfixturevalue(backend_url)
    with village_app(url) as one, open_app(url) as two:
        outcomes = [_race(one, two, number) for number in range(RACES)]
        log = list(one.feed())

    assert all(ended for _approved, ended in outcomes)
    assert [] == audit(log)
    approvals = [r for r in log if isinstance(r.event, CompletionApproved)]
    assert len(approvals) == sum(approved for approved, _ended in outcomes)
    ends = [r.position for r in log if isinstance(r.event, RoleEnded)]
    assert len(ends) == RACES
