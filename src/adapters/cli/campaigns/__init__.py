"""攻坚 — ``campaigns …``: commands, views and sentences of the campaigns concept."""
