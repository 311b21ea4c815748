"""积分 — points credited, revoked and adjusted; balances, the wall and explanations."""
