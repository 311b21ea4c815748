"""候补的状态机 — claim, withdraw and promotion against a simple model: a set of holders
and a queue. The waitlist never skips anyone, never holds more than the slots, and a
waiting person exists only while every slot is held."""

from __future__ import annotations

from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from dangjian_core.catalog import decide
from dangjian_core.kernel.errors import DomainError
from dangjian_core.tasks import CONCEPT
from dangjian_core.tasks.events import WaitlistPromoted
from dangjian_core.tasks.state import ClaimStatus
from tests.core.tasks_fair_given import activist, claim, crowded, issue_fair, withdraw

PEOPLE = [activist(n) for n in range(8)]


class Waitlist(RuleBasedStateMachine):
    """The task as decided and folded, beside the model it must agree with."""

    def __init__(self) -> None:
        super().__init__()
        self.facts = crowded(len(PEOPLE))
        self.state: Any = None
        self.slots = 0
        self.holders: set[str] = set()
        self.queue: list[str] = []
        self.hour = 1.0

    @initialize(slots=st.integers(1, 3))
    def issue(self, slots: int) -> None:
        self.slots = slots
        self._apply(issue_fair(slots=slots))

    def _apply(self, command: Any) -> list[Any]:
        events = decide(command, self.state, self.facts)
        for event in events:
            self.state = CONCEPT.evolve(self.state, event)
        return events

    @rule(person=st.sampled_from(PEOPLE))
    def claim(self, person: str) -> None:
        self.hour += 0.01
        self._apply(claim(person, hours=self.hour))
        if person in self.holders or person in self.queue:
            return
        if len(self.holders) < self.slots:
            self.holders.add(person)
        else:
            self.queue.append(person)

    @rule(person=st.sampled_from(PEOPLE))
    def withdraw(self, person: str) -> None:
        self.hour += 0.01
        try:
            events = self._apply(withdraw(person, hours=self.hour))
        except DomainError:
            assert person not in self.holders
            assert person not in self.queue
            return
        if person in self.queue:
            self.queue.remove(person)
        elif person in self.holders:
            self.holders.remove(person)
            if self.queue:
                first = self.queue.pop(0)
                self.holders.add(first)
                assert WaitlistPromoted(self.state.issued.task_id, first) == events[-1]

    @invariant()
    def agrees_with_the_model(self) -> None:
        if self.state is None:
            return
        held = {p for p, c in self.state.claims.items() if c.status == ClaimStatus.CLAIMED}
        assert self.holders == held
        assert tuple(self.queue) == self.state.waitlist
        assert self.state.taken <= self.slots
        assert not self.state.waitlist or self.state.taken == self.slots


Waitlist.TestCase.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
TestWaitlist = Waitlist.TestCase
