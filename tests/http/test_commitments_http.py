"""公开承诺 over HTTP: the commitment commands are served like every other (the actor is
who logged in, the time is the server's), their read models are read by key, and the
table of feedback givers' names and contacts is never served."""

from __future__ import annotations

from tests.http.conftest import Server
from tests.support import BRANCH, MEMBER, SECRETARY


def test_a_member_drafts_their_pledge_and_the_branch_reads_it_by_key(server: Server) -> None:
    year = server.app.now().year
    member = server.logged_in(MEMBER)
    body = {
        "unit_id": BRANCH,
        "year": year,
        "pledger_id": MEMBER,
        "item_no": 1,
        "post": "党员",
        "content": "义务清扫村道",
        "target": "每周清扫一次",
        "due": f"{year}-12-31",
    }

    drafted = member.command("DraftPledge", key="pledge-1", **body)
    again = member.command("DraftPledge", key="pledge-1", **body)
    for_someone_else = member.command("DraftPledge", **(body | {"pledger_id": SECRETARY}))
    rows = server.logged_in(SECRETARY).client.get(f"/views/commitment_pledges?unit_id={BRANCH}")

    assert 200 == drafted.status_code, drafted.text
    assert ["PledgeDrafted"] == [e["type"] for e in drafted.json()["events"]]
    assert (200, True) == (again.status_code, again.json()["replayed"])
    assert (403, "unauthorized") == (for_someone_else.status_code, for_someone_else.json()["code"])
    [row] = rows.json()["rows"]
    assert (row["pledger_id"], row["owner_id"], row["status"]) == (MEMBER, MEMBER, "drafted")


def test_the_feedback_givers_and_objectors_contacts_are_never_served(server: Server) -> None:
    reader = server.logged_in(MEMBER)

    catalog = {t["table"] for t in reader.client.get("/views").json()}
    contacts = reader.client.get("/views/commitment_feedback_contacts")

    assert {"commitment_pledges", "commitment_feedback", "commitment_scores"} <= catalog
    assert not {"commitment_feedback_contacts", "dev_objection_contacts"} & catalog
    assert (404, "unknown") == (contacts.status_code, contacts.json()["code"])
