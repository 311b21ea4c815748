"""账户命令行 — ``dangjian account …`` on a SQLite file: the branch's leaders invite (the
one-time code shown once, never stored), the person sets a password with it and logs in;
anybody else is refused; closing an account ends its logins; a token is revoked."""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from adapters.app import open_app
from adapters.cli.errors import EXIT_UNAUTHORIZED
from adapters.cli.main import cli
from adapters.identity import BadCredentials, Identity, NotAuthenticated
from dangjian_core.accounts.events import Scope
from tests.adapters.stores import village_app
from tests.envelope import data_of
from tests.support import LANZHI, SECRETARY, XINGCAN

PASSWORD = "lanzhi-2021-pw"
ADDRESS = "192.0.2.7"


class Cli:
    """``dangjian --store FILE …`` in-process, on the test village."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self.runner = CliRunner()

    def __call__(self, line: str) -> Result:
        """Run one command line; unexpected exceptions fail the test."""
        argv = ["--store", str(self.store), *shlex.split(line)]
        return self.runner.invoke(cli, argv, env={"COLUMNS": "120"}, catch_exceptions=False)

    def ok(self, line: str) -> str:
        """Run a command that must succeed; its standard output (with ``--json``, the
        envelope's ``data``, once checked against the published schema)."""
        result = self(line)
        assert 0 == result.exit_code, result.output
        if "--json" in shlex.split(line):
            return json.dumps(data_of(result.stdout), ensure_ascii=False)
        return result.stdout

    def invite(self, person: str = LANZHI) -> str:
        """Invite ``person`` as the branch secretary; the code from the JSON document."""
        document = json.loads(self.ok(f"--json account invite {person} --as {SECRETARY}"))
        code: str = document["code"]
        return code

    @contextmanager
    def identity(self) -> Iterator[Identity]:
        """The identity service on the same file."""
        with open_app(str(self.store), create=False) as app:
            yield Identity(app)


@pytest.fixture
def village(tmp_path: Path) -> Cli:
    """派溪吕村 (tests.support) on a fresh SQLite file."""
    store = tmp_path / "paixilv.db"
    village_app(str(store)).close()
    return Cli(store)


def test_an_invitation_prints_a_one_time_code_and_the_page_to_use_it(village: Cli) -> None:
    out = village.ok(f"account invite {LANZHI} --as {SECRETARY} --days 3")

    code = next(line for line in out.splitlines() if line.startswith("邀请码: "))[5:]
    assert code.startswith("inv-")
    assert "." in code
    assert f"/join?code={code}" in out
    assert "只显示这一次" in out
    assert "私下" in out
    assert f"已向 {LANZHI} 发出开户邀请" in out


def test_the_code_sets_the_password_and_the_person_logs_in(village: Cli) -> None:
    code = village.invite()

    with village.identity() as identity:
        assert LANZHI == identity.accept(code, PASSWORD)
        session = identity.login(LANZHI, PASSWORD, ADDRESS)
        assert LANZHI == identity.session(session.token).person_id
    assert "已开通" in village.ok(f"account show {LANZHI}")


def test_the_code_is_shown_once_and_its_secret_is_stored_nowhere(
    village: Cli, tmp_path: Path
) -> None:
    document = json.loads(village.ok(f"--json account invite {LANZHI} --as {SECRETARY}"))
    _, secret = document["code"].split(".", 1)

    assert f"/join?code={document['code']}" == document["path"]
    assert secret not in document["message"]
    stored = b"".join(path.read_bytes() for path in tmp_path.iterdir() if path.is_file())
    assert secret.encode() not in stored
    assert secret not in village.ok(f"--json account show {LANZHI}")


def test_someone_not_leading_the_persons_branch_may_not_invite(village: Cli) -> None:
    result = village(f"account invite {XINGCAN} --as {LANZHI}")

    assert EXIT_UNAUTHORIZED == result.exit_code
    assert "无权邀请开户" in result.stderr
    assert "未开户" in village.ok(f"account show {XINGCAN}")


def test_closing_the_account_ends_the_session_and_the_password(village: Cli) -> None:
    code = village.invite()
    with village.identity() as identity:
        identity.accept(code, PASSWORD)
        session = identity.login(LANZHI, PASSWORD, ADDRESS)

    out = village.ok(f"account close {LANZHI} --reason 离开本村 --as {SECRETARY}")

    assert f"已停用 {LANZHI} 的账户: 离开本村" in out
    with village.identity() as identity:
        with pytest.raises(NotAuthenticated):
            identity.session(session.token)
        with pytest.raises(BadCredentials):
            identity.login(LANZHI, PASSWORD, ADDRESS)
    assert "已停用" in village.ok(f"account show {LANZHI}")


def test_a_retried_close_is_answered_from_the_record(village: Cli) -> None:
    code = village.invite()
    with village.identity() as identity:
        identity.accept(code, PASSWORD)
    close = f"account close {LANZHI} --reason 离开本村 --as {SECRETARY} --command-id c-1"
    village.ok(close)

    again = village.ok(close)

    assert "此前已处理" in again
    assert "已停用" in again


def test_the_secretary_revokes_a_token_and_it_admits_no_one(village: Cli) -> None:
    code = village.invite()
    with village.identity() as identity:
        identity.accept(code, PASSWORD)
        issued = identity.issue_token(LANZHI, "群机器人", (Scope.READ,), command_id="t-1")
    shown = village.ok(f"account show {LANZHI}")
    assert issued.token_id in shown
    assert "有效" in shown
    assert issued.token.split(".", 1)[1] not in shown

    out = village.ok(
        f"account token-revoke {LANZHI} {issued.token_id} --reason 泄露 --as {SECRETARY}"
    )

    assert f"已吊销 {LANZHI} 的令牌 {issued.token_id}: 泄露" in out
    with village.identity() as identity, pytest.raises(NotAuthenticated):
        identity.bearer(issued.token)
    assert "已吊销" in village.ok(f"account show {LANZHI}")


def test_the_roll_lists_everyones_account(village: Cli) -> None:
    village.invite()

    document = json.loads(village.ok("--json account list paixilv"))

    standings = {row["person_id"]: row["standing"] for row in document["accounts"]}
    assert "invited" == standings[LANZHI]
    assert "none" == standings[XINGCAN]
