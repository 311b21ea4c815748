"""发展权限重放 — was each recorded development event made by someone entitled to it?

The same :mod:`dangjian_core.permissions` functions the decider enforces, asked about a
recorded event; :mod:`dangjian_core.authority` calls :func:`development_violation` for
every event in :data:`DEVELOPMENT_EVENTS`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from dangjian_core import permissions as p
from dangjian_core.development.events import (
    DevelopmentEvent,
    ListConfirmed,
    ListProposed,
    MembersCommended,
    NoticePosted,
    ObjectionDismissed,
    ObjectionFiled,
    ObjectionUpheld,
    TrainingFlagged,
)
from dangjian_core.shared.ids import BranchId

if TYPE_CHECKING:
    from dangjian_core.directory import Directory

DEVELOPMENT_EVENTS = (
    ListProposed,
    NoticePosted,
    ObjectionFiled,
    ObjectionUpheld,
    ObjectionDismissed,
    ListConfirmed,
    MembersCommended,
    TrainingFlagged,
)
_WHAT: dict[type[DevelopmentEvent], p.What] = {
    ListProposed: p.PROPOSE_LIST,
    NoticePosted: p.POST_NOTICE,
    ObjectionUpheld: p.RESOLVE_OBJECTION,
    ObjectionDismissed: p.RESOLVE_OBJECTION,
    ListConfirmed: p.CONFIRM_LIST,
    MembersCommended: p.COMMEND,
}


def development_violation(
    event: DevelopmentEvent, actor: str, at: datetime, directory: Directory
) -> p.Rule | None:
    """The rule ``actor`` broke by making ``event`` at ``at``, or None."""
    if isinstance(event, ObjectionFiled):
        return p.file_objection(directory, actor)
    unit = directory.branch(BranchId(event.unit_id))
    if unit is None:
        return p.Rule(
            "unknown", f"{event.unit_id} 当时不存在", f"{event.unit_id} did not exist at the time"
        )
    if isinstance(event, TrainingFlagged):
        return p.flag_training(unit, actor, at)
    return p.develop(directory, unit, actor, at, _WHAT[type(event)])
