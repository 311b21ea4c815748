"""日志 — what the library tells an operator's log, through the standard :mod:`logging`.

Every logger is under ``dangjian`` (``dangjian.app`` for commands recorded and refused,
``dangjian.projector`` for the projector process); a service configures logging as it
wants, and the CLI's ``--log-level`` (or ``DANGJIAN_LOG_LEVEL``) sends them to standard
error. Personal data is never logged: a command is named by its type and command id.
"""

from __future__ import annotations

import logging
import sys

#: The root of every logger of the library.
ROOT = "dangjian"
LEVELS = ("debug", "info", "warning", "error")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def logger(name: str) -> logging.Logger:
    """The library's logger ``dangjian.<name>``."""
    return logging.getLogger(f"{ROOT}.{name}")


def send_to_stderr(level: str) -> None:
    """Send the library's log records of ``level`` and above to the standard error of now
    (replacing the handler an earlier call installed, whose stream may be gone)."""
    root = logging.getLogger(ROOT)
    root.setLevel(level.upper())
    for old in [h for h in root.handlers if getattr(h, "dangjian", False)]:
        root.removeHandler(old)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.dangjian = True  # type: ignore[attr-defined]
    root.addHandler(handler)
