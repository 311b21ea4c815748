"""One recorded example of every duty event in the task town: 西周路 (the town's duty,
陈天云 its road chief); an actor entitled to it, one who is not; and the duty's state
before each of them (:data:`DUTY_STATES`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangjian_core.duties.decisions import evolve
from dangjian_core.duties.events import (
    CadenceUnit,
    DutyAssigned,
    DutyEnded,
    DutyHandedOver,
    DutyKind,
    PatrolLogged,
    ProblemReported,
    ProblemRouted,
)
from tests.core.duties_given import ROAD, task_follow
from tests.core.org import CHEN, HU, LV, TOWN, WANG

APRIL = date(2018, 4, 1)
ASSIGNED = DutyAssigned(
    ROAD, TOWN, DutyKind.ROAD, "西周路", "长约400米", CHEN, 3, CadenceUnit.DAY, APRIL
)
#: The duty's state before each example (the assignment made).
DUTY_STATES = {f"duty-{ROAD}": evolve(None, ASSIGNED)}

DUTY_EXAMPLES: list[tuple[Any, str, str | None]] = [
    (ASSIGNED, WANG, CHEN),
    (DutyHandedOver(ROAD, LV, date(2018, 4, 10)), WANG, CHEN),
    (DutyEnded(ROAD, date(2018, 6, 30), "道路移交"), WANG, HU),
    # the road chief logs their own patrols; the town's leaders may enter them for him
    (PatrolLogged(ROAD, CHEN, APRIL, "路面整洁", ()), CHEN, HU),
    (ProblemReported(ROAD, TOWN, "P1", APRIL, "堆放建材", None), CHEN, HU),
    # turning a problem into a task issues one of the town's: its leaders only
    (ProblemReported(ROAD, TOWN, "P2", APRIL, "堆放建材", task_follow()), WANG, CHEN),
    (ProblemRouted(ROAD, TOWN, "P1", task_follow()), WANG, CHEN),
]
