"""命令行: 党组织、职务、人员与发展程序 — ``unit …`` and ``person …`` on a SQLite file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from adapters.app import open_app
from adapters.identity import Identity
from dangjian_core.accounts.events import Scope
from tests.e2e.test_cli_story import Village
from tests.envelope import data_of

pytestmark = pytest.mark.e2e

AT = "--at 2021-01-04T09:00"
ID_NUMBER = "11010519491231002X"


@pytest.fixture
def town(tmp_path: Path) -> Village:
    """象珠镇: committee (under 永康市委), a general branch, two village branches, a party
    group and a regional committee; 汪书记 and 丁组委 lead the committee."""
    v = Village(tmp_path / "xiangzhu.db")
    v.ok(f"unit found xiangzhu --name 象珠镇党委 --kind 党委 --as yongkang {AT}")
    for pid, name in (("wang", "汪书记"), ("ding", "丁组委")):
        v.ok(
            f"person register {pid} --branch xiangzhu --name {name} --status full "
            f"--since 1991-07-01 --as yongkang {AT}"
        )
    v.ok(f"unit appoint xiangzhu wang --role 党委书记 --as yongkang {AT}")
    v.ok(f"unit appoint xiangzhu ding --role 组织委员 --as yongkang {AT}")
    v.ok(f"unit found zongzhi --name 第一党总支 --kind 党总支 --parent xiangzhu --as wang {AT}")
    for uid, name in (("qingweijie", "清渭街村党支部"), ("guanchuan", "官川村党支部")):
        v.ok(
            f"unit found {uid} --name {name} --parent zongzhi --cycle-start-month 10 --as ding {AT}"
        )
    v.ok(
        f"unit found qwj-1 --name 第一网格党小组 --kind party_group --parent qingweijie --as wang {AT}"
    )
    v.ok(
        f"unit found njxz --name 农机小镇区域委员会 --kind 区域委员会 --parent xiangzhu --as wang {AT}"
    )
    v.ok(
        f"person register hu --branch guanchuan --name 胡泰来 --status full --since 2001-07-01 "
        f"--gender 男 --birth-year 1968 --contact 13800000000 --id-number {ID_NUMBER} --as wang {AT}"
    )
    v.ok(
        f"person register lv --branch qingweijie --name 吕兰芳 --status activist --since 2020-09-01 "
        f"--as wang {AT}"
    )
    v.ok(f"unit appoint guanchuan hu --role 支部书记 --as wang {AT}")
    return v


def test_the_tree_shows_every_unit_under_its_parent_with_roll_sizes(town: Village) -> None:
    out = town.ok("unit tree")

    lines = [line for line in out.splitlines() if "(" in line]
    assert "象珠镇党委 (xiangzhu) 党委 2 人" in lines[0]
    assert lines[1].index("农机小镇区域委员会") < lines[3].index("官川村党支部")
    assert "第一网格党小组 (qwj-1) 党小组" in out
    assert "官川村党支部 (guanchuan) 党支部 1 人" in out


def test_the_tree_at_a_past_date_shows_the_names_and_parents_of_then(town: Village) -> None:
    town.ok("unit rename qingweijie --name 清渭街社区党支部 --as ding --at 2021-03-01T09:00")
    town.ok("unit move qingweijie --parent xiangzhu --reason 总支调整 --as wang --at 2021-04-01")

    before = town.ok("--json unit tree --at 2021-02-01")
    now = json.loads(town.ok("--json unit tree"))

    then = {u["unit_id"]: u for u in json.loads(before)["units"]}
    current = {u["unit_id"]: u for u in now["units"]}
    assert ("清渭街村党支部", "zongzhi", 2) == tuple(
        then["qingweijie"][k] for k in ("name", "parent_id", "depth")
    )
    assert ("清渭街社区党支部", "xiangzhu", 1) == tuple(
        current["qingweijie"][k] for k in ("name", "parent_id", "depth")
    )
    assert "unit found" not in before
    assert json.loads(before)["roll_sizes"] is None


def test_a_merge_hands_the_roll_and_the_units_below_to_the_survivor(town: Village) -> None:
    out = town.ok(
        "unit merge guanchuan --into qingweijie --reason 村庄合并 --as wang --at 2021-05-01"
    )

    tree = town.ok("unit tree")
    show = town.ok("unit show qingweijie")
    merged = town.ok("unit show guanchuan")

    assert "已免去 hu 的书记职务" in out
    assert "已将 guanchuan 并入 qingweijie: 村庄合并" in out
    assert "guanchuan" not in tree
    assert "胡泰来" in show
    assert "已合并于 2021-05-01" in merged


def test_a_branch_joins_a_region_without_changing_its_parent(town: Village) -> None:
    town.ok(f"unit join njxz qingweijie --as wang {AT}")

    show = town.ok("unit show qingweijie")

    assert "隶属 zongzhi" in show
    assert "共建中" in show
    assert "njxz" in show


def test_role_holders_at_a_date(town: Village) -> None:
    town.ok("unit end-role guanchuan hu --role 书记 --reason 换届 --as ding --at 2021-06-01")

    before = json.loads(town.ok("--json unit roles guanchuan --at 2021-05-31"))
    after = json.loads(town.ok("--json unit roles guanchuan --at 2021-06-01T10:00"))
    everywhere = town.ok("unit roles --at 2021-05-31")

    assert [("hu", "secretary")] == [(h["person_id"], h["role"]) for h in before["holders"]]
    assert [] == after["holders"]
    assert re.search(r"xiangzhu +│ 书记 +│ wang", everywhere)


@pytest.mark.parametrize(
    ("line", "exit_code", "words"),
    [
        (f"unit appoint qingweijie lv --role 组织委员 --as hu {AT}", 3, "无权任命"),
        (f"unit appoint xiangzhu ding --role 副书记 --as ding {AT}", 3, "不能任命自己"),
        (
            f"unit found x --name 某 --parent guanchuan --as lv {AT}",
            3,
            "无权在 guanchuan 下成立组织",
        ),
        (f"unit merge guanchuan --into qwj-1 --reason x --as wang {AT}", 5, "只能并入同类"),
        (f"unit move zongzhi --parent qingweijie --reason x --as wang {AT}", 5, "不能隶属于"),
        (f"unit rename nowhere --name 某 --as wang {AT}", 4, "组织 nowhere 不存在"),
        (f"person register x --branch qwj-1 --name 某 --status full --as wang {AT}", 5, "不设名册"),
        (f"person status lv --status candidate --reason 支委会 --as wang {AT}", 5, "activist_year"),
        (f"person status lv --status full --reason x --as wang {AT}", 5, "status_order"),
        (
            f"person register y --branch guanchuan --name 某 --status full --id-number 123 --as wang {AT}",
            2,
            "身份证",
        ),
    ],
)
def test_refusals_are_one_line_with_their_exit_code(
    town: Village, line: str, exit_code: int, words: str
) -> None:
    count = town.events()

    result = town(line)

    assert (exit_code, 1) == (result.exit_code, len(result.stderr.strip().splitlines()))
    assert words in result.stderr
    assert count == town.events()


def test_person_show_gives_party_age_and_the_decade_and_masks_the_id_number(town: Village) -> None:
    out = town.ok("person show hu --on 2021-07-01")
    document = json.loads(town.ok("--json person show hu --on 2021-07-01"))

    assert "党龄: 20 年 (自 2001-07-01 起计), 第二个10年" in out
    assert "110105********002X" in out
    assert "138****0000" in out
    assert ID_NUMBER not in out
    assert ID_NUMBER not in json.dumps(document)
    assert "13800000000" not in out + json.dumps(document)
    assert 20 == document["party_age"]["years"]


def token_for(town: Village, person: str) -> str:
    """The person's own write token (their account invited by the town's secretary)."""
    with open_app(str(town.store)) as app:
        door = Identity(app)
        door.accept(door.invite("wang", person, command_id=f"i-{person}").code, "mima-12345")
        return door.issue_token(person, "值班电脑", (Scope.WRITE,), command_id=f"t-{person}").token


def test_only_whoever_keeps_the_roll_sees_the_details_unmasked(town: Village) -> None:
    shell = town("person show hu --unmask")
    keeper = town("--json person show hu --unmask", env={"DANGJIAN_TOKEN": token_for(town, "wang")})
    himself = town("person show hu --unmask", env={"DANGJIAN_TOKEN": token_for(town, "hu")})
    other = town("person show hu --unmask", env={"DANGJIAN_TOKEN": token_for(town, "lv")})

    assert 3 == shell.exit_code
    assert "无权查看完整个人信息" in shell.stderr
    assert ID_NUMBER not in shell.stdout
    assert 0 == keeper.exit_code, keeper.stderr
    assert ID_NUMBER == data_of(keeper.stdout)["details"]["id_number"]
    assert "13800000000" == data_of(keeper.stdout)["details"]["contact"]
    assert 0 == himself.exit_code
    assert ID_NUMBER in himself.stdout
    assert 3 == other.exit_code
    assert ID_NUMBER not in other.stdout


def test_personal_data_never_reaches_the_wall_or_the_trail(town: Village) -> None:
    wall = town("wall guanchuan --cycle 2020-10")
    trail = town.ok("trail person:hu")
    trail_json = town.ok("--json trail person:hu")

    for public in (wall.stdout, trail, trail_json):
        assert "13800000000" not in public
        assert ID_NUMBER not in public
        assert "1968" not in public
    assert "(不公开)" in trail


def test_details_are_corrected_and_names_fixed(town: Village) -> None:
    town.ok(f"person details hu --contact 13900000000 --as wang {AT}")
    town.ok(f"person rename hu --name 胡泰莱 --reason 登记时错字 --as wang {AT}")

    out = town.ok("person show hu")

    assert "胡泰莱 (hu)" in out
    assert "联系 139****0000" in out
    assert "出生 1968" in out


def test_the_pipeline_shows_each_persons_next_step(town: Village) -> None:
    town.ok(
        "person status lv --status candidate --since 2021-09-01 --reason 支委会 --as wang --at 2021-09-02"
    )
    town.ok(
        "person status lv --status probationary --since 2021-10-01 --reason 支部大会 --as wang --at 2021-10-02"
    )
    town.ok(
        "person extend-probation lv --until 2023-01-01 --reason 继续考察 --as wang --at 2022-09-01"
    )

    out = town.ok("person pipeline qingweijie")
    early = town(
        "person status lv --status full --since 2022-10-01 --reason 转正 --as wang --at 2022-10-02"
    )

    assert "预备党员" in out
    assert "正式党员 (最早 2023-01-01)" in out
    assert (5, True) == (early.exit_code, "probation_year" in early.stderr)


def test_branch_commands_still_work_for_a_root_village_branch(tmp_path: Path) -> None:
    v = Village(tmp_path / "p.db")
    v.ok(f"branch found paixilv --name 派溪吕村党支部 --cycle-start-month 10 --as town-x {AT}")
    v.ok(
        f"person register s --branch paixilv --name 王书记 --status full --since 2000-01-01 --as town-x {AT}"
    )

    out = v.ok(f"branch appoint paixilv s --role 支部书记 --as town-x {AT}")
    show = v.ok("branch show paixilv")

    assert "已任命 s 为书记" in out
    assert "派溪吕村党支部 (paixilv) 党支部, 上级 town-x, 周期自每年10月起" in show


def test_the_level_above_sets_a_units_late_entry_rule(town: Village) -> None:
    line = "unit late-entry guanchuan --days 14 --role 支部书记 --role 组织委员 --reason 农忙"

    own = town(f"{line} --as hu")
    done = town.ok(f"{line} --as wang")
    again = town.ok(f"{line} --as wang")

    assert 3 == own.exit_code
    assert "无权设定guanchuan的补录规则" in own.stderr
    assert "已设定 guanchuan 的补录规则: 事后 14 天内, 由书记、组织委员或上级补录 (农忙)" in done
    assert "无变化" in again
