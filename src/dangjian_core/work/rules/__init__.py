"""中心工作规则 — what each work command must satisfy (after the item exists).

- 部署 ``issue``: an item is issued by its unit's leaders, due after it is issued;
- 分解 ``assign``: a share goes to a unit directly below the item's unit (or a member of
  its regional committee), due no later than the item; the shares together never exceed
  the item's target;
- 承接 ``accept``: by the receiving unit's leaders, on the stream its derived id names,
  with the target and deadline the item above gave it;
- 调整 ``revise``: a share still fits the item, never below what the unit below already
  gave out nor due before its own shares; 取消 ``cancel``: with a reason;
- 关联任务 ``link`` and 上报 ``report``: tasks of the item's unit; progress as measured.

An accepted item's target and deadline are the share's as the item above gives it *now*
(:func:`~dangjian_core.work.rules.items.terms`): a revised share bounds the splits made
after it. Nothing is decided on a cancelled item, nor on one below a cancelled item.
"""

from dangjian_core.work.rules.changes import cancel, revise
from dangjian_core.work.rules.items import accept, assign, issue, live
from dangjian_core.work.rules.progress import link, report

__all__ = ["accept", "assign", "cancel", "issue", "link", "live", "report", "revise"]
