"""命令行: 村务决策 — ``matters …`` on a SQLite file: 四议 with a refused members' meeting
held again, 两公开 with an objection answered, the result refused before the
implementation, the publication printed as a notice; the objector's contact kept out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli_story import Village

pytestmark = pytest.mark.e2e

SETUP = "--as yongkang --at 2018-01-02T09:00"
MEMBERS = ("lv", "jg", "xf", "m1", "m2", "m3")
M = "yalv minsheng"


@pytest.fixture
def yalv(tmp_path: Path) -> Village:
    """象珠镇党委 → 雅吕村党支部; 吕革新 secretary, 吕建国 organizing; six full members; the
    two committees' roll (吕革新 the director) and five representatives; 2018's holidays."""
    v = Village(tmp_path / "yalv.db")
    v.ok(f"unit found xiangzhu --name 象珠镇党委 --kind 党委 {SETUP}")
    v.ok(f"unit found yalv --name 雅吕村党支部 --parent xiangzhu {SETUP}")
    for pid in MEMBERS:
        v.ok(f"person register {pid} --branch yalv --name 党员{pid} --status full {SETUP}")
    v.ok(f"unit appoint yalv lv --role 书记 {SETUP}")
    v.ok(f"unit appoint yalv jg --role 组织委员 {SETUP}")
    v.ok(f"calendar import-official --year 2018 --unit xiangzhu {SETUP}")
    at = "--as lv --at 2018-01-02T10:00"
    v.ok(
        f"matters roll yalv --body 村两委联席会议 --since 2018-01-01 --member lv,jg,xf,c1 --director lv {at}"
    )
    v.ok(
        f"matters roll yalv --body representatives --since 2018-01-01 --member d1,d2,d3,d4,d5 {at}"
    )
    return v


def test_four_deliberations_and_two_publications_on_the_command_line(yalv: Village) -> None:
    v = yalv
    v.ok("matters adopt yalv --shipped siyi --as lv --at 2018-01-02T11:00")
    out = v.ok(
        f"matters open {M} --title 2018年十大民生实事 --origin 群众建议 --item 电商小镇 "
        "--item 特色民宿 --as lv --at 2018-01-03T09:00"
    )
    assert "已立项(群众建议, 共 2 项)" in out
    out = v.ok(
        f"matters meet {M} --step propose --on 2018-01-08 --present lv,jg,xf,c1 --merged "
        "--ballot lv=for --ballot jg=for --ballot xf=for --ballot c1=against "
        "--as lv --at 2018-01-08T20:00"
    )
    assert "应到 4 人, 实到 4 人 (100%); 赞成 3, 反对 1, 弃权 0 — 通过" in out
    thin = v(
        f"matters meet {M} --step review --on 2018-01-14 --present lv,jg,xf --votes 3,0,0 "
        "--notice-sent 2018-01-10 --as lv --at 2018-01-14T20:00"
    )
    assert thin.exit_code != 0
    assert "党员大会应到 6 人, 实到 3 人, 未达到三分之二以上" in thin.output
    v.ok(
        f"matters meet {M} --step review --on 2018-01-15 --present lv,jg,xf,m1 --votes 4,0,0 "
        "--notice-sent 2018-01-10 --as lv --at 2018-01-15T20:00"
    )
    v.ok(
        f"matters meet {M} --step resolve --on 2018-01-18 --present d1,d2,d3 --votes 3,0,0 "
        "--as lv --at 2018-01-18T20:00"
    )
    out = v.ok(
        f"matters publish {M} --step publish_resolution --on 2018-01-19 --days 5 "
        "--text 十大民生实事决议 --as lv --at 2018-01-19T09:00"
    )
    assert "决议公开: 2018-01-19 至 2018-01-25 (5 个工作日)" in out
    v.ok(
        f"matters object {M} O1 --step publish_resolution --text 占用菜地 --name 吕大伯 "
        "--contact 13905791234 --as public --at 2018-01-22T10:00"
    )
    v.ok(f"matters answer {M} O1 --answer 已协商置换 --as lv --at 2018-01-23T10:00")
    early = v(
        f"matters publish {M} --step publish_result --on 2018-02-01 --days 5 --text 已完成 "
        "--as lv --at 2018-02-01T09:00"
    )
    assert early.exit_code != 0
    assert "implemented_first" in early.output
    v.ok(f"matters implement {M} --on 2018-11-30 --summary 全部完成 --as lv --at 2018-11-30T20:00")
    v.ok(
        f"matters publish {M} --step publish_result --on 2018-12-03 --days 5 --text 已完成 "
        "--as lv --at 2018-12-03T09:00"
    )
    shown = v.ok(f"matters show {M}")
    assert "实施结果已公开" in shown
    assert "13905791234" not in shown
    listed = json.loads(v.ok("--json matters list yalv"))
    assert listed["matters"][0]["status"] == "result_published"


def test_the_publication_prints_as_a_notice(yalv: Village, tmp_path: Path) -> None:
    v = yalv
    v.ok(f"matters open {M} --title 村道硬化 --origin 村干部提议 --as lv --at 2018-01-03T09:00")
    v.ok(
        f"matters meet {M} --step propose --on 2018-01-08 --present lv,jg,xf,c1 --merged "
        "--ballot lv=for --ballot jg=for --ballot xf=for --ballot c1=for --as lv --at 2018-01-08T20:00"
    )
    v.ok(
        f"matters meet {M} --step review --on 2018-01-15 --present lv,jg,xf,m1,m2 --votes 5,0,0 "
        "--notice-sent 2018-01-10 --as lv --at 2018-01-15T20:00"
    )
    v.ok(
        f"matters meet {M} --step resolve --on 2018-01-18 --present d1,d2,d3,d4 --votes 4,0,0 "
        "--as lv --at 2018-01-18T20:00"
    )
    v.ok(
        f"matters publish {M} --step publish_resolution --on 2018-01-19 --days 5 "
        "--text 村道硬化决议 --as lv --at 2018-01-19T09:00"
    )
    page = tmp_path / "notice.html"
    v.ok(f"matters board {M} --step publish_resolution --html {page} --contact 0579-87000000")
    html = page.read_text(encoding="utf-8")
    assert "村道硬化决议公开" in html
    assert "2018年1月19日至2018年1月25日（5个工作日）" in html
    assert "特此公示" in html
