"""评星 — star ratings of members and branches against standards set by the upper unit."""
