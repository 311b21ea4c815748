"""命令行: 工作日历与组织关系转接 — ``calendar …``, ``person transfer`` and ``unit dissolve``
refusals, on a SQLite file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dangjian_core.calendar.workdays import Calendar
from tests.e2e.test_cli_story import Village

pytestmark = pytest.mark.e2e

AT = "--at 2024-09-02T09:00"


@pytest.fixture
def town(tmp_path: Path) -> Village:
    """平山镇党委 (top level) with 汪金生 its secretary; 大洼社区 and 小洼村 branches under it;
    程军 on 大洼社区's roll."""
    v = Village(tmp_path / "pingshan.db")
    v.ok(f"unit found pingshan --name 平山镇党委 --kind 党委 --as huaining {AT}")
    v.ok(f"unit found dawa --name 大洼社区党支部 --parent pingshan --as huaining {AT}")
    v.ok(f"unit found xiaowa --name 小洼村党支部 --parent pingshan --as huaining {AT}")
    v.ok(f"person register wang --branch pingshan --name 汪金生 --status full --as huaining {AT}")
    v.ok(f"person register cheng --branch dawa --name 程军 --status full --as huaining {AT}")
    v.ok(f"unit appoint pingshan wang --role 党委书记 --as huaining {AT}")
    return v


def test_the_secretary_declares_national_day_and_the_year_lists_its_days_off(town: Village) -> None:
    town.ok(
        "calendar declare-holidays 2024-10-01..2024-10-07 --name 国庆节 --unit pingshan "
        f"--as wang {AT}"
    )
    town.ok(
        "calendar declare-workdays 2024-09-29 2024-10-12 --name 国庆节调休 --unit pingshan "
        f"--as wang {AT}"
    )

    shown = json.loads(town.ok("--json calendar show --year 2024"))
    text = town.ok("calendar show --year 2024")

    off = {d["day"]: d["reason"] for d in shown["non_working_days"]}
    assert ("国庆节", "周末", 107) == (off["2024-10-03"], off["2024-10-13"], len(off))
    assert ["2024-09-29", "2024-10-12"] == shown["make_up_workdays"]
    assert "国庆节" in text


def test_a_branch_may_not_declare_holidays(town: Village) -> None:
    result = town(f"calendar declare-holidays 2024-10-01 --name 国庆节 --unit dawa --as wang {AT}")

    assert 3 == result.exit_code
    assert "最高一级" in result.output


def test_a_unit_with_branches_under_it_cannot_be_dissolved(town: Village) -> None:
    result = town(f"unit dissolve pingshan --reason 撤并 --as huaining {AT}")

    assert 5 == result.exit_code
    assert "dawa" in result.output
    assert "xiaowa" in result.output


def test_a_member_is_transferred_and_the_roll_follows(town: Village) -> None:
    town.ok(f"person transfer cheng --from dawa --to xiaowa --reason 迁居 --as wang {AT}")

    result = town(f"person transfer cheng --from dawa --to xiaowa --reason 迁居 --as wang {AT}")

    assert 0 == result.exit_code
    assert "xiaowa" in town.ok("--json person show cheng")


def test_a_person_shows_their_transfers(town: Village) -> None:
    town.ok(f"person transfer cheng --from dawa --to xiaowa --reason 迁居 --as wang {AT}")

    shown = town.ok("person show cheng")
    document = json.loads(town.ok("--json person show cheng"))

    assert "组织关系转接" in shown
    assert "迁居" in shown
    assert [("dawa", "xiaowa", "迁居")] == [
        (t["from_id"], t["to_id"], t["reason"]) for t in document["transfers"]
    ]


def test_the_official_holidays_are_imported_and_a_notice_in_national_day_ends_after_it(
    town: Village,
) -> None:
    town.ok(f"calendar import-official --year 2024 --unit pingshan --as wang {AT}")
    shown = json.loads(town.ok("--json calendar show --year 2024"))
    calendar = Calendar(
        frozenset(date.fromisoformat(d["day"]) for d in shown["non_working_days"]),
        frozenset(date.fromisoformat(d) for d in shown["make_up_workdays"]),
    )

    assert shown["holidays_declared"]
    assert "2024-10-12" in shown["make_up_workdays"]
    assert date(2024, 10, 11) == calendar.add_working_days(date(2024, 9, 30), 5)


def test_importing_a_year_again_records_nothing(town: Village) -> None:
    town.ok(f"calendar import-official --year 2024 --unit pingshan --as wang {AT}")
    again = json.loads(
        town.ok(f"--json calendar import-official --year 2024 --unit pingshan --as wang {AT}")
    )

    assert (False, []) == (again["changed"], again["events"])


def test_a_year_the_source_does_not_know_is_refused_with_the_range_named(town: Village) -> None:
    result = town(f"calendar import-official --year 2031 --unit pingshan --as wang {AT}")

    assert 0 != result.exit_code
    assert "2031" in result.output
    assert "declare-holidays" in result.output
    assert not json.loads(town.ok("--json calendar show --year 2031"))["holidays_declared"]


def test_a_year_without_holidays_warns_in_calendar_show(town: Village) -> None:
    text = town.ok("calendar show --year 2024")

    assert "尚未公布法定节假日" in text
    assert "import-official --year 2024" in text
