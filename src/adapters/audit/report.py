"""核验报告 — what :func:`adapters.audit.verify.verify` found, check by check.

Every problem is a :class:`Finding` naming its check, a stable code, the chain sequence
number and event position where it lies (when it lies at one), and a sentence in Chinese
and English. Each check also gets one :class:`Section` line, passed or not, for the
printed report. The report is clean (``ok``) when there is no finding.
"""

from __future__ import annotations

from attrs import frozen

from adapters.app.replay import ReplayReport

CHECKS = {
    "chain": ("哈希链", "hash chain"),
    "canonical": ("规范编码", "canonical bytes"),
    "decode": ("事件解码", "decoding"),
    "ids": ("事件与命令编号", "event and command ids"),
    "checkpoints": ("已存检查点", "stored checkpoints"),
    "held": ("持有的检查点", "held checkpoints"),
    "witness": ("见证联署", "witness cosignatures"),
    "authority": ("操作人职权", "actors' authority"),
    "entries": ("录入时间", "entry times"),
    "proxies": ("代录", "proxy entries"),
    "views": ("读模型", "read models"),
}
"""Every check, in the order it is run and reported, with its Chinese and English name."""


@frozen
class Finding:
    """发现的问题 — one problem: which check, what kind, where, and what it means."""

    check: str
    code: str
    zh: str
    en: str
    seq: int | None = None
    position: int | None = None

    def where(self) -> str:
        """``seq 5 / position 7`` (or what of it is known)."""
        parts = [
            f"seq {self.seq}" if self.seq else "",
            f"position {self.position}" if self.position else "",
        ]
        return " / ".join(part for part in parts if part) or "—"


@frozen
class Section:
    """检查结论 — one check's line: ``ok``, ``failed``, ``skipped`` or ``note``."""

    check: str
    status: str
    zh: str
    en: str


@frozen
class Figure:
    """重建的积分 — a balance rebuilt from the events (what a bundle's inspector compares
    with the posted wall)."""

    branch_id: str
    cycle: str
    person_id: str
    total: int


@frozen
class VerifyReport:
    """核验报告 — the whole verification of one ledger."""

    source: str
    ledger: str
    events: int
    chain_entries: int
    head: str
    first_bad: tuple[int, int] | None
    sections: tuple[Section, ...]
    findings: tuple[Finding, ...]
    anchored: int
    unanchored: int
    replay: ReplayReport | None = None
    figures: tuple[Figure, ...] = ()
    #: 补录 — per actor, how many events were recorded after their time by more than the
    #: clock skew (entered late), most first.
    late: tuple[tuple[str, int], ...] = ()
    #: 代录 — per "operator→actor", how many events someone entered for the actor.
    proxy: tuple[tuple[str, int], ...] = ()

    @property
    def ok(self) -> bool:
        """Whether nothing was found."""
        return not self.findings

    @property
    def first(self) -> Finding | None:
        """The first problem, in check order (the hash chain's first bad entry first)."""
        return self.findings[0] if self.findings else None

    @property
    def only_views(self) -> bool:
        """Whether every problem is a read-model difference (the log itself is sound)."""
        return bool(self.findings) and all(f.check == "views" for f in self.findings)


def section(check: str, findings: list[Finding], zh_ok: str, en_ok: str) -> Section:
    """A check's line: passed with the given words, or failed with its problem count."""
    mine = [f for f in findings if f.check == check]
    if not mine:
        return Section(check, "ok", zh_ok, en_ok)
    where = mine[0].where()
    if where == "—":
        return Section(check, "failed", f"{len(mine)} 处问题", f"{len(mine)} problem(s)")
    zh, en = f"{len(mine)} 处问题, 首处 {where}", f"{len(mine)} problem(s), first at {where}"
    return Section(check, "failed", zh, en)
