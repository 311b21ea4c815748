"""发展决策 — ``decide`` and ``evolve`` for a unit's development list: flat tables over the
rules in :mod:`~dangjian_core.development.rules`.

Who may act (:mod:`~dangjian_core.development.permissions`): the unit's secretary or
organizing member, or a level above it, proposes, posts, resolves objections, confirms
and commends (``develop``); flagging for training issues a task, so it needs the unit's
issuers (``flag_training``); anyone may object (``file_objection``).
"""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.calendar.state import working_days
from dangjian_core.development import permissions as p
from dangjian_core.development import rules
from dangjian_core.development.commands import (
    CommendMembers,
    ConfirmList,
    DevelopmentCommand,
    DismissObjection,
    FileObjection,
    FlagForTraining,
    PostNotice,
    ProposeList,
    UpholdObjection,
)
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
from dangjian_core.development.state import DevelopmentState, Objection, Outcome
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.facts import Facts
from dangjian_core.units.state import alive, other


def decide(
    command: DevelopmentCommand, state: DevelopmentState | None, facts: Facts
) -> list[DevelopmentEvent]:
    """Decide a development command against the unit's list for the cycle."""
    unit = alive(other(facts, command.unit_id), command.at)
    board = state or DevelopmentState()
    actor, at = command.actor_id, command.at
    match command:
        case ProposeList():
            enforce(p.develop(facts, unit, actor, at, p.PROPOSE_LIST))
            return rules.propose(command, board, facts)
        case PostNotice():
            enforce(p.develop(facts, unit, actor, at, p.POST_NOTICE))
            return rules.post(command, board, working_days(facts, command.calendar_id))
        case FileObjection():
            enforce(p.file_objection(facts, actor))
            return rules.object_to(command, board)
        case UpholdObjection():
            enforce(p.develop(facts, unit, actor, at, p.RESOLVE_OBJECTION))
            return rules.uphold(command, board)
        case DismissObjection():
            enforce(p.develop(facts, unit, actor, at, p.RESOLVE_OBJECTION))
            return rules.dismiss(command, board)
        case ConfirmList():
            enforce(p.develop(facts, unit, actor, at, p.CONFIRM_LIST))
            return rules.confirm(command, board)
        case CommendMembers():
            enforce(p.develop(facts, unit, actor, at, p.COMMEND))
            return rules.commend(command, board, facts)
        case FlagForTraining():
            enforce(p.flag_training(unit, actor, at))
            return rules.flag(command, board, facts)
        case _:
            assert_never(command)


def evolve(state: DevelopmentState | None, event: DevelopmentEvent) -> DevelopmentState:
    """Fold one development event into the state; never fails (a decision on an objection
    never filed leaves the list as it was)."""
    board = state or DevelopmentState()
    match event:
        case ListProposed():
            return attrs.evolve(board, proposal=event, selected=event.selected, removed=())
        case NoticePosted():
            return attrs.evolve(board, notice=event, changed_since_notice=False)
        case ObjectionFiled():
            return _objection(board, Objection(event))
        case ObjectionUpheld():
            return _upheld(board, event)
        case ObjectionDismissed():
            objection = board.objections.get(event.objection_id)
            if objection is None:
                return board
            dismissed = attrs.evolve(objection, outcome=Outcome.DISMISSED, note=event.reason)
            return _objection(board, dismissed)
        case ListConfirmed():
            return attrs.evolve(board, confirmed=event.confirmed)
        case MembersCommended():
            return attrs.evolve(board, commended=event)
        case TrainingFlagged():
            return attrs.evolve(board, flagged=event)
        case _:
            assert_never(event)


def _objection(board: DevelopmentState, objection: Objection) -> DevelopmentState:
    return attrs.evolve(board, objections={**board.objections, objection.objection_id: objection})


def _upheld(board: DevelopmentState, event: ObjectionUpheld) -> DevelopmentState:
    filed = board.objections.get(event.objection_id)
    if filed is None:
        return board
    objection = attrs.evolve(filed, outcome=Outcome.UPHELD, note=event.finding)
    kept = tuple(person for person in board.selected if person != event.removed)
    moved_up = () if event.promoted is None else (event.promoted,)
    removed = board.removed if event.removed in board.removed else (*board.removed, event.removed)
    return attrs.evolve(
        _objection(board, objection),
        selected=board.in_rank_order((*kept, *moved_up)),
        removed=removed,
        changed_since_notice=board.changed_since_notice or event.promoted is not None,
    )
