"""SQLite 连接 — WAL mode on opening, writers queued on a lock file, errors translated."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from eventsourcing.persistence import ConnectionUnavailableError, PersistenceError

from adapters.storage.errors import StorageError, StoreBusy, VersionConflict


def switch_to_wal(path: str, timeout: float) -> None:
    """Put a file database in WAL mode before eventsourcing's pool opens it.

    The pool switches each new file itself, but that switch fails at once ("database is
    locked", without waiting) while another process is creating the same file; here it
    is retried until ``timeout``. The mode is stored in the file, so this is done once.
    """
    if ":memory:" in path or "mode=memory" in path:
        return
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
    """写者排队 — writers of every process wait their turn on a lock file, in order.

    SQLite's own busy handler has a waiting writer sleep and poll (1, 2, 5 … 100 ms), so
    under a storm of claims some processes starve for seconds. A blocking ``flock`` on a
    file beside the store lets the kernel hand the lock over as soon as it is free. The
    lock is released by the kernel if its holder dies. (In-memory databases need none.)
    """

    def __init__(self, path: str) -> None:
        self._path = None if path == ":memory:" or "mode=memory" in path else f"{path}-writer.lock"
        self._fd: int | None = None

    @contextmanager
    def turn(self, write: bool) -> Iterator[None]:
        if not write or self._path is None:
            yield
            return
        if self._fd is None:
            self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

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
