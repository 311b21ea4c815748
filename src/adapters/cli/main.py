"""dangjian 命令行入口 — the root command, its global options and the command families.

::

    $ dangjian --store paixilv.db task claim T1a2b3c --as lv-lanzhi
    已领办任务 T1a2b3c (名额 1/3)

The tour is ``docs/cli.md``.
"""

from __future__ import annotations

from typing import Any

import click
from eventsourcing.persistence import PersistenceError

from adapters.cli import audit, audit_group, notify, project, roster, serve, trail, wall
from adapters.cli.accounts import commands as account_commands
from adapters.cli.accounts import views as account_views
from adapters.cli.calendar import commands as calendar_commands
from adapters.cli.calendar import views as calendar_views
from adapters.cli.commitments import commands as commitment_commands
from adapters.cli.commitments import views as commitment_views
from adapters.cli.development import commands as development_commands
from adapters.cli.development import views as development_views
from adapters.cli.errors import Refusal
from adapters.cli.evaluation import commands as evaluation_commands
from adapters.cli.evaluation import views as evaluation_views
from adapters.cli.grids import commands as grid_commands
from adapters.cli.grids import views as grid_views
from adapters.cli.help_format import fit_help
from adapters.cli.people import commands as people_commands
from adapters.cli.people import views as people_views
from adapters.cli.points import commands as points_commands
from adapters.cli.points import views as points_views
from adapters.cli.ratings import commands as rating_commands
from adapters.cli.ratings import views as rating_views
from adapters.cli.runtime import Runtime
from adapters.cli.tasks import commands as task_commands
from adapters.cli.tasks import views as task_views
from adapters.cli.units import branch
from adapters.cli.units import commands as unit_commands
from adapters.cli.units import views as unit_views
from adapters.cli.work import commands as work_commands
from adapters.cli.work import views as work_views
from adapters.logs import LEVELS, send_to_stderr
from adapters.storage.errors import StorageError
from adapters.storage.urls import DEFAULT_STORE, ENV_VAR
from dangjian_core.kernel.errors import DangjianError


class DangjianGroup(click.Group):
    """The root group: every refusal below it becomes one line and a mapped exit code."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse the root options; a bad one is refused in one line like everything else."""
        as_json = "--json" in args
        try:
            return super().parse_args(ctx, args)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as error:
            Refusal.of_usage(error, as_json=as_json).exit()

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand; map refusals and usage errors to :class:`Refusal`."""
        as_json = bool(ctx.params.get("as_json"))
        try:
            return super().invoke(ctx)
        except DangjianError as error:
            Refusal.of(error, as_json=as_json).exit()
        except PersistenceError as error:
            Refusal.of(StorageError("数据库不可用", str(error)), as_json=as_json).exit()
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as error:
            Refusal.of_usage(error, as_json=as_json).exit()


@click.group(cls=DangjianGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    envvar=ENV_VAR,
    default=None,
    metavar="PATH_OR_URL",
    help=(
        "事件库: 文件路径、sqlite:///路径、postgresql://… 或 memory:// "
        f"/ the store (default {DEFAULT_STORE}, env {ENV_VAR})"
    ),
)
@click.option(
    "--json", "as_json", is_flag=True, help="输出 JSON (每条命令一个文档) / one JSON document"
)
@click.option(
    "--log-level",
    type=click.Choice(LEVELS),
    envvar="DANGJIAN_LOG_LEVEL",
    default=None,
    help="日志级别, 写到标准错误 / log to stderr at this level (env DANGJIAN_LOG_LEVEL)",
)
@click.version_option(package_name="dangjian")
@click.pass_context
def cli(ctx: click.Context, store: str | None, as_json: bool, log_level: str | None) -> None:
    """基层党建积分制 — 发布任务、领办、审核、积分墙、重放核对。

    The village party-branch points system: issue tasks, claim them, review completions,
    rank the points wall and replay the log to verify every figure.
    """
    if log_level is not None:
        send_to_stderr(log_level)
    ctx.obj = Runtime(store, as_json=as_json)


def _group(name: str, help_text: str, *modules: Any) -> click.Group:
    group = click.Group(name, help=help_text)
    for module in modules:
        for command in module.COMMANDS:
            group.add_command(command)
    return group


cli.add_command(_group("branch", "党支部: 成立、任命、免职、概况 / branches and roles", branch))
cli.add_command(
    _group(
        "unit",
        "党组织: 成立、更名、隶属、合并、撤销、任免、组织树 / units",
        unit_commands,
        unit_views,
    )
)
cli.add_command(
    _group(
        "person",
        "人员: 登记、个人信息、政治面貌、转接、党龄 / people",
        people_commands,
        people_views,
    )
)
cli.add_command(
    _group("account", "账户: 邀请开户、停用、吊销令牌 / accounts", account_commands, account_views)
)
cli.add_command(_group("task", "任务: 发布、领办、提交、审核 / tasks", task_commands, task_views))
cli.add_command(
    _group(
        "grid",
        "网格: 划分、岗位、农户、联户、概况 / grids and households",
        grid_commands,
        grid_views,
    )
)
cli.add_command(_group("points", "积分: 撤销、加减分 / revoke and adjust points", points_commands))
cli.add_command(
    _group(
        "stars",
        "评星: 标准、拟定、评定、降低、撤销、创星榜 / star ratings",
        rating_commands,
        rating_views,
    )
)
cli.add_command(
    _group(
        "commitments",
        "公开承诺: 承诺、审诺、亮诺、践诺、群众意见、评诺、亮诺榜 / public commitments",
        commitment_commands,
        commitment_views,
    )
)
cli.add_command(
    _group(
        "eval",
        "考评: 积分细则、发展名额、扣分、否决、季度成绩、结束周期 / yearly evaluation",
        evaluation_commands,
        evaluation_views,
    )
)
cli.add_command(
    _group(
        "dev",
        "发展对象: 排名拟定、公示、异议、确定、表扬与培训 / development candidates",
        development_commands,
        development_views,
    )
)
cli.add_command(_group("project", "投影进程: 保持读模型最新 / the read-model projector", project))
cli.add_command(
    _group("roster", "花名册: 导入、导出、模板 (CSV/XLSX) / import and export rosters", roster)
)
cli.add_command(
    _group(
        "work",
        "中心工作: 部署、分解、承接、关联任务、上报、修改份额、取消、层层汇总 / cascading central work",
        work_commands,
        work_views,
    )
)
cli.add_command(
    _group(
        "calendar",
        "工作日历: 节假日、调休上班、全年休息日 / working-day calendar",
        calendar_commands,
        calendar_views,
    )
)
cli.add_command(
    _group("notify", "群机器人: 向企业微信、钉钉群发通知 / the group-robot notifier", notify)
)
cli.add_command(audit_group.audit_commands)
for _module in (wall, points_views, trail, audit, serve):
    for _command in _module.COMMANDS:
        cli.add_command(_command)

# Help laid out by display width: Chinese takes two columns (fits 80 columns).
fit_help(cli)


if __name__ == "__main__":
    cli()
