"""村务决策命令 — adopt a procedure; keep the dated rolls of the two committees, the
supervisors and the representatives; open a matter; gather suggestions; hold a step's
meeting; publish the resolution and the implementation's result; record the
implementation; file and answer objections. Each names the village (unit), actor and
time; the stream is the village's, ``matters-<unit_id>``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from attrs import field, frozen, validators

from dangjian_core.kernel.ids import BranchId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import int_between as _int_between
from dangjian_core.kernel.validation import text as _text
from dangjian_core.matters.values import Ballot, Body, Origin, Procedure

#: The most people on one roll, and the most items of one matter.
MAX_ROLL = 500
MAX_ITEMS = 30


def _ids(_instance: object, attribute: Any, value: tuple[str, ...]) -> None:
    for item in value:
        check_id(_instance, attribute, item)
    if len(set(value)) != len(value):
        raise ValueError(f"{attribute.name} 有重复 / {attribute.name} repeats a person")
    if len(value) > MAX_ROLL:
        raise ValueError(f"{attribute.name} 超过 {MAX_ROLL} 人 / more than {MAX_ROLL}")


def _votes(_instance: object, attribute: Any, value: Any) -> None:
    counted = isinstance(value, tuple) and len(value) == 3
    counted = counted and all(type(n) is int and 0 <= n <= 100_000 for n in value)
    if value is not None and not counted:
        raise ValueError(
            f"{attribute.name} 须为 (赞成, 反对, 弃权) 三个非负整数 / "
            f"{attribute.name} must be (for, against, abstain), three whole numbers ≥ 0: {value!r}"
        )


def _items(_instance: object, attribute: Any, value: tuple[str, ...]) -> None:
    if len(value) > MAX_ITEMS or any(not 1 <= len(v) <= 60 for v in value):
        raise ValueError(
            f"{attribute.name} 至多 {MAX_ITEMS} 项, 每项 1–60 字 / at most {MAX_ITEMS} items"
        )


@frozen
class AdoptProcedure:
    """采用决策程序 — the village adopts a procedure (its steps as data); adopting again
    makes the next version, which matters opened afterwards follow."""

    unit_id: BranchId = field(validator=check_id)
    procedure: Procedure = field(validator=validators.instance_of(Procedure))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class SetRoll:
    """登记议事名册 — who sits on the two committees, the supervisory committee or the
    representatives' meeting from a date (the party members' roll is the people's);
    ``director_id`` names the village committee's director on the two committees' roll."""

    unit_id: BranchId = field(validator=check_id)
    body: Body = field(validator=validators.instance_of(Body))
    since: date = field(validator=validators.instance_of(date))
    members: tuple[str, ...] = field(validator=_ids)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    director_id: str = field(default="", validator=validators.instance_of(str))


@frozen
class OpenMatter:
    """立项 — a village matter is opened, from where it came, with its items (the ten
    livelihood projects …); it follows the procedure in force."""

    unit_id: BranchId = field(validator=check_id)
    matter_id: str = field(validator=check_id)
    title: str = field(validator=_text(1, 60))
    origin: Origin = field(validator=validators.instance_of(Origin))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    items: tuple[str, ...] = field(default=(), validator=_items)


@frozen
class GatherSuggestions:
    """征集群众建议 — the suggestions gathered from villagers at a suggestions step."""

    unit_id: BranchId = field(validator=check_id)
    matter_id: str = field(validator=check_id)
    step: str = field(validator=check_id)
    gathered_on: date = field(validator=validators.instance_of(date))
    count: int = field(validator=_int_between(1, 100_000))
    summary: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class HoldMeeting:
    """召开会议表决 — a step's meeting: when its plan was sent, who attended, and the vote,
    counted (``votes``: for, against, abstain) or named (``ballots``) as the body's rule
    says; ``merged`` holds the branch committee's proposal and the two committees'
    discussion as one meeting where one person holds both posts (一肩挑)."""

    unit_id: BranchId = field(validator=check_id)
    matter_id: str = field(validator=check_id)
    step: str = field(validator=check_id)
    held_on: date = field(validator=validators.instance_of(date))
    present: tuple[str, ...] = field(validator=_ids)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    notice_sent_on: date | None = field(
        default=None, validator=validators.optional(validators.instance_of(date))
    )
    votes: tuple[int, int, int] | None = field(default=None, validator=_votes)
    ballots: tuple[Ballot, ...] = field(
        default=(),
        validator=validators.deep_iterable(
            validators.instance_of(Ballot), validators.instance_of(tuple)
        ),
    )
    merged: bool = field(default=False, validator=validators.instance_of(bool))


@frozen
class PublishNotice:
    """公开 — the resolution or the implementation's result is posted for ``days`` working
    days from ``posted_on``, on the named working-day calendar."""

    unit_id: BranchId = field(validator=check_id)
    matter_id: str = field(validator=check_id)
    step: str = field(validator=check_id)
    posted_on: date = field(validator=validators.instance_of(date))
    days: int = field(validator=_int_between(0, 60))
    text: str = field(validator=_text(1, 2000))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    calendar_id: str = field(default="default", validator=check_id)


@frozen
class RecordImplementation:
    """记录实施结果 — what was done, by when, once the resolution's notice is over."""

    unit_id: BranchId = field(validator=check_id)
    matter_id: str = field(validator=check_id)
    done_on: date = field(validator=validators.instance_of(date))
    summary: str = field(validator=_text(1, 2000))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class FileMatterObjection:
    """对公开提出异议 — anyone objects to a publication during its period, with a name and
    contact that are kept private."""

    unit_id: BranchId = field(validator=check_id)
    matter_id: str = field(validator=check_id)
    step: str = field(validator=check_id)
    objection_id: str = field(validator=check_id)
    text: str = field(validator=_text(1, 500))
    filer_name: str = field(validator=_text(1, 40))
    contact: str = field(validator=_text(1, 40))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class AnswerMatterObjection:
    """答复异议 — the village answers an objection, in writing."""

    unit_id: BranchId = field(validator=check_id)
    matter_id: str = field(validator=check_id)
    objection_id: str = field(validator=check_id)
    answer: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


MatterCommand = (
    AdoptProcedure
    | SetRoll
    | OpenMatter
    | GatherSuggestions
    | HoldMeeting
    | PublishNotice
    | RecordImplementation
    | FileMatterObjection
    | AnswerMatterObjection
)
