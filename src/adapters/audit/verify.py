"""核验 — prove, on the inspector's own machine, that a ledger's figures come from an untampered log.

:func:`verify` reads a live store or a bundle (offline, no database) and runs, in order:

1. the hash chain, recomputed from genesis and held against the stored entries
   (:mod:`~adapters.audit.chaincheck`) — the first bad entry is named;
2. canonical bytes and decoding of every stored event;
3. event ids and command ids (:mod:`~adapters.audit.eventchecks`), and the authority
   checks once they are wired (:data:`~adapters.audit.eventchecks.AUTHORITY_CHECKS`);
4. every stored checkpoint, then every checkpoint the inspector holds
   (:mod:`~adapters.audit.anchors`): signed by a pinned key, this ledger, no truncation,
   no fork (its head is the log's Merkle root at its size, recomputed here; or, cut before
   the tree, the chain's head) — and how many events lie after the last held one; with
   witness keys, that some checkpoint carries each witness's cosignature
   (:mod:`~adapters.audit.witnessed`);
5. entry times: how many events each actor entered late (补录), as a note;
6. the read models: rebuilt from the events and compared row by row with the live views
   (:func:`adapters.app.replay.replay_check`); a bundle has no views, so its rebuilt balances
   are reported for comparison with the posted boards.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from adapters.audit.anchors import Anchor, check_anchors
from adapters.audit.binding import check_binding
from adapters.audit.chaincheck import check_chain
from adapters.audit.checkpoints import VerifierKey
from adapters.audit.eventchecks import AUTHORITY_CHECKS, EVENT_CHECKS, EventCheck, Seen
from adapters.audit.evidence import Bundle, Evidence, of_bundle, of_store
from adapters.audit.report import CHECKS, Finding, VerifyReport
from adapters.audit.sections import sections, views_check
from adapters.audit.treecheck import check_tree
from adapters.audit.witness import WitnessKey
from adapters.audit.witnessed import check_witnessed
from adapters.storage.canonical import CanonicalError
from adapters.storage.chain import (
    LinkedEvent,
    check_canonical,
    event_bytes,
    event_digest,
    genesis,
)
from adapters.storage.errors import CorruptEvent
from adapters.storage.mapper import decode
from adapters.storage.merkle import HashTree, leaf_hash
from adapters.storage.store import EventStore
from dangjian_core.kernel.time import entered_late


def verify(
    source: EventStore | Bundle | Evidence,
    pinned_keys: Sequence[VerifierKey],
    held_checkpoints: Sequence[str],
    *,
    progress: Callable[[int], None] | None = None,
    witnesses: Sequence[WitnessKey] = (),
) -> VerifyReport:
    """Verify a live store or a parsed bundle against pinned keys and held checkpoint
    notes, and (``witnesses``) require checkpoints those witnesses cosigned."""
    if isinstance(source, EventStore):
        evidence = of_store(source)
    elif isinstance(source, Bundle):
        evidence = of_bundle(source, "bundle")
    else:
        evidence = source
    authority = [factory() for factory in AUTHORITY_CHECKS]
    checks: list[EventCheck] = [factory() for factory in EVENT_CHECKS] + authority
    tree = HashTree()
    log, findings, (late, proxy) = _scan(evidence, checks, progress, tree)
    chain = check_chain(evidence.ledger, log, evidence.chain)
    anchors = [Anchor("checkpoints", r.note, r) for r in evidence.checkpoints]
    anchors += [Anchor("held", note) for note in held_checkpoints]
    positions = [position for position, _ in log]
    anchored = check_anchors(
        evidence.ledger, chain.recomputed, positions, anchors, pinned_keys, tree.root
    )
    witnessed = check_witnessed([a.note for a in anchors], witnesses)
    bound = check_binding(
        evidence.store.read_binding() if evidence.store is not None else None,
        evidence.ledger,
        pinned_keys,
        lambda n: [genesis(evidence.ledger), *chain.recomputed][n] if n <= len(log) else None,
        lambda n: tree.root(n) if n <= tree.size else None,
    )
    stored_tree = check_tree(evidence.store, tree) if evidence.store is not None else []
    findings = [*chain.findings, *stored_tree, *findings, *anchored.findings, *bound]
    findings += witnessed.findings
    corrupt = any(f.check == "decode" for f in findings)
    replay, figures, view_findings = views_check(evidence, skip=corrupt)
    findings += view_findings
    seq_of = {position: seq for seq, position in enumerate(positions, start=1)}
    findings = [
        attrs.evolve(f, seq=seq_of.get(f.position)) if f.seq is None and f.position else f
        for f in sorted(findings, key=lambda f: list(CHECKS).index(f.check))  # stable sort
    ]
    head = chain.recomputed[-1] if chain.recomputed else genesis(evidence.ledger)
    lines = sections(
        findings,
        len(log),
        anchored.anchored,
        held=bool(held_checkpoints),
        authority=bool(authority),
        corrupt=corrupt,
        live=evidence.store is not None,
        late=late,
        proxy=proxy,
        witnessed=witnessed.sizes,
    )
    return VerifyReport(
        evidence.label,
        evidence.ledger,
        len(log),
        len(evidence.chain),
        base64.b64encode(head).decode(),
        chain.first_bad,
        lines,
        tuple(findings),
        anchored.anchored,
        len(log) - anchored.anchored,
        replay,
        figures,
        late,
        proxy,
    )


Counts = tuple[tuple[str, int], ...]


def _most_first(counter: Counter[str]) -> Counts:
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _scan(
    evidence: Evidence,
    checks: list[EventCheck],
    progress: Callable[[int], None] | None,
    tree: HashTree,
) -> tuple[list[tuple[int, bytes]], list[Finding], tuple[Counts, Counts]]:
    """One pass over the log: digests for the chain, leaves of the Merkle tree, canonical
    bytes, decoding, event checks, who entered events late, and who entered events for
    someone else."""
    log: list[tuple[int, bytes]] = []
    findings: list[Finding] = []
    late: Counter[str] = Counter()
    proxy: Counter[str] = Counter()
    try:
        for row in evidence.rows():
            linked = LinkedEvent(row.position, row.stream_id, row.version, row.topic, row.state)
            log.append((row.position, event_digest(linked)))
            tree.append(leaf_hash(event_bytes(linked)))
            findings += _canonical(linked)
            seen = _decoded(row, findings)
            if seen.envelope is not None and entered_late(
                seen.envelope.at, seen.envelope.recorded_at
            ):
                late[seen.envelope.actor_id] += 1
            if seen.envelope is not None and seen.envelope.entered_by:
                proxy[f"{seen.envelope.entered_by}→{seen.envelope.actor_id}"] += 1
            for check in checks:
                findings += check.see(seen)
            if progress is not None:
                progress(1)
    except CorruptEvent as error:  # the store could not even read a row
        findings.append(Finding("decode", "unreadable", error.zh, error.en, None, None))
    for check in checks:
        findings += check.finish()
    return log, findings, (_most_first(late), _most_first(proxy))


def _canonical(linked: LinkedEvent) -> list[Finding]:
    """A finding unless the stored state is canonical JSON."""
    try:
        check_canonical(linked)
    except CanonicalError as error:
        return [
            Finding(
                "canonical",
                "not_canonical",
                f"事件 {linked.position} 的存储内容不是规范 JSON",
                f"event {linked.position} is not canonical JSON: {error}",
                None,
                linked.position,
            )
        ]
    return []


def _decoded(row: Any, findings: list[Finding]) -> Seen:
    """The event decoded, or a finding and an undecoded view of it."""
    try:
        recorded, envelope = decode(
            row.topic,
            row.state,
            position=row.position,
            stream_id=row.stream_id,
            version=row.version,
        )
    except CorruptEvent as error:
        findings.append(Finding("decode", "corrupt", error.zh, error.en, None, row.position))
        return Seen(row, None, None)
    return Seen(row, recorded, envelope)
