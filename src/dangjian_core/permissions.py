"""权限规则 — who may do what, decided at the command's time from the role history.

Each function answers one question with ``None`` (allowed) or the :class:`Rule` the actor
breaks. The deciders raise :class:`Unauthorized` with the rule's message; the replay in
:mod:`dangjian_core.authority` asks the same functions about recorded events, so the live
check and the replay can never disagree.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from attrs import frozen

from dangjian_core.shared.errors import Unauthorized
from dangjian_core.shared.ids import BranchId
from dangjian_core.units.hierarchy import above, leads
from dangjian_core.units.roles import ROLL_KEEPERS, WORKING_ROLES, Role, role_list

if TYPE_CHECKING:
    from dangjian_core.directory import Directory
    from dangjian_core.units.state import UnitState


What = tuple[str, str]
#: What each action is called in a refusal, in Chinese and English. The deciders and the
#: replay use the same names, so a replayed refusal reads like the live one.
RENAME: What = ("更名", "rename")
MOVE: What = ("调整隶属", "move")
RECEIVE: What = ("接收", "receive")
MERGE: What = ("合并", "merge")
MERGE_INTO: What = ("并入", "merge into")
DISSOLVE: What = ("撤销", "dissolve")
REGION: What = ("调整共建单位", "change the members of")
LINK: What = ("调整共建关系", "link or unlink")
REGISTER: What = ("登记人员", "register people")
DETAILS: What = ("记录个人信息", "record personal details")
RENAME_PERSON: What = ("更正姓名", "correct names")
CHANGE_STATUS: What = ("变更政治面貌", "change party status")
EXTEND: What = ("延长预备期", "extend probation")
ISSUE: What = ("发布任务", "issue tasks")
CANCEL: What = ("取消任务", "cancel tasks")
REVIEW: What = ("审核", "review")
REVOKE: What = ("撤销积分", "revoke points")
ADJUST: What = ("调整积分", "adjust points")
CLAIM: What = ("领办、撤回或提交", "claim, withdraw or submit")
STANDARD: What = ("设定评星标准", "set star standards for")
RATE: What = ("评星", "rate on the star board of")
GRID: What = ("管理网格", "lay out or staff the grid of")
CALENDAR: What = ("公布节假日或调休", "declare holidays or working days for")
TRANSFER: What = ("转接组织关系", "transfer the membership of")


@frozen
class Rule:
    """权限规则 — a rule of who may do what, broken by an actor: a stable code and a
    message in Chinese and English."""

    code: str
    zh: str
    en: str


def enforce(rule: Rule | None) -> None:
    """Raise :class:`Unauthorized` for a broken rule; do nothing for ``None``."""
    if rule is not None:
        raise Unauthorized(rule.zh, rule.en)


def found_under(
    directory: Directory, parent: UnitState | None, actor_id: str, at: datetime
) -> Rule | None:
    """成立组织: anyone founds a root unit (and becomes its superior); a unit under a
    parent is founded by the parent's secretary or organizing member, or from above it."""
    if parent is None or leads(directory, parent, actor_id, at):
        return None
    return Rule(
        "lead_parent",
        f"{actor_id} 无权在 {parent.unit_id} 下成立组织(需其书记、组织委员或上级)",
        f"{actor_id} may not found a unit under {parent.unit_id}: needs its secretary or "
        "organizing member, or a level above it",
    )


def change_unit(
    directory: Directory, unit: UnitState, actor_id: str, at: datetime, what: What
) -> Rule | None:
    """更名、调整隶属、合并、撤销、区域共建: decided from a level above the unit (its
    parent's secretary or organizing member, any level higher, or a root's superior)."""
    if above(directory, unit, actor_id, at):
        return None
    return Rule(
        "above_unit",
        f"{actor_id} 无权{what[0]} {unit.unit_id}(需上级组织的书记、组织委员)",
        f"{actor_id} may not {what[1]} {unit.unit_id}: needs the secretary or organizing "
        "member of a unit above it (or a root unit's superior)",
    )


def lead_unit(
    directory: Directory, unit: UnitState, actor_id: str, at: datetime, what: What
) -> Rule | None:
    """Receiving a unit (as new parent or merge survivor) needs its leader or a level above."""
    if leads(directory, unit, actor_id, at):
        return None
    return Rule(
        "lead_unit",
        f"{actor_id} 无权{what[0]} {unit.unit_id}(需其书记、组织委员或上级)",
        f"{actor_id} may not {what[1]} {unit.unit_id}: needs its secretary or organizing "
        "member, or a level above it",
    )


def appoint(
    directory: Directory,
    unit: UnitState,
    actor_id: str,
    role: Role,
    at: datetime,
    person_id: str | None = None,
) -> Rule | None:
    """任免职务: the level above the unit appoints and ends every role; the unit's own
    secretary may also designate its working roles; nobody appoints themselves
    (``person_id`` is given when appointing, None when ending a term)."""
    if person_id is not None and person_id == actor_id:
        return Rule("self_appoint", "不能任命自己", f"{actor_id} may not appoint themselves")
    if above(directory, unit, actor_id, at):
        return None
    if role in WORKING_ROLES and unit.has_role(actor_id, [Role.SECRETARY], at):
        return None
    verb = ("任命", "appoint") if person_id is not None else ("免去", "end")
    return Rule(
        "appoint",
        f"{actor_id} 无权{verb[0]}{unit.unit_id}的{role.zh}(需上级组织的书记、组织委员)",
        f"{actor_id} may not {verb[1]} a {role.value} of {unit.unit_id}: needs the secretary "
        "or organizing member of the unit above (or the unit's own secretary for "
        "reviewer, grid keeper and road chief)",
    )


def keep_roll(
    directory: Directory, unit: UnitState, actor_id: str, at: datetime, what: What
) -> Rule | None:
    """名册: the unit's secretary, deputy secretary or organizing member, or a level above."""
    if unit.has_role(actor_id, ROLL_KEEPERS, at) or above(directory, unit, actor_id, at):
        return None
    return Rule(
        "keep_roll",
        f"{actor_id} 无权{what[0]}(需{unit.unit_id}的书记、副书记、组织委员或上级)",
        f"{actor_id} may not {what[1]}: needs the secretary, deputy secretary or organizing "
        f"member of {unit.unit_id}, or a level above it",
    )


def hold_role(
    unit: UnitState, actor_id: str, roles: tuple[Role, ...], at: datetime, what: What
) -> Rule | None:
    """任务与积分: the actor must hold one of ``roles`` in the unit at the time."""
    if unit.has_role(actor_id, roles, at):
        return None
    zh, en = role_list(roles)
    return Rule(
        "role",
        f"{actor_id} 无权{what[0]}(需{zh})",
        f"{actor_id} may not {what[1]}: needs one of {en}",
    )


def only_self(actor_id: str, person_id: str, what: What) -> Rule | None:
    """领办、撤回、提交: only the person themselves."""
    if actor_id == person_id:
        return None
    return Rule(
        "self_only",
        f"{actor_id} 不能替 {person_id} {what[0]}",
        f"{actor_id} may not {what[1]} for {person_id}: only for themselves",
    )


def not_own_claim(actor_id: str, claimant_id: str) -> Rule | None:
    """审核: nobody reviews their own claim."""
    if actor_id != claimant_id:
        return None
    return Rule("self_review", "不能审核本人的领办", f"{actor_id} may not review their own claim")


def lay_out_grid(directory: Directory, branch_id: str, actor_id: str, at: datetime) -> Rule | None:
    """网格: the branch's secretary or organizing member (or a level above) lays out its
    grid, assigns posts, adds and links households."""
    unit = directory.branch(BranchId(branch_id))
    if unit is None:
        return Rule("unknown", f"{branch_id} 当时不存在", f"{branch_id} did not exist at the time")
    return lead_unit(directory, unit, actor_id, at, GRID)


def set_standards(
    directory: Directory, unit: UnitState, actor_id: str, at: datetime
) -> Rule | None:
    """评星标准: set for a unit from a level above it (the upper unit's secretary or
    organizing member, any level higher, or a root's superior)."""
    return change_unit(directory, unit, actor_id, at, STANDARD)


def rate(directory: Directory, unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """评星: ratings on a unit's board are decided by its secretary or organizing member,
    or from a level above it."""
    return lead_unit(directory, unit, actor_id, at, RATE)


WORK: What = (
    "部署、分解、调整、取消或推进中心工作",
    "issue, split, revise, cancel or report on the work of",
)
ACCEPT_WORK: What = ("承接中心工作", "accept work for")


def run_work(
    directory: Directory, unit_id: str, actor_id: str, at: datetime, what: What = WORK
) -> Rule | None:
    """中心工作: a unit's work items are issued, split, linked to tasks and reported on by
    the unit's own secretary or organizing member; a share is accepted (``ACCEPT_WORK``)
    by the receiving unit's."""
    unit = directory.branch(BranchId(unit_id))
    if unit is None:
        return Rule("unknown", f"{unit_id} 当时不存在", f"{unit_id} did not exist at the time")
    if unit.has_role(actor_id, (Role.SECRETARY, Role.ORGANIZING), at):
        return None
    return Rule(
        "lead_work",
        f"{actor_id} 无权为 {unit_id} {what[0]}(需其书记、组织委员)",
        f"{actor_id} may not {what[1]} {unit_id}: needs its secretary or organizing member",
    )


PROPOSE_LIST: What = ("拟定发展对象名单", "propose the development list of")
POST_NOTICE: What = ("公示发展对象名单", "post the development list of")
RESOLVE_OBJECTION: What = ("处理异议", "resolve objections to the development list of")
CONFIRM_LIST: What = ("确定发展对象", "confirm the development list of")
COMMEND: What = ("表扬党员", "commend the members of")
FLAG_TRAINING: What = ("安排培训和引导", "flag for training the members of")
#: The filer of an objection who is on no roll: a member of the public, named, with contact.
PUBLIC = "public"


def develop(
    directory: Directory, unit: UnitState, actor_id: str, at: datetime, what: What
) -> Rule | None:
    """发展党员: a unit's development list is proposed, posted, its objections resolved and
    it is confirmed — and its members commended — by the unit's secretary or organizing
    member, or from a level above it."""
    return lead_unit(directory, unit, actor_id, at, what)


def flag_training(unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """培训和引导: flagging members issues them a task, so it needs someone who issues the
    unit's tasks (its secretary or organizing member)."""
    return hold_role(unit, actor_id, (Role.SECRETARY, Role.ORGANIZING), at, FLAG_TRAINING)


def file_objection(directory: Directory, actor_id: str) -> Rule | None:
    """异议: anyone objects — a registered person, or a member of the public filing as
    :data:`PUBLIC` (with their name and contact on the objection)."""
    if actor_id == PUBLIC or directory.person(actor_id) is not None:  # type: ignore[arg-type]
        return None
    return Rule(
        "unknown_filer",
        f"{actor_id} 不是登记人员; 群众提出异议请以 {PUBLIC} 身份并留下姓名和联系方式",
        f"{actor_id} is not registered; a member of the public objects as {PUBLIC}, "
        "with a name and contact",
    )


def keep_calendar(
    directory: Directory, unit: UnitState | None, unit_id: str, actor_id: str, at: datetime
) -> Rule | None:
    """工作日历: holidays and make-up working days are declared for a top-level unit (one
    with no parent at the time) by its secretary or organizing member (or its superior)."""
    if unit is None or not unit.alive_at(at):
        return Rule("unknown", f"{unit_id} 当时不存在", f"{unit_id} did not exist at the time")
    if unit.parent_at(at) is not None:
        return Rule(
            "top_level",
            f"{unit_id} 不是最高一级组织，不能{CALENDAR[0]}",
            f"{unit_id} is not a top-level unit; only a unit with no parent may "
            f"{CALENDAR[1]} the calendar",
        )
    return lead_unit(directory, unit, actor_id, at, CALENDAR)


ADOPT_SCHEME: What = ("采用积分细则", "adopt a points scheme for")
SET_QUOTA: What = ("下达发展名额", "set the development quota of")
EVALUATE: What = ("扣分、否决、评分或公布成绩", "deduct, veto, score or publish standings in")
CLOSE_CYCLE: What = ("结束考评周期", "close the evaluation cycle of")


def adopt_scheme(directory: Directory, unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """积分细则: adopted by the unit's secretary or organizing member, or from above it."""
    return lead_unit(directory, unit, actor_id, at, ADOPT_SCHEME)


def set_quota(directory: Directory, unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """发展名额: set by the upper unit (its secretary or organizing member, any level
    higher, or a root's superior) — never by the branch itself."""
    return change_unit(directory, unit, actor_id, at, SET_QUOTA)


def evaluate(
    directory: Directory, unit: UnitState, actor_id: str, at: datetime, what: What = EVALUATE
) -> Rule | None:
    """扣分、一票否决、积极分子评分、季度成绩、结束周期: the unit's secretary or
    organizing member, or a level above it."""
    return lead_unit(directory, unit, actor_id, at, what)
