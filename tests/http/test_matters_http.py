"""村务决策 over HTTP: the decision commands are served like every other (the actor is who
logged in, the time is the server's), a meeting's named ballots travel as JSON, the read
models are read by key, and the objectors' names and contacts are never served."""

from __future__ import annotations

from tests.http.conftest import Server
from tests.support import BRANCH, MEMBER, ORGANIZER, SECRETARY


def test_the_branch_opens_a_matter_and_votes_by_name_over_http(server: Server) -> None:
    today = server.app.now().date().isoformat()
    secretary = server.logged_in(SECRETARY)
    opened = {"unit_id": BRANCH, "matter_id": "road", "title": "村道硬化", "origin": "cadres"}
    meeting = {
        "unit_id": BRANCH,
        "matter_id": "road",
        "step": "propose",
        "held_on": today,
        "present": [SECRETARY, ORGANIZER],
        "ballots": [
            {"voter_id": SECRETARY, "choice": "for"},
            {"voter_id": ORGANIZER, "choice": "for"},
        ],
    }

    first = secretary.command("OpenMatter", key="road-1", **opened)
    held = secretary.command("HoldMeeting", **meeting)
    out_of_order = secretary.command("HoldMeeting", **(meeting | {"step": "review"}))
    by_member = server.logged_in(MEMBER).command("OpenMatter", **(opened | {"matter_id": "x"}))
    steps = secretary.client.get(f"/views/matter_steps?unit_id={BRANCH}&matter_id=road")

    assert 200 == first.status_code, first.text
    assert ["MatterOpened"] == [e["type"] for e in first.json()["events"]]
    assert 200 == held.status_code, held.text
    assert (409, "matter") == (out_of_order.status_code, out_of_order.json()["code"])
    assert "step_order" in str(out_of_order.json())
    assert (403, "unauthorized") == (by_member.status_code, by_member.json()["code"])
    [row] = steps.json()["rows"]
    assert (row["expected"], row["present"], row["votes_for"], row["outcome"]) == (
        2,
        2,
        2,
        "passed",
    )


def test_the_objectors_contacts_are_never_served(server: Server) -> None:
    reader = server.logged_in(MEMBER)

    catalog = {t["table"] for t in reader.client.get("/views").json()}
    contacts = reader.client.get("/views/matter_objection_contacts")

    assert {"matters", "matter_steps", "matter_notices", "matter_objections"} <= catalog
    assert "matter_objection_contacts" not in catalog
    assert (404, "unknown") == (contacts.status_code, contacts.json()["code"])
