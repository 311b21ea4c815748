"""积分任务 — tasks issued by the organizing member, claimed by slots, reviewed for points."""
