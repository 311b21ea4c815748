"""链核对 — recompute the chain from genesis over the log and hold the stored chain against it.

The recomputed chain (one link per event, in log order) is what the events themselves
say; the stored chain is what the append transactions wrote. They must be equal. Where
they are not, the checks below say how: entries missing, duplicated, out of order or
pointing at no event; events with no entry; links that do not verify (an event's bytes
or a stored hash changed). ``first_bad`` is the first entry where the two chains part.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from attrs import frozen

from adapters.audit.report import Finding
from adapters.storage.chain import ChainEntry, genesis, link_digest

MESSAGES = {
    "duplicate_entry": ("链条目 {s} 重复 (事件 {p})", "chain entry {s} (event {p}) appears twice"),
    "missing_entry": ("缺少链条目 {gap} (被删除?)", "chain entries {gap} are missing (deleted?)"),
    "reordered_entry": ("链条目 {s} 顺序错乱", "chain entry {s} is out of order"),
    "entry_without_event": (
        "链条目 {s} 指向的事件 {p} 不存在 (事件被删除?)",
        "chain entry {s} covers event {p}, which is not in the log (deleted?)",
    ),
    "event_without_entry": (
        "事件 {p} 没有链条目 (绕过正常写入插入?)",
        "event {p} has no chain entry (inserted outside the append path?)",
    ),
    "bad_link": (
        "链条目 {s} 验证不通过: 事件 {p} 的内容或该条哈希被改过",
        "chain entry {s} does not verify: event {p} or its stored hash was changed",
    ),
}
"""Each chain problem's code and its sentence in Chinese and English."""


@frozen
class ChainResult:
    """链核对结果 — the recomputed hashes, the first parting, and every problem."""

    recomputed: tuple[bytes, ...]
    first_bad: tuple[int, int] | None
    findings: tuple[Finding, ...]


def check_chain(
    ledger: str, log: Sequence[tuple[int, bytes]], chain: Sequence[ChainEntry]
) -> ChainResult:
    """``log``: (position, event digest) of every stored event, in log order."""
    recomputed: list[bytes] = []
    previous = genesis(ledger)
    for seq, (_position, digest) in enumerate(log, start=1):
        previous = link_digest(seq, previous, digest)
        recomputed.append(previous)
    findings = [*_numbering(chain), *_coverage(log, chain), *_links(ledger, dict(log), chain)]
    findings.sort(key=lambda f: (f.seq or 0, f.position or 0))
    return ChainResult(tuple(recomputed), _first_bad(log, recomputed, chain), tuple(findings))


def _finding(code: str, s: int, p: int, gap: str = "") -> Finding:
    """A chain finding with its sentence."""
    zh, en = MESSAGES[code]
    return Finding("chain", code, zh.format(s=s, p=p, gap=gap), en.format(s=s, p=p, gap=gap), s, p)


def _numbering(chain: Sequence[ChainEntry]) -> list[Finding]:
    """Sequence numbers must run 1, 2, 3 … without repeats or gaps."""
    found = []
    previous = 0
    for entry in chain:
        s, p = entry.seq, entry.position
        if s == previous:
            found.append(_finding("duplicate_entry", s, p))
        elif s > previous + 1:
            gap = f"{previous + 1}–{s - 1}" if s - 1 > previous + 1 else str(previous + 1)
            found.append(_finding("missing_entry", previous + 1, p, gap))
        elif s < previous:
            found.append(_finding("reordered_entry", s, p))
        previous = max(previous, s)
    return found


def _coverage(log: Sequence[tuple[int, bytes]], chain: Sequence[ChainEntry]) -> list[Finding]:
    """Entries and events must cover each other one to one, in log order."""
    positions = {position for position, _ in log}
    counted = Counter(entry.position for entry in chain)
    found = []
    last = 0
    for entry in chain:
        s, p = entry.seq, entry.position
        if p not in positions:
            found.append(_finding("entry_without_event", s, p))
        elif counted[p] > 1:
            found.append(_finding("duplicate_entry", s, p))
        elif p < last:
            found.append(_finding("reordered_entry", s, p))
        last = max(last, p)
    found += [
        _finding("event_without_entry", seq, position)
        for seq, (position, _) in enumerate(log, start=1)
        if position not in counted
    ]
    return found


def _links(ledger: str, digests: dict[int, bytes], chain: Sequence[ChainEntry]) -> list[Finding]:
    """Each entry must link from the stored entry before it over its event's bytes."""
    found = []
    for index, entry in enumerate(chain):
        if index == 0:
            previous = genesis(ledger) if entry.seq == 1 else None
        else:
            previous = chain[index - 1].hash
        digest = digests.get(entry.position)
        if previous is None or digest is None:
            continue  # named by the numbering and coverage checks
        if link_digest(entry.seq, previous, digest) != entry.hash:
            found.append(_finding("bad_link", entry.seq, entry.position))
    return found


def _first_bad(
    log: Sequence[tuple[int, bytes]], recomputed: Sequence[bytes], chain: Sequence[ChainEntry]
) -> tuple[int, int] | None:
    """The first (seq, position) where the stored chain and the recomputed one part."""
    for index in range(max(len(log), len(chain))):
        expected = (
            ChainEntry(index + 1, log[index][0], recomputed[index]) if index < len(log) else None
        )
        stored = chain[index] if index < len(chain) else None
        if expected != stored:
            # An inserted event sits before the entry it displaced, a deleted one before the
            # event that took its place: the smaller position is where the chains part.
            return index + 1, min(e.position for e in (expected, stored) if e is not None)
    return None
