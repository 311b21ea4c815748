"""攻坚 over HTTP: the campaign commands are served like every other (the actor is who
logged in, the time is the server's), a measured amount travels as decimal text and comes
back exactly, and the campaign read models are read by key."""

from __future__ import annotations

from tests.http.conftest import Server
from tests.support import BRANCH, MEMBER, SECRETARY


def test_a_campaign_with_a_decimal_milestone_is_run_and_read_by_key(server: Server) -> None:
    today = server.app.now().date()
    secretary = server.logged_in(SECRETARY)
    c = {"campaign_id": "gongjian"}
    p = {**c, "problem_id": "s316"}

    steps = [
        ("LaunchCampaign", {**c, "unit_id": BRANCH, "name": "三场硬仗",
                            "starts": today.isoformat(), "ends": f"{today.year + 1}-12-31"}),
        ("OpenFront", {**c, "front_id": "jiaotong", "name": "交通项目大会战"}),
        ("ListProblem", {**p, "front_id": "jiaotong", "title": "S316省道"}),
        ("FormTaskForce", {**p, "leader_id": SECRETARY, "since": today.isoformat()}),
        ("StartProblem", {**p, "on": today.isoformat()}),
        ("SetMilestone", {**p, "milestone_no": 1, "title": "土地清表", "due": f"{today.year + 1}-06-30",
                          "target": "30.3208", "measure": "公顷"}),
        ("ReportMilestoneProgress", {**p, "milestone_no": 1, "achieved": "12.5",
                                     "on": today.isoformat(), "evidence": "清表验收单"}),
    ]  # fmt: skip
    answers = [secretary.post(f"/commands/{command}", body) for command, body in steps]
    not_leader = server.logged_in(MEMBER).command(
        "ReportMilestoneProgress",
        **p, milestone_no=1, achieved="13", on=today.isoformat(), evidence="x",
    )  # fmt: skip
    float_amount = secretary.command(
        "ReportMilestoneProgress",
        **p, milestone_no=1, achieved=13.5, on=today.isoformat(), evidence="x",
    )  # fmt: skip
    rows = secretary.client.get("/views/campaign_milestones?campaign_id=gongjian")

    assert [200] * len(steps) == [a.status_code for a in answers], [a.text for a in answers]
    assert (403, "unauthorized") == (not_leader.status_code, not_leader.json()["code"])
    assert 422 == float_amount.status_code
    [row] = rows.json()["rows"]
    assert ("30.3208", "12.5", "公顷") == (row["target"], row["achieved"], row["measure"])
