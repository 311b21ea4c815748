"""命令 — every command the library decides, as one type: what
:meth:`adapters.app.Dangjian.handle` takes, so a service type-checked with
``mypy --strict`` is told when it hands over something that is not a command."""

from __future__ import annotations

from dangjian_core.accounts.commands import AccountCommand
from dangjian_core.calendar.commands import CalendarCommand
from dangjian_core.campaigns.commands import CampaignCommand
from dangjian_core.commitments.commands import CommitmentCommand
from dangjian_core.development.commands import DevelopmentCommand
from dangjian_core.evaluation.commands import EvaluationCommand
from dangjian_core.grids.commands import GridCommand
from dangjian_core.people.commands import PersonCommand
from dangjian_core.points.commands import PointsCommand
from dangjian_core.ratings.commands import RatingCommand
from dangjian_core.tasks.commands import TaskCommand
from dangjian_core.units.commands import UnitCommand
from dangjian_core.work.commands import WorkCommand

#: Any command of any concept in :data:`dangjian_core.catalog.CONCEPTS`.
Command = (
    UnitCommand
    | PersonCommand
    | CalendarCommand
    | GridCommand
    | AccountCommand
    | TaskCommand
    | PointsCommand
    | EvaluationCommand
    | CommitmentCommand
    | RatingCommand
    | WorkCommand
    | DevelopmentCommand
    | CampaignCommand
)
