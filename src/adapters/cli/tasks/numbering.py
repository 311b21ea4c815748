"""任务编号 — the id a task gets when the organizer gives none: its branch, the local year
and a number counted in that year, readable aloud over the village loudspeaker
(``paixilv-2021-012``).

A retry with the same command id names the task the first attempt recorded. Two
operators issuing at once may pick the same next number: the second is refused as
taken (the core's rule) and tries the numbers after it.
"""

from __future__ import annotations

from collections.abc import Iterator

from adapters.app import Dangjian
from adapters.cli.clock import Actor
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.ids import is_valid_id
from dangjian_core.kernel.time import local
from dangjian_core.tasks.events import TaskIssued

#: How many numbers after the next free one are tried when others take them first.
TRIES = 5


def task_numbers(app: Dangjian, actor: Actor, branch_id: str) -> Iterator[str]:
    """The ids to try, in order: the one a retried command recorded, else the branch's
    next numbers for the year of ``actor.at``."""
    recalled = app.recall(actor.command_id)
    if recalled is not None:
        issued = [r.event for r in recalled.events if isinstance(r.event, TaskIssued)]
        if issued:
            yield issued[0].task_id
            return
    head = f"{branch_id}-{local(actor.at).year}-"
    if not is_valid_id(f"{head}000"):
        raise InvalidCommand(
            f"支部编号 {branch_id} 过长, 无法自动编号, 请用 --id 指定任务编号",
            f"branch id {branch_id} is too long to number tasks after: give --id",
        )
    taken = [
        int(tail)
        for row in app.queries.tasks(branch_id)
        if (tail := str(row["task_id"]).removeprefix(head)).isdigit()
        and str(row["task_id"]).startswith(head)
    ]
    first = max(taken, default=0) + 1
    for number in range(first, first + TRIES):
        yield f"{head}{number:03d}"
