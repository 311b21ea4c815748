"""见证联署 — ``audit witness key|trust|cosign`` (the town committee's side) and
``audit cosigned`` (the branch keeps the cosigned note).

The witness keeps a key file (made like the branch's, 0600) and a state file with, per
log, the log's verifier key and the last checkpoint it cosigned. ``cosign`` takes the
consistency proof file the branch made (``audit consistency LAST NEW``) — or, the first
time, the checkpoint note alone — checks it against that state and prints the note with
its cosignature; a checkpoint that does not extend what the witness saw is refused
(exit 7). The branch stores it with ``audit cosigned FILE``; inspectors then run
``audit verify --witness KEY``.
"""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import click

from adapters.audit import keys
from adapters.audit.checkpoints import CheckpointError, VerifierKey, parse
from adapters.audit.proofs import CONSISTENCY
from adapters.audit.witness import WitnessKey, WitnessRefused, add_checkpoint, trust
from adapters.cli.audit_verify import held_notes, read_text
from adapters.cli.errors import EXIT_VERIFY_FAILED
from adapters.cli.runtime import current
from dangjian_core.kernel.errors import InvalidCommand

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
_NEW = click.Path(dir_okay=False, path_type=Path)


@click.group("witness")
def witness() -> None:
    """见证 (镇党委): 联署检查点 / a witness cosigns checkpoints."""


@witness.command("key")
@click.argument("path", type=_NEW)
@click.option("--name", required=True, help="见证名称, 如 pingshan-town / the witness's name")
def key(path: Path, name: str) -> None:
    """生成见证密钥并打印见证公钥 / create the witness key file."""
    keys.generate(path, name)
    loaded, private = keys.load(path)
    text = WitnessKey.of(loaded, private).text()
    current().show({"ok": True, "witness_key": text}, [f"见证公钥 / witness key: {text}"])


@witness.command("trust")
@click.option("--state", type=_NEW, required=True, help="见证状态文件 / state file")
@click.option("--log-key", required=True, help="支部的验证公钥 / the log's verifier key")
@click.option("--origin", required=True, help="账本名称 (检查点第一行) / the log's origin")
def trust_log(state: Path, log_key: str, origin: str) -> None:
    """登记要见证的账本 / start witnessing a log."""
    try:
        trust(state, VerifierKey.parse(log_key), origin)
    except (CheckpointError, WitnessRefused) as error:
        raise InvalidCommand(f"无法登记: {error}", f"cannot trust: {error}") from error
    current().show({"ok": True}, [f"已登记账本 {origin} / now witnessing {origin}"])


@witness.command("cosign")
@click.argument("submitted", type=_FILE)
@click.option("--state", type=_FILE, required=True, help="见证状态文件 / state file")
@click.option("--key", "key_file", type=_FILE, required=True, help="见证私钥 / witness key")
def cosign(submitted: Path, state: Path, key_file: Path) -> None:
    """核对一致性后联署 / check consistency with the last seen checkpoint, then cosign."""
    name, private = keys.load(key_file)
    text = read_text(submitted)
    if text.lstrip().startswith("{"):
        document = json.loads(text)
        if document.get("format") != CONSISTENCY:
            raise InvalidCommand("不是一致性证明文件", "not a consistency proof file")
        note, old_size = str(document["new"]), parse(str(document["old"]))[0].size
        proof = [base64.b64decode(h) for h in document["proof"]]
    else:
        note, old_size, proof = held_notes((submitted,))[0], 0, []
    try:
        cosigned = add_checkpoint(state, name, private, note, old_size, proof, int(time.time()))
    except WitnessRefused as error:
        current().show({"ok": False, "error": str(error)}, [f"见证拒签 / refused: {error}"])
        click.get_current_context().exit(EXIT_VERIFY_FAILED)
    click.echo(cosigned, nl=False)


@click.command("cosigned")
@click.argument("note_file", type=_FILE)
def cosigned(note_file: Path) -> None:
    """保存见证联署后的检查点 / keep a checkpoint's cosigned note in the store."""
    (note,) = held_notes((note_file,))
    store = current().app(must_exist=True).store
    checkpoint, _ = parse(note)
    kept = {c.size: c for c in store.read_checkpoints()}.get(checkpoint.size)
    if kept is None or not note.startswith(kept.note):
        raise InvalidCommand(
            "联署件须是已存检查点原文加签名行", "not a stored checkpoint with signature lines added"
        )
    store.record_cosigned(checkpoint.size, note)
    current().show(
        {"ok": True, "size": checkpoint.size}, [f"已保存联署检查点 (大小 {checkpoint.size})"]
    )


COMMANDS = (witness, cosigned)
