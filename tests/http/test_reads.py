"""Reads over HTTP: typed answers, public tables by their keys, the event feed with its
chain entry — and no personal data in any of them."""

from __future__ import annotations

from dangjian_core.people.commands import RecordPersonDetails
from dangjian_core.people.events import Gender
from tests.http.conftest import Server
from tests.support import LANZHI, SECRETARY, T0, issue

ID_NUMBER = "11010519491231002X"


def _record_details(server: Server) -> None:
    server.app.handle(
        RecordPersonDetails(LANZHI, Gender.FEMALE, 1990, "13800000000", ID_NUMBER, SECRETARY, T0)
    )


def test_the_feed_pages_with_the_chain_entry_of_its_last_event(any_server: Server) -> None:
    reader = any_server.logged_in(LANZHI)

    first = reader.client.get("/events?after=0&limit=5").json()
    second = reader.client.get(f"/events?after={first['next_after']}&limit=5").json()

    positions = [e["position"] for e in first["events"] + second["events"]]
    assert positions == sorted(positions)
    assert 10 == len(positions)
    entry = any_server.app.store.chain_at(first["next_after"])
    assert entry is not None
    assert {"size": entry.seq, "hash": entry.hash.hex()} == first["chain"]
    assert 5 == first["chain"]["size"]


def test_the_feed_masks_personal_data(server: Server) -> None:
    _record_details(server)
    reader = server.logged_in(LANZHI)

    page = reader.client.get("/events?after=0&limit=1000")

    assert ID_NUMBER not in page.text
    assert "13800000000" not in page.text
    [details] = [e for e in page.json()["events"] if e["type"] == "PersonDetailsRecorded"]
    assert "(不公开)" == details["data"]["id_number"]


def test_public_tables_are_read_by_their_keys_and_private_ones_not_at_all(
    server: Server,
) -> None:
    _record_details(server)
    reader = server.logged_in(LANZHI)

    catalog = {t["table"] for t in reader.client.get("/views").json()}
    people = reader.client.get("/views/people?branch_id=paixilv&limit=3").json()
    private = reader.client.get("/views/person_details")
    unfilterable = reader.client.get("/views/people?name=吕兰枝")

    assert "people" in catalog
    assert not {"person_details", "accounts", "api_tokens"} & catalog
    assert 3 == len(people["rows"])
    assert people["total"] >= 7
    assert (404, "unknown") == (private.status_code, private.json()["code"])
    assert (422, "invalid") == (unfilterable.status_code, unfilterable.json()["code"])
    assert ID_NUMBER not in reader.client.get("/views/people?person_id=lv-lanzhi").text


def test_a_task_and_a_branchs_tasks_and_a_balance(server: Server) -> None:
    reader = server.logged_in(LANZHI)
    server.app.handle(issue("T-read"))

    task = reader.client.get("/tasks/T-read")
    tasks = reader.client.get("/branches/paixilv/tasks")
    balance = reader.client.get(f"/people/{LANZHI}/points/2021-10")
    missing = reader.client.get("/tasks/T-none")

    assert "T-read" == task.json()["task"]["task_id"]
    assert ["T-read"] == [t["task_id"] for t in tasks.json()]
    assert 200 == balance.status_code
    assert (404, "unknown") == (missing.status_code, missing.json()["code"])


def test_reads_need_a_session_or_token(server: Server) -> None:
    client = server.phone(LANZHI).client

    assert 401 == client.get("/events").status_code
    assert 401 == client.get("/views/people").status_code
    assert 401 == client.get("/tasks/T1").status_code
