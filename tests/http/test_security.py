"""The door: invitations, passwords, lock-outs, logout, closed accounts, API tokens with
scopes, revocation — each refusal typed, nothing written."""

from __future__ import annotations

from adapters.identity import LoginPolicy
from tests.http.conftest import PASSWORD, Server
from tests.support import LANZHI, MEMBER, SECRETARY, XINGCAN


def test_the_secretary_invites_and_the_person_sets_a_password_on_the_join_page(
    server: Server,
) -> None:
    secretary = server.logged_in(SECRETARY)

    invited = secretary.post(f"/accounts/{LANZHI}/invitations", {"valid_days": 3})
    code = invited.json()["code"]
    page = secretary.client.get(invited.json()["link"])
    form = {"code": code, "password": "lanzhi-mima-1", "again": "lanzhi-mima-1"}
    done = server.phone(LANZHI).client.post("/join", data=form)

    assert 200 == invited.status_code
    assert "设置登录密码" in page.text
    assert 200 == done.status_code
    assert "密码已设置" in done.text
    assert 200 == server.phone(LANZHI).login("lanzhi-mima-1").status_code


def test_an_invitation_works_once_and_a_wrong_code_never(server: Server) -> None:
    issued = server.identity.invite(SECRETARY, LANZHI, command_id="inv-a")
    phone = server.phone(LANZHI)
    wrong = issued.code[:-2] + "xx"

    refused = phone.client.post("/auth/accept", json={"code": wrong, "password": PASSWORD})
    first = phone.client.post("/auth/accept", json={"code": issued.code, "password": PASSWORD})
    again = phone.client.post("/auth/accept", json={"code": issued.code, "password": "x" * 9})

    assert (400, "invitation_invalid") == (refused.status_code, refused.json()["code"])
    assert 200 == first.status_code
    assert (400, "invitation_invalid") == (again.status_code, again.json()["code"])
    assert 200 == phone.login(PASSWORD).status_code


def test_only_the_persons_leaders_invite(server: Server) -> None:
    member = server.logged_in(MEMBER)

    answer = member.post(f"/accounts/{LANZHI}/invitations", {})

    assert (403, "unauthorized") == (answer.status_code, answer.json()["code"])
    assert server.identity.account(LANZHI) is None


def test_a_weak_password_is_refused_and_sets_nothing(server: Server) -> None:
    issued = server.identity.invite(SECRETARY, LANZHI, command_id="inv-b")

    answer = server.phone(LANZHI).client.post(
        "/auth/accept", json={"code": issued.code, "password": "12345678"}
    )

    assert (422, "weak_password") == (answer.status_code, answer.json()["code"])
    account = server.identity.account(LANZHI)
    assert account is not None
    assert not account.open


def test_logins_lock_after_five_failures_even_with_the_right_password(server: Server) -> None:
    server.open_account(LANZHI, SECRETARY)
    phone = server.phone(LANZHI)

    failures = [phone.login("wrong-password").status_code for _ in range(5)]
    locked = phone.login(PASSWORD)

    assert [401] * 5 == failures
    assert (429, "login_locked") == (locked.status_code, locked.json()["code"])
    assert "Retry-After" in locked.headers


def test_an_unknown_person_and_a_wrong_password_get_the_same_answer(server: Server) -> None:
    server.open_account(LANZHI, SECRETARY)

    unknown = server.phone("nobody-here").login(PASSWORD)
    wrong = server.phone(LANZHI).login("wrong-password")

    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json() == wrong.json()


def test_an_address_is_locked_out_after_many_failures_across_people(tmp_path: object) -> None:
    from tests.adapters.stores import village_app

    app = village_app("memory://")
    server = Server(app, LoginPolicy(per_address=3))
    for person in (LANZHI, XINGCAN, MEMBER):
        server.phone(person).login("wrong-password")
    server.open_account(SECRETARY, SECRETARY)

    answer = server.phone(SECRETARY).login(PASSWORD)

    assert 429 == answer.status_code


def test_logout_ends_the_session(server: Server) -> None:
    lanzhi = server.logged_in(LANZHI)
    cookie = lanzhi.client.cookies.get("dangjian_session")

    assert 204 == lanzhi.post("/auth/logout").status_code
    replay = server.phone(LANZHI)
    replay.client.cookies.set("dangjian_session", cookie or "")
    assert 401 == replay.client.get("/auth/me").status_code


def test_closing_an_account_ends_its_sessions_at_once(server: Server) -> None:
    lanzhi = server.logged_in(LANZHI)
    secretary = server.logged_in(SECRETARY)

    closed = secretary.post(f"/accounts/{LANZHI}/close", {"reason": "外出务工，暂停使用"})

    assert 200 == closed.status_code
    assert 401 == lanzhi.client.get("/auth/me").status_code
    assert 401 == server.phone(LANZHI).login().status_code


def test_a_new_password_ends_sessions_begun_with_the_old_one(server: Server) -> None:
    lanzhi = server.logged_in(LANZHI)
    issued = server.identity.invite(SECRETARY, LANZHI, command_id="inv-new")

    server.phone(LANZHI).client.post(
        "/auth/accept", json={"code": issued.code, "password": "xin-mima-2026"}
    )

    assert 401 == lanzhi.client.get("/auth/me").status_code
    assert 401 == server.phone(LANZHI).login(PASSWORD).status_code
    assert 200 == server.phone(LANZHI).login("xin-mima-2026").status_code


def test_a_read_token_reads_but_never_writes_and_revoked_admits_nobody(server: Server) -> None:
    lanzhi = server.logged_in(LANZHI)
    issued = lanzhi.post("/accounts/me/tokens", {"label": "群机器人", "scopes": ["read"]})
    bearer = {"Authorization": f"Bearer {issued.json()['token']}"}
    robot = server.phone(LANZHI).client

    read = robot.get("/events?after=0&limit=5", headers=bearer)
    write = robot.post("/commands/ClaimTask", json={"task_id": "T1"}, headers=bearer)
    minted = robot.post(
        "/accounts/me/tokens", json={"label": "x", "scopes": ["read"]}, headers=bearer
    )
    token_id = issued.json()["token_id"]
    revoked = lanzhi.post(f"/accounts/{LANZHI}/tokens/{token_id}/revoke", {"reason": "泄露"})
    after = robot.get("/events?after=0&limit=5", headers=bearer)

    assert 200 == issued.status_code
    assert 200 == read.status_code
    assert (403, "token_scope") == (write.status_code, write.json()["code"])
    assert 403 == minted.status_code
    assert 200 == revoked.status_code
    assert (401, "not_authenticated") == (after.status_code, after.json()["code"])


def test_a_write_token_acts_as_its_holder_without_a_csrf_token(server: Server) -> None:
    secretary = server.logged_in(SECRETARY)
    issued = secretary.post("/accounts/me/tokens", {"label": "通知服务", "scopes": ["write"]})
    bearer = {"Authorization": f"Bearer {issued.json()['token']}"}
    body = {"reason": "测试", "person_id": LANZHI}

    answer = server.phone(SECRETARY).client.post(
        "/commands/RenamePerson", json={**body, "name": "吕兰芝"}, headers=bearer
    )

    assert 200 == answer.status_code, answer.text
    assert SECRETARY == answer.json()["events"][0]["actor_id"]


def test_a_forged_or_malformed_bearer_token_is_refused(server: Server) -> None:
    client = server.phone(LANZHI).client

    for credential in ("tok-x.y", "no-dot", "", "a" * 300):
        answer = client.get("/auth/me", headers={"Authorization": f"Bearer {credential}"})
        assert 401 == answer.status_code
    basic = client.get("/auth/me", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert 401 == basic.status_code
