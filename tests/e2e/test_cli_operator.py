"""The operator at the shell, honestly recorded: with no token every entry is 代录 by
``shell:<user>``; with the operator's own write token, an entry as themself is theirs
and one typed for someone else is 代录 by them; a bad or read-only token writes nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.app import open_app
from adapters.identity import Identity
from dangjian_core.accounts.events import Scope
from tests.e2e.test_cli_story import AT, BRANCH, Village, village
from tests.envelope import data_of
from tests.support import LANZHI, ORGANIZER, SECRETARY, setup_commands

pytestmark = pytest.mark.e2e
__all__ = ["village"]

ADJUST = f"points adjust {LANZHI} --branch {BRANCH} --delta 3 --reason 表现突出 --at {AT}"
RENAME = f"person rename {LANZHI} --name 吕兰芝 --reason 登记时错字 --at {AT}"


def token_of(village: Village, person: str, scopes: tuple[Scope, ...]) -> str:
    with open_app(str(village.store)) as app:
        door = Identity(app)
        door.accept(door.invite(SECRETARY, person, command_id=f"i-{person}").code, "mima-12345")
        return door.issue_token(person, "值班电脑", scopes, command_id=f"t-{person}").token


def adjust(
    village: Village, actor: str, token: str | None, line: str = ADJUST
) -> tuple[int, dict[str, object]]:
    env = {"DANGJIAN_TOKEN": token} if token is not None else {}
    result = village(f"--json {line} --as {actor}", env=env)
    return result.exit_code, data_of(result.stdout)


def test_without_a_token_the_shell_user_is_recorded_as_the_operator(village: Village) -> None:
    code, document = adjust(village, SECRETARY, None)

    assert 0 == code
    assert str(document["entered_by"]).startswith("shell:")
    trail = village.ok(f"trail person:{LANZHI}")
    assert "代录 shell:" in trail


def test_the_operators_own_entry_is_theirs_and_one_for_another_is_proxy(
    village: Village,
) -> None:
    token = token_of(village, SECRETARY, (Scope.WRITE,))

    own_code, _ = adjust(village, SECRETARY, token)
    trail_before = village.ok(f"--json trail person:{LANZHI}")
    proxy_code, proxy = adjust(village, ORGANIZER, token, RENAME)

    assert (0, 0) == (own_code, proxy_code)
    own_row = json.loads(trail_before)["events"][-1]
    assert "" == own_row["entered_by"]
    assert SECRETARY == proxy["entered_by"]
    rows = json.loads(village.ok(f"--json trail person:{LANZHI}"))["events"]
    assert SECRETARY == rows[-1]["entered_by"]


@pytest.mark.parametrize("scopes", [(Scope.READ,)])
def test_a_read_only_or_forged_token_writes_nothing(
    village: Village, scopes: tuple[Scope, ...]
) -> None:
    read_only = token_of(village, SECRETARY, scopes)
    before = village.events()

    for token in (read_only, "tok-forged.secret"):
        result = village(f"{ADJUST} --as {SECRETARY}", env={"DANGJIAN_TOKEN": token})
        assert 0 != result.exit_code
        assert "令牌" in result.output

    assert before == village.events()


def live_village(tmp_path: Path) -> Village:
    """The test village in a store that went live 40 days ago (typed in from paper then)."""
    store = tmp_path / "live.db"
    went_live = datetime.now(UTC) - timedelta(days=40)
    with open_app(f"sqlite:///{store}", clock=lambda: went_live) as app:
        for command in setup_commands():
            app.handle(command)
    return Village(store)


def test_a_late_entry_at_the_shell_needs_a_reason_and_an_operator_who_may_enter_late(
    tmp_path: Path,
) -> None:
    live = live_village(tmp_path)
    three_days_ago = (datetime.now(UTC) - timedelta(days=3)).isoformat(timespec="minutes")
    line = f"--json points adjust {LANZHI} --branch {BRANCH} --delta 2 --reason 补记 "
    line += f"--as {SECRETARY} --at {three_days_ago}"
    before = live.events()

    no_reason = live(line)
    shell = live(f"{line} --late-reason 当天停电")
    old = live(line.replace(three_days_ago, "2021-11-01T09:00") + " --late-reason 补台账")
    token = token_of(live, SECRETARY, (Scope.WRITE,))
    after_refusals = live.events()
    done = live(f"{line} --late-reason 当天停电", env={"DANGJIAN_TOKEN": token})

    assert before + 3 == after_refusals  # only the account: invited, accepted, token
    assert 5 == no_reason.exit_code
    assert "补录须说明理由" in no_reason.output
    assert 5 == shell.exit_code
    assert "无权为paixilv补录" in shell.output
    assert 5 == old.exit_code
    assert "启用前的历史不能再补录" in old.output
    assert 0 == done.exit_code, done.output
    rows = json.loads(live.ok(f"--json trail person:{LANZHI}"))["events"]
    assert (True, "当天停电") == (rows[-1]["late"], rows[-1]["late_reason"])
    assert "补录:当天停电" in live.ok(f"trail person:{LANZHI}")
