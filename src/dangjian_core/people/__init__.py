"""人员 — persons registered in a branch, with their party status history."""
