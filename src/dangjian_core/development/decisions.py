"""发展决策 — who may do what with a unit's development list, and the list's folded state.

Who may act (:mod:`dangjian_core.permissions`): the unit's secretary or organizing member,
or a level above it, proposes, posts, resolves objections, confirms and commends
(:func:`~dangjian_core.permissions.develop`); flagging for training issues a task, so it
needs the unit's issuers (:func:`~dangjian_core.permissions.flag_training`); anyone may
object (:func:`~dangjian_core.permissions.file_objection`). The rules are in
:mod:`~dangjian_core.development.rules`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from attrs import evolve

from dangjian_core import permissions as p
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
from dangjian_core.development.rules import DevelopmentError
from dangjian_core.development.state import DevelopmentState, Objection, Outcome
from dangjian_core.units.guards import alive, other

if TYPE_CHECKING:
    from dangjian_core.directory import Directory

__all__ = ["DevelopmentError", "DevelopmentState", "decide", "evolve_state", "initial_state"]


def initial_state() -> DevelopmentState:
    """A development stream starts with nothing decided."""
    return DevelopmentState()


def decide(
    command: DevelopmentCommand, state: DevelopmentState | None, directory: Directory
) -> list[DevelopmentEvent]:
    """Decide a development command against the unit's list for the cycle."""
    unit = alive(other(directory, command.unit_id), command.at)
    board = state or DevelopmentState()
    actor, at = command.actor_id, command.at
    match command:
        case ProposeList():
            p.enforce(p.develop(directory, unit, actor, at, p.PROPOSE_LIST))
            return rules.propose(command, board, directory)
        case PostNotice():
            p.enforce(p.develop(directory, unit, actor, at, p.POST_NOTICE))
            return rules.post(command, board, directory.calendar(command.calendar_id))
        case FileObjection():
            p.enforce(p.file_objection(directory, actor))
            return rules.object_to(command, board)
        case UpholdObjection():
            p.enforce(p.develop(directory, unit, actor, at, p.RESOLVE_OBJECTION))
            return rules.uphold(command, board)
        case DismissObjection():
            p.enforce(p.develop(directory, unit, actor, at, p.RESOLVE_OBJECTION))
            return rules.dismiss(command, board)
        case ConfirmList():
            p.enforce(p.develop(directory, unit, actor, at, p.CONFIRM_LIST))
            return rules.confirm(command, board)
        case CommendMembers():
            p.enforce(p.develop(directory, unit, actor, at, p.COMMEND))
            return rules.commend(command, board, directory)
        case FlagForTraining():
            p.enforce(p.flag_training(unit, actor, at))
            return rules.flag(command, board, directory)
        case _:
            assert_never(command)


def evolve_state(state: DevelopmentState | None, event: DevelopmentEvent) -> DevelopmentState:
    """Fold one development event into the state; never fails."""
    board = state or DevelopmentState()
    match event:
        case ListProposed():
            return evolve(board, proposal=event, selected=event.selected, removed=())
        case NoticePosted():
            return evolve(board, notice=event, changed_since_notice=False)
        case ObjectionFiled():
            return _objection(board, Objection(event))
        case ObjectionUpheld():
            return _upheld(board, event)
        case ObjectionDismissed():
            objection = board.objections[event.objection_id]
            return _objection(
                board, evolve(objection, outcome=Outcome.DISMISSED, note=event.reason)
            )
        case ListConfirmed():
            return evolve(board, confirmed=event.confirmed)
        case MembersCommended():
            return evolve(board, commended=event)
        case TrainingFlagged():
            return evolve(board, flagged=event)
        case _:
            assert_never(event)


def _objection(board: DevelopmentState, objection: Objection) -> DevelopmentState:
    return evolve(board, objections={**board.objections, objection.objection_id: objection})


def _upheld(board: DevelopmentState, event: ObjectionUpheld) -> DevelopmentState:
    objection = evolve(
        board.objections[event.objection_id], outcome=Outcome.UPHELD, note=event.finding
    )
    kept = tuple(person for person in board.selected if person != event.removed)
    moved_up = () if event.promoted is None else (event.promoted,)
    removed = board.removed if event.removed in board.removed else (*board.removed, event.removed)
    return evolve(
        _objection(board, objection),
        selected=board.in_rank_order((*kept, *moved_up)),
        removed=removed,
        changed_since_notice=board.changed_since_notice or event.promoted is not None,
    )
