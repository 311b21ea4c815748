"""SQLite 连接 — owner-only files, WAL mode on opening, writers queued on a lock file
(waiting at most the lock timeout), errors translated."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from eventsourcing.persistence import ConnectionUnavailableError, PersistenceError

from adapters.storage.errors import StorageError, StoreBusy, VersionConflict


def in_memory(path: str) -> bool:
    """Whether ``path`` names an in-memory database (no file, no lock file)."""
    return path == ":memory:" or "mode=memory" in path


def create_private(path: str) -> None:
    """Create a new store file readable and writable by its owner only (0600).

    SQLite creates ``-wal`` and ``-shm`` with the mode of the database file, so they follow.
    An existing file keeps its mode; ``file:`` URIs and in-memory databases are left to
    SQLite.
    """
    if in_memory(path) or path.startswith("file:"):
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
    finally:
        os.close(fd)


def switch_to_wal(path: str, timeout: float) -> None:
    """Put a file database in WAL mode before eventsourcing's pool opens it.

    The pool switches each new file itself, but that switch fails at once ("database is
    locked", without waiting) while another process is creating the same file; here it
    is retried until ``timeout``. The mode is stored in the file, so this is done once.
    """
    if ":memory:" in path or "mode=memory" in path:
        return
    create_private(path)
    deadline = time.monotonic() + timeout
    while True:
        connection = sqlite3.connect(path, timeout=timeout, uri=True)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        finally:
            connection.close()
        time.sleep(0.01)


class WriterQueue:
    """写者排队 — writers of every process wait their turn on a lock file, at most ``timeout``.

    SQLite's own busy handler has a waiting writer sleep and poll (1, 2, 5 … 100 ms), so
    under a storm of claims some processes starve for seconds. Waiting here, on a file
    beside the store, with polls of at most a few milliseconds hands the lock over soon
    after it is free. The lock is released by the kernel if its holder dies; a holder that
    is stopped (Ctrl-Z) but alive keeps it, so the wait ends after ``timeout`` seconds in
    :class:`StoreBusy`. (In-memory databases need none.)
    """

    #: The longest sleep between two tries (seconds); the first sleeps are shorter.
    MAX_POLL = 0.005

    def __init__(self, path: str, timeout: float = 120.0) -> None:
        self._path = None if in_memory(path) else f"{path}-writer.lock"
        self._timeout = timeout
        self._fd: int | None = None

    @contextmanager
    def turn(self, write: bool, patience: float | None = None) -> Iterator[None]:
        """Hold the writers' lock for the block (readers need none); wait at most
        ``patience`` seconds for it (default: the timeout)."""
        if not write or self._path is None:
            yield
            return
        if self._fd is None:
            self._fd = self._open(self._path)
        self._acquire(self._fd, self._timeout if patience is None else patience)
        try:
            yield
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    @staticmethod
    def _open(path: str) -> int:
        """The lock file, created 0600 (owner only) if new."""
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return os.open(path, os.O_RDWR)
        os.fchmod(fd, 0o600)
        return fd

    def _acquire(self, fd: int, timeout: float) -> None:
        """Take the lock, trying without blocking until ``timeout`` has passed."""
        deadline = time.monotonic() + timeout
        pause = 0.0005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusy(
                        "数据库写锁等待超时(另一个写入进程可能已暂停),请稍后重试",
                        f"another writer held the store's write lock ({self._path}) for "
                        f"more than {timeout:g} s",
                    ) from None
            time.sleep(min(pause, max(deadline - time.monotonic(), 0.0)))
            pause = min(pause * 2, self.MAX_POLL)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@contextmanager
def translated() -> Iterator[None]:
    """Turn SQLite's lock and disk errors into typed storage errors."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise StoreBusy(
                "数据库被占用,等待超时,请稍后重试", f"the store stayed locked: {error}"
            ) from error
        raise StorageError("数据库操作失败", f"SQLite failed: {error}") from error
    except sqlite3.IntegrityError as error:
        raise VersionConflict("事件版本冲突,写入已撤销", f"version clash: {error}") from error
    except ConnectionUnavailableError as error:
        raise StoreBusy(
            "数据库写连接繁忙,等待超时,请稍后重试", f"no writer connection in time: {error}"
        ) from error
    except (sqlite3.DatabaseError, PersistenceError) as error:
        raise StorageError("数据库文件损坏或不可用", f"SQLite failed: {error}") from error
