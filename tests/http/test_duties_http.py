"""职责 over HTTP: the duty and register commands are served like every other (the actor is
who logged in, the time is the server's), a problem with its follow-up issues a task in
the same request, and the read models are read by key."""

from __future__ import annotations

from datetime import timedelta

from tests.http.conftest import Server
from tests.support import BRANCH, MEMBER, SECRETARY


def test_the_secretary_assigns_a_road_the_chief_patrols_and_a_problem_becomes_a_task(
    server: Server,
) -> None:
    today = server.app.now().date()
    secretary, chief = server.logged_in(SECRETARY), server.logged_in(MEMBER)
    duty = {
        "duty_id": "road-1",
        "unit_id": BRANCH,
        "kind": "road",
        "object_name": "村主干道",
        "details": "长约400米",
        "holder_id": MEMBER,
        "every": 3,
        "cadence": "day",
        "since": today.isoformat(),
    }
    follow = {
        "to": "task",
        "follow_id": "T-road-1",
        "title": "清理路边堆放",
        "deadline": (server.app.now() + timedelta(days=7)).isoformat(),
        "points": 2,
    }

    assigned = secretary.command("AssignDuty", **duty)
    patrolled = chief.command("LogPatrol", duty_id="road-1", on=today.isoformat(), note="路面整洁")
    by_other = secretary.command(
        "AssignDuty", **(duty | {"duty_id": "road-2", "holder_id": "nobody"})
    )
    problem = secretary.command(
        "ReportProblem",
        duty_id="road-1",
        problem_id="P1",
        on=today.isoformat(),
        description="路边堆放建材",
        **follow,
    )
    rows = chief.client.get(f"/views/duties?unit_id={BRANCH}").json()["rows"]
    patrols = chief.client.get("/views/duty_patrols?duty_id=road-1").json()["rows"]
    task = chief.client.get("/tasks/T-road-1")

    assert 200 == assigned.status_code, assigned.text
    assert ["PatrolLogged"] == [e["type"] for e in patrolled.json()["events"]]
    assert by_other.status_code in {409, 422}
    assert 200 == problem.status_code, problem.text
    assert [(MEMBER, 1, 1)] == [(r["holder_id"], r["patrols"], r["problems"]) for r in rows]
    assert [today.isoformat()] == [p["patrolled_on"] for p in patrols]
    assert 200 == task.status_code, task.text


def test_the_register_is_kept_over_http_and_read_by_unit(server: Server) -> None:
    today = server.app.now().date().isoformat()
    secretary = server.logged_in(SECRETARY)

    enterprise = {"unit_id": BRANCH, "enterprise_id": "e1", "name": "多德士工贸", "since": today}
    listed = secretary.post("/commands/ListEnterprise", enterprise)
    founded = secretary.command(
        "RecordPartyOrganization", unit_id=BRANCH, enterprise_id="e1", founded_on=today, form="own"
    )
    other = enterprise | {"enterprise_id": "e2", "name": "别家"}
    by_member = server.logged_in(MEMBER).post("/commands/ListEnterprise", other)
    rows = secretary.client.get(f"/views/enterprises?unit_id={BRANCH}").json()["rows"]

    assert (200, 200) == (listed.status_code, founded.status_code), founded.text
    assert (403, "unauthorized") == (by_member.status_code, by_member.json()["code"])
    assert [("e1", today)] == [(r["enterprise_id"], r["founded_on"]) for r in rows]
