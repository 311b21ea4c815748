"""群机器人 — the group-robot notifier: follows the event log and posts to WeChat Work and
DingTalk group robots."""
