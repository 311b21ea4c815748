"""发展对象 through the application, on every store: the list proposed from the closed
cycle, posted, objected to, amended and confirmed — confirmation moves people to 发展对象
through their own streams — and members flagged with a task only they may claim."""

from __future__ import annotations

from datetime import date

import pytest

from adapters.app import Dangjian
from adapters.app.follow_ups import resume
from adapters.views.development import DevelopmentQueries
from dangjian_core.development.state import DevelopmentError
from dangjian_core.tasks.commands import ClaimTask
from dangjian_core.tasks.state import NotEligible
from tests import support
from tests.adapters.development_story import (
    CYCLE,
    closed,
    commend,
    confirm,
    flag,
    objection,
    on,
    post,
    propose,
    uphold,
)
from tests.support import BRANCH, LANZHI, MEMBER, SECRETARY, XINGCAN


def _people(app: Dangjian) -> dict[str, str]:
    app.catch_up()
    with app.store.views() as views:
        return {str(r["person_id"]): str(r["status"]) for r in views.select("people", {})}


def amended(app: Dangjian) -> None:
    """Posted, 吕兰枝 objected to and the objection upheld; 吕星灿 moved up and posted."""
    closed(app)
    for command in (propose(), post(), objection(), uphold(), post(date(2022, 10, 17))):
        app.handle(command)


def test_the_list_is_proposed_from_the_closed_cycle_and_posted(app: Dangjian) -> None:
    closed(app)
    app.handle(propose())
    app.handle(post())

    view = DevelopmentQueries(app.store).show(BRANCH, CYCLE)

    assert [LANZHI] == [row["person_id"] for row in view.proposed]
    assert [LANZHI, XINGCAN] == [row["person_id"] for row in view.ranking]
    assert view.listing is not None
    assert ("posted", "2022-10-10", "2022-10-14") == (
        view.listing["status"],
        view.listing["posted_on"],
        view.listing["period_end"],
    )


def test_an_upheld_objection_promotes_the_next_and_the_contact_stays_private(app: Dangjian) -> None:
    amended(app)
    queries = DevelopmentQueries(app.store)

    view = queries.show(BRANCH, CYCLE)

    assert [XINGCAN] == [row["person_id"] for row in view.proposed]
    [filed] = view.objections
    assert ("upheld", XINGCAN, "经调查属实") == (filed["outcome"], filed["promoted"], filed["note"])
    assert "contact" not in filed
    assert "13800000000" not in str(view)
    assert {"O1": "13800000000"} == queries.objection_contacts(BRANCH, CYCLE)
    assert 2 == len(view.notices)


def test_confirmation_moves_the_confirmed_to_development_candidate(app: Dangjian) -> None:
    amended(app)

    outcome = app.handle(confirm())
    results = outcome.follow_ups

    assert outcome.changed
    assert [(True, True)] == [(r.ok, r.changed) for r in results]
    assert "candidate" == _people(app)[XINGCAN]
    assert "activist" == _people(app)[LANZHI]
    assert [XINGCAN] == [
        r["person_id"] for r in DevelopmentQueries(app.store).confirmed(BRANCH, CYCLE)
    ]


def test_follow_ups_interrupted_after_the_confirmation_are_resumed_once(
    app: Dangjian, monkeypatch: pytest.MonkeyPatch
) -> None:
    amended(app)
    monkeypatch.setattr(app, "follow_up", lambda _events: [])  # stops before the follow-ups
    app.handle(confirm())
    monkeypatch.undo()
    assert "activist" == _people(app)[XINGCAN]

    first = resume(app, BRANCH, CYCLE)
    again = resume(app, BRANCH, CYCLE)

    assert [True] == [r.changed for r in first]
    assert [(True, False, True)] == [(r.ok, r.changed, r.replayed) for r in again]
    assert "candidate" == _people(app)[XINGCAN]


def test_confirming_during_the_notice_is_refused_and_writes_nothing(app: Dangjian) -> None:
    amended(app)
    before = len(app.follow(0, 10_000))

    with pytest.raises(DevelopmentError, match="after_notice"):
        app.handle(confirm(date(2022, 10, 20)))

    assert before == len(app.follow(0, 10_000))


def test_flagged_members_get_a_task_only_they_may_claim(app: Dangjian) -> None:
    closed(app)
    app.handle(commend())

    results = app.handle(flag()).follow_ups

    assert [True] == [r.changed for r in results]
    queries = DevelopmentQueries(app.store)
    # full members below the threshold, including those with no points at all
    assert [support.REVIEWER, support.ORGANIZER, MEMBER] == [
        r["person_id"] for r in queries.training(BRANCH, CYCLE)
    ]
    assert [SECRETARY] == [r["person_id"] for r in queries.commended(BRANCH, CYCLE)]
    app.handle(ClaimTask("train-2021", MEMBER, on(date(2022, 10, 11))))  # type: ignore[arg-type]
    with pytest.raises(NotEligible):
        app.handle(ClaimTask("train-2021", LANZHI, on(date(2022, 10, 11))))  # type: ignore[arg-type]


def test_retrying_the_confirmation_under_its_id_finishes_interrupted_follow_ups(
    app: Dangjian, monkeypatch: pytest.MonkeyPatch
) -> None:
    amended(app)
    monkeypatch.setattr(app, "follow_up", lambda _events: [])  # stops before the follow-ups
    app.handle(confirm(), command_id="confirm-2021")
    monkeypatch.undo()

    retried = app.handle(confirm(), command_id="confirm-2021")

    assert retried.replayed
    assert [(True, True)] == [(r.ok, r.changed) for r in retried.follow_ups]
    assert "candidate" == _people(app)[XINGCAN]


def test_a_plain_handle_of_the_confirmation_runs_its_follow_ups(app: Dangjian) -> None:
    amended(app)

    outcome = app.handle(confirm())

    assert ["ChangePartyStatus"] == [r.command for r in outcome.follow_ups]
    assert "candidate" == _people(app)[XINGCAN]
