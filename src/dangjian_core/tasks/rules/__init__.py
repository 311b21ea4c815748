"""任务规则 — what each task command must satisfy, after authority.

- 发布 ``issue``: a living unit; an upper-level task names its reference; the deadline
  is after issuing; a grid task targets a small block of the unit; a reservation names
  registered people; a task id is issued once (the same task again changes nothing);
- 领办 ``claim``: before the deadline, by someone on the roll of the unit running the task,
  in its audience, assigned to its grid block and among those it is reserved for, while
  a slot is free (first come, first served: never more claims than slots); a withdrawn
  claim may be taken again, nothing else;
- 撤回 ``withdraw``, 提交 ``submit``: one's own claim, claimed or rejected, before the
  deadline; the completion counts in the cycle of its submission;
- 审核 ``approve`` / ``reject``: a submitted completion, never one's own; fewer points
  than offered need a reason, never more; the second rejection, or one after the
  deadline, is final;
- 取消 ``cancel``: open claims are released unpaid; 撤销积分 ``revoke``: an approved
  completion's points. (A closed evaluation cycle admits no more approvals or
  revocations: :mod:`dangjian_core.evaluation.policies`.)
- 抽签 ``draw``, 候补, 结束 ``close``: fair claiming, :mod:`~dangjian_core.tasks.rules.waiting`.
"""

from dangjian_core.tasks.rules.claiming import claim, issue, submit, withdraw
from dangjian_core.tasks.rules.reviewing import approve, cancel, reject, revoke
from dangjian_core.tasks.rules.waiting import close, close_window, draw

__all__ = [
    "approve", "cancel", "claim", "close", "close_window", "draw", "issue", "reject", "revoke", "submit",
    "withdraw",
]  # fmt: skip
