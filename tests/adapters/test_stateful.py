"""One random history, two stores: SQLite and in-memory must agree on every step.

A hypothesis state machine sends the same commands, by random people at increasing
times, to an application on an SQLite file and one in memory. Every command must be
accepted or refused alike (same error class, same recorded events at the same positions);
at the end the caught-up views must be equal and a replay of the SQLite log must match.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from adapters.app import Dangjian
from adapters.app.replay import replay_check
from dangjian_core.kernel.errors import DomainError
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    CancelTask,
    ClaimTask,
    IssueTask,
    RejectCompletion,
    RevokePoints,
    SubmitCompletion,
    WithdrawClaim,
)
from dangjian_core.tasks.events import Audience, SourceKind
from tests import support
from tests.adapters.stores import village_app

# Mostly people with the right role for the step, sometimes anyone (to be refused).
people = st.sampled_from([*support.PEOPLE, "stranger"])
issuers = st.sampled_from([support.ORGANIZER, support.SECRETARY]) | people
claimants = st.sampled_from([support.LANZHI, support.XINGCAN, support.VOLUNTEER])
reviewers = st.sampled_from([support.REVIEWER, support.ORGANIZER, support.SECRETARY]) | people
secretaries = st.just(support.SECRETARY) | people
new_tasks = st.integers(1, 9).map(lambda n: f"T{n}")
#: Which task a command names: an index into the tasks issued so far; 9 is never issued.
tasks = st.integers(0, 9)
hours = st.integers(0, 6)
reasons = st.sampled_from(["照片看不清", "核查发现未完成", "村里另有安排", "表现突出"])
audiences = st.lists(st.sampled_from(list(Audience)), min_size=1, max_size=3, unique=True)


def _outcome(app: Dangjian, command: Any, command_id: str) -> tuple[Any, ...]:
    """What happened, in terms both stores must agree on."""
    try:
        outcome = app.handle(command, command_id=command_id)
    except DomainError as refusal:
        return ("refused", type(refusal).__name__, refusal.en)
    recorded = tuple(
        (r.position, r.stream_id, r.version, r.actor_id, r.at, r.event) for r in outcome.events
    )
    return ("accepted", outcome.replayed, recorded)


class TwoStoresAgree(RuleBasedStateMachine):
    """The same random commands against SQLite and memory."""

    #: Where each example's SQLite file goes (the test's ``tmp_path``).
    files: ClassVar[Path] = Path(tempfile.gettempdir())

    def __init__(self) -> None:
        super().__init__()
        scratch = tempfile.mkdtemp(prefix="example-", dir=self.files)
        self.memory = village_app("memory://")
        self.sqlite = village_app(f"sqlite:///{scratch}/stateful.db")
        self.now = support.T0
        self.sent: list[tuple[Any, str]] = []
        self.issued: list[str] = []

    def _send(self, command: Any, command_id: str | None = None) -> bool:
        """Send to both stores, check they agree; whether the command was accepted."""
        command_id = command_id or f"cmd-{len(self.sent)}"
        expected = _outcome(self.memory, command, command_id)
        actual = _outcome(self.sqlite, command, command_id)
        assert expected == actual
        event(f"{type(command).__name__}: {expected[1] if expected[0] == 'refused' else 'ok'}")
        self.sent.append((command, command_id))
        return bool(expected[0] == "accepted")

    def _at(self, elapsed: int) -> Any:
        self.now += timedelta(hours=elapsed)
        return self.now

    @initialize()
    def issue_two_tasks(self) -> None:
        for task_id, slots in (("T1", 3), ("T2", 1)):
            self._send(support.issue(task_id, slots=slots, days=40))
            self.issued.append(task_id)

    def _task(self, pick: int) -> str:
        return "NOPE" if pick == 9 else self.issued[pick % len(self.issued)]

    @rule(
        task=new_tasks,
        actor=issuers,
        slots=st.integers(1, 3),
        points=st.integers(1, 10),
        audience=audiences,
        days=st.integers(2, 40),
        upper=st.booleans(),
        elapsed=hours,
    )
    def issue(
        self,
        task: str,
        actor: str,
        slots: int,
        points: int,
        audience: list[Audience],
        days: int,
        upper: bool,
        elapsed: int,
    ) -> None:
        at = self._at(elapsed)
        source = (SourceKind.UPPER, "镇党委〔2021〕12号") if upper else (SourceKind.VILLAGE, "")
        accepted = self._send(
            IssueTask(
                task,
                support.BRANCH,
                f"{task} 环境卫生整治",
                "环境卫生整治",
                points,
                slots,
                at + timedelta(days=days),
                tuple(audience),
                *source,
                actor,
                at,
            )
        )
        if accepted and task not in self.issued:
            self.issued.append(task)

    @rule(pick=tasks, person=claimants | people, elapsed=hours)
    def claim(self, pick: int, person: str, elapsed: int) -> None:
        task = self._task(pick)
        self._send(ClaimTask(task, person, self._at(elapsed)))

    @rule(
        pick=tasks,
        person=claimants,
        verdict=st.sampled_from(["approve", "reduce", "reject"]),
        elapsed=hours,
    )
    def work_a_claim_through_to_review(
        self, pick: int, person: str, verdict: str, elapsed: int
    ) -> None:
        """Claim, submit and review in a row, so that deep states are reached often."""
        task = self._task(pick)
        self._send(ClaimTask(task, person, self._at(elapsed)))
        self._send(SubmitCompletion(task, "已完成", (), person, self._at(1)))
        review = {
            "approve": ApproveCompletion(task, person, None, "", support.REVIEWER, self._at(1)),
            "reduce": ApproveCompletion(
                task, person, 1, "只完成一半", support.REVIEWER, self._at(1)
            ),
            "reject": RejectCompletion(task, person, "照片看不清", support.REVIEWER, self._at(1)),
        }[verdict]
        self._send(review)

    @rule(pick=tasks, person=claimants, elapsed=hours)
    def withdraw(self, pick: int, person: str, elapsed: int) -> None:
        task = self._task(pick)
        self._send(WithdrawClaim(task, person, self._at(elapsed)))

    @rule(
        pick=tasks,
        person=claimants,
        note=st.sampled_from(["打扫村口", "清理水沟"]),
        elapsed=hours,
    )
    def submit(self, pick: int, person: str, note: str, elapsed: int) -> None:
        task = self._task(pick)
        self._send(SubmitCompletion(task, note, ("photo-1.jpg",), person, self._at(elapsed)))

    @rule(
        pick=tasks,
        claimant=claimants,
        actor=reviewers,
        points=st.none() | st.integers(1, 10),
        reason=st.sampled_from(["", "只完成一半"]),
        elapsed=hours,
    )
    def approve(
        self, pick: int, claimant: str, actor: str, points: int | None, reason: str, elapsed: int
    ) -> None:
        task = self._task(pick)
        self._send(ApproveCompletion(task, claimant, points, reason, actor, self._at(elapsed)))

    @rule(pick=tasks, claimant=claimants, actor=reviewers, reason=reasons, elapsed=hours)
    def reject(self, pick: int, claimant: str, actor: str, reason: str, elapsed: int) -> None:
        task = self._task(pick)
        self._send(RejectCompletion(task, claimant, reason, actor, self._at(elapsed)))

    @rule(pick=tasks, actor=issuers, reason=reasons, elapsed=hours)
    def cancel(self, pick: int, actor: str, reason: str, elapsed: int) -> None:
        task = self._task(pick)
        self._send(CancelTask(task, reason, actor, self._at(elapsed)))

    @rule(pick=tasks, claimant=claimants, actor=secretaries, reason=reasons, elapsed=hours)
    def revoke(self, pick: int, claimant: str, actor: str, reason: str, elapsed: int) -> None:
        task = self._task(pick)
        self._send(RevokePoints(task, claimant, reason, actor, self._at(elapsed)))

    @rule(
        adjustment=st.sampled_from(["A1", "A2", "A3", "A4"]),
        person=claimants | people,
        actor=secretaries,
        delta=st.integers(-5, 5).filter(bool),
        reason=reasons,
        elapsed=hours,
    )
    def adjust(
        self, adjustment: str, person: str, actor: str, delta: int, reason: str, elapsed: int
    ) -> None:
        at = self._at(elapsed)
        self._send(AdjustPoints(adjustment, support.BRANCH, person, delta, reason, actor, at))

    @precondition(lambda self: bool(self.sent))
    @rule(back=st.integers(1, 5))
    def resend_an_earlier_command_under_its_id(self, back: int) -> None:
        command, command_id = self.sent[-min(back, len(self.sent))]
        self._send(command, command_id)

    @rule(days=st.integers(1, 30))
    def let_time_pass(self, days: int) -> None:
        self.now += timedelta(days=days)

    @rule()
    def catch_up_the_views_mid_way(self) -> None:
        self.memory.catch_up()
        self.sqlite.catch_up()
        with self.memory.store.views() as expected, self.sqlite.store.views() as actual:
            assert expected.dump() == actual.dump()

    @invariant()
    def both_logs_end_at_the_same_position(self) -> None:
        assert self.memory.store.max_position() == self.sqlite.store.max_position()

    def teardown(self) -> None:
        try:
            self.memory.catch_up()
            self.sqlite.catch_up()
            with self.memory.store.views() as expected, self.sqlite.store.views() as actual:
                assert expected.dump() == actual.dump()
            assert replay_check(self.sqlite.store).ok
            assert [r.event for r in self.memory.feed()] == [r.event for r in self.sqlite.feed()]
        finally:
            self.memory.close()
            self.sqlite.close()


def test_sqlite_and_memory_stores_agree_on_every_step_of_a_random_history(
    tmp_path: Path,
) -> None:
    TwoStoresAgree.files = tmp_path
    run_state_machine_as_test(
        TwoStoresAgree,
        settings=settings(
            max_examples=25,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
