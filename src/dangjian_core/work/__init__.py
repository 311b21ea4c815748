"""中心工作层层抓 — central work cascaded down the tree (党委抓总支、总支抓支部、支部抓党员):
a unit issues a work item with a measure, a target and a deadline; it splits the item
into shares for the units directly below it; each accepts its share as a work item of
its own (and may split it further); a branch links tasks to its item and reports
measured progress. Progress rolls back up the tree. One stream per item,
``work-<item_id>``; an accepted share's id is :func:`~dangjian_core.work.events.share_id`.
"""
