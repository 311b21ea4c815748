"""通知错误 — what stops the group-robot notifier: a robots file it cannot use, another
notifier already following the same store. Failed posts are no errors: they are recorded
as deliveries (:mod:`adapters.notify.tracking`) and the log is followed on."""

from __future__ import annotations

from dangjian_core.kernel.errors import DangjianError


class NotifyError(DangjianError):
    """通知错误 — the notifier could not start or go on."""

    code = "notify"


class RobotsFileError(NotifyError):
    """机器人配置有误 — the robots file is missing, unreadable, readable by others, or
    declares a robot wrongly (the message names the robot and the field)."""

    code = "robots_file"


class NotifierRunning(NotifyError):
    """通知进程已在运行 — another ``dangjian notify run`` follows this store: two would
    post every message twice."""

    code = "notifier_running"
