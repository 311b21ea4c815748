"""见证核对 — which checkpoints a witness cosigned, for ``audit verify --witness``.

The operator holds the log's signing key, so an operator who rewrites the events can
re-sign every stored checkpoint too; the pinned key alone does not catch that. A witness
(:mod:`adapters.audit.witness`) cosigns a checkpoint only if it extends the last one the
witness cosigned, so a rewritten history has no cosigned checkpoint that agrees with it:
either the old cosigned notes remain (and :mod:`~adapters.audit.anchors` names the fork)
or they are gone, and this check says no checkpoint carries the witness's cosignature.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from adapters.audit.checkpoints import CheckpointError, parse
from adapters.audit.report import Finding
from adapters.audit.witness import WitnessKey, cosigned_at


@frozen
class Witnessed:
    """见证结果 — problems, and the largest checkpoint each witness cosigned (0: none)."""

    findings: tuple[Finding, ...]
    sizes: tuple[tuple[str, int], ...]


def check_witnessed(notes: Sequence[str], witnesses: Sequence[WitnessKey]) -> Witnessed:
    """Hold the stored and held notes against each witness key."""
    findings: list[Finding] = []
    sizes: list[tuple[str, int]] = []
    for witness in witnesses:
        largest = None
        for note in notes:
            try:
                at = cosigned_at(note, witness)
                size = parse(note)[0].size
            except CheckpointError as error:
                findings.append(
                    Finding(
                        "witness",
                        "bad_cosignature",
                        f"见证 {witness.name} 的联署签名无效",
                        f"the cosignature by {witness.name} does not verify: {error}",
                    )
                )
                continue
            if at is not None:
                largest = max(largest or 0, size)
        if largest is None:
            findings.append(
                Finding(
                    "witness",
                    "not_witnessed",
                    f"没有任何检查点带见证 {witness.name} 的联署: 已存检查点可能被整体重写",
                    f"no checkpoint carries a cosignature by {witness.name}: the stored "
                    "checkpoints may have been rewritten",
                )
            )
        sizes.append((witness.name, largest or 0))
    return Witnessed(tuple(findings), tuple(sizes))
