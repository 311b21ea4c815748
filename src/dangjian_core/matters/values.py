"""决策程序 — the values a village decision is made of: where a matter comes from, the
bodies that meet on it, the thresholds they must reach, and the procedure (an ordered list of
steps) as data, which a village adopts in versions like a points scheme."""

from __future__ import annotations

from enum import StrEnum

from attrs import frozen


class Origin(StrEnum):
    """事项来源 — where a village matter comes from."""

    MASSES = "masses"  # 群众建议
    CADRES = "cadres"  # 村干部提议
    ABOVE = "above"  # 上级安排

    @property
    def zh(self) -> str:
        """The origin in Chinese."""
        return {"masses": "群众建议", "cadres": "村干部提议", "above": "上级安排"}[self.value]


class Body(StrEnum):
    """议事主体 — the body that meets (or is asked) at a step."""

    VILLAGERS = "villagers"  # 村民(征集群众建议)
    BRANCH_COMMITTEE = "branch_committee"  # 党支部委员会
    TWO_COMMITTEES = "two_committees"  # 村两委联席会议
    SUPERVISORS = "supervisors"  # 村务监督委员会
    MEMBERS = "members"  # 党员大会
    REPRESENTATIVES = "representatives"  # 村民代表会议

    @property
    def zh(self) -> str:
        """The body in Chinese."""
        return {
            "villagers": "村民",
            "branch_committee": "党支部委员会",
            "two_committees": "村两委联席会议",
            "supervisors": "村务监督委员会",
            "members": "党员大会",
            "representatives": "村民代表会议",
        }[self.value]


class StepKind(StrEnum):
    """步骤类别 — what a step records: suggestions gathered, a meeting's vote, or one of
    the two public notices."""

    SUGGESTIONS = "suggestions"  # 征集群众建议
    MEETING = "meeting"  # 会议表决
    RESOLUTION_NOTICE = "resolution_notice"  # 决议公开
    RESULT_NOTICE = "result_notice"  # 实施结果公开

    @property
    def zh(self) -> str:
        """The kind in Chinese."""
        return {
            "suggestions": "征集群众建议",
            "meeting": "会议表决",
            "resolution_notice": "决议公开",
            "result_notice": "实施结果公开",
        }[self.value]


class OnReject(StrEnum):
    """否决后 — what becomes of a matter when a meeting votes it down."""

    END = "end"  # 事项终止
    RETURN = "return"  # 退回重新提议

    @property
    def zh(self) -> str:
        """The consequence in Chinese."""
        return {"end": "事项终止", "return": "退回重新提议"}[self.value]


class Choice(StrEnum):
    """表决意见 — one vote: for, against or abstaining."""

    FOR = "for"  # 赞成
    AGAINST = "against"  # 反对
    ABSTAIN = "abstain"  # 弃权

    @property
    def zh(self) -> str:
        """The choice in Chinese."""
        return {"for": "赞成", "against": "反对", "abstain": "弃权"}[self.value]


@frozen
class Threshold:
    """比例要求 — at least (or, ``strict``, more than) ``num``/``den`` of a whole: 2/3 of
    the roll present, more than 1/2 of those present approving."""

    num: int
    den: int
    strict: bool

    def met(self, part: int, whole: int) -> bool:
        """Whether ``part`` of ``whole`` reaches the threshold (never for an empty whole)."""
        if whole <= 0:
            return False
        if self.strict:
            return part * self.den > self.num * whole
        return part * self.den >= self.num * whole

    @property
    def zh(self) -> str:
        """The threshold in Chinese: 过半数, 三分之二以上 …"""
        if (self.num, self.den) == (1, 2) and self.strict:
            return "过半数"
        fraction = f"{self.den}分之{self.num}".translate(_DIGITS)
        return f"超过{fraction}" if self.strict else f"{fraction}以上"


_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")


@frozen
class Step:
    """决策步骤 — one step of a procedure: its key and name, what it records, and for a
    meeting the body, the quorum of its roll, the approval of those present, whether the
    vote is named (记名) or counted, the days the plan must reach the members before it, and
    what a rejection does; for a notice its least period in working days."""

    key: str
    name: str
    kind: StepKind
    body: Body | None = None
    quorum: Threshold | None = None
    approval: Threshold | None = None
    named: bool = False
    notice_days: int = 0
    on_reject: OnReject = OnReject.END
    min_days: int = 0


@frozen
class Procedure:
    """决策程序 — a village's procedure: its name, the ordered steps, and whether, where
    one person is both branch secretary and village committee director (一肩挑), the branch
    committee's proposal and the two committees' discussion may be one meeting."""

    name: str
    steps: tuple[Step, ...]
    merge_when_one_person: bool = False

    def index(self, key: str) -> int | None:
        """The position of the step named ``key``, if any."""
        return next((i for i, s in enumerate(self.steps) if s.key == key), None)

    @property
    def proposal(self) -> int:
        """Where a returned matter begins again: the branch committee's proposal."""
        first = next((i for i, s in enumerate(self.steps) if s.body is Body.BRANCH_COMMITTEE), None)
        return 0 if first is None else first


@frozen
class Ballot:
    """记名表决票 — one attendee's named vote."""

    voter_id: str
    choice: Choice
