"""成组提交 — threads of one process that write at the same time share one write
transaction and one fsync.

SQLite has one writer, and a commit with ``synchronous=FULL`` waits for the disk: one
command per commit can never go faster than the disk syncs. Here the threads waiting to
write take turns inside one open transaction instead: each runs its whole
load → decide → append as a *member*, under its own ``SAVEPOINT`` (so a member that
fails leaves nothing, and the others keep what they wrote), against the state its
predecessors left (it reads through the same connection); when its block ends and
another thread is waiting, it hands the turn on and waits; the last member commits for
all of them and wakes them. Nothing is acknowledged before that commit: a member
returns (or raises its refusal) only once the group's commit is on disk, and if the
commit fails every member of the group gets the error. A member about to read rows of
a read model (read through other connections, which see committed data only) first
commits its predecessors (:meth:`Member.settle`), so it decides on every event before it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Any

from adapters.storage.errors import StoreBusy
from adapters.storage.sqlite.connection import translated

#: The most members one transaction takes before it commits, so a long queue of writers
#: still sees commits regularly.
MAX_MEMBERS = 64


class _Group:
    """成组 — one open write transaction and the members waiting for its commit."""

    def __init__(self, stack: ExitStack, cursor: Any) -> None:
        self.stack = stack
        self.cursor = cursor
        self.members = 0
        self.done = threading.Event()
        self.error: BaseException | None = None


class Member:
    """成员 — one thread's turn inside the group's transaction."""

    def __init__(self, writer: GroupCommit, group: _Group) -> None:
        self._writer = writer
        self.group = group

    @property
    def cursor(self) -> Any:
        """The transaction's cursor."""
        return self.group.cursor

    def settle(self) -> None:
        """Commit what the members before this one wrote (if any), keeping the locks,
        so reads through other connections see it; this member goes on in a new
        transaction."""
        group = self.group
        if group.members == 0:
            return
        cursor = group.cursor
        cursor.execute("RELEASE member")
        try:
            cursor.execute("COMMIT")
        except sqlite3.Error as error:
            group.error = error
            group.done.set()
            raise
        self._writer.count_commit()
        group.done.set()
        self.group = self._writer.renew(group)
        cursor.execute("BEGIN IMMEDIATE")
        cursor.execute("SAVEPOINT member")


class GroupCommit:
    """成组提交器 — the turns of one store's writing threads (see the module)."""

    def __init__(self, begin: Callable[[], AbstractContextManager[Any]], timeout: float) -> None:
        self._begin = begin
        self._timeout = timeout
        self._turn = threading.Condition()
        self._busy = False
        self._waiting = 0
        self._group: _Group | None = None
        #: How many transactions the groups committed (for tests and benchmarks).
        self.commits = 0

    def count_commit(self) -> None:
        """Count a commit."""
        self.commits += 1

    def renew(self, group: _Group) -> _Group:
        """A new group on the same transaction's locks, after ``group`` committed."""
        self._group = _Group(group.stack, group.cursor)
        return self._group

    @contextmanager
    def member(self) -> Iterator[Member]:
        """This thread's turn inside the shared write transaction, acknowledged only once
        the transaction holding its work has committed."""
        self._take_turn()
        try:
            group = self._group or self._open()
        except BaseException:
            self._pass_turn(hand_on=False)
            raise
        try:
            group.cursor.execute("SAVEPOINT member")
        except sqlite3.Error as error:
            self._fail(group, error)
            raise
        member = Member(self, group)
        try:
            yield member
        except BaseException:
            # A full disk or an I/O error may have rolled the whole transaction back, so the
            # savepoint is gone too: the member's own error is the one to report.
            with contextlib.suppress(sqlite3.Error):
                self._leave(member, failed=True)
            raise
        self._leave(member, failed=False)

    def _take_turn(self) -> None:
        with self._turn:
            self._waiting += 1
            try:
                free = self._turn.wait_for(lambda: not self._busy, self._timeout)
            finally:
                self._waiting -= 1
            if not free:
                raise StoreBusy(
                    "数据库写入排队超时,请稍后重试",
                    f"no turn to write within {self._timeout:g} s",
                )
            self._busy = True

    def _pass_turn(self, *, hand_on: bool) -> bool:
        """Free the turn; whether a waiting thread takes it on in the open transaction."""
        with self._turn:
            handed = hand_on and self._waiting > 0
            if not handed:
                self._group = None
            self._busy = False
            self._turn.notify()
            return handed

    def _open(self) -> _Group:
        stack = ExitStack()
        cursor = stack.enter_context(self._begin())
        self._group = _Group(stack, cursor)
        return self._group

    def _leave(self, member: Member, *, failed: bool) -> None:
        group = member.group
        try:
            if failed:
                group.cursor.execute("ROLLBACK TO member")
            group.cursor.execute("RELEASE member")
        except sqlite3.Error as error:  # the transaction itself is gone
            self._fail(group, error)
            raise
        if not failed:
            group.members += 1
        keep_open = group.members < MAX_MEMBERS and group.members > 0
        if keep_open and self._handed_on():
            if not failed:
                group.done.wait()
                if group.error is not None:
                    raise group.error
            return
        self._commit(group)
        if group.error is not None and not failed:
            raise group.error

    def _handed_on(self) -> bool:
        """Hand the turn on if a thread waits; the group stays open for it."""
        with self._turn:
            if self._waiting == 0:
                return False
            self._busy = False
            self._turn.notify()
            return True

    def _commit(self, group: _Group) -> None:
        """Commit the group (closing its transaction and locks), wake its members, free
        the turn."""
        try:
            with translated():
                group.stack.close()
            if group.members:
                self.count_commit()
        except BaseException as error:
            group.error = error
        finally:
            group.done.set()
            self._pass_turn(hand_on=False)

    def _fail(self, group: _Group, error: BaseException) -> None:
        """The transaction broke: roll it back, fail every member, free the turn."""
        group.error = error
        try:
            group.stack.__exit__(type(error), error, error.__traceback__)
        except BaseException:  # already failing; every member gets ``error``
            pass
        finally:
            group.done.set()
            self._pass_turn(hand_on=False)
