"""共享内核 — the shared kernel: ids, errors, time, envelopes and read-model primitives."""
