"""通知进程 — follows the event log and tells each robot's groups what concerns them.

Each robot walks the log on its own from its recorded position, so a robot that is down
or rate-limited holds back only its own messages, in order. For an event worth telling
its groups, a robot's delivery is recorded ``sending`` and committed, then posted, then
recorded as it came out (:mod:`adapters.notify.tracking`). A message is therefore posted
at most once per robot, even across a crash: killed between the two records, the
notifier finds the row still ``sending`` when it starts again and marks it ``unknown``
(the group may or may not have it) instead of posting again — the one message a crash
can lose, reported to the operator. Posts refused for the moment (busy, too fast,
unreachable) are retried after a doubling wait; each robot is paced by its own token
bucket (:mod:`adapters.notify.pacing`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from attrs import define, field, frozen

from adapters.app import Dangjian
from adapters.notify.announcements import ANNOUNCED, notice_of
from adapters.notify.config import RobotConfig
from adapters.notify.facts import StoreFacts
from adapters.notify.notices import Notice
from adapters.notify.pacing import Backoff, TokenBucket
from adapters.notify.payloads import Answer
from adapters.notify.tracking import DONE, Delivery, DeliveryStatus
from adapters.notify.tracking_stores import TrackingStore
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.time import LOCAL

#: Events read from the log at a time.
PAGE = 500


class Posting(Protocol):
    """投递 — what the notifier needs of a poster (:class:`adapters.notify.posting.Poster`)."""

    def post(self, robot: RobotConfig, notice: Notice) -> Answer:
        """Post a notice once."""
        ...


@define
class Follower:
    """跟随中的机器人 — a robot's place in the log, its pace, and when it may post again."""

    robot: RobotConfig
    position: int
    saved: int
    bucket: TokenBucket
    wait_until: float = 0.0


@frozen
class Settings:
    """通知进程设置 — how long to back off, how much log to read at a time."""

    backoff: Backoff = field(factory=Backoff)
    page: int = PAGE


def _wall() -> str:
    return datetime.now(LOCAL).isoformat(timespec="seconds")


class Notifier:
    """通知进程 — one store's log, told to its robots (see the module's text)."""

    def __init__(
        self,
        app: Dangjian,
        robots: Sequence[RobotConfig],
        tracking: TrackingStore,
        poster: Posting,
        *,
        settings: Settings | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], str] = _wall,
        report: Callable[[Delivery], None] = lambda _delivery: None,
    ) -> None:
        self._app = app
        self._robots = tuple(robots)
        self._tracking = tracking
        self._poster = poster
        self._settings = settings or Settings()
        self._clock = clock
        self._wall = wall
        self._report = report
        self._facts = StoreFacts(app.store)
        self._followers: list[Follower] = []
        self._notices: dict[int, Notice | None] = {}
        self._pages: dict[int, list[Recorded[Any]]] = {}

    def start(self, new_from: int | None = None) -> list[Delivery]:
        """Become the store's only notifier; mark deliveries a stopped notifier left
        ``sending`` as ``unknown`` (returned, for the operator); place each robot at its
        recorded position — a new one at ``new_from``, else at the log's end (a group
        that just got its robot is not told the past)."""
        self._tracking.hold()
        end = self._app.store.max_position() if new_from is None else new_from
        with self._tracking.transaction() as tx:
            lost = [self._unknown(d) for d in tx.interrupted()]
            for delivery in lost:
                tx.put(delivery)
            positions = tx.positions()
            for robot in self._robots:
                if robot.name not in positions:
                    positions[robot.name] = end
                    tx.set_position(robot.name, end)
        now = self._clock()
        self._followers = [
            Follower(r, positions[r.name], positions[r.name], TokenBucket(r.limit, r.window, now))
            for r in self._robots
        ]
        return lost

    def step(self) -> float | None:
        """Do what can be done now. None: every robot is at the log's end; else when
        (a monotonic time) to step again — now, if anything moved."""
        self._pages.clear()
        wakes = [wake for f in self._followers if (wake := self._advance(f)) is not None]
        low = min((f.position for f in self._followers), default=0)
        self._notices = {p: n for p, n in self._notices.items() if p > low}
        return min(wakes, default=None)

    def close(self) -> None:
        """Record every robot's position and let another notifier follow the store."""
        for follower in self._followers:
            self._save(follower)
        self._tracking.release()

    def _advance(self, follower: Follower) -> float | None:
        """Walk one robot on: None at the log's end, else when to step it again (after a
        post, at once: so a stop is heeded after the post in hand)."""
        now = self._clock()
        if follower.wait_until > now:
            return follower.wait_until
        events = self._page(follower.position)
        for recorded in events:
            notice = self._notice(recorded)
            if notice is None or not follower.robot.receives(notice.unit_id):
                follower.position = recorded.position
                continue
            ready = max(follower.wait_until, follower.bucket.ready_at(now))
            if ready > now:
                self._save(follower)
                return ready
            if (attempt := self._begin(follower, recorded.position, notice.kind)) is not None:
                self._post(follower, recorded.position, notice, attempt)
                self._save(follower)
                return max(self._clock(), follower.wait_until)
        self._save(follower)
        return None if not events else self._clock()

    def _begin(self, follower: Follower, position: int, kind: str) -> int | None:
        """Record the delivery ``sending`` (committed before the post); its attempt number,
        or None if it was begun before (the event is then done for this robot)."""
        name = follower.robot.name
        with self._tracking.transaction() as tx:
            found = tx.delivery(name, position)
            if found is not None and found.status is DeliveryStatus.SENDING:
                found = self._unknown(found)  # begun by this process; its outcome not recorded
                tx.put(found)
            if found is not None and found.status in DONE:
                tx.set_position(name, position)
                follower.position = follower.saved = position
                return None
            attempt = 1 if found is None else found.attempts + 1
            tx.set_position(name, follower.position)
            sending = Delivery(
                name, position, kind, DeliveryStatus.SENDING, attempt, "", self._wall()
            )
            tx.put(sending)
        follower.saved = follower.position
        return attempt

    def _post(self, follower: Follower, position: int, notice: Notice, attempt: int) -> None:
        """Post, record what came of it, and move on (or wait to retry)."""
        follower.bucket.take(self._clock())
        answer = self._poster.post(follower.robot, notice)
        delivery = self._outcome(follower.robot.name, position, notice.kind, attempt, answer)
        with self._tracking.transaction() as tx:
            tx.put(delivery)
            if delivery.status in DONE:
                tx.set_position(delivery.robot, position)
        self._report(delivery)
        if delivery.status in DONE:
            follower.position = follower.saved = position
        else:
            follower.wait_until = self._clock() + self._settings.backoff.delay(attempt)

    def _outcome(
        self, name: str, position: int, kind: str, attempt: int, answer: Answer
    ) -> Delivery:
        status, detail = DeliveryStatus(answer.verdict.value), answer.detail
        if status is DeliveryStatus.RETRY and self._settings.backoff.exhausted(attempt):
            status = DeliveryStatus.FAILED
            detail = f"{detail} (已试 {attempt} 次 / gave up after {attempt} tries)"
        return Delivery(name, position, kind, status, attempt, detail, self._wall())

    def _unknown(self, delivery: Delivery) -> Delivery:
        detail = "发送中断, 不知是否送达 / interrupted while posting: may or may not have arrived"
        return Delivery(
            delivery.robot,
            delivery.position,
            delivery.kind,
            DeliveryStatus.UNKNOWN,
            delivery.attempts,
            detail,
            self._wall(),
        )

    def _page(self, after: int) -> list[Recorded[Any]]:
        if after not in self._pages:
            self._pages[after] = self._app.follow(after, self._settings.page)
        return self._pages[after]

    def _notice(self, recorded: Recorded[Any]) -> Notice | None:
        if type(recorded.event) not in ANNOUNCED:
            return None  # most events: nothing to tell, nothing to keep
        if recorded.position not in self._notices:
            self._notices[recorded.position] = notice_of(recorded, self._facts)
        return self._notices[recorded.position]

    def _save(self, follower: Follower) -> None:
        if follower.position != follower.saved:
            with self._tracking.transaction() as tx:
                tx.set_position(follower.robot.name, follower.position)
            follower.saved = follower.position
