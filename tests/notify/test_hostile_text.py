"""Text people typed — a task's title, a person's name — arrives inert: no link, tag,
mention, heading or emphasis of its own; only the notice's own heading and link remain."""

from __future__ import annotations

import re
from datetime import date

from adapters.app import Dangjian
from adapters.notify.escaping import plain
from dangjian_core.kernel.ids import PersonId, TaskId
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import ClaimTask, IssueTask
from dangjian_core.tasks.events import Audience, SourceKind
from tests import support
from tests.notify.fake_robot import FakeRobots
from tests.notify.given import notifier, run_once, wecom

TITLE = '**紧急** [点我领奖](http://evil.example/x) <font color="warning">快</font> <@all>'
NAME = "<@all>[吕](http://e.vil)"
MARKUP = re.compile(r"[<>\[\]()*`#_@]|://")
LINK = re.compile(r"\[[^\[\]()]+\]\(https://dangjian\.example\.cn/hall#task-T1\)")


def _hostile_task(app: Dangjian) -> None:
    intruder = PersonId("lv-intruder")
    app.handle(
        RegisterPerson(
            intruder,
            support.BRANCH,
            NAME,
            PartyStatus.ACTIVIST,
            date(2020, 9, 1),
            support.TOWN,
            support.FOUNDED,
        )
    )
    app.handle(
        IssueTask(
            TaskId("T1"),
            support.BRANCH,
            TITLE,
            "环境`卫生`_整治_",
            5,
            1,
            support.later(24 * 7),
            (Audience.ACTIVISTS,),
            SourceKind.UPPER,
            "#1 [上级](javascript:alert(1))",
            support.ORGANIZER,
            support.T0,
        )
    )
    app.handle(ClaimTask(TaskId("T1"), intruder, support.later(1)))


def test_titles_names_and_references_carry_no_markup_into_a_message(
    app: Dangjian, fake: FakeRobots
) -> None:
    with notifier(app, wecom(fake)) as started:
        _hostile_task(app)
        run_once(started)
    messages = [received.content for received in fake.delivered()]
    assert 2 == len(messages)
    for message in messages:
        heading, *lines, link, footer = message.splitlines()
        assert heading.startswith("### ")
        assert LINK.fullmatch(link), link
        assert [] == [line for line in [heading[4:], *lines, footer] if MARKUP.search(line)]
    assert "＜＠all＞［吕］（http：//e.vil）" in messages[1]


def test_plain_text_is_one_line_cut_to_its_limit() -> None:
    assert "第一行 第二行" == plain("第一行\n\n第二行  ")
    assert "一二三四…" == plain("一二三四五六", 5)
