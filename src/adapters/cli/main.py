"""dangjian 命令行入口 — the root command, its global options and the command families.

::

    $ dangjian --store paixilv.db task claim T1a2b3c --as lv-lanzhi
    已领办任务 T1a2b3c (名额 1/3)

The tour is ``docs/cli.md``.
"""

from __future__ import annotations

from typing import Any

import click

from adapters.cli.errors import Refusal
from adapters.cli.help_format import fit_help
from adapters.cli.lazy import Lazy, LazyGroup
from adapters.logs import LEVELS, send_to_stderr
from adapters.storage.errors import StorageError
from adapters.storage.names import DEFAULT_STORE, ENV_VAR
from dangjian_core.kernel.errors import DangjianError

#: Every command family and top-level command, imported only when it runs: the short
#: help shown by ``dangjian --help``, and where the commands live.
COMMANDS: dict[str, Lazy] = {
    "branch": Lazy(
        "党支部: 成立、任命、免职、概况 / branches and roles",
        modules=("adapters.cli.units.branch",),
    ),
    "unit": Lazy(
        "党组织: 成立、更名、隶属、合并、撤销、任免、组织树 / units",
        modules=("adapters.cli.units.commands", "adapters.cli.units.views"),
    ),
    "person": Lazy(
        "人员: 登记、个人信息、政治面貌、转接、党龄 / people",
        modules=("adapters.cli.people.commands", "adapters.cli.people.views"),
    ),
    "account": Lazy(
        "账户: 邀请开户、停用、吊销令牌 / accounts",
        modules=("adapters.cli.accounts.commands", "adapters.cli.accounts.views"),
    ),
    "task": Lazy(
        "任务: 发布、领办、提交、审核 / tasks",
        modules=("adapters.cli.tasks.commands", "adapters.cli.tasks.views"),
    ),
    "grid": Lazy(
        "网格: 划分、岗位、农户、联户、概况 / grids and households",
        modules=("adapters.cli.grids.commands", "adapters.cli.grids.views"),
    ),
    "duty": Lazy(
        "职责: 路长、红色车间、巡查、问题转办、履职缺口 / duties with a cadence",
        modules=("adapters.cli.duties.commands", "adapters.cli.duties.views"),
    ),
    "coverage": Lazy(
        "红色全覆盖: 规上企业名册、党组织建立、覆盖率 / enterprise party coverage",
        modules=("adapters.cli.coverage.commands", "adapters.cli.coverage.views"),
    ),
    "points": Lazy(
        "积分: 撤销、加减分 / revoke and adjust points", modules=("adapters.cli.points.commands",)
    ),
    "stars": Lazy(
        "评星: 标准、拟定、评定、降低、撤销、创星榜 / star ratings",
        modules=("adapters.cli.ratings.commands", "adapters.cli.ratings.views"),
    ),
    "campaigns": Lazy(
        "攻坚: 攻坚行动、战场、攻坚点、攻坚党小组、节点进展、看板、红色成长 / campaigns",
        modules=("adapters.cli.campaigns.commands", "adapters.cli.campaigns.views"),
    ),
    "matters": Lazy(
        "村务决策: 四议两公开、五议两公开, 会议表决、决议和实施结果公开 / village decisions",
        modules=("adapters.cli.matters.commands", "adapters.cli.matters.views"),
    ),
    "commitments": Lazy(
        "公开承诺: 承诺、审诺、亮诺、践诺、群众意见、评诺、亮诺榜 / public commitments",
        modules=("adapters.cli.commitments.commands", "adapters.cli.commitments.views"),
    ),
    "contest": Lazy(
        "述职擂台赛: 举办、评分细则、报名、述职报告、评委、评分、亮分、更正、公示 / secretaries' contest",
        modules=("adapters.cli.contests.commands", "adapters.cli.contests.views"),
    ),
    "eval": Lazy(
        "考评: 积分细则、发展名额、扣分、否决、季度成绩、结束周期 / yearly evaluation",
        modules=("adapters.cli.evaluation.commands", "adapters.cli.evaluation.views"),
    ),
    "dev": Lazy(
        "发展对象: 排名拟定、公示、异议、确定、表扬与培训 / development candidates",
        modules=("adapters.cli.development.commands", "adapters.cli.development.views"),
    ),
    "project": Lazy(
        "投影进程: 保持读模型最新 / the read-model projector", modules=("adapters.cli.project",)
    ),
    "roster": Lazy(
        "花名册: 导入、导出、模板 (CSV/XLSX) / import and export rosters",
        modules=("adapters.cli.roster",),
    ),
    "work": Lazy(
        "中心工作: 部署、分解、承接、关联任务、上报、修改份额、取消、层层汇总 / cascading central work",
        modules=("adapters.cli.work.commands", "adapters.cli.work.views"),
    ),
    "calendar": Lazy(
        "工作日历: 节假日、调休上班、全年休息日 / working-day calendar",
        modules=("adapters.cli.calendar.commands", "adapters.cli.calendar.views"),
    ),
    "notify": Lazy(
        "群机器人: 向企业微信、钉钉群发通知 / the group-robot notifier",
        modules=("adapters.cli.notify",),
    ),
    "audit": Lazy(
        "督查核验: 检查点、核查包、核验、溯源、回看 / the inspector's toolkit (docs/inspector-guide.md)",
        target="adapters.cli.audit_group:audit_commands",
    ),
    "wall": Lazy(
        "积分墙: 名次、总分、同分规则; 可导出公示页、表格、名次图 / the points wall",
        target="adapters.cli.wall:wall",
    ),
    "balance": Lazy(
        "个人积分及其全部明细 / a person's balance and every ledger line",
        target="adapters.cli.points.views:balance",
    ),
    "trail": Lazy(
        "审计轨迹: 某支部/任务/人员/承诺人……的全部事件 / every event of a subject",
        target="adapters.cli.trail:trail",
    ),
    "replay": Lazy(
        "重放核对: 从事件重建全部读模型并逐行比较 / rebuild all views, compare",
        target="adapters.cli.audit:replay",
    ),
    "verify": Lazy(
        "核验: 解码每条事件, 再重放核对 / decode every stored event, then replay",
        target="adapters.cli.audit:verify",
    ),
    "serve": Lazy(
        "启动网页和接口 / serve the pages (/) and the API (/docs)",
        target="adapters.cli.serve:serve",
    ),
}


def _persistence_error(error: Exception) -> bool:
    from eventsourcing.persistence import PersistenceError  # only on this rare path

    return isinstance(error, PersistenceError)


class DangjianGroup(LazyGroup):
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
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as error:
            Refusal.of_usage(error, as_json=as_json).exit()
        except Exception as error:
            if not _persistence_error(error):
                raise
            Refusal.of(StorageError("数据库不可用", str(error)), as_json=as_json).exit()


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
    from adapters.cli.runtime import Runtime  # the application, imported when a command runs

    ctx.obj = Runtime(store, as_json=as_json)


cli.lazy = COMMANDS
# Help laid out by display width: Chinese takes two columns (fits 80 columns).
fit_help(cli)


if __name__ == "__main__":
    cli()
