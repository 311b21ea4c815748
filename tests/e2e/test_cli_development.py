"""命令行: 发展对象 — ``dev …`` on a SQLite file: propose, post (with a signed checkpoint),
object as a member of the public, uphold, post again, confirm (the person becomes 发展对象),
commend, flag for training, show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adapters.app import open_app
from tests import support
from tests.adapters.development_story import closed
from tests.e2e.test_cli_story import Village

pytestmark = pytest.mark.e2e

LIST = "paixilv --cycle 2021-10"


@pytest.fixture
def village(tmp_path: Path) -> Village:
    """派溪吕村 at the close of 2021-10 (吕兰枝 5, 吕星灿 3; quota 1), built by the app."""
    path = tmp_path / "paixilv.db"
    with open_app(str(path)) as app:
        for command in support.setup_commands():
            app.handle(command)
        closed(app)
    return Village(path)


def test_the_whole_notice_through_the_cli(village: Village, tmp_path: Path) -> None:
    key = tmp_path / "k.pem"
    village.ok(f"audit key generate {key} --name paixilv-2022")
    proposed = village.ok(f"dev propose {LIST} --as lv-zw --at 2022-10-08T10:00")
    posted = village.ok(
        f"dev post-notice {LIST} --on 2022-10-10 --key {key} --as lv-zw --at 2022-10-10T08:00"
    )
    village.ok(
        f"dev object {LIST} lv-lanzhi --id O1 --text 曾参与赌博 --name 吕大伯 "
        "--contact 13800000000 --as public --at 2022-10-11T10:00"
    )
    early = village(f"dev confirm {LIST} --as wang-sj --at 2022-10-12T10:00")
    village.ok(f"dev uphold {LIST} O1 --finding 经调查属实 --as wang-sj --at 2022-10-12T11:00")
    village.ok(f"dev post-notice {LIST} --on 2022-10-17 --as lv-zw --at 2022-10-17T08:00")
    confirmed = village.ok(f"dev confirm {LIST} --as wang-sj --at 2022-10-24T10:00")
    shown = json.loads(village.ok(f"--json dev show {LIST}"))
    person = village.ok("person show lv-xingcan --on 2022-10-25")

    assert "吕兰枝" in proposed
    assert "公示" in posted
    assert "paixilv-2022" in posted
    assert 5 == early.exit_code
    assert "后续" in confirmed
    assert "ChangePartyStatus" in confirmed
    assert ["lv-xingcan"] == shown["confirmed"]
    assert "upheld" == shown["objections"][0]["outcome"]
    assert "13800000000" not in json.dumps(shown)
    assert "发展对象" in person


def test_members_are_commended_and_flagged_through_the_cli(village: Village) -> None:
    village.ok(f"dev commend {LIST} --top 1 --as wang-sj --at 2022-10-10T10:00")
    flagged = village.ok(
        f"dev flag-training {LIST} --threshold 3 --task-id train-2021 "
        "--deadline 2022-12-31 --as lv-zw --at 2022-10-10T10:00"
    )
    again = village.ok(f"dev follow-ups {LIST}")
    shown = village.ok(f"dev show {LIST}")

    assert "train-2021" in flagged
    assert "已执行" in flagged
    assert "已存在" in again
    assert "表扬党员" in shown
    assert "加强培训和引导" in shown
    assert 5 == village("task claim train-2021 --as lv-lanzhi --at 2022-10-11T10:00").exit_code
    reserved = village.ok("task show train-2021")
    assert "仅限领办" in reserved
    assert "lv-baoyou" in reserved
