"""签名密钥与检查点 — ``audit key generate|show|rotate`` and ``audit checkpoint``.

The operator keeps the private key file (0600); inspectors pin the printed verifier key.
``audit checkpoint`` prints only the signed note on standard output, so it can go straight
into a file or onto the notice board: ``dangjian audit checkpoint --key k.pem > cp.txt``.
"""

from __future__ import annotations

from pathlib import Path

import click

from adapters.audit import keys
from adapters.audit.checkpoints import VerifierKey, parse
from adapters.audit.cut import REASONS, cut_checkpoint
from adapters.cli.clock import now
from adapters.cli.runtime import current

_KEY_FILE = click.Path(dir_okay=False, path_type=Path)


def _show_keys(title: str, verifier_keys: list[tuple[str, VerifierKey]]) -> None:
    """Print verifier keys (or their JSON) with the hand-over note."""
    lines = [title] + [f"{label}: {key.text()}" for label, key in verifier_keys]
    lines.append("请将公钥交给督查登记 (--pin); 私钥文件切勿外传 / give inspectors the key to pin")
    document = {"ok": True, "keys": {label: key.text() for label, key in verifier_keys}}
    current().show(document, lines)


@click.group("key")
def key() -> None:
    """签名密钥: 生成、查看、轮换 / the checkpoint signing key."""


@key.command("generate")
@click.argument("path", type=_KEY_FILE)
@click.option(
    "--name",
    default=None,
    help="密钥名称, 默认为账本名称 (C2SP: 与检查点第一行一致) / the key's name (default: the origin)",
)
def generate(path: Path, name: str | None) -> None:
    """生成新密钥 (文件权限 0600) / create a new key file (mode 0600)."""
    if name is None:
        name = current().app(must_exist=True).store.ledger
    _show_keys(
        f"已生成签名密钥 {name}: {path}", [("验证公钥 / verifier key", keys.generate(path, name))]
    )


@key.command("show")
@click.argument("path", type=_KEY_FILE)
def show(path: Path) -> None:
    """打印验证公钥 / print the verifier key inspectors pin."""
    name, private = keys.load(path)
    _show_keys(f"签名密钥 {name}", [("验证公钥 / verifier key", keys.verifier_key(name, private))])


@key.command("rotate")
@click.argument("old", type=_KEY_FILE)
@click.argument("new", type=_KEY_FILE)
@click.option("--name", required=True, help="新密钥名称 / the new key's name")
def rotate(old: Path, new: Path, name: str) -> None:
    """轮换: 新名称、新文件; 旧公钥继续用于核验旧检查点 / rotate to a new key."""
    previous, fresh = keys.rotate(old, new, name)
    _show_keys(
        f"已生成新密钥 {name}; 下一个检查点请用 --key {new} --cosign {old} 共同签名, 之后停用旧密钥",
        [("旧公钥 (继续登记) / old key, keep pinned", previous), ("新公钥 / new key", fresh)],
    )


@click.command("checkpoint")
@click.option("--key", "key_file", type=_KEY_FILE, required=True, help="私钥文件 / key file")
@click.option("--name", default=None, help="密钥名称, 默认取密钥文件中的名称 / key name")
@click.option(
    "--reason",
    type=click.Choice(list(REASONS)),
    default="按需",
    show_default=True,
    help="公示 / 周期结束 / 按需",
)
@click.option(
    "--cosign",
    "cosign",
    type=_KEY_FILE,
    multiple=True,
    help="共同签名的密钥 (轮换时) / co-signing key",
)
def checkpoint(key_file: Path, name: str | None, reason: str, cosign: tuple[Path, ...]) -> None:
    """签发检查点并打印, 以便公示 / cut, sign and print a checkpoint to post publicly."""
    runtime = current()
    key_name, private = keys.load(key_file, name)
    cosigners = [keys.load(path) for path in cosign]
    store = runtime.app(must_exist=True).store
    note = cut_checkpoint(store, key_name, private, reason, now(), cosigners=cosigners)
    checkpoint, signatures = parse(note)
    if runtime.as_json:
        document = {"ok": True, "ledger": checkpoint.ledger, "size": checkpoint.size, "note": note}
        runtime.show(document | {"signed_by": [s[0] for s in signatures], "reason": reason}, [])
        return
    click.echo(
        f"检查点 (大小 {checkpoint.size}, 原因 {reason}); 请原样公示下列文字 / post this note as it is:",
        err=True,
    )
    click.echo(note, nl=False)


COMMANDS = (key, checkpoint)
