"""``dangjian notify``: robots added to a private file (webhook and secret asked for, never
shown), a file others may read refused, ``run --once`` posting and ``status`` telling the
operator which messages to check."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from adapters.cli.main import cli
from adapters.notify.config import robot_of
from adapters.notify.errors import RobotsFileError
from adapters.notify.robots_file import add_robot, load_robots
from adapters.notify.tracking import Delivery, DeliveryStatus
from adapters.notify.tracking_stores import open_tracking
from tests import support
from tests.adapters.stores import village_app
from tests.envelope import data_of
from tests.notify.fake_robot import FakeRobots
from tests.notify.given import BASE, wecom

SECRET = "SEC" + "5" * 40


def _dangjian(*argv: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(argv), input=stdin, catch_exceptions=False)


def _add(path: Path, webhook: str, *options: str, secret: str | None = None) -> Result:
    answers = webhook + "\n" + (f"{secret}\n" if secret is not None else "")
    return _dangjian("notify", "add", str(path), *options, stdin=answers)


@pytest.mark.parametrize("name", ["robots.toml", "robots.json"])
def test_robots_are_added_to_a_private_file_and_listed_without_key_or_secret(
    tmp_path: Path, fake: FakeRobots, name: str
) -> None:
    path = tmp_path / name
    wecom_hook, ding_hook = fake.webhook("wecom", "w"), fake.webhook("dingtalk", "d", secret=SECRET)
    added = [
        _add(path, wecom_hook, "--name", "w", "--kind", "wecom", "--unit", "paixilv", "--base-url", BASE),
        _add(path, ding_hook, "--name", "d", "--kind", "dingtalk", "--unit", "paixilv",
             "--unit", "xiaxu", "--base-url", BASE, secret=SECRET),
    ]  # fmt: skip
    listed = _dangjian("notify", "robots", str(path))
    as_json = _dangjian("--json", "notify", "robots", str(path))

    assert [0, 0, 0, 0] == [result.exit_code for result in [*added, listed, as_json]]
    assert 0o600 == stat.S_IMODE(path.stat().st_mode)
    robots = load_robots(path)
    assert [("w", wecom_hook, None), ("d", ding_hook, SECRET)] == [
        (r.name, r.webhook, r.secret) for r in robots
    ]
    assert ("paixilv", "xiaxu") == robots[1].units
    shown = "".join(result.output for result in [*added, listed, as_json])
    assert [] == [s for s in (fake.keys["w"], fake.keys["d"], SECRET) if s in shown]
    assert [f"http://127.0.0.1:{fake.port}/wecom/w?key=***", True] == [
        data_of(as_json.stdout)["robots"][0]["webhook"],
        data_of(as_json.stdout)["robots"][1]["signed"],
    ]


def test_a_robots_file_others_may_read_is_refused(tmp_path: Path, fake: FakeRobots) -> None:
    path = tmp_path / "robots.toml"
    add_robot(path, wecom(fake))
    os.chmod(path, 0o644)

    listed = _dangjian("notify", "robots", str(path))

    assert 2 == listed.exit_code
    assert "chmod 600" in listed.output


def test_a_robot_already_in_the_file_is_refused(tmp_path: Path, fake: FakeRobots) -> None:
    path = tmp_path / "robots.toml"
    add_robot(path, wecom(fake, "w"))
    again = _add(path, fake.webhook("wecom", "w"), "--name", "w", "--kind", "wecom",
                 "--unit", "paixilv", "--base-url", BASE)  # fmt: skip
    assert 2 == again.exit_code
    assert "已在配置文件中" in again.output


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"secret": SECRET}, "只有钉钉机器人有加签密钥"),
        ({"kind": "feishu"}, "kind 须为 wecom 或 dingtalk"),
        ({"units": []}, "units 须为组织编号的列表"),
        ({"webhook": "ftp://example.cn/x"}, "webhook 须为 http(s) 地址"),
        ({"base_url": "https://a.cn/(x)"}, "base_url 含不允许的字符"),
        ({"limit": 0}, "limit 须为 1–1000 的整数"),
        ({"name": "群 1"}, "名称须为"),
        ({"colour": "red"}, "不认识的项"),
    ],
)
def test_a_wrongly_declared_robot_is_refused_naming_the_field(
    change: dict[str, Any], problem: str
) -> None:
    declared = {"name": "w", "kind": "wecom", "webhook": "https://q.cn/s?key=k", "units": ["p"]}
    with pytest.raises(RobotsFileError, match=re.escape(problem)) as refused:
        robot_of({**declared, "base_url": BASE, **change})
    assert "key=k" not in str(refused.value)


def test_run_once_posts_and_status_lists_what_the_operator_must_check(
    store_url: str, fake: FakeRobots, tmp_path: Path
) -> None:
    app = village_app(store_url)
    path = tmp_path / "robots.toml"
    robot = wecom(fake)
    add_robot(path, robot)
    app.handle(support.issue("T1"))
    notify = ("--store", store_url, "--json", "notify")

    ran = _dangjian(*notify, "run", "--robots", str(path), "--once", "--from-position", "0")
    tracking = open_tracking(app.store)
    with tracking.transaction() as tx:
        tx.put(Delivery(robot.name, 1, "task_full", DeliveryStatus.UNKNOWN, 1, "中断", "t"))
    tracking.close()
    status = _dangjian(*notify, "status")
    shown = _dangjian("--store", store_url, "notify", "status")
    app.close()

    assert (0, {"done": {"sent": 1, "retry": 0, "failed": 0, "unknown": 0},
                "interrupted": 0}) == (ran.exit_code, data_of(ran.stdout))  # fmt: skip
    document = data_of(status.stdout)
    end = document["end"]
    assert {robot.name: {"position": end, "sent": 1, "retry": 0, "failed": 0, "unknown": 1}} == (
        document["robots"]
    )
    assert [(1, "unknown", "task_full")] == [
        (p["position"], p["status"], p["kind"]) for p in document["problems"]
    ]
    assert "结果未知: 机器人 paixilv-wecom, 第 1 条事件 (名额已满): 中断" in shown.stdout


def test_a_second_notify_run_on_the_same_store_is_refused(
    store_url: str, fake: FakeRobots, tmp_path: Path
) -> None:
    app = village_app(store_url)
    path = tmp_path / "robots.toml"
    add_robot(path, wecom(fake))
    first = open_tracking(app.store)
    first.hold()
    try:
        second = _dangjian("--store", store_url, "notify", "run", "--robots", str(path), "--once")
    finally:
        first.close()
        app.close()
    assert 5 == second.exit_code
    assert "另一个通知进程正在跟随这个事件库" in second.output
