"""攻坚的性质 — properties over generated plays: progress never passes its target unless
recorded as over-fulfilment (超额完成), in the state and in the read models; the
dashboard's roll-ups equal the sum of their parts (problems → fronts → campaign), and so
does a problem's linked work."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_core.campaigns.commands import ReportMilestoneProgress
from dangjian_core.campaigns.decisions import decide, evolve
from dangjian_core.campaigns.queries import (
    LinkedPart,
    ProgressStatus,
    add_counts,
    dashboard,
    roll_up_links,
)
from dangjian_core.campaigns.values import LinkKind, amount
from dangjian_core.catalog import ALL_TABLES, project_all
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.readmodel import MemoryViews
from dangjian_core.kernel.recorded import Recorded
from tests.core.campaigns_given import CAMPAIGN, HU, PROBLEM, at, campaign_world, milestone, on

amounts = st.decimals(min_value=0, max_value=500, places=4, allow_nan=False, allow_infinity=False)
targets = st.decimals(
    min_value=Decimal("0.0001"), max_value=400, places=4, allow_nan=False, allow_infinity=False
)


@settings(max_examples=60, deadline=None)
@given(
    target=targets,
    plays=st.lists(st.tuples(amounts, st.booleans(), st.integers(0, 3)), max_size=8),
)
def test_progress_never_exceeds_its_target_unless_recorded_as_over_fulfilment(
    target: Decimal, plays: list[tuple[Decimal, bool, int]]
) -> None:
    # given a started problem with milestone 2 whose target is generated
    world = campaign_world(milestone(2, "土地清表", 90, str(target), "公顷"))
    facts, state = world.facts(), world.states[f"campaign-{CAMPAIGN}"]
    views = MemoryViews(ALL_TABLES)
    day = 30
    # when members report any results, over-fulfilment or not, in date order
    for position, (achieved, over, gap) in enumerate(plays, start=1):
        day += gap
        command = ReportMilestoneProgress(
            CAMPAIGN, PROBLEM, 2, str(achieved), on(day), "现场测量", HU, at(day), over
        )
        try:
            events = decide(command, state, facts)
        except DomainError:
            continue
        for event in events:
            state = evolve(state, event)
            views.apply(project_all(Recorded(position, "s", position, HU, at(day), event)))
        # then the milestone's result is within its target, or recorded as 超额完成
        reported = state.problems[PROBLEM].milestones[2]
        assert reported.achieved is not None
        assert amount(reported.achieved) <= target or reported.over_fulfilment
    for row in views.select("campaign_reports", {}):
        assert amount(str(row["achieved"])) <= target or row["over_fulfilment"] == 1


_FRONTS = ("jiaotong", "wujin", "chaiqian")
problems = st.lists(
    st.tuples(
        st.sampled_from(_FRONTS),
        st.none() | st.integers(0, 60),  # started on
        st.none() | st.integers(0, 60),  # completed on
        st.lists(st.tuples(st.integers(0, 90), st.integers(1, 30), st.integers(0, 40)), max_size=3),
    ),
    max_size=12,
)


@settings(max_examples=100, deadline=None)
@given(problems=problems, as_of=st.integers(0, 100))
def test_the_dashboards_roll_ups_equal_the_sum_of_their_parts(
    problems: list[tuple[str, int | None, int | None, list[tuple[int, int, int]]]], as_of: int
) -> None:
    # given three battles and any problems on them, with milestones and reports
    start = date(2022, 1, 1)

    def day(n: int | None) -> str | None:
        return None if n is None else (start + timedelta(days=n)).isoformat()

    fronts = [
        {"campaign_id": "c", "front_id": f, "name": f, "position": i} for i, f in enumerate(_FRONTS)
    ]
    rows, milestones, reports = [], [], []
    for i, (front, started, completed, marks) in enumerate(problems):
        pid = f"p{i}"
        rows.append({
            "campaign_id": "c", "problem_id": pid, "front_id": front, "title": pid,
            "leader_id": None, "started_on": day(started), "completed_on": day(completed),
            "position": i,
        })  # fmt: skip
        for n, (due, target, done) in enumerate(marks, start=1):
            milestones.append({
                "campaign_id": "c", "problem_id": pid, "milestone_no": n, "title": "节点",
                "due": day(due), "target": str(target), "measure": "户",
            })  # fmt: skip
            reports.append({
                "campaign_id": "c", "problem_id": pid, "milestone_no": n, "position": len(reports),
                "reported_on": day(due // 2), "achieved": str(done), "over_fulfilment": 0,
            })  # fmt: skip
    campaign = {"campaign_id": "c", "name": "三场硬仗"}

    # when the dashboard is read on any day
    view = dashboard(campaign, fronts, rows, milestones, reports, [], start + timedelta(as_of))

    # then each front's counts add up to its problems, and the campaign's to the fronts'
    for line in view.fronts:
        assert len(line.problems) == sum(line.counts.values())
    assert view.counts == add_counts(line.counts for line in view.fronts)
    assert len(problems) == view.problems == sum(view.counts.values())
    assert view.started == len(problems) - view.counts[ProgressStatus.NOT_STARTED]


@given(
    st.lists(
        st.tuples(st.sampled_from(list(LinkKind)), st.integers(0, 500), st.integers(0, 500)),
        max_size=10,
    )
)
def test_a_problems_linked_work_rolls_up_to_the_sum_of_its_parts(
    parts: list[tuple[LinkKind, int, int]],
) -> None:
    linked = [LinkedPart(kind, f"x{i}", "工作", t, d) for i, (kind, t, d) in enumerate(parts)]

    total = roll_up_links(linked)

    assert (sum(t for _, t, _ in parts), sum(d for _, _, d in parts)) == (total.target, total.done)
    assert tuple(linked) == total.parts
