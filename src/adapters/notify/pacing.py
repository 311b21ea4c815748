"""节流与退避 — how fast a robot is posted to, and how long to wait after a failure.

Each robot's platform takes at most ``limit`` messages in a ``window`` (20 a minute for
both). A token bucket holding ``burst`` = a quarter of the limit, refilled at
``(limit - burst) / window`` tokens a second, never lets more than ``limit`` through in
any window (at most ``burst`` saved up at its start, plus what refills during it): five
at once, then one every four seconds, for 20 a minute.

A retried post waits ``base · 2^(attempt-1)`` seconds, at most ``cap``.
"""

from __future__ import annotations

from attrs import frozen


class TokenBucket:
    """令牌桶 — paces one robot's posts (times are a monotonic clock's seconds)."""

    def __init__(self, limit: int, window: float, now: float) -> None:
        self.burst = max(1, limit // 4)
        self.rate = max(limit - self.burst, 1) / window
        self._tokens = float(self.burst)
        self._at = now

    def _refill(self, now: float) -> None:
        if now > self._at:
            self._tokens = min(float(self.burst), self._tokens + (now - self._at) * self.rate)
            self._at = now

    def ready_at(self, now: float) -> float:
        """When the next post may go (``now`` if it may go now)."""
        self._refill(now)
        return now if self._tokens >= 1 else now + (1 - self._tokens) / self.rate

    def take(self, now: float) -> bool:
        """Spend a token for a post now, if there is one."""
        self._refill(now)
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True


@frozen
class Backoff:
    """退避 — the wait before retrying, doubling from ``base`` up to ``cap`` seconds;
    after ``attempts`` tries a message is given up (failed)."""

    base: float = 2.0
    cap: float = 600.0
    attempts: int = 10

    def delay(self, attempt: int) -> float:
        """Seconds to wait after the ``attempt``-th try failed (1 for the first)."""
        return float(min(self.cap, self.base * 2 ** (attempt - 1)))

    def exhausted(self, attempt: int) -> bool:
        """Whether ``attempt`` tries are all a message gets."""
        return attempt >= self.attempts
