"""群机器人 — the group-robot notifier: follows the event log and posts to WeChat Work and
DingTalk group robots (``dangjian notify run``; docs/notify.md).

- :mod:`~adapters.notify.notifier` — the notifier: each robot's walk through the log, at
  most once per message; :mod:`~adapters.notify.running` — its loop;
- :mod:`~adapters.notify.announcements` — which events are told, worded by
  :mod:`~adapters.notify.task_notices` and :mod:`~adapters.notify.result_notices` as
  :class:`~adapters.notify.notices.Notice` (typed text made inert by
  :mod:`~adapters.notify.escaping`), from :mod:`~adapters.notify.facts`;
- :mod:`~adapters.notify.payloads` — each platform's request and answer;
  :mod:`~adapters.notify.posting` — one POST; :mod:`~adapters.notify.pacing` — rate
  limits and backoff;
- :mod:`~adapters.notify.tracking`, :mod:`~adapters.notify.tracking_stores` — the
  delivery records in the store's database, one notifier per store;
  :mod:`~adapters.notify.status` — what the operator checks;
- :mod:`~adapters.notify.config`, :mod:`~adapters.notify.robots_file` — the robots and
  their private file; :mod:`~adapters.notify.errors`.
"""
