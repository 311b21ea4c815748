"""积分 — ``points …`` and ``balance``: commands, views and sentences of the points concept."""
