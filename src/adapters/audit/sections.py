"""核验结论 — the read-model check, and one summary line per check for the report."""

from __future__ import annotations

from adapters.app.replay import ReplayReport, replay_check
from adapters.audit.evidence import Evidence
from adapters.audit.rebuild import figures as rebuilt_figures
from adapters.audit.rebuild import rebuild
from adapters.audit.report import Figure, Finding, Section, section


def views_check(
    evidence: Evidence, *, skip: bool
) -> tuple[ReplayReport | None, tuple[Figure, ...], list[Finding]]:
    """Live store: views not ahead of the log, and equal to views rebuilt from it.
    Bundle: the rebuilt balances. Skipped when an event cannot be decoded."""
    if skip:
        return None, (), []
    store = evidence.store
    if store is None:
        with rebuild(evidence.rows()) as app:
            return None, rebuilt_figures(app), []
    findings = []
    with store.views() as views:
        applied = views.position()
    end = store.max_position()
    if applied > end:
        findings.append(
            Finding(
                "views",
                "views_ahead",
                f"读模型已应用到事件 {applied}, 但日志只到 {end}: 日志末尾的事件被删除",
                f"the views applied events up to {applied} but the log ends at {end}: "
                "events were removed from the end of the log",
                None,
                end + 1,
            )
        )
    report = replay_check(store)
    for difference in report.differences:
        key = ", ".join(str(part) for part in difference.key)
        findings.append(
            Finding(
                "views",
                "differs",
                f"读模型 {difference.table} ({key}) 与事件重算不符",
                f"view {difference.table} ({key}) differs from the events",
            )
        )
    return report, (), findings


def sections(
    findings: list[Finding],
    events: int,
    anchored: int,
    *,
    held: bool,
    authority: bool,
    corrupt: bool,
    live: bool,
    late: tuple[tuple[str, int], ...] = (),
    proxy: tuple[tuple[str, int], ...] = (),
    witnessed: tuple[tuple[str, int], ...] = (),
) -> tuple[Section, ...]:
    """One line per check, in report order."""
    unanchored = events - anchored
    lines = [
        section(
            "chain",
            findings,
            f"{events} 条从创世重算, 与存储的链一致",
            f"{events} entries recomputed from genesis match",
        ),
        section(
            "canonical", findings, "每条事件都是规范 JSON", "every stored event is canonical JSON"
        ),
        section("decode", findings, "每条事件均可解码", "every event decodes"),
        section(
            "ids",
            findings,
            "事件编号唯一连续, 每个命令编号只对应一段事件",
            "event ids unique and gapless; one run per command id",
        ),
        section(
            "checkpoints",
            findings,
            "每个已存检查点都由已登记公钥签名且与日志一致",
            "every stored checkpoint is signed by a pinned key and agrees",
        ),
    ]
    if not held:
        lines.append(
            Section(
                "held",
                "note",
                f"未提供持有的检查点: {events} 条事件都没有外部锚定",
                f"no held checkpoint: none of the {events} events is anchored outside the "
                "operator's control",
            )
        )
    else:
        lines.append(
            section(
                "held",
                findings,
                f"与持有的检查点一致 (大小 {anchored}); 其后还有 {unanchored} 条事件未锚定",
                f"agrees with the held checkpoints (size {anchored}); {unanchored} events lie "
                "after the last one",
            )
        )
    if witnessed:
        who = ", ".join(f"{name} 联署至大小 {size}" for name, size in witnessed)
        who_en = ", ".join(f"{name} cosigned up to size {size}" for name, size in witnessed)
        lines.append(section("witness", findings, f"见证联署: {who}", f"witnesses: {who_en}"))
    if authority:
        lines.append(
            section(
                "authority",
                findings,
                "每条事件的操作人当时都有相应职权",
                "every actor held the authority at the time",
            )
        )
    else:
        lines.append(
            Section(
                "authority",
                "skipped",
                "未检查: 组织与职权模块尚未接入",
                "not checked: the organisation model is not wired yet",
            )
        )
    lines.append(_entries(late))
    lines.append(_proxies(proxy))
    if corrupt:
        lines.append(
            Section(
                "views",
                "skipped",
                "有事件无法解码, 无法重建读模型",
                "skipped: some events cannot be decoded",
            )
        )
    elif not live:
        lines.append(
            Section(
                "views",
                "note",
                "核查包不含读模型: 下列积分由事件重建, 请与公示的积分墙核对",
                "a bundle has no views: the balances below are rebuilt from the events; "
                "compare them with the posted boards",
            )
        )
    else:
        lines.append(
            section(
                "views",
                findings,
                "从事件重建的读模型与现有读模型逐行相同",
                "views rebuilt from the events equal the live views",
            )
        )
    return tuple(lines)


def _proxies(proxy: tuple[tuple[str, int], ...]) -> Section:
    """How many events someone entered for another (代录), per operator → actor: a note,
    like late entries (proxy entry is allowed; it must only be visible)."""
    if not proxy:
        return Section(
            "proxies",
            "ok",
            "每条事件都由操作人本人录入 (无代录)",
            "every event entered by its actor",
        )
    total = sum(count for _, count in proxy)
    who = ", ".join(f"{pair} × {count}" for pair, count in proxy)
    return Section(
        "proxies",
        "note",
        f"代录 {total} 条 (录入人→操作人): {who}",
        f"{total} event(s) entered for their actor by someone else (operator→actor): {who}",
    )


def _entries(late: tuple[tuple[str, int], ...]) -> Section:
    """How many events were entered late (补录), per actor: a note for the inspector to ask
    about, not a failure (a late entry is allowed; it must only be visible)."""
    if not late:
        return Section(
            "entries", "ok", "每条事件都在其时间记录 (无补录)", "every event recorded at its time"
        )
    total = sum(count for _, count in late)
    who = ", ".join(f"{actor} × {count}" for actor, count in late)
    return Section(
        "entries",
        "note",
        f"补录 {total} 条 (记录时间晚于事件时间): {who}",
        f"{total} event(s) entered late (recorded after their time): {who}",
    )
