"""村务决策 through the application, on every store: 十大民生实事 through 四议两公开 with a
refused members' meeting held again, both publications, an objection whose filer is kept
apart, the publication printed as a board, and views that replay to the same rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from adapters.app import Dangjian, open_app
from adapters.app.replay import replay_check
from adapters.boards.matters import matter_board
from adapters.procedure_files import parse_procedure, read_procedure
from adapters.views.matters import MatterQueries, step_names
from dangjian_core.kernel.errors import DomainError, InvalidCommand
from dangjian_core.matters.procedures import FIVE_SUGGESTED, FIVE_SUPERVISED, FOUR
from tests.calendars import declare_official
from tests.core import matters_given as m

EXAMPLES = m.__file__.rsplit("/tests/", 1)[0] + "/examples/procedures"


@pytest.fixture
def yalv(store_url: str) -> Iterator[Dangjian]:
    """雅吕村 with its rolls and 2018's holidays; 十大民生实事 resolved, published, objected
    to and answered, implemented and its result published; the members' meeting refused
    once for lack of quorum."""
    app = open_app(store_url)
    for command in (*m.setup_commands(), *m.rolls()):
        app.handle(command)
    declare_official(app, 2018, m.TOWN, m.COUNTY, m.DAY0)
    story = [m.open_matter(), m.meeting("propose"), m.meeting("discuss")]
    for command in story:
        app.handle(command)
    with pytest.raises(DomainError, match="quorum"):
        app.handle(m.meeting("review", m.MEMBERS[:7]))
    for command in (
        m.meeting("review", m.MEMBERS[:9]),
        m.meeting("resolve", m.REPRESENTATIVES[:12]),
        m.publish(),
        m.objection(),
        m.answer(),
        m.implement(),
        m.publish("publish_result", date(2018, 12, 3)),
    ):
        app.handle(command)
    yield app
    app.close()


def test_the_matter_reads_step_by_step_with_its_publications(yalv: Dangjian) -> None:
    view = MatterQueries(yalv.store).matter(m.YALV, m.MATTER)

    assert view.matter["status"] == "result_published"
    assert [(s["steps"], s["expected"], s["present"], s["ratio"]) for s in view.steps] == [
        ("propose", 3, 3, "100%"),
        ("discuss", 5, 5, "100%"),
        ("review", 12, 9, "75%"),
        ("resolve", 15, 12, "80%"),
    ]
    assert [(n["step"], n["period_end"]) for n in view.notices] == [
        ("publish_resolution", "2018-01-25"),
        ("publish_result", "2018-12-07"),
    ]
    assert [o["answer"] for o in view.objections] == ["已协商置换菜地"]
    assert "13905791234" not in str(view)
    contacts = MatterQueries(yalv.store).objection_contacts(m.YALV, m.MATTER)
    assert contacts["O1"]["contact"] == "13905791234"


def test_the_result_prints_as_a_notice_with_its_recorded_period(yalv: Dangjian) -> None:
    view = MatterQueries(yalv.store).matter(m.YALV, m.MATTER)

    board = matter_board(view, "雅吕村党支部", "publish_result", step_names())

    assert board.title == "2018年十大民生实事实施结果公开"
    assert board.period == "2018年12月3日至2018年12月7日（5个工作日）"
    titles = [s.title for s in board.sections]
    assert titles == ["决议事项", "实施结果", "决策过程", "异议及答复"]
    assert "吕大伯" not in str(board)


def test_the_views_replay_to_the_same_rows(yalv: Dangjian) -> None:
    assert replay_check(yalv.store).ok


def test_the_shipped_procedure_files_are_the_core_procedures() -> None:
    for name, procedure in (
        ("siyi", FOUR),
        ("wuyi-supervised", FIVE_SUPERVISED),
        ("wuyi-suggested", FIVE_SUGGESTED),
    ):
        assert read_procedure(f"{EXAMPLES}/{name}.toml") == procedure


def test_a_procedure_file_with_a_fault_is_refused_naming_it() -> None:
    with pytest.raises(InvalidCommand, match="未知的键"):
        parse_procedure('name = "x"\ncolour = "red"\nsteps = []')
    with pytest.raises(InvalidCommand, match="决议公开、实施结果公开结束"):
        parse_procedure('name = "x"\n[[steps]]\nkey = "a"\nname = "提议"\nkind = "suggestions"')
