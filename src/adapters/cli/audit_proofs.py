"""包含与一致性证明 — ``audit prove``, ``audit consistency`` and ``audit check-proof``.

``audit prove --position P …`` (or ``--person ID --cycle YYYY-MM``: every ledger line
behind that person's total) prints an inclusion proof file for events under a signed
checkpoint (by default the smallest stored one covering them); ``audit consistency OLD NEW``
prints the proof that the checkpoint NEW extends OLD; ``audit check-proof FILE --pin KEY``
checks either offline and exits 7 when it does not hold. Files are small JSON
(:mod:`adapters.audit.proofs`): a villager or inspector keeps them beside the notes.
"""

from __future__ import annotations

from pathlib import Path

import click

from adapters.audit.proofs import check_file, consistency_file, dumps, inclusion_file
from adapters.cli.audit_verify import held_notes, pinned, read_text
from adapters.cli.errors import EXIT_VERIFY_FAILED
from adapters.cli.params import CYCLE
from adapters.cli.runtime import current
from adapters.storage.chain import LinkedEvent, event_bytes
from adapters.storage.merkle import ProofError
from adapters.storage.store import EventStore
from dangjian_core.kernel.errors import InvalidCommand

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def _entries(store: EventStore, positions: tuple[int, ...]) -> list[tuple[int, int, bytes]]:
    """(tree index, position, canonical record) of each stored event asked for."""
    rows = {row.position: row for row in store.read_positions(sorted(set(positions)))}
    found = []
    for position in positions:
        entry, row = store.chain_at(position), rows.get(position)
        if entry is None or row is None:
            raise InvalidCommand(f"没有事件 {position}", f"no event at position {position}")
        linked = LinkedEvent(row.position, row.stream_id, row.version, row.topic, row.state)
        found.append((entry.seq - 1, position, event_bytes(linked)))
    return found


def _covering_note(store: EventStore, size: int) -> str:
    """The smallest stored checkpoint with at least ``size`` entries."""
    for record in store.read_checkpoints():
        if record.size >= size:
            return record.note
    raise InvalidCommand(
        "尚无覆盖这些事件的检查点, 请先签发 (dangjian audit checkpoint)",
        "no checkpoint covers these events yet: cut one with dangjian audit checkpoint",
    )


def _refusing(error: ProofError) -> InvalidCommand:
    return InvalidCommand(f"无法出具证明: {error}", f"cannot prove: {error}")


@click.command("prove")
@click.option("--position", "positions", type=int, multiple=True, help="事件位置 / a position")
@click.option("--person", default=None, help="某人某周期的每一笔积分 / a person's ledger lines")
@click.option("--cycle", type=CYCLE, default=None, help="周期 YYYY-MM (与 --person)")
@click.option("--checkpoint", "note_file", type=_FILE, default=None, help="检查点文件 / note")
def prove(
    positions: tuple[int, ...], person: str | None, cycle: str | None, note_file: Path | None
) -> None:
    """包含证明: 这些事件在检查点之内 / print an inclusion proof file."""
    app = current().app(must_exist=True)
    store = app.store
    if person is not None:
        if cycle is None:
            raise InvalidCommand("--person 须同时给出 --cycle", "--person needs --cycle")
        positions += tuple(line.position for line in app.queries.explain(person, cycle).lines)
    if not positions:
        raise InvalidCommand("请给出 --position 或 --person", "give --position or --person")
    entries = _entries(store, positions)
    top = max(index for index, _, _ in entries) + 1
    note = held_notes((note_file,))[0] if note_file else _covering_note(store, top)
    try:
        click.echo(dumps(inclusion_file(store, note, entries)), nl=False)
    except ProofError as error:
        raise _refusing(error) from error


@click.command("consistency")
@click.argument("old", type=_FILE)
@click.argument("new", type=_FILE)
def consistency(old: Path, new: Path) -> None:
    """一致性证明: 新检查点延续旧检查点 / print a consistency proof file."""
    store = current().app(must_exist=True).store
    old_note, new_note = held_notes((old, new))
    try:
        click.echo(dumps(consistency_file(store, old_note, new_note)), nl=False)
    except ProofError as error:
        raise _refusing(error) from error


@click.command("check-proof")
@click.argument("proof_file", type=_FILE)
@click.option("--pin", "pins", multiple=True, metavar="KEYTEXT", help="登记的验证公钥")
@click.option("--pins", "pin_files", type=_FILE, multiple=True, help="公钥文件")
def check_proof(proof_file: Path, pins: tuple[str, ...], pin_files: tuple[Path, ...]) -> None:
    """离线核对证明文件 / check a proof file offline (exit 7 when it does not hold)."""
    import json

    runtime = current()
    try:
        document = json.loads(read_text(proof_file))
        lines = check_file(document if isinstance(document, dict) else {}, pinned(pins, pin_files))
    except (ProofError, json.JSONDecodeError) as error:
        runtime.show({"ok": False, "error": str(error)}, [f"证明不成立 / the proof fails: {error}"])
        click.get_current_context().exit(EXIT_VERIFY_FAILED)
    runtime.show({"ok": True, "lines": lines}, lines)


COMMANDS = (prove, consistency, check_proof)
