"""投影进程 — ``dangjian project run``: keep the read models current as their own process.

With PostgreSQL (or a busy SQLite file) the views need not be caught up by every query:
run this beside the services that write. Stopped (Ctrl-C, SIGTERM) or killed at any
moment, it resumes from its tracked position without double counting; when the database
goes away (a dropped connection, a restart) it says so and reconnects, backing off.
"""

from __future__ import annotations

import signal
from types import FrameType

import click

from adapters.cli.render import emit_json
from adapters.cli.runtime import current
from adapters.logs import logger
from adapters.storage import projector
from adapters.storage.errors import StorageError

_log = logger("projector")


@click.command("run")
@click.option(
    "--poll",
    type=click.FloatRange(0.01, 60),
    default=1.0,
    show_default=True,
    help="无新事件时的轮询间隔(秒) / seconds between polls when idle",
)
@click.option(
    "--page",
    type=click.IntRange(1, 50_000),
    default=projector.PAGE,
    show_default=True,
    help="每个事务应用的事件数 / events applied per transaction",
)
@click.option("--once", is_flag=True, help="追上后退出 / catch up once, then exit")
def run(poll: float, page: int, once: bool) -> None:
    """持续应用新事件到读模型 / follow the log and apply new events to the views."""
    runtime = current()
    store = runtime.app().store
    stopping: list[bool] = []

    def stop(_signum: int, _frame: FrameType | None) -> None:
        stopping.append(True)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def report(applied: int, total: int) -> None:
        _log.info("applied %d events, %d in all", applied, total)
        if not runtime.as_json:
            click.echo(f"已应用 {applied} 条事件,累计 {total} 条")

    def retrying(error: StorageError, wait: float) -> None:
        _log.warning("store unavailable, retrying in %.0f s: %s", wait, error.en)
        click.echo(
            f"数据库暂时不可用, {wait:.0f} 秒后重试 / store unavailable, retrying in "
            f"{wait:.0f} s: {error.en}",
            err=True,
        )

    _log.info("projector started (poll %.2f s, page %d, once=%s)", poll, page, once)
    if once:
        total = projector.catch_up(store, page=page)
    else:
        total = projector.run(
            store,
            poll_seconds=poll,
            page=page,
            should_stop=lambda: bool(stopping),
            on_batch=report,
            on_error=retrying,
        )
    _log.info("projector stopped after %d events", total)
    if runtime.as_json:
        emit_json({"applied": total})
    else:
        click.echo(
            f"投影进程结束,本次共应用 {total} 条事件 / projector stopped after {total} events"
        )


COMMANDS = (run,)
