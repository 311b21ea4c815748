"""抽签核验 — ``dangjian audit draw TASK``: recompute a draw from the log alone.

From the task's stream: the window's end, the entrants (folded up to the draw), the free
slots; from the log: the seed position (the first event recorded at or after the
window's end and after the last entry), the head there (:func:`~adapters.audit.draw_seed.log_head`), and for a
weighted draw each entrant's approved tasks in the cycle up to the draw. The draw is
recomputed by :func:`dangjian_core.tasks.draw.draw` and compared with the recorded
result. Flagged, for a person to look at: events recorded before the seed position but
dated (command time) at or after the window's end, and events after the seed position
recorded as before the window's end — a clock set back, or events loaded in bulk, are how
an operator could have picked the seed.
"""

from __future__ import annotations

from typing import Any

from attrs import frozen

from adapters.audit.draw_seed import SEED_KIND, last_entry, log_head, seed_position
from adapters.storage.mapper import decode, recorded_of
from adapters.storage.store import EventStore
from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject
from dangjian_core.kernel.time import local
from dangjian_core.tasks import CONCEPT
from dangjian_core.tasks import draw as lots
from dangjian_core.tasks.events import CompletionApproved, PointsRevoked, SlotsDrawn, TaskIssued


@frozen
class DrawCheck:
    """抽签核验结果 — the recorded draw, what the log says it should have been, the
    differences (``problems``) and the events worth a look (``flags``)."""

    task_id: str
    drawn: SlotsDrawn
    drawn_position: int
    seed_position: int | None
    seed: str | None
    recomputed: lots.DrawResult
    problems: tuple[str, ...]
    flags: tuple[str, ...]

    @property
    def matches(self) -> bool:
        """Whether the recorded draw is the one the log gives."""
        return not self.problems


def _task(store: EventStore, task_id: str) -> tuple[TaskIssued, int, SlotsDrawn, int, Any]:
    rows = store.read_stream(f"task-{task_id}")
    if not rows:
        raise UnknownSubject(f"任务 {task_id} 不存在", f"task {task_id} does not exist")
    state: Any = None
    for row in rows:
        recorded = recorded_of(row)
        if isinstance(recorded.event, SlotsDrawn):
            issued = state.issued
            return issued, rows[0].position, recorded.event, row.position, state
        state = CONCEPT.evolve(state, recorded.event)
    raise InvalidCommand(f"任务 {task_id} 尚未抽签", f"task {task_id} has not been drawn")


def _approved(store: EventStore, drawn: SlotsDrawn, before: int) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(drawn.entrants, 0)
    for row in store.iter_log():
        if row.position >= before:
            break
        event = recorded_of(row).event
        counted = isinstance(event, CompletionApproved | PointsRevoked)
        if counted and event.claimant_id in counts and event.cycle == drawn.cycle:
            counts[event.claimant_id] += 1 if isinstance(event, CompletionApproved) else -1
    return counts


def _flags(
    store: EventStore, issued: int, until: Any, seed_at: int | None, drawn: int
) -> list[str]:
    flags = []
    for row in store.iter_log(issued - 1):
        if row.position > drawn:
            break
        recorded, envelope = decode(
            row.topic, row.state, position=row.position, stream_id=row.stream_id,
            version=row.version,
        )  # fmt: skip
        title = getattr(recorded.event, "TITLE", row.topic)
        where = f"第 {row.position} 条 {row.stream_id}「{title}」({recorded.actor_id})"
        if seed_at is not None and row.position < seed_at and recorded.at >= until:
            flags.append(f"{where} 记录于种子位置之前, 时间却在窗口结束之后 ({local(recorded.at)})")
        if seed_at is not None and row.position > seed_at and envelope.recorded_at < until:
            flags.append(f"{where} 记录于种子位置之后, 服务器时间却在窗口结束之前")
        if envelope.late_reason and seed_at is not None and row.position <= seed_at:
            flags.append(f"{where} 为补录事件: {envelope.late_reason}")
    return flags


def check_draw(store: EventStore, task_id: str) -> DrawCheck:
    """Recompute the task's draw from the log and compare it with the recorded one."""
    issued, issued_at, drawn, drawn_at, before = _task(store, task_id)
    until = issued.draw_until
    problems = []
    if until is None:
        raise InvalidCommand(f"任务 {task_id} 没有抽签窗口", f"task {task_id} has no draw window")
    after = last_entry(store, task_id, before=drawn_at)
    position = seed_position(store.iter_log(after), until)
    head = None if position is None else log_head(store, position)
    seed = None if head is None else head[0]
    if drawn.seed_kind != SEED_KIND:
        problems.append(f"种子种类 {drawn.seed_kind} 不是本工具所读的 {SEED_KIND}")
    if position != drawn.seed_position:
        problems.append(f"种子位置应为第 {position} 条, 记录的是第 {drawn.seed_position} 条")
    if seed != drawn.seed:
        problems.append(f"种子应为 {seed}, 记录的是 {drawn.seed}")
    if tuple(before.entrants) != tuple(drawn.entrants):
        problems.append("报名名单与日志不符")
    weighted = drawn.rule == lots.WEIGHTED_RULE
    counts = _approved(store, drawn, drawn_at) if weighted else None
    if counts is not None and tuple(counts[p] for p in drawn.entrants) != drawn.approved:
        problems.append("各人本周期通过任务数与日志不符")
    free = issued.slots - before.taken
    result = lots.draw(seed or drawn.seed, task_id, before.entrants, free, counts)
    if (result.winners, result.waitlist) != (drawn.winners, drawn.waitlist):
        problems.append("按规则重算的中签与候补名单与记录不符")
    if drawn.rule not in lots.RULES:
        problems.append(f"未知的抽签规则 {drawn.rule}")
    flags = _flags(store, issued_at, until, position, drawn_at)
    return DrawCheck(
        task_id, drawn, drawn_at, position, seed, result, tuple(problems), tuple(flags)
    )
