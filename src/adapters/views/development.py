"""发展对象查询 — the proposed and confirmed lists with their notice period, the ranking,
objections and outcomes, the commended and training lists, from the read models.

Every answer is plain rows (``dict``) with English keys; :data:`LABELS` gives each key's
Chinese label for boards and exports (XLSX, printable HTML). Public rows never carry the
objection filer's contact: only :meth:`DevelopmentQueries.objection_contacts` reads it,
for the people investigating.

Row fields:

- list (:meth:`~DevelopmentQueries.listing`): ``unit_id`` 组织, ``cycle`` 周期, ``quota``
  发展名额, ``closed_at`` 结算时间, ``status`` 状态 (已拟定/公示中/已确定), ``posted_on``
  公示开始, ``notice_days`` 公示工作日, ``period_end`` 公示截止, ``confirmed_on`` 确定日期;
- ranking (:meth:`~DevelopmentQueries.ranking`, ``proposed``, ``confirmed``): ``rank`` 名次,
  ``person_id`` 编号, ``name`` 姓名, ``total`` 积分, ``credits`` 通过任务数, ``eligible``
  具备资格, ``reason`` 不具备资格的原因, ``separated_by`` 并列时的区分规则, ``on_list``
  拟发展, ``removed`` 因异议移出, ``confirmed`` 已确定;
- notices: ``posted_on``, ``days``, ``period_end``, ``calendar_id`` 工作日历, ``listed`` 公示名单;
- objections: ``objection_id`` 异议编号, ``person_id`` 被提异议人, ``text`` 异议内容,
  ``filer_name`` 提出人, ``filed_at`` 提出时间, ``outcome`` 处理结果, ``note`` 调查结论或理由,
  ``promoted`` 递补人, ``resolved_at`` 处理时间;
- members (``commended``, ``training``): ``person_id``, ``name``, ``total``, ``commend_rank``
  表扬名次, ``threshold`` 培训线, ``task_id`` 培训任务.
"""

from __future__ import annotations

from typing import Any

from attrs import frozen

from adapters.storage.store import EventStore
from adapters.storage.views import Selecting
from adapters.views.reading import read
from dangjian_core.development.projections import CONFIRMED, POSTED, PROPOSED

Row = dict[str, Any]

LABELS: dict[str, str] = {
    "unit_id": "组织",
    "cycle": "周期",
    "quota": "发展名额",
    "closed_at": "结算时间",
    "status": "状态",
    "posted_on": "公示开始",
    "notice_days": "公示工作日",
    "days": "公示工作日",
    "period_end": "公示截止",
    "confirmed_on": "确定日期",
    "rank": "名次",
    "person_id": "编号",
    "name": "姓名",
    "total": "积分",
    "credits": "通过任务数",
    "eligible": "具备资格",
    "reason": "不具备资格的原因",
    "separated_by": "并列时的区分规则",
    "on_list": "拟发展",
    "removed": "因异议移出",
    "confirmed": "已确定",
    "calendar_id": "工作日历",
    "listed": "公示名单",
    "objection_id": "异议编号",
    "text": "异议内容",
    "filer_name": "提出人",
    "filed_at": "提出时间",
    "outcome": "处理结果",
    "note": "调查结论或理由",
    "promoted": "递补人",
    "resolved_at": "处理时间",
    "commend_rank": "表扬名次",
    "threshold": "培训线",
    "task_id": "培训任务",
}
"""The Chinese label of every field of every row these queries return."""

STATUS_NAMES = {PROPOSED: "已拟定", POSTED: "公示中", CONFIRMED: "已确定"}
OUTCOME_NAMES = {"open": "调查中", "upheld": "成立", "dismissed": "不成立"}
_PUBLIC_OBJECTION = (
    "objection_id",
    "person_id",
    "text",
    "filer_name",
    "filed_at",
    "outcome",
    "note",
    "promoted",
    "resolved_at",
)


@frozen
class DevelopmentView:
    """发展对象概况 — one unit's list for a cycle: its row, the ranking, every notice,
    the objections (without contacts), and the commended and training lists."""

    listing: Row | None
    ranking: tuple[Row, ...]
    notices: tuple[Row, ...]
    objections: tuple[Row, ...]
    commended: tuple[Row, ...]
    training: tuple[Row, ...]

    @property
    def proposed(self) -> tuple[Row, ...]:
        """The people on the list now (amended by upheld objections), in rank order."""
        return tuple(row for row in self.ranking if row["on_list"])

    @property
    def confirmed(self) -> tuple[Row, ...]:
        """The people confirmed as development candidates."""
        return tuple(row for row in self.ranking if row["confirmed"])

    @property
    def ineligible(self) -> tuple[Row, ...]:
        """The ranked activists who may not fill the quota, with the reason."""
        return tuple(row for row in self.ranking if not row["eligible"])


def listing(views: Selecting, unit_id: str, cycle: str) -> Row | None:
    """The list's row (quota, status, notice period), or None before a proposal."""
    rows = views.select("dev_lists", {"unit_id": unit_id, "cycle": cycle})
    return dict(rows[0]) if rows else None


def ranking(views: Selecting, unit_id: str, cycle: str) -> list[Row]:
    """The current proposal's ranking, best first (``eligible``, ``on_list``, ``removed``
    and ``confirmed`` as booleans)."""
    found = listing(views, unit_id, cycle)
    if found is None:
        return []
    where = {"unit_id": unit_id, "cycle": cycle, "proposal": found["proposal"]}
    rows = [dict(row) for row in views.select("dev_ranking", where, order_by=("rank",))]
    for row in rows:
        for flag in ("eligible", "on_list", "removed", "confirmed"):
            row[flag] = bool(row[flag])
    return rows


def notices(views: Selecting, unit_id: str, cycle: str) -> list[Row]:
    """Every notice posted, oldest first (``listed`` as a list of person ids)."""
    where = {"unit_id": unit_id, "cycle": cycle}
    rows: list[Row] = [dict(r) for r in views.select("dev_notices", where, order_by=("position",))]
    for row in rows:
        row["listed"] = [p for p in str(row["listed"] or "").split(",") if p]
    return rows


def objections(views: Selecting, unit_id: str, cycle: str) -> list[Row]:
    """Objections and their outcomes, by id — never the filer's contact."""
    where = {"unit_id": unit_id, "cycle": cycle}
    rows = views.select("dev_objections", where, order_by=("filed_at", "objection_id"))
    return [{name: row[name] for name in _PUBLIC_OBJECTION} for row in rows]


def members(views: Selecting, unit_id: str, cycle: str, flag: str) -> list[Row]:
    """Full members ``commended`` (by commendation rank) or ``flagged`` (lowest first)."""
    rows = views.select("dev_members", {"unit_id": unit_id, "cycle": cycle, flag: 1})
    key = (
        (lambda r: r["commend_rank"])
        if flag == "commended"
        else (lambda r: (r["total"], r["person_id"]))
    )
    return sorted((dict(row) for row in rows), key=key)


class DevelopmentQueries:
    """发展对象查询 — the read models of the development lists, caught up first."""

    def __init__(self, store: EventStore) -> None:
        self._store = store

    def show(self, unit_id: str, cycle: str) -> DevelopmentView:
        """Everything about one unit's list for a cycle."""
        with read(self._store) as views:
            return DevelopmentView(
                listing(views, unit_id, cycle),
                tuple(ranking(views, unit_id, cycle)),
                tuple(notices(views, unit_id, cycle)),
                tuple(objections(views, unit_id, cycle)),
                tuple(members(views, unit_id, cycle, "commended")),
                tuple(members(views, unit_id, cycle, "flagged")),
            )

    def listing(self, unit_id: str, cycle: str) -> Row | None:
        """The list's row: quota, status and notice period."""
        with read(self._store) as views:
            return listing(views, unit_id, cycle)

    def proposed(self, unit_id: str, cycle: str) -> list[Row]:
        """The people on the list now, in rank order."""
        return list(self.show(unit_id, cycle).proposed)

    def confirmed(self, unit_id: str, cycle: str) -> list[Row]:
        """The confirmed development candidates, in rank order."""
        return list(self.show(unit_id, cycle).confirmed)

    def objections(self, unit_id: str, cycle: str) -> list[Row]:
        """Objections and their outcomes (public: no contacts)."""
        with read(self._store) as views:
            return objections(views, unit_id, cycle)

    def commended(self, unit_id: str, cycle: str) -> list[Row]:
        """The commended full members."""
        with read(self._store) as views:
            return members(views, unit_id, cycle, "commended")

    def training(self, unit_id: str, cycle: str) -> list[Row]:
        """The full members flagged for training and guidance, with their task."""
        with read(self._store) as views:
            return members(views, unit_id, cycle, "flagged")

    def objection_contacts(self, unit_id: str, cycle: str) -> dict[str, str]:
        """Each objection's filer contact, for the investigators only (personal data)."""
        with read(self._store) as views:
            rows = views.select("dev_objection_contacts", {"unit_id": unit_id, "cycle": cycle})
        return {str(row["objection_id"]): str(row["contact"]) for row in rows}
