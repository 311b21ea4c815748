"""转义 — text typed by people (a task's title, a name) made inert in a robot's message.

Both platforms render a subset of Markdown with some HTML (WeChat Work's
``<font color=…>``, its ``<@userid>`` mentions), and neither documents a backslash
escape. So every character that could start markup, a link, a tag, an entity or a
mention is replaced by its full-width twin — ``[点我](http://…)`` arrives as
``［点我］（http：//…）``: readable, never a link — and line breaks become spaces, so a
title cannot start a heading or a quote of its own. Long text is cut with "…".
"""

from __future__ import annotations

import re

_TWINS = str.maketrans(
    {
        "\\": "＼",
        "`": "｀",
        "*": "＊",
        "_": "＿",
        "{": "｛",
        "}": "｝",
        "[": "［",
        "]": "］",
        "(": "（",
        ")": "）",
        "<": "＜",
        ">": "＞",
        "#": "＃",
        "+": "＋",
        "-": "－",
        "!": "！",
        "|": "｜",
        "~": "～",
        "&": "＆",
        "@": "＠",
        ":": "：",
        '"': "＂",
        "'": "＇",
        "=": "＝",
    }
)
_SPACES = re.compile(r"\s+")
#: The longest name a notice shows whole (the roster allows 40 characters).
NAME = 40


def plain(text: str, limit: int = 60) -> str:
    """``text`` as inert message text on one line, at most ``limit`` characters."""
    flat = _SPACES.sub(" ", text).strip().translate(_TWINS)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
