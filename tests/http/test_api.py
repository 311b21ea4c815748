"""The HTTP API: the actor is who logged in, the time is the server's; refusals are
statuses with stable codes in both languages; retries are answered, not applied twice."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from adapters.storage.folding import fold
from dangjian_core.tasks import CONCEPT as TASKS
from dangjian_core.tasks.state import TASK
from tests.http.conftest import Phone, Server
from tests.support import LANZHI, REVIEWER, SECRETARY, VOLUNTEER, XINGCAN


def task_body(server: Server, task_id: str = "T-http", slots: int = 2) -> dict[str, Any]:
    deadline = server.app.now() + timedelta(days=7)
    return {
        "task_id": task_id,
        "branch_id": "paixilv",
        "title": "清理村口垃圾",
        "category": "环境卫生整治",
        "points": 5,
        "slots": slots,
        "deadline": deadline.isoformat(),
        "audiences": ["activists", "members", "volunteers"],
        "source_kind": "village",
        "source_reference": "",
    }


def issued(server: Server, slots: int = 2) -> Phone:
    secretary = server.logged_in(SECRETARY)
    answer = secretary.command("IssueTask", **task_body(server, slots=slots))
    assert 200 == answer.status_code, answer.text
    return secretary


def test_a_claim_is_recorded_as_the_logged_in_person_at_the_servers_time(
    any_server: Server,
) -> None:
    issued(any_server)
    lanzhi = any_server.logged_in(LANZHI)
    before = any_server.app.now()

    answer = lanzhi.command("ClaimTask", task_id="T-http")

    assert 200 == answer.status_code, answer.text
    [event] = answer.json()["events"]
    assert ("TaskClaimed", LANZHI) == (event["type"], event["actor_id"])
    at = datetime.fromisoformat(event["at"])
    assert before <= at <= any_server.app.now()


def test_the_body_cannot_name_the_actor_or_the_time(server: Server) -> None:
    issued(server)
    lanzhi = server.logged_in(LANZHI)

    answer = lanzhi.command("ClaimTask", task_id="T-http", actor_id=XINGCAN, at="2021-10-08")

    assert 422 == answer.status_code
    assert {"actor_id", "at"} == {f["field"] for f in answer.json()["fields"]}
    assert 0 == _claims(server)


def test_nothing_is_written_without_a_session_or_a_token(server: Server) -> None:
    issued(server)
    stranger = server.phone(LANZHI)

    answer = stranger.command("ClaimTask", task_id="T-http")

    assert 401 == answer.status_code
    assert "not_authenticated" == answer.json()["code"]
    assert 0 == _claims(server)


def test_a_session_form_without_its_anti_forgery_token_is_refused(server: Server) -> None:
    issued(server)
    lanzhi = server.logged_in(LANZHI)

    missing = lanzhi.client.post("/commands/ClaimTask", json={"task_id": "T-http"})
    forged = lanzhi.client.post(
        "/commands/ClaimTask", json={"task_id": "T-http"}, headers={"X-CSRF-Token": "guess"}
    )

    assert (403, "csrf") == (missing.status_code, missing.json()["code"])
    assert (403, "csrf") == (forged.status_code, forged.json()["code"])
    assert 0 == _claims(server)


def test_the_session_cookie_is_http_only_and_same_site_strict(server: Server) -> None:
    server.open_account(LANZHI, SECRETARY)

    answer = server.phone(LANZHI).login()

    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=strict" in cookie
    assert "csrf_token" in answer.json()


def test_a_cookie_the_client_brought_is_never_adopted_as_the_session(server: Server) -> None:
    server.open_account(LANZHI, SECRETARY)
    phone = server.phone(LANZHI)
    phone.client.cookies.set("dangjian_session", "planted-by-attacker")

    answer = phone.login()

    given = answer.headers["set-cookie"].split(";")[0].partition("=")[2]
    assert given
    assert "planted-by-attacker" != given
    attacker = server.phone(LANZHI)
    attacker.client.cookies.set("dangjian_session", "planted-by-attacker")
    assert 401 == attacker.client.get("/auth/me").status_code


def test_nobody_approves_their_own_claim_nor_without_the_role(server: Server) -> None:
    issued(server)
    reviewer = server.logged_in(REVIEWER)
    volunteer = server.logged_in(VOLUNTEER)
    for phone in (reviewer, volunteer):
        phone.command("ClaimTask", task_id="T-http")
        phone.command("SubmitCompletion", task_id="T-http", note="已清理", photos=[])

    own = reviewer.command(
        "ApproveCompletion", task_id="T-http", claimant_id=REVIEWER, points=None, reason=""
    )
    unentitled = volunteer.command(
        "ApproveCompletion", task_id="T-http", claimant_id=REVIEWER, points=None, reason=""
    )

    assert (403, "self_review") == (own.status_code, own.json()["code"])
    assert (403, "unauthorized") == (unentitled.status_code, unentitled.json()["code"])
    assert own.json()["zh"]
    assert own.json()["en"]


def test_a_retried_key_is_answered_again_and_a_reused_one_refused(server: Server) -> None:
    issued(server)
    lanzhi = server.logged_in(LANZHI)

    first = lanzhi.command("ClaimTask", key="claim-1", task_id="T-http")
    again = lanzhi.command("ClaimTask", key="claim-1", task_id="T-http")
    other = lanzhi.command("ClaimTask", key="claim-1", task_id="T-other")

    assert (200, False) == (first.status_code, first.json()["replayed"])
    assert (200, True) == (again.status_code, again.json()["replayed"])
    assert first.json()["events"] == again.json()["events"]
    assert first.json()["command_id"] == again.json()["command_id"]
    assert 422 == other.status_code
    assert 1 == _claims(server)


def test_the_same_key_from_two_people_names_two_commands(server: Server) -> None:
    issued(server)
    first = server.logged_in(LANZHI).command("ClaimTask", key="k", task_id="T-http")
    second = server.logged_in(XINGCAN).command("ClaimTask", key="k", task_id="T-http")

    assert (200, 200) == (first.status_code, second.status_code)
    assert 2 == _claims(server)


def test_a_full_task_says_so_with_its_code(server: Server) -> None:
    issued(server, slots=1)
    server.logged_in(LANZHI).command("ClaimTask", task_id="T-http")

    late = server.logged_in(XINGCAN).command("ClaimTask", task_id="T-http")

    assert 409 == late.status_code
    assert late.json()["code"] != "refused"
    assert "名额" in late.json()["zh"]


def test_a_malformed_body_names_the_field(server: Server) -> None:
    secretary = server.logged_in(SECRETARY)

    wrong_type = secretary.command("IssueTask", **{**task_body(server), "slots": "many"})
    out_of_range = secretary.command("IssueTask", **{**task_body(server), "slots": 0})
    naive = secretary.command("IssueTask", **{**task_body(server), "deadline": "2030-01-01T09:00"})

    assert 422 == wrong_type.status_code
    assert ["slots"] == [f["field"] for f in wrong_type.json()["fields"]]
    assert (422, "invalid") == (out_of_range.status_code, out_of_range.json()["code"])
    assert "slots" in out_of_range.json()["en"]
    assert (422, "invalid") == (naive.status_code, naive.json()["code"])
    assert "deadline" in naive.json()["en"]


def test_an_unknown_task_is_not_found(server: Server) -> None:
    answer = server.logged_in(LANZHI).command("ClaimTask", task_id="T-none")

    assert (404, "unknown") == (answer.status_code, answer.json()["code"])


def _claims(server: Server) -> int:
    rows = server.app.store.read_stream(TASK.id("T-http"))
    state = fold(TASKS, 0, TASKS.initial(), rows)[1]
    return 0 if state is None else len(state.claims)
