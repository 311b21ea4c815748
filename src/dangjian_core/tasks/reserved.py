"""指定领办 — a task reserved for named people (e.g. the members flagged for training and
guidance, 加强培训和引导): only they may claim it. An empty tuple reserves it for nobody."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dangjian_core.shared.errors import UnknownSubject
from dangjian_core.shared.ids import is_valid_id
from dangjian_core.tasks.errors import NotEligible

if TYPE_CHECKING:
    from dangjian_core.directory import Directory
    from dangjian_core.tasks.commands import IssueTask
    from dangjian_core.tasks.state import TaskState


def check_people(_instance: object, _attribute: object, value: Any) -> None:
    """attrs validator: a tuple of distinct, well-formed person ids (at most 1000)."""
    ok = isinstance(value, tuple) and len(value) <= 1000 and len(set(value)) == len(value)
    if not ok or not all(is_valid_id(item) for item in value):
        raise ValueError(f"reserved_for 须为不重复的人员编号元组 / distinct person ids: {value!r}")


def check_known(command: IssueTask, directory: Directory) -> None:
    """Refuse a reservation naming someone nobody registered."""
    for person_id in command.reserved_for:
        if directory.person(person_id) is None:
            raise UnknownSubject(f"人员 {person_id} 不存在", f"person {person_id} does not exist")


def check_reserved(state: TaskState, claimant_id: str) -> None:
    """Refuse a claim on a reserved task by someone it is not reserved for."""
    reserved = state.issued.reserved_for
    if reserved and claimant_id not in reserved:
        raise NotEligible(
            f"任务「{state.issued.title}」指定由 {'、'.join(reserved)} 领办,{claimant_id} 不能领办",
            f"task {state.issued.task_id} is reserved for {', '.join(reserved)}; "
            f"{claimant_id} may not claim it",
        )
