"""攻坚规则 — the rules each campaign command keeps, one function per command.

- 发起: a campaign ends no earlier than it starts; launching it again as it is changes
  nothing, otherwise it is refused.
- 战场、攻坚点: a problem is listed on a front the campaign opened; an id names one
  front, one problem, for good.
- 攻坚党小组: the leader is a member of the leadership team (领导班子: the campaign
  unit's secretary, deputy secretaries or committee members) when it is formed; it is
  formed no earlier than the campaign starts. A member must be registered and drawn from
  a founded unit (any unit: the task force is the campaign's, not the unit tree's); their
  memberships are dated and never overlap; the leader is not also a member.
- Dates recorded (since, on, until) are never after the day the command is made.
- 启动: only a problem with a task force starts, no earlier than it was formed.
- 节点: a milestone's target is a measured amount in a real unit; its number names one
  milestone for good; it is due no earlier than the campaign starts.
- 进展: only on a started, not completed problem, no earlier than the last report; the
  result never passes the target unless recorded as over-fulfilment (超额完成), and it is
  recorded as such only when it does pass it.
- 完成: a started problem whose milestones (one at least) are all reached.
- 关联: the task or work item must exist.
"""

from __future__ import annotations

from dangjian_core.campaigns.rules import common, organising, progress

__all__ = ["common", "organising", "progress"]
