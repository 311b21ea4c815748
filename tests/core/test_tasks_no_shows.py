"""未履约 — a claimant who neither submits nor withdraws before the deadline is recorded as
a no-show when the task is concluded; the points scheme's versioned rule deducts for it or
blocks claiming for some days."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import attrs
import pytest

from dangjian_core.catalog import decide, follow_ups
from dangjian_core.evaluation.commands import ApplyDeduction
from dangjian_core.evaluation.no_shows import ClaimingBlocked, blocked_until
from dangjian_core.evaluation.scheme import NO_SHOW_CODE, NoShowRule, check_scheme
from dangjian_core.kernel.errors import Unauthorized
from dangjian_core.kernel.facts import MemoryFacts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.tasks.events import ClaimWaitlisted, TaskConcluded
from dangjian_core.tasks.state import ClaimStatus, DeadlinePassed
from tests.core.evaluation_given import PAIXILV, adopt
from tests.core.given import T1, Village, claimed, given, submitted, then_state, when, withdrawn
from tests.core.tasks_fair_given import claim, close, issue_fair, issued_fair
from tests.support import BRANCH, LANZHI, ORGANIZER, VOLUNTEER, XINGCAN, later

CYCLE = "2021-10"


def test_claimants_who_neither_submitted_nor_withdrew_are_the_no_shows() -> None:
    state = given(
        issued_fair(slots=3), claimed(LANZHI), claimed(XINGCAN), submitted(XINGCAN),
        claimed(VOLUNTEER), withdrawn(VOLUNTEER),
    )  # fmt: skip

    events = when(close(), state)

    assert [TaskConcluded(T1, BRANCH, CYCLE, (LANZHI,), ())] == events
    after = then_state(state, events)
    assert ClaimStatus.NO_SHOW == after.claim_of(LANZHI).status
    assert after.concluded


def test_concluding_drops_the_waitlist() -> None:
    state = given(issued_fair(slots=1), claimed(LANZHI), ClaimWaitlisted(T1, XINGCAN, 1))

    [event] = when(close(), state)

    assert (XINGCAN,) == event.dropped
    assert () == then_state(state, [event]).waitlist


def test_a_task_is_concluded_only_after_its_deadline() -> None:
    state = given(issued_fair(), claimed(LANZHI))

    with pytest.raises(DeadlinePassed, match="截止"):
        when(close(hours=24), state)


def test_concluding_again_changes_nothing() -> None:
    state = given(issued_fair(), claimed(LANZHI))
    done = then_state(state, when(close(), state))

    assert [] == when(close(hours=24 * 9), done)


def test_only_the_issuers_conclude_a_task() -> None:
    state = given(issued_fair(), claimed(LANZHI))

    with pytest.raises(Unauthorized):
        when(close(actor=VOLUNTEER), state)


def test_each_no_show_is_followed_by_the_schemes_no_show_deduction() -> None:
    event = TaskConcluded(T1, BRANCH, CYCLE, (LANZHI, XINGCAN), ())
    recorded = Recorded(9, "task-T1", 5, ORGANIZER, later(200), event)

    found = follow_ups(recorded)

    assert 2 == len(found)
    command = found[0].command
    assert isinstance(command, ApplyDeduction)
    assert (NO_SHOW_CODE, LANZHI, CYCLE) == (command.code, command.person_id, command.cycle)


# --- the scheme's rule, in a village that runs it ------------------------------------


def village(rule: NoShowRule | None) -> Village:
    place = Village.seeded()
    place.handle(adopt(attrs.evolve(PAIXILV, no_show=rule)))
    place.handle(issue_fair(slots=2))
    place.handle(claim(LANZHI))
    [concluded] = place.handle(close())
    recorded = place.log[-1]
    assert recorded.event == concluded
    for follow_up in follow_ups(recorded):
        place.handle(follow_up.command)
    return place


def deductions(place: Village) -> tuple[Any, ...]:
    return place.states[f"evaluation-{BRANCH}@{CYCLE}"].deductions_of(LANZHI)


def test_a_scheme_naming_a_deduction_deducts_it_for_a_no_show() -> None:
    place = village(NoShowRule(deduction="unfinished"))

    [deduction] = deductions(place)

    assert ("unfinished", 10, "基础分") == (deduction.code, deduction.points, deduction.category)
    assert "未履约" in deduction.reason


def test_a_scheme_without_a_no_show_rule_deducts_nothing() -> None:
    assert () == deductions(village(None))


def facts_of(place: Village) -> MemoryFacts:
    return MemoryFacts(dict(place.states), place.views(), len(place.log))


def test_a_scheme_blocking_claims_refuses_the_no_show_for_its_days() -> None:
    place = village(NoShowRule(block_days=14))
    place.handle(attrs.evolve(issue_fair(slots=2), task_id="T2", at=later(24 * 9),
                              deadline=later(24 * 30)))  # fmt: skip
    facts = facts_of(place)
    ask = attrs.evolve(claim(LANZHI, hours=24 * 10), task_id="T2")

    with pytest.raises(ClaimingBlocked, match="未履约"):
        decide(ask, place.states["task-T2"], facts)
    until = blocked_until(facts, BRANCH, LANZHI, later(24 * 10))
    assert until == later(24 * 8) + timedelta(days=14)


def test_after_the_blocked_days_the_person_claims_again() -> None:
    place = village(NoShowRule(block_days=1))
    place.handle(attrs.evolve(issue_fair(slots=2), task_id="T2", at=later(24 * 9),
                              deadline=later(24 * 30)))  # fmt: skip
    ask = attrs.evolve(claim(LANZHI, hours=24 * 10), task_id="T2")

    assert decide(ask, place.states["task-T2"], facts_of(place))


def test_a_no_show_rule_naming_an_unknown_deduction_is_refused() -> None:
    with pytest.raises(ValueError, match="no_show"):
        check_scheme(None, None, attrs.evolve(PAIXILV, no_show=NoShowRule(deduction="nope")))


def test_an_empty_no_show_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="no_show"):
        check_scheme(None, None, attrs.evolve(PAIXILV, no_show=NoShowRule()))


def test_the_wall_explains_the_no_show_rule_in_words() -> None:
    from dangjian_core.evaluation.no_shows import rule_text

    scheme = attrs.evolve(PAIXILV, no_show=NoShowRule(deduction="unfinished", block_days=14))

    text = rule_text(scheme)

    assert text is not None
    assert "领办任务后无故不完成」10 分" in text
    assert "14 天内不能领办" in text
    assert rule_text(PAIXILV) is None
