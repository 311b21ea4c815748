"""审计轨迹 — ``trail``: every event recorded about a subject the audit index knows (a
branch, a task, a person, a pledger, a feedback …)."""

from __future__ import annotations

from collections.abc import Mapping

import click

from adapters.cli.clock import show_time
from adapters.cli.messages import sentence
from adapters.cli.render import heading, table
from adapters.cli.runtime import current
from dangjian_core.catalog import CONCEPTS
from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject

#: Every kind of subject the audit index knows, as the concepts declare them (branch,
#: task, person, pledger, feedback, objection, work, grid …).
SUBJECT_KINDS = tuple(sorted({kind for c in CONCEPTS for kind in c.subjects.values()}))

#: 补录 — recorded after its time by more than the clock skew (the JSON says ``late``).
LATE = "补录"
#: 代录 — entered for the actor by someone else (the JSON says ``entered_by``).
PROXY = "代录"


def _check_subject(subject: str) -> None:
    kind, _, subject_id = subject.partition(":")
    if kind not in SUBJECT_KINDS or not subject_id:
        kinds = "、".join(f"{k}:编号" for k in SUBJECT_KINDS)
        raise InvalidCommand(
            f"对象须写作 {kinds} 之一, 而不是 {subject!r}",
            f"a subject is one of {', '.join(k + ':ID' for k in SUBJECT_KINDS)}, not {subject!r}",
        )


@click.command("trail")
@click.argument("subject")
def trail(subject: str) -> None:
    """审计轨迹: 某支部/任务/人员/承诺人……的全部事件 / every event of a subject.

    对象写作 branch:编号、task:编号、person:编号, 或 pledger:、feedback:、objection:、work: 等
    / branch:ID, task:ID, person:ID, or pledger:, feedback:, objection:, work: ….

    事后才录入的记录 (记录时间晚于事件时间) 标为「补录」, 他人代为录入的标为「代录 录入人」
    / late entries are marked 补录, entries made for the actor by someone else 代录.
    """
    _check_subject(subject)
    runtime = current()
    rows = runtime.app(must_exist=True).queries.trail(subject, sentence)
    if not rows:
        raise UnknownSubject(f"{subject} 没有任何记录", f"nothing was recorded about {subject}")
    columns = ["序号", "时间", "操作人", "事件", "经过", "录入"]
    grid = table(None, columns, right=["序号"], whole=["时间"])
    for row in rows:
        grid.add_row(
            str(row["position"]),
            show_time(str(row["at"]), seconds=True),
            str(row["actor_id"]),
            str(row["summary"]).partition(": ")[0],
            str(row["sentence"]),
            _entry(row),
        )
    runtime.show({"subject": subject, "events": rows}, [heading(f"审计轨迹 {subject}"), grid])


def _entry(row: Mapping[str, object]) -> str:
    marks = [LATE] if row["late"] else []
    if row.get("late_reason"):
        marks[-1:] = [f"{LATE}:{row['late_reason']}"]
    if row.get("entered_by"):
        marks.append(f"{PROXY} {row['entered_by']}")
    return " ".join(marks)


COMMANDS = (trail,)
