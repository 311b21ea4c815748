"""擂台赛规则 — the rule functions ``decide`` calls, one per command, by what they hold:
the field (:mod:`.field`: the contest, its scheme, contestants, reports, judges), the
rounds (:mod:`.rounds`: open, score, correct, close) and the results (:mod:`.results`:
inspection, review, publication)."""
