"""决策程序样本 — the procedures that ship: 四议两公开 (the default, seed 003), and two
五议两公开 variants (seed 001): one with the village affairs supervisory committee's review
(村务监督委员会核议), one gathering the villagers' suggestions before the proposal
(群众建议). A town defines its own as data (``examples/procedures/*.toml``), and
:func:`problems` says what is wrong with one before it is adopted.
"""

from __future__ import annotations

from dangjian_core.matters.values import Body, OnReject, Procedure, Step, StepKind, Threshold

#: 三分之二以上 — the members' meeting's quorum.
TWO_THIRDS = Threshold(2, 3, strict=False)
#: 过半数 — more than half.
MORE_THAN_HALF = Threshold(1, 2, strict=True)
#: The days the plan reaches the members before their meeting.
MEMBERS_NOTICE_DAYS = 3
#: The least period of each public notice, in working days.
NOTICE_DAYS = 5


def _meeting(key: str, name: str, body: Body, *, named: bool, on_reject: OnReject) -> Step:
    members = body is Body.MEMBERS
    return Step(
        key,
        name,
        StepKind.MEETING,
        body,
        TWO_THIRDS if members else MORE_THAN_HALF,
        MORE_THAN_HALF,
        named=named,
        notice_days=MEMBERS_NOTICE_DAYS if members else 0,
        on_reject=on_reject,
    )


PROPOSE = _meeting(
    "propose", "党支部提议", Body.BRANCH_COMMITTEE, named=True, on_reject=OnReject.END
)
DISCUSS = _meeting(
    "discuss", "两委会议商议", Body.TWO_COMMITTEES, named=True, on_reject=OnReject.RETURN
)
REVIEW = _meeting("review", "党员大会审议", Body.MEMBERS, named=False, on_reject=OnReject.RETURN)
RESOLVE = _meeting(
    "resolve",
    "村民代表会议或村民会议决议",
    Body.REPRESENTATIVES,
    named=False,
    on_reject=OnReject.END,
)
SUPERVISE = _meeting(
    "supervise", "村务监督委员会核议", Body.SUPERVISORS, named=True, on_reject=OnReject.RETURN
)
SUGGEST = Step("suggest", "群众建议", StepKind.SUGGESTIONS, Body.VILLAGERS)
PUBLISH_RESOLUTION = Step(
    "publish_resolution", "决议公开", StepKind.RESOLUTION_NOTICE, min_days=NOTICE_DAYS
)
PUBLISH_RESULT = Step(
    "publish_result", "实施结果公开", StepKind.RESULT_NOTICE, min_days=NOTICE_DAYS
)

#: 四议两公开 — the default.
FOUR = Procedure(
    "四议两公开",
    (PROPOSE, DISCUSS, REVIEW, RESOLVE, PUBLISH_RESOLUTION, PUBLISH_RESULT),
    merge_when_one_person=True,
)
#: 五议两公开 (村务监督委员会核议) — the supervisors review after the members' meeting.
FIVE_SUPERVISED = Procedure(
    "五议两公开(监委会核议)",
    (PROPOSE, DISCUSS, REVIEW, SUPERVISE, RESOLVE, PUBLISH_RESOLUTION, PUBLISH_RESULT),
    merge_when_one_person=True,
)
#: 五议两公开 (群众建议) — the villagers' suggestions are gathered before the proposal.
FIVE_SUGGESTED = Procedure(
    "五议两公开(群众建议)",
    (SUGGEST, PROPOSE, DISCUSS, REVIEW, RESOLVE, PUBLISH_RESOLUTION, PUBLISH_RESULT),
    merge_when_one_person=True,
)
#: The procedures that ship, by the name a CLI user gives.
SHIPPED: dict[str, Procedure] = {
    "siyi": FOUR,
    "wuyi-supervised": FIVE_SUPERVISED,
    "wuyi-suggested": FIVE_SUGGESTED,
}


def problems(procedure: Procedure) -> list[str]:
    """What keeps ``procedure`` from being adopted (empty when it may be)."""
    found: list[str] = []
    keys = [s.key for s in procedure.steps]
    if len(set(keys)) != len(keys):
        found.append("步骤代码重复 / step keys repeat")
    kinds = [s.kind for s in procedure.steps]
    tail = [StepKind.RESOLUTION_NOTICE, StepKind.RESULT_NOTICE]
    if kinds[-2:] != tail or kinds.count(tail[0]) != 1 or kinds.count(tail[1]) != 1:
        found.append("程序须以决议公开、实施结果公开结束 / the two publications end the procedure")
    meetings = [s for s in procedure.steps if s.kind is StepKind.MEETING]
    if not any(s.body is Body.REPRESENTATIVES for s in meetings):
        found.append("程序须有村民代表会议决议 / a representatives' resolution is required")
    for step in meetings:
        if step.body in (None, Body.VILLAGERS) or step.quorum is None or step.approval is None:
            found.append(f"{step.name}: 会议须写明议事主体、到会和通过比例 / body and thresholds")
    for step in procedure.steps:
        notice = step.kind not in (StepKind.MEETING, StepKind.SUGGESTIONS)
        if notice and step.min_days < 1:
            found.append(f"{step.name}: 公开须写明最少公示天数 / a least period")
    return found
