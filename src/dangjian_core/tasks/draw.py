"""抽签 — the draw of a window's slots: a pure function of the seed and the sorted entrants.

Every entrant gets a ticket, ``t = SHA-256("dangjian/draw/v1\\n" ‖ seed ‖ "\\n" ‖ task id ‖
"\\n" ‖ person id)`` read as a 256-bit number, and ``u = (t + 1) / 2^256`` in (0, 1].

- rule ``sha256-rank/v1``: entrants ranked by ``u``, largest first;
- rule ``sha256-rank-weighted/v1`` (weighted towards fewer approved tasks this cycle):
  each entrant's weight is ``1 / (1 + c)``, ``c`` their approved tasks in the cycle
  (counted at most :data:`MAX_COUNTED`), and they are ranked by ``u ** (1 + c)``, largest
  first (weighted sampling without replacement, Efraimidis–Spirakis), compared exactly in
  integers.

Ties (never met in practice) fall to the smaller id. The first ``slots`` ranked win; the
rest join the waitlist in rank order. Anyone with the seed and the entrants recomputes the
same result, whatever order the claims arrived in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from functools import cmp_to_key

from attrs import frozen

RULE = "sha256-rank/v1"
WEIGHTED_RULE = "sha256-rank-weighted/v1"
RULES = (RULE, WEIGHTED_RULE)
#: Approved tasks counted towards an entrant's weight at most this many.
MAX_COUNTED = 10
_DOMAIN = b"dangjian/draw/v1\n"
_BITS = 256


@frozen
class DrawResult:
    """抽签结果 — the winners and the waitlist, each in rank order."""

    winners: tuple[str, ...]
    waitlist: tuple[str, ...]


def ticket(seed: str, task_id: str, person_id: str) -> int:
    """The entrant's ticket: a 256-bit number from the seed, the task and the person."""
    text = f"{seed}\n{task_id}\n{person_id}".encode()
    return int.from_bytes(hashlib.sha256(_DOMAIN + text).digest(), "big")


def draw_order(
    seed: str, task_id: str, entrants: Iterable[str], approved: Mapping[str, int] | None = None
) -> tuple[str, ...]:
    """Every entrant in rank order, best first (``approved`` None: the unweighted rule)."""
    people = sorted(set(entrants))
    power = {
        p: 1 + (0 if approved is None else min(max(approved.get(p, 0), 0), MAX_COUNTED))
        for p in people
    }
    numerator = {p: (ticket(seed, task_id, p) + 1) ** power[p] for p in people}

    def better(a: str, b: str) -> int:
        # u_a ** e_a against u_b ** e_b, with u = n / 2^256, cross-multiplied exactly.
        left = numerator[a] << (_BITS * power[b])
        right = numerator[b] << (_BITS * power[a])
        if left != right:
            return -1 if left > right else 1
        return -1 if a < b else (1 if a > b else 0)

    return tuple(sorted(people, key=cmp_to_key(better)))


def draw(
    seed: str,
    task_id: str,
    entrants: Iterable[str],
    slots: int,
    approved: Mapping[str, int] | None = None,
) -> DrawResult:
    """The first ``slots`` ranked entrants win; the others wait, in rank order."""
    order = draw_order(seed, task_id, entrants, approved)
    return DrawResult(order[: max(slots, 0)], order[max(slots, 0) :])
