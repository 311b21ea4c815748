"""考评 on every store: the scheme's caps hold when approvals commit at the same moment,
the wall and explanations count them, snapshots answer "what did the wall say", the close
waits for open reviews and freezes the standings, and a replay gives the same figures."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import datetime, timedelta

import attrs
import pytest

from adapters.app import Dangjian
from adapters.app.replay import replay_check
from adapters.storage.folding import ViewRows
from dangjian_core import catalog
from dangjian_core.evaluation.queries import cycle_ledger
from dangjian_core.evaluation.state import CycleAlreadyClosed, ReviewsPending
from dangjian_core.kernel.ids import TaskId
from dangjian_core.tasks.commands import ApproveCompletion, ClaimTask, SubmitCompletion
from dangjian_core.tasks.events import Audience
from tests import support
from tests.core.evaluation_given import CYCLE, adopt, close, deduct, snapshot, veto
from tests.support import BRANCH, LANZHI, REVIEWER, XINGCAN, issue, later

CST = support.CST
TASKS = 6
POINTS = 30


def submitted_tasks(app: Dangjian, person: str, n: int, points: int = POINTS) -> list[TaskId]:
    """``n`` tasks worth ``points`` each, claimed and submitted by ``person``."""
    ids = [TaskId(f"{person}-T{i}") for i in range(n)]
    for task_id in ids:
        app.handle(issue(task_id, points=points, audiences=(Audience.ACTIVISTS,)))
        app.handle(ClaimTask(task_id, person, later(1)))
        app.handle(SubmitCompletion(task_id, "已完成", (), person, later(2)))
    return ids


def approve(app: Dangjian, task_id: str, person: str, hours: float = 3) -> None:
    app.handle(ApproveCompletion(TaskId(task_id), person, None, "", REVIEWER, later(hours)))


def test_approvals_committed_at_once_never_exceed_the_cap(app: Dangjian) -> None:
    # given the scheme (tasks capped at 70) and six 30-point completions awaiting review
    app.handle(adopt())
    ids = submitted_tasks(app, LANZHI, TASKS)
    outcomes: Counter[str] = Counter()
    lock, start = threading.Lock(), threading.Barrier(TASKS)

    def approve_one(task_id: str) -> None:
        start.wait()
        try:
            approve(app, task_id, LANZHI)
            outcome = "approved"
        except Exception as error:  # counted by class name
            outcome = type(error).__name__
        with lock:
            outcomes[outcome] += 1

    # when six reviewers approve them all at the same moment
    threads = [threading.Thread(target=approve_one, args=(t,)) for t in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    # then every approval keeps what was awarded, and the scheme counts at most 70
    assert {"approved": TASKS} == dict(outcomes)
    explanation = app.queries.explain(LANZHI, CYCLE)
    assert TASKS * POINTS == explanation.total
    scored = app.queries.evaluation.scored(BRANCH, LANZHI, CYCLE)
    assert scored is not None
    assert 70 == dict(scored.standing.categories)["任务分"]
    assert [30, 30, 10, 0, 0, 0] == [c.counted for c in scored.lines]
    assert 90 == scored.standing.total
    [entry] = [e for e in app.queries.wall(BRANCH, CYCLE) if e.standing.person_id == LANZHI]
    assert 90 == entry.standing.total


def test_the_explanation_names_the_capped_lines(app: Dangjian) -> None:
    app.handle(adopt())
    for task_id in submitted_tasks(app, LANZHI, 3):
        approve(app, task_id, LANZHI)

    explanation = app.queries.explain(LANZHI, CYCLE)

    assert 90 == explanation.total  # raw: what the reviewers awarded
    assert 90 == explanation.counted_total  # 20 base + 70
    assert [10] == [counted for _, counted, _ in explanation.capped]
    assert explanation.consistent


def test_without_a_scheme_the_wall_shows_raw_totals(app: Dangjian) -> None:
    for task_id in submitted_tasks(app, LANZHI, 3):
        approve(app, task_id, LANZHI)

    [entry] = [e for e in app.queries.wall(BRANCH, CYCLE) if e.standing.person_id == LANZHI]

    assert 90 == entry.standing.total
    assert () == app.queries.explain(LANZHI, CYCLE).counted_lines


def test_the_directory_ledger_tops_the_views_up_with_the_log(app: Dangjian) -> None:
    for task_id in submitted_tasks(app, LANZHI, 2):
        approve(app, task_id, LANZHI)
    submitted_tasks(app, XINGCAN, 1)

    early = cycle_ledger(ViewRows(app.store), BRANCH, CYCLE)  # views not caught up yet
    app.queries.wall(BRANCH, CYCLE)
    caught_up = cycle_ledger(ViewRows(app.store), BRANCH, CYCLE)

    assert early == caught_up
    assert [XINGCAN] == [p.person_id for p in caught_up.pending]
    assert [30, 30] == [line.delta for line in caught_up.lines[LANZHI]]


def test_a_snapshot_is_found_as_of_a_date(app: Dangjian) -> None:
    app.handle(adopt())
    for task_id in submitted_tasks(app, LANZHI, 1):
        approve(app, task_id, LANZHI)
    app.handle(snapshot("2022Q2"))
    # recorded after the snapshot (a cycle's history is kept in time order)
    app.handle(attrs.evolve(veto(LANZHI), at=datetime(2022, 6, 30, 20, tzinfo=CST)))

    june = app.queries.evaluation.snapshot(BRANCH, CYCLE, datetime(2022, 6, 30, 23, tzinfo=CST))
    now = app.queries.evaluation.standings(BRANCH, CYCLE, datetime(2022, 7, 1, tzinfo=CST))

    assert june is not None
    assert ("2022Q2", 50) == (june.quarter, june.standings.of(LANZHI).total)  # type: ignore[union-attr]
    assert 0 == now.standings.rows[-1].total
    assert app.queries.evaluation.snapshot(BRANCH, CYCLE, datetime(2022, 1, 1, tzinfo=CST)) is None


def test_the_close_waits_for_reviews_then_freezes_and_refuses_approvals(app: Dangjian) -> None:
    app.handle(adopt())
    app.handle(deduct(XINGCAN))
    [first, second] = submitted_tasks(app, LANZHI, 2)
    approve(app, first, LANZHI)
    before = app.store.max_position()

    with pytest.raises(ReviewsPending, match=f"{second}\\({LANZHI}\\)"):
        app.handle(close())
    assert before == app.store.max_position()

    approve(app, second, LANZHI)
    [recorded] = app.handle(close()).events
    frozen = recorded.event.standings
    # everyone on the roll has a standing, those without points the base 20 (ties by id)
    on_the_roll = [
        (p, 20) for p in (REVIEWER, support.MEMBER, support.ORGANIZER, support.SECRETARY)
    ]
    assert [(LANZHI, 80), *on_the_roll, (XINGCAN, 15)] == [
        (r.person_id, r.total) for r in frozen.rows
    ]
    assert frozen == app.queries.evaluation.standings(BRANCH, CYCLE, close().at).standings
    with pytest.raises(CycleAlreadyClosed):
        app.handle(deduct(LANZHI, did="D9"))
    [late] = submitted_tasks(app, XINGCAN, 1)
    with pytest.raises(CycleAlreadyClosed):
        approve(app, late, XINGCAN, hours=4)
    assert "cycle_closed" == app.attempts()[-1].code


def test_a_replay_rebuilds_the_same_evaluation_views_and_finds_no_authority_flags(
    app: Dangjian,
) -> None:
    app.handle(adopt())
    for task_id in submitted_tasks(app, LANZHI, 3):
        approve(app, task_id, LANZHI)
    app.handle(deduct())
    app.handle(snapshot("2022Q2"))
    app.handle(close(when=close().at + timedelta(days=1)))

    report = replay_check(app.store)

    assert report.ok, report.differences
    assert 1 == report.rows["evaluations"]
    assert [] == catalog.audit(app.feed())
