"""考评 — points schemes (积分细则), development quota, deductions, vetoes, snapshots and
the yearly close of one unit's cycle."""
