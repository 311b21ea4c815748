"""群机器人通知 — ``dangjian notify run|add|robots|status``: tell the branches' WeChat Work
and DingTalk groups of new tasks, full tasks, results and notices, as its own process.

::

    $ dangjian notify add robots.toml --name paixilv-wecom --kind wecom --unit paixilv \\
          --base-url https://dangjian.paixilv.cn          # asks for the webhook, hidden
    $ dangjian --store paixilv.db notify run --robots robots.toml
    $ dangjian --store paixilv.db notify status

The robots file holds webhooks and secrets: it is written 0600 and refused if others may
read it; nothing here ever prints a key or secret (addresses show ``key=***``).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NoReturn

import click
from rich.console import RenderableType

from adapters.cli.errors import EXIT_INVALID, Refusal
from adapters.cli.render import emit_json, filled, heading, table
from adapters.cli.runtime import current
from adapters.notify.announcements import KIND_NAMES
from adapters.notify.config import MessageType, RobotConfig, RobotKind, redact_url, robot_of
from adapters.notify.errors import RobotsFileError
from adapters.notify.notifier import Notifier, Settings
from adapters.notify.pacing import Backoff
from adapters.notify.posting import Poster
from adapters.notify.robots_file import add_robot, load_robots
from adapters.notify.running import follow, stop_on_signals
from adapters.notify.status import COUNTED, status_of
from adapters.notify.tracking import Delivery, DeliveryStatus
from adapters.notify.tracking_stores import open_tracking
from adapters.storage.errors import StorageError

ROBOTS_ENV = "DANGJIAN_NOTIFY_ROBOTS"
_FILE = click.Path(dir_okay=False, path_type=Path)


def _refuse(error: RobotsFileError) -> NoReturn:
    Refusal(error.code, error.zh, error.en, EXIT_INVALID, current().as_json).exit()


def _robots(path: Path) -> tuple[RobotConfig, ...]:
    try:
        return load_robots(path)
    except RobotsFileError as error:
        _refuse(error)


def _line(delivery: Delivery) -> str:
    what = KIND_NAMES.get(delivery.kind, delivery.kind)
    head = f"{delivery.status.zh}: 机器人 {delivery.robot}, 第 {delivery.position} 条事件 ({what})"
    return head if delivery.status is DeliveryStatus.SENT else f"{head}: {delivery.detail}"


@click.command("run")
@click.option(
    "--robots",
    "robots_file",
    type=_FILE,
    envvar=ROBOTS_ENV,
    required=True,
    help=f"机器人配置文件 / robots file (env {ROBOTS_ENV})",
)
@click.option("--once", is_flag=True, help="全部机器人追上日志后退出 / exit when caught up")
@click.option(
    "--poll",
    type=click.FloatRange(0.01, 60),
    default=1.0,
    show_default=True,
    help="无新事件时的轮询间隔(秒) / seconds between polls when idle",
)
@click.option(
    "--from-position",
    type=click.IntRange(0),
    default=None,
    help="新机器人从此位置之后开始 (默认日志末尾) / where new robots start",
)
@click.option(
    "--backoff",
    type=click.FloatRange(0.01, 600),
    default=2.0,
    show_default=True,
    help="首次重试前等待(秒), 之后每次加倍 / first retry wait, doubling",
)
@click.option(
    "--max-wait",
    type=click.FloatRange(0.01, 3600),
    default=600.0,
    show_default=True,
    help="重试等待上限(秒) / longest retry wait",
)
@click.option(
    "--attempts",
    type=click.IntRange(1, 100),
    default=10,
    show_default=True,
    help="每条消息最多尝试次数 / tries per message",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 120),
    default=10.0,
    show_default=True,
    help="等待机器人回应(秒) / seconds to wait for an answer",
)
def run(
    robots_file: Path,
    once: bool,
    poll: float,
    from_position: int | None,
    backoff: float,
    max_wait: float,
    attempts: int,
    timeout: float,
) -> None:
    """跟随事件日志, 向群机器人发通知 / follow the log and post to the group robots."""
    runtime = current()
    robots = _robots(robots_file)
    app = runtime.app()
    said = _Reporter(as_json=runtime.as_json)
    tracking = open_tracking(app.store)
    poster = Poster(timeout=timeout)
    settings = Settings(Backoff(backoff, max_wait, attempts))
    notifier = Notifier(app, robots, tracking, poster, settings=settings, report=said.delivered)
    try:
        said.started(robots, notifier.start(from_position))
        with stop_on_signals() as stopping:
            follow(notifier, once=once, poll=poll, should_stop=stopping, on_unavailable=said.away)
    finally:
        notifier.close()
        poster.close()
        tracking.close()
    said.ended()


class _Reporter:
    """What ``notify run`` says: each outcome (problems on stderr), and a summary."""

    def __init__(self, *, as_json: bool) -> None:
        self.as_json = as_json
        self.done: Counter[DeliveryStatus] = Counter()
        self.interrupted = 0

    def started(self, robots: tuple[RobotConfig, ...], lost: list[Delivery]) -> None:
        self.interrupted = len(lost)
        for delivery in lost:
            click.echo(f"上次发送中断, 请到群里核对 / interrupted: {_line(delivery)}", err=True)
        if not self.as_json:
            click.echo("通知进程开始: " + ", ".join(f"{r.name} ({r.kind.zh})" for r in robots))

    def delivered(self, delivery: Delivery) -> None:
        self.done[delivery.status] += 1
        if not self.as_json:
            click.echo(_line(delivery), err=delivery.status is not DeliveryStatus.SENT)

    def away(self, error: StorageError, wait: float) -> None:
        click.echo(
            f"数据库暂时不可用, {wait:.0f} 秒后重试 / store unavailable, retrying in "
            f"{wait:.0f} s: {error.en}",
            err=True,
        )

    def ended(self) -> None:
        done = self.done
        if self.as_json:
            counted = {s.value: done[s] for s in DeliveryStatus if s is not DeliveryStatus.SENDING}
            emit_json({"ok": True, "done": counted, "interrupted": self.interrupted})
            return
        click.echo(
            f"通知进程结束: 送达 {done[DeliveryStatus.SENT]} 条, "
            f"未送达 {done[DeliveryStatus.FAILED]} 条, 结果未知 {done[DeliveryStatus.UNKNOWN]} 条, "
            f"待重试 {done[DeliveryStatus.RETRY]} 次"
        )


@click.command("add")
@click.argument("path", type=_FILE)
@click.option("--name", required=True, help="机器人名称, 如 paixilv-wecom / the robot's name")
@click.option(
    "--kind",
    type=click.Choice([k.value for k in RobotKind]),
    required=True,
    help="wecom (企业微信) 或 dingtalk (钉钉)",
)
@click.option(
    "--unit",
    "units",
    multiple=True,
    required=True,
    help="接收哪个组织的事件, 可多次 / a unit whose events the group receives",
)
@click.option("--base-url", required=True, help="页面地址, 链接由此拼成 / the pages' address")
@click.option(
    "--msgtype",
    type=click.Choice([m.value for m in MessageType]),
    default="markdown",
    show_default=True,
    help="消息格式 / message type",
)
def add(
    path: Path, name: str, kind: str, units: tuple[str, ...], base_url: str, msgtype: str
) -> None:
    """加入一个群机器人 (webhook 与密钥在提示时输入, 不回显) / add a robot to the file."""
    webhook = click.prompt("webhook 地址 / webhook address", hide_input=True, err=True)
    secret = ""
    if kind == RobotKind.DINGTALK:
        secret = click.prompt(
            "加签密钥 (SEC 开头; 未开启加签直接回车) / signing secret",
            default="",
            hide_input=True,
            show_default=False,
            err=True,
        )
    declared = {
        "name": name,
        "kind": kind,
        "webhook": webhook.strip(),
        "units": list(units),
        "base_url": base_url,
        "msgtype": msgtype,
    }
    if secret.strip():
        declared["secret"] = secret.strip()
    try:
        robot = robot_of(declared)
        robots = add_robot(path, robot)
    except RobotsFileError as error:
        _refuse(error)
    shown = robot.shown()
    current().show(
        {"ok": True, "robot": shown, "robots": len(robots)},
        [
            f"已加入机器人 {name} ({robot.kind.zh}) 到 {path} (权限 0600): {shown['webhook']}"
            + (", 已加签" if robot.secret else "")
        ],
    )


@click.command("robots")
@click.argument("path", type=_FILE, envvar=ROBOTS_ENV)
def list_robots(path: Path) -> None:
    """列出配置文件中的机器人 (不显示密钥) / list the robots of a file, keys hidden."""
    found = _robots(path)
    grid = table(f"群机器人 ({path})", ["名称", "种类", "组织", "webhook", "加签", "格式", "限速"])
    rows = [
        (
            robot.name,
            robot.kind.zh,
            ", ".join(robot.units),
            redact_url(robot.webhook),
            "是" if robot.secret else "否",
            robot.msgtype.value,
            f"{robot.limit} 条/{robot.window:g} 秒",
        )
        for robot in found
    ]
    current().show({"ok": True, "robots": [r.shown() for r in found]}, [filled(grid, rows)])


@click.command("status")
@click.option(
    "--limit",
    type=click.IntRange(1, 1000),
    default=50,
    show_default=True,
    help="列出多少条未送达、结果未知的消息 / how many problems to list",
)
def status(limit: int) -> None:
    """各机器人跟到哪里, 送达多少, 哪些未送达或结果未知 / where each robot stands."""
    runtime = current()
    found = status_of(runtime.app(must_exist=True).store, limit)
    headers = [s.zh for s in COUNTED]
    grid = table(f"群机器人通知 (日志末尾 {found.end})", ["机器人", "位置", *headers],
                 right=["位置", *headers])  # fmt: skip
    rows = [
        (robot, str(position), *(str(found.count(robot, s)) for s in COUNTED))
        for robot, position in sorted(found.positions.items())
    ]
    renderables: list[RenderableType] = [filled(grid, rows)]
    if found.problems:
        renderables.append(heading("需要核对的消息 / messages to check"))
        renderables += [f"{d.updated_at} {_line(d)}" for d in found.problems]
    runtime.show(found.document(), renderables)


COMMANDS = (run, add, list_robots, status)
