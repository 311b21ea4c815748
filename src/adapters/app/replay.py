"""重放核对 — rebuild every read model from the log into a fresh store and diff it with the live one.

An inspector runs this to show that the published figures follow from the events and
nothing else: the rebuilt views must equal the live views row for row.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from attrs import frozen

from adapters.storage import projector
from adapters.storage.sql_views import SqlViewTransaction, create_statements, table_name
from adapters.storage.sqlite import SqliteEventStore
from adapters.storage.store import EventStore
from adapters.storage.views import ViewTransaction
from dangjian_core.catalog import ALL_TABLES


@frozen
class Difference:
    """差异 — a row that differs between the live and the rebuilt views."""

    table: str
    key: tuple[Any, ...]
    live: dict[str, Any] | None
    rebuilt: dict[str, Any] | None


@frozen
class ReplayReport:
    """重放报告 — how many events were replayed, rows per table, and every difference."""

    events: int
    rows: dict[str, int]
    differences: tuple[Difference, ...]

    @property
    def ok(self) -> bool:
        """Whether the rebuilt views equal the live views."""
        return not self.differences


#: The scratch file's copy of the live views: ``live_view_<name>``.
LIVE = "live_"


#: Rows copied per page from the live views into the scratch file.
PAGE = 5000


#: Shows a long phase's progress: ``stages(label, total)`` yields ``advance(n)``.
Stages = Callable[[str, int], AbstractContextManager[Callable[[int], None]]]


def _quiet(label: str, total: int) -> AbstractContextManager[Callable[[int], None]]:  # noqa: ARG001
    return nullcontext(lambda _: None)


def replay_check(
    store: EventStore,
    *,
    progress: Callable[[int], None] | None = None,
    stages: Stages | None = None,
) -> ReplayReport:
    """Catch the live views up, then rebuild every view in a scratch SQLite file from the
    log up to the same position, and compare row for row.

    The live views are copied (position and rows in one read, page by page) into the
    scratch file before the rebuild, so events recorded while the check runs are not
    mistaken for differences; the comparison is SQLite's ``EXCEPT`` in the scratch file,
    so memory stays flat however many rows the views hold. ``stages`` shows each long
    phase's progress (catching up, copying, replaying, comparing); ``progress`` is told
    the events replayed.
    """
    stage = stages or _quiet
    with store.views() as views:
        behind = max(0, store.max_position() - views.position())
    with stage("追平现有读模型 / catching up the live views", behind) as advance:
        projector.catch_up(store, progress=advance)
    with tempfile.TemporaryDirectory(prefix="dangjian-replay-") as scratch:
        fresh = SqliteEventStore(str(Path(scratch) / "rebuilt.db"))
        try:
            with (
                store.views() as live,
                fresh.views(write=True) as copy,
                stage("复制现有读模型 / copying the live views", len(ALL_TABLES)) as advance,
            ):
                position = live.position()
                rows = _copy(live, _cursor(copy), advance)
            with stage("重放 / replaying", position) as advance:
                events = projector.catch_up(
                    fresh, source=store, progress=_both(advance, progress), until=position
                )
            with (
                fresh.views() as views,
                stage("比对 / comparing", len(ALL_TABLES)) as advance,
            ):
                differences = _diff(_cursor(views), advance)
        finally:
            fresh.close()
    return ReplayReport(events, rows, differences)


def _both(
    first: Callable[[int], None], second: Callable[[int], None] | None
) -> Callable[[int], None]:
    if second is None:
        return first

    def both(count: int) -> None:
        first(count)
        second(count)

    return both


def _cursor(views: ViewTransaction) -> Any:
    assert isinstance(views, SqlViewTransaction)  # the scratch store is SQLite
    return views.cursor


def _copy(live: ViewTransaction, cursor: Any, advance: Callable[[int], None]) -> dict[str, int]:
    """Every live view's rows into ``live_view_<name>`` tables of the scratch file; the
    rows per view."""
    counts: dict[str, int] = {}
    for statement in create_statements(prefix=LIVE):
        if statement.startswith("CREATE TABLE"):
            cursor.execute(statement)
    for table in ALL_TABLES:
        names = [c.name for c in table.columns]
        insert = (
            f"INSERT INTO {table_name(table.name, LIVE)} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' * len(names))})"
        )
        counts[table.name] = 0
        for page in live.pages(table.name, PAGE):
            cursor.executemany(insert, [[row[n] for n in names] for row in page])
            counts[table.name] += len(page)
        advance(1)
    return counts


def _diff(cursor: Any, advance: Callable[[int], None]) -> tuple[Difference, ...]:
    """The rows that differ, found by ``EXCEPT`` both ways: a key on one side only is a
    missing row, on both a changed one."""
    found: list[Difference] = []
    for table in ALL_TABLES:
        names = [c.name for c in table.columns]
        sides: list[dict[tuple[Any, ...], dict[str, Any]]] = []
        for one, other in ((LIVE, ""), ("", LIVE)):
            cursor.execute(
                f"SELECT {', '.join(names)} FROM {table_name(table.name, one)} EXCEPT "
                f"SELECT {', '.join(names)} FROM {table_name(table.name, other)}"
            )
            rows = [dict(zip(names, tuple(row), strict=True)) for row in cursor.fetchall()]
            sides.append({tuple(row[k] for k in table.key_names): row for row in rows})
        live, rebuilt = sides
        for key in sorted(set(live) | set(rebuilt), key=repr):
            found.append(Difference(table.name, key, live.get(key), rebuilt.get(key)))
        advance(1)
    return tuple(found)
