"""命令行故事 — a year in 派溪吕村 told through ``dangjian``, plus the shared CLI fixture.

Other ``test_cli_*`` modules import :class:`Village` and the ``village`` fixture from here.
Commands are written as shell lines: ``village.ok(f"task claim T1 --as {LANZHI}")``.
"""

from __future__ import annotations

import json
import logging
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from adapters.app import open_app
from adapters.cli.main import cli
from dangjian_core.units.roles import Role
from tests.envelope import checked, data_of
from tests.support import LANZHI, ORGANIZER, PEOPLE, REVIEWER, ROLES, SECRETARY, TOWN, XINGCAN

pytestmark = pytest.mark.e2e

BRANCH = "paixilv"
AT = "2021-10-08T09:00"
ISSUE = (
    f"task issue --branch {BRANCH} --title 村口环境卫生整治 --category 环境卫生整治 "
    f"--deadline 2021-10-15T18:00 --audience activists --audience 志愿者 --as {ORGANIZER} --at {AT}"
)


class Village:
    """派溪吕村 on a SQLite file, driven through the CLI in-process."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self.runner = CliRunner()

    def __call__(self, line: str, env: dict[str, str] | None = None) -> Result:
        """Run ``dangjian --store FILE <line>`` in a 120-column terminal unless ``env`` says
        otherwise; unexpected exceptions fail the test."""
        argv = ["--store", str(self.store), *shlex.split(line)]
        env = {"COLUMNS": "120", **(env or {})}
        result = self.runner.invoke(cli, argv, env=env, catch_exceptions=False)
        if "--json" in argv and result.stdout.strip():
            checked(result.stdout)  # every --json output is in the published envelope
        return result

    def ok(self, line: str) -> str:
        """Run a command that must succeed; its standard output (with ``--json``, the
        envelope's ``data`` as JSON text, once the envelope is checked)."""
        result = self(line)
        assert result.exit_code == 0, result.output
        if "--json" in shlex.split(line):
            return json.dumps(data_of(result.stdout), ensure_ascii=False)
        return result.stdout

    def events(self) -> int:
        """How many events the store holds."""
        with open_app(str(self.store)) as app:
            return app.store.max_position()

    def issue(self, task_id: str, *, slots: int = 3, points: int = 5) -> str:
        """Issue a village-need task to activists and volunteers, due in a week."""
        return self.ok(f"{ISSUE} --id {task_id} --slots {slots} --points {points}")


@pytest.fixture
def village(tmp_path: Path) -> Village:
    """The branch founded by the town, seven people registered, three roles appointed (the
    town appoints the committee, the secretary designates the reviewer)."""
    v = Village(tmp_path / "paixilv.db")
    when = "--at 2021-10-07T09:00"
    v.ok(f"branch found {BRANCH} --name 派溪吕村党支部 --cycle-start-month 10 --as {TOWN} {when}")
    for pid, (name, status) in PEOPLE.items():
        v.ok(
            f"person register {pid} --branch {BRANCH} --name {name} --status {status.value} "
            f"--since 2020-09-01 --as {TOWN} {when}"
        )
    for pid, role in ROLES.items():
        actor = SECRETARY if role == Role.REVIEWER else TOWN
        v.ok(f"branch appoint {BRANCH} {pid} --role {role.value} --as {actor} {when}")
    return v


def test_a_task_goes_from_issue_to_the_wall_and_replays_identically(village: Village) -> None:
    issued = village.issue("T1")
    claimed = village.ok(f"task claim T1 --as {LANZHI} --at 2021-10-08T09:01")
    village.ok(f"task submit T1 --note 打扫村口 --photo a.jpg --as {LANZHI} --at 2021-10-09")
    approved = village.ok(f"task approve T1 {LANZHI} --as {REVIEWER} --at 2021-10-10")

    wall = village.ok(f"wall {BRANCH}")
    balance = village.ok(f"balance {LANZHI}")
    trail = village.ok("trail task:T1")
    replay = village("replay")

    assert "已发布任务 T1「村口环境卫生整治」5 分 × 3 个名额" in issued
    assert claimed.strip() == "已领办任务 T1 (名额 1/3)"
    assert "计 5 分" in approved
    assert "积分墙 · 2021年10月—2022年9月" in wall
    assert "1. 总分高者在前" in wall
    assert re.search(r"1 │ 吕兰枝 +│ 入党积极分子 │ +5 │", wall)
    assert re.search(r"审核通过 │ 环境卫生整治 │ +\+5 │ T1", balance)
    assert "合计 5 分 = 各行之和" in balance
    steps = re.findall(r"│ (任务已发布|任务已领办|完成情况已提交|审核已通过)", trail)
    assert steps == ["任务已发布", "任务已领办", "完成情况已提交", "审核已通过"]
    assert 4 == trail.count("补录")  # typed today with --at in 2021: every step entered late
    assert (replay.exit_code, "一致" in replay.stdout) == (0, True)


def test_tasks_issued_without_an_id_are_numbered_in_their_branchs_year(village: Village) -> None:
    upper = "--source upper --reference 象珠镇〔2021〕12号"
    first = village.ok(f"{ISSUE} --slots 2 --points 8 {upper} --command-id c-first")
    second = village.ok(f"{ISSUE} --slots 2 --points 8 {upper}")
    retried = village.ok(f"{ISSUE} --slots 2 --points 8 {upper} --command-id c-first")

    assert "已发布任务 paixilv-2021-001「村口环境卫生整治」" in first
    assert "已发布任务 paixilv-2021-002「村口环境卫生整治」" in second
    assert "answered from the record" in retried
    assert "paixilv-2021-001" in retried


def test_a_retried_command_id_is_answered_from_the_record(village: Village) -> None:
    village.issue("T1")
    claim = f"task claim T1 --as {XINGCAN} --at {AT} --command-id c-42"
    village.ok(claim)
    count = village.events()

    again = village.ok(claim)

    assert "answered from the record" in again
    assert "已领办任务 T1" in again
    assert village.events() == count


def test_a_retry_that_lets_the_time_default_to_now_is_told_to_repeat_at(village: Village) -> None:
    register = f"person register p-new --branch {BRANCH} --name 吕新 --status 群众 --as {SECRETARY}"
    village.ok(f"{register} --command-id c-reg")

    again = village(f"{register} --command-id c-reg")

    assert again.exit_code == 2
    assert "重试时请带上第一次的 --at" in again.stderr


def test_doing_what_is_already_done_changes_nothing(village: Village) -> None:
    village.issue("T1")
    village.ok(f"task claim T1 --as {LANZHI} --at {AT}")

    out = village.ok(f"task claim T1 --as {LANZHI} --at {AT}")

    assert out.strip() == "无变化 (no change: already so)"


def test_the_store_can_come_from_the_environment(village: Village) -> None:
    env = {"DANGJIAN_STORE": str(village.store)}
    result = village.runner.invoke(cli, ["branch", "show", BRANCH], env=env)

    assert result.exit_code == 0
    assert "组织委员" in result.stdout


def test_the_trail_tells_each_event_in_a_sentence_not_a_field_dump(village: Village) -> None:
    village.issue("T1")
    village.ok(f"task claim T1 --as {LANZHI} --at 2021-10-08T09:01")

    trail = village.ok("trail task:T1")
    told = json.loads(village.ok("--json trail task:T1"))

    assert "已领办任务 T1" in trail
    assert "=" not in trail
    assert "None" not in trail
    assert told["events"][1]["sentence"].startswith("已领办任务 T1")


def test_the_projector_logs_to_stderr_at_the_level_asked(village: Village) -> None:
    village.issue("T1")

    try:
        result = village("--log-level info project run --once")
    finally:  # the handler wrote to this run's captured stderr: leave no trace for others
        logging.getLogger("dangjian").handlers.clear()
        logging.getLogger("dangjian").setLevel(logging.NOTSET)

    assert 0 == result.exit_code, result.output
    assert "INFO dangjian.projector: projector started" in result.stderr
    assert "INFO dangjian.projector: projector stopped after" in result.stderr
    assert "dangjian." not in result.stdout
