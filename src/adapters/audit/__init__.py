"""审计适配器 — the tamper-evident chain, signed checkpoints, bundles and the inspector's checks."""
