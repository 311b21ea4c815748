"""Properties of the pure core that must hold for any story, not just the ones we wrote.

Stories are random sequences of claim, withdraw, submit, approve, reject, cancel, revoke
and adjust commands by random people of the seed village at random (non-decreasing) times,
run through :class:`Village`: refused commands are dropped, accepted events are folded and
recorded, as an application would.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_core import catalog
from dangjian_core.catalog import CONCEPTS
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import AdjustmentId, PersonId, TaskId
from dangjian_core.people.commands import ChangePartyStatus, RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.state import PersonState, StatusPeriod
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.points.queries import TIE_RULES, Standing, rank
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
from dangjian_core.tasks.state import ClaimStatus, NoSlotsLeft
from dangjian_core.units.commands import AppointRole, EndRole
from dangjian_core.units.roles import Role
from tests import support
from tests.core.given import Village, project, then_state
from tests.core.given import given as given_events
from tests.core.given import issued as issued_event
from tests.core.given import when as decide
from tests.facts import FixedFacts

EXAMPLES = settings(max_examples=150, deadline=None)
FEWER = settings(max_examples=100, deadline=None)

EVERYONE = (*support.PEOPLE, PersonId("stranger"))
CLAIMANTS = (support.LANZHI, support.XINGCAN, support.VOLUNTEER, support.MEMBER, support.REVIEWER)
#: T1 starts with the seed cycle; T2 a few days before the next one, so points span two.
TASK_STARTS = {"T1": support.T0, "T2": datetime(2022, 9, 28, 9, 0, tzinfo=support.CST)}
REVIEWERS = (support.REVIEWER, support.SECRETARY, support.ORGANIZER)
#: Each kind of step, how often it comes up, and who usually takes it (anyone, 1 in 5).
KINDS: dict[str, tuple[int, tuple[PersonId, ...]]] = {
    "claim": (12, CLAIMANTS),
    "withdraw": (2, CLAIMANTS),
    "submit": (10, CLAIMANTS),
    "approve": (8, REVIEWERS),
    "reject": (4, REVIEWERS),
    "revoke": (2, (support.SECRETARY,)),
    "adjust": (2, (support.SECRETARY,)),
    "cancel": (1, (support.ORGANIZER,)),
}
WEIGHTED_KINDS = tuple(kind for kind, (weight, _) in KINDS.items() for _ in range(weight))
NOTES = ("已完成", "已完成并补拍照片")
AWARDS = ((None, ""), (None, ""), (3, "部分完成"), (2, ""), (9, "超额完成"))
REJECTIONS = ("照片看不清", "未整改到位")


@st.composite
def issues(draw: st.DrawFn, task_id: str) -> IssueTask:
    """An IssueTask for ``task_id`` with random slots, points, audience and deadline."""
    start = TASK_STARTS[task_id]
    some = st.lists(st.sampled_from(list(Audience)), min_size=1, max_size=3).map(tuple)
    audiences = draw(st.one_of(st.just(tuple(Audience)), some))
    return IssueTask(
        TaskId(task_id),
        support.BRANCH,
        f"{task_id} 环境卫生整治",
        draw(st.sampled_from(("环境卫生整治", "日常工作巡查"))),
        draw(st.sampled_from((5, 8))),
        draw(st.integers(1, 4)),
        start + timedelta(hours=draw(st.integers(48, 240))),
        audiences,
        SourceKind.VILLAGE,
        "",
        support.ORGANIZER,
        start,
    )


#: The claim statuses a person's claim must be in for each kind of step to make sense.
NEEDS = {
    "withdraw": {ClaimStatus.CLAIMED, ClaimStatus.REJECTED},
    "submit": {ClaimStatus.CLAIMED, ClaimStatus.REJECTED},
    "approve": {ClaimStatus.SUBMITTED},
    "reject": {ClaimStatus.SUBMITTED},
    "revoke": {ClaimStatus.APPROVED},
}

Watch = Callable[[Village, Any, "list[Any] | DomainError"], None]


#: One step: hours since the last step, its kind, and a number whose digits pick the rest
#: (few draws per step keep Hypothesis's own overhead small).
STEP = st.tuples(st.integers(0, 6), st.sampled_from(WEIGHTED_KINDS), st.integers(0, 10**7))
Step = tuple[int, str, int]
Story = tuple[IssueTask, IssueTask, list[Step]]


@st.composite
def stories(draw: st.DrawFn) -> Story:
    """Both tasks' issue, then 20 to 50 steps."""
    return draw(issues("T1")), draw(issues("T2")), draw(st.lists(STEP, min_size=20, max_size=50))


def play(story: Story, watch: Watch | None = None) -> Village:
    """Run a story on the seed village; ``watch`` sees the village after every step.

    Steps are mostly plausible — a claimant submits their own claim, a reviewer reviews
    someone whose claim awaits review — so stories reach approvals and revocations; one
    step in five is by anyone about anyone, so every refusal comes up too.
    """
    first, second, steps = story
    village = Village.seeded()
    village.handle(first)
    village.handle(second)
    clock = 0
    for gap, kind, choices in steps:
        clock += gap
        command = step_command(village, clock, kind, choices)
        outcome = village.attempt(command)
        if watch is not None:
            watch(village, command, outcome)
    return village


def step_command(village: Village, clock: int, kind: str, choices: int) -> Any:
    """The command of a step, ``clock`` hours after its task was issued."""
    choices, task_n = divmod(choices, 2)
    choices, cancel_n = divmod(choices, 2)
    choices, anyone_n = divmod(choices, 5)
    choices, actor_n = divmod(choices, 10)
    choices, other_n = divmod(choices, 10)
    variant = choices % 5
    task = tuple(TASK_STARTS)[task_n]
    if kind == "cancel" and cancel_n:
        kind = "claim"  # keep cancelling rare: it ends a task's story
    plausible = anyone_n > 0
    actors = KINDS[kind][1] if plausible else EVERYONE
    claims = village.task(task).claims
    ready = sorted(p for p, c in claims.items() if c.status in NEEDS.get(kind, ()))
    others = ready if plausible and ready else CLAIMANTS
    actor, other = actors[actor_n % len(actors)], others[other_n % len(others)]
    if kind in ("withdraw", "submit") and plausible:
        actor = other
    at = TASK_STARTS[task] + timedelta(hours=clock)
    return command_of(kind, TaskId(task), actor, other, variant, at)


def command_of(kind: str, task: TaskId, actor: str, other: PersonId, n: int, at: datetime) -> Any:
    """The command of ``kind``; ``other`` is the claimant a reviewer acts on."""
    person = PersonId(actor)
    match kind:
        case "claim":
            return ClaimTask(task, person, at)
        case "withdraw":
            return WithdrawClaim(task, person, at)
        case "submit":
            return SubmitCompletion(task, NOTES[n % 2], ("p.jpg",), person, at)
        case "approve":
            points, reason = AWARDS[n]
            return ApproveCompletion(task, other, points, reason, actor, at)
        case "reject":
            return RejectCompletion(task, other, REJECTIONS[n % 2], actor, at)
        case "cancel":
            return CancelTask(task, "上级通知取消", actor, at)
        case "revoke":
            return RevokePoints(task, other, "督查发现不实", actor, at)
        case _:
            delta = (-3, -1, 1, 2, 5)[n]
            return AdjustPoints(
                AdjustmentId(f"A{n}"), support.BRANCH, other, delta, "加减分", actor, at
            )


# --- (a) never more claims than slots -----------------------------------------------


@EXAMPLES
@given(stories())
def test_taken_slots_never_exceed_the_tasks_slots_and_the_views_agree(story: Story) -> None:
    logged: list[int] = []  # the log's length after each step

    def watch(village: Village, command: Any, outcome: list[Any] | DomainError) -> None:
        for state in map(village.task, TASK_STARTS):
            assert state.taken <= state.issued.slots
        if isinstance(outcome, DomainError) and logged:  # a refusal writes no event
            assert logged[-1] == len(village.log)
        logged.append(len(village.log))

    village = play(story, watch)
    views = village.views()

    for task_id in TASK_STARTS:
        state = village.task(task_id)
        [row] = views.select("tasks", {"task_id": task_id})
        claims = {r["person_id"]: r["status"] for r in views.select("claims", {"task_id": task_id})}
        assert state.taken == row["taken"]
        assert {pid: claim.status.value for pid, claim in state.claims.items()} == claims


@FEWER
@given(st.integers(1, 30), st.integers(1, 60))
def test_many_claimers_in_the_same_second_fill_exactly_the_slots(slots: int, crowd: int) -> None:
    people = {
        PersonId(f"p{i}"): PersonState(
            PersonId(f"p{i}"),
            support.BRANCH,
            f"村民{i}",
            (StatusPeriod(PartyStatus.VILLAGER, date(2021, 1, 1)),),
        )
        for i in range(crowd)
    }
    village = FixedFacts(support.directory().branches, people)
    state = given_events(issued_event(slots=slots))
    winners, losers = 0, 0
    for person in people:
        try:
            events = decide(ClaimTask(TaskId("T1"), person, support.later(1)), state, village)
        except NoSlotsLeft:
            losers += 1
            continue
        state = then_state(state, events)
        winners += 1

    assert (min(slots, crowd), max(0, crowd - slots)) == (winners, losers)
    assert winners == state.taken


# --- (b) a balance is the sum of its ledger rows ------------------------------------


@EXAMPLES
@given(stories())
def test_every_balance_equals_the_sum_of_its_ledger_rows(story: Story) -> None:
    views = play(story).views()
    ledger: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in views.select("ledger", {}, order_by=("position",)):
        ledger[(row["branch_id"], row["cycle"], row["person_id"])].append(row)

    balances = views.select("balances", {})

    assert set(ledger) == {(b["branch_id"], b["cycle"], b["person_id"]) for b in balances}
    for balance in balances:
        rows = ledger[(balance["branch_id"], balance["cycle"], balance["person_id"])]
        credits = sum({"credit": 1, "revoke": -1}.get(str(r["kind"]), 0) for r in rows)
        categories = views.select(
            "category_totals",
            {k: balance[k] for k in ("branch_id", "cycle", "person_id")},
        )
        assert sum(int(r["delta"]) for r in rows) == balance["total"]
        assert credits == balance["credits"]
        assert rows[-1]["position"] == balance["last_position"]
        assert balance["total"] == sum(int(c["total"]) for c in categories)


# --- (c) deciding an accepted command again changes nothing -------------------------


@EXAMPLES
@given(stories())
def test_deciding_an_accepted_task_or_points_command_again_returns_no_events(story: Story) -> None:
    def watch(village: Village, command: Any, outcome: list[Any] | DomainError) -> None:
        if isinstance(outcome, DomainError):
            return
        again = catalog.decide(command, village.state_of(command), village.directory())
        assert [] == again

    village = play(story, watch)

    # Issuing is idempotent by content, so it holds whatever happened to the task since.
    for issue in story[:2]:
        assert [] == decide(issue, village.state_of(issue), village.directory())


ROSTER_ACTORS = (support.TOWN, support.SECRETARY, support.ORGANIZER, support.LANZHI)
ROSTER_PEOPLE = (support.LANZHI, support.MEMBER, PersonId("lv-new1"), PersonId("lv-new2"))


@st.composite
def roster_steps(draw: st.DrawFn) -> list[Any]:
    """Random appointments, ends, registrations and status changes at non-decreasing times."""
    clock = 0
    commands: list[Any] = []
    for _ in range(draw(st.integers(1, 25))):
        clock += draw(st.integers(0, 24 * 20))
        at = support.T0 + timedelta(hours=clock)
        actor = draw(st.sampled_from(ROSTER_ACTORS))
        person = draw(st.sampled_from(ROSTER_PEOPLE))
        role = draw(st.sampled_from(list(Role)))
        status = draw(st.sampled_from(list(PartyStatus)))
        since = at.date() - timedelta(days=draw(st.integers(0, 400)))
        commands.append(
            draw(
                st.sampled_from(
                    (
                        AppointRole(support.BRANCH, person, role, actor, at),
                        EndRole(support.BRANCH, person, role, "换届", actor, at),
                        RegisterPerson(person, support.BRANCH, "新村民", status, since, actor, at),
                        ChangePartyStatus(person, status, since, "支委会决定", actor, at),
                    )
                )
            )
        )
    return commands


@EXAMPLES
@given(roster_steps())
def test_deciding_an_accepted_branch_or_people_command_again_returns_no_events(
    commands: list[Any],
) -> None:
    village = Village.seeded()
    for command in commands:
        if isinstance(village.attempt(command), DomainError):
            continue
        again = catalog.decide(command, village.state_of(command), village.directory())
        assert [] == again


# --- (d) replay is deterministic ----------------------------------------------------


def refold(log: list[Any]) -> dict[str, Any]:
    """Every stream's state, folded from the recorded log alone."""
    concept_of_event = {event: c for c in CONCEPTS for event in c.events.values()}
    states: dict[str, Any] = {}
    for recorded in log:
        concept = concept_of_event[type(recorded.event)]
        states[recorded.stream_id] = concept.evolve(
            states.get(recorded.stream_id, concept.initial()), recorded.event
        )
    return states


@EXAMPLES
@given(stories())
def test_replaying_the_log_twice_gives_the_same_states_and_views(story: Story) -> None:
    village = play(story)

    first, second = refold(village.log), refold(village.log)

    assert village.states == first == second
    assert project(village.log).dump() == project(list(village.log)).dump()


@FEWER
@given(stories())
def test_every_stream_is_numbered_one_to_n_in_the_order_of_the_log(story: Story) -> None:
    village = play(story)

    versions: dict[str, list[int]] = defaultdict(list)
    for recorded in village.log:
        versions[recorded.stream_id].append(recorded.version)

    assert [r.position for r in village.log] == list(range(1, len(village.log) + 1))
    assert all(v == list(range(1, len(v) + 1)) for v in versions.values())


# --- (e) the wall is a total order --------------------------------------------------


@st.composite
def standings(draw: st.DrawFn) -> list[Standing]:
    """Standings with distinct people and many ties in total, credits and position."""
    ids = draw(st.lists(st.from_regex(r"[a-z]{1,3}", fullmatch=True), max_size=12, unique=True))
    return [
        Standing(
            pid,
            pid,
            "activist",
            draw(st.integers(-2, 4)),
            draw(st.integers(0, 2)),
            draw(st.integers(0, 3)),
        )
        for pid in ids
    ]


def key(s: Standing) -> tuple[int, int, int, str]:
    return (-s.total, -s.credits, s.last_position, s.person_id)


@EXAMPLES
@given(standings(), st.randoms(use_true_random=False))
def test_the_wall_ranks_every_permutation_the_same_from_one_to_n(
    people: list[Standing], random: Any
) -> None:
    shuffled = list(people)
    random.shuffle(shuffled)

    wall, again = rank(people), rank(shuffled)

    assert wall == again
    assert list(range(1, len(people) + 1)) == [entry.rank for entry in wall]
    assert sorted(p.person_id for p in people) == sorted(e.standing.person_id for e in wall)


@EXAMPLES
@given(standings())
def test_the_wall_names_the_first_rule_that_separates_tied_neighbours(
    people: list[Standing],
) -> None:
    wall = rank(people)

    for above, below in pairwise(wall):
        a, b = above.standing, below.standing
        assert key(a) < key(b)
        differing = [label for name, label in TIE_RULES if getattr(a, name) != getattr(b, name)]
        expected = None if a.total != b.total else differing[0]
        assert expected == below.separated_by
