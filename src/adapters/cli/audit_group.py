"""督查工具 — the ``dangjian audit …`` group: everything an inspector (督查/纪检) runs.

Read-only for the log: ``verify``, ``explain``, ``as-of``, ``attempts``, ``replay`` and
``bundle``, ``prove``, ``consistency`` and ``check-proof`` (Merkle proofs as small files);
for the operator: ``key``, ``checkpoint`` and ``cosigned``; for a witness: ``witness``. The older top-level ``replay``
and ``verify`` stay as they were. The walk-through is ``docs/inspector-guide.md``.
"""

from __future__ import annotations

import click

from adapters.cli import (
    audit,
    audit_asof,
    audit_draw,
    audit_explain,
    audit_keys,
    audit_proofs,
    audit_verify,
    audit_witness,
)

audit_commands = click.Group(
    "audit",
    help="督查核验: 检查点、核查包、核验、溯源、回看 / the inspector's toolkit (docs/inspector-guide.md)",
)
for _command in (
    *audit_verify.COMMANDS,
    *audit_explain.COMMANDS,
    *audit_asof.COMMANDS,
    *audit_keys.COMMANDS,
    *audit_proofs.COMMANDS,
    *audit_witness.COMMANDS,
    audit.replay,
    *audit_draw.COMMANDS,  # fair claiming (issue 20): recompute a task's draw
):
    audit_commands.add_command(_command)
