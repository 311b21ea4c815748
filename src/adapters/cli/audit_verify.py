"""督查核验 — ``audit verify`` (live store or bundle) and ``audit bundle`` (export one).

``audit verify`` exits 0 when clean, 1 when only the read models differ from the events
(rebuild them), and 7 (verification failed) when the log, chain or checkpoints are not
sound; a key, note or bundle that cannot be read is refused with exit 2.
"""

from __future__ import annotations

from pathlib import Path

import click

from adapters.audit import bundle as bundle_format
from adapters.audit.checkpoints import CheckpointError, VerifierKey, parse
from adapters.audit.evidence import Bundle, Evidence, of_bundle
from adapters.audit.export import export_bundle
from adapters.audit.verify import verify as run_verify
from adapters.audit.witness import WitnessKey
from adapters.cli.audit_report import document, renderables
from adapters.cli.clock import now
from adapters.cli.errors import EXIT_DIFFERENCES, EXIT_VERIFY_FAILED
from adapters.cli.progress import progress_bar
from adapters.cli.render import plain
from adapters.cli.runtime import current
from adapters.storage.store import EventStore
from dangjian_core.kernel.errors import InvalidCommand

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def read_text(path: Path) -> str:
    """A text file as typed on any system (CRLF line ends become LF)."""
    try:
        return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidCommand(f"无法读取文件 {path}", f"cannot read {path}: {error}") from error


def load_bundle(path: Path) -> Bundle:
    """Read and parse a bundle file (refused with exit 2 when it is not one)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise bundle_format.BundleError(
            f"无法读取核查包 {path}", f"cannot read {path}: {error}"
        ) from error
    return bundle_format.parse(data)


def pinned(pins: tuple[str, ...], pin_files: tuple[Path, ...]) -> list[VerifierKey]:
    """Keys given with ``--pin`` and in ``--pins`` files (one per line, ``#`` comments)."""
    texts = list(pins)
    for path in pin_files:
        texts += [line.strip() for line in read_text(path).splitlines()]
    try:
        return [VerifierKey.parse(text) for text in texts if text and not text.startswith("#")]
    except CheckpointError as error:
        raise InvalidCommand(f"公钥无效: {error}", f"bad pinned key: {error}") from error


def held_notes(paths: tuple[Path, ...]) -> list[str]:
    """Checkpoint notes held by the inspector, one per file, checked for form."""
    notes = []
    for path in paths:
        note = read_text(path).strip("\n") + "\n"
        try:
            parse(note)
        except CheckpointError as error:
            raise InvalidCommand(
                f"检查点文件 {path} 无效: {error}", f"bad checkpoint file {path}: {error}"
            ) from error
        notes.append(note)
    return notes


def witness_keys(texts: tuple[str, ...]) -> list[WitnessKey]:
    """Witness keys given with ``--witness``."""
    try:
        return [WitnessKey.parse(text) for text in texts]
    except CheckpointError as error:
        raise InvalidCommand(f"见证公钥无效: {error}", f"bad witness key: {error}") from error


@click.command("verify")
@click.option(
    "--bundle",
    "bundle_file",
    type=_FILE,
    default=None,
    help="核查包文件 (离线核验) / verify a bundle offline",
)
@click.option(
    "--pin",
    "pins",
    multiple=True,
    metavar="KEYTEXT",
    help="登记的验证公钥, 可多次 / a pinned verifier key",
)
@click.option(
    "--pins",
    "pin_files",
    type=_FILE,
    multiple=True,
    help="公钥文件, 每行一个 / file of verifier keys",
)
@click.option(
    "--held",
    "held",
    type=_FILE,
    multiple=True,
    help="自己持有的检查点文件, 可多次 / a checkpoint you hold",
)
@click.option(
    "--witness",
    "witnesses",
    multiple=True,
    metavar="KEYTEXT",
    help="见证公钥: 须有其联署的检查点 / require checkpoints this witness cosigned",
)
def verify(
    bundle_file: Path | None,
    pins: tuple[str, ...],
    pin_files: tuple[Path, ...],
    held: tuple[Path, ...],
    witnesses: tuple[str, ...],
) -> None:
    """全面核验: 哈希链、编号、检查点签名与分叉、读模型 / verify the whole ledger."""
    runtime = current()
    keys, notes = pinned(pins, pin_files), held_notes(held)
    source: EventStore | Evidence
    if bundle_file is not None:
        parsed = load_bundle(bundle_file)
        source, total = of_bundle(parsed, f"核查包 / bundle {bundle_file}"), len(parsed.rows)
    else:
        store = runtime.app(must_exist=True).store
        source, total = store, store.max_position()
    with progress_bar("核验 / verifying", total, quiet=runtime.as_json) as advance:
        report = run_verify(
            source, keys, notes, progress=advance, witnesses=witness_keys(witnesses)
        )
    runtime.show(document(report), renderables(report))
    if not report.ok:
        click.get_current_context().exit(
            EXIT_DIFFERENCES if report.only_views else EXIT_VERIFY_FAILED
        )


@click.command("bundle")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def bundle(out: Path) -> None:
    """导出核查包 (事件、哈希链、检查点、被拒记录) / export the inspector bundle."""
    runtime = current()
    exported = export_bundle(runtime.app(must_exist=True).store, out, now())
    runtime.show(
        {"ok": True, **plain(exported)},
        [
            f"已导出核查包 {exported.path} (账本 {exported.ledger}): 事件 {exported.events}、"
            f"链条目 {exported.chain}、检查点 {exported.checkpoints}、被拒记录 {exported.attempts}",
            "请连同已公示的检查点一并交给督查 / hand it to the inspector with the posted checkpoints",
        ],
    )


COMMANDS = (verify, bundle)
