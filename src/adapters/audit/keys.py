"""签名密钥 — the Ed25519 key that signs checkpoints: generate, store, load, rotate.

A key file is a PKCS#8 PEM block after two comment lines that name the key::

    # dangjian 检查点签名私钥, 请妥善保管 / checkpoint signing key, keep it secret
    # name: paixilv-2021
    -----BEGIN PRIVATE KEY-----
    …
    -----END PRIVATE KEY-----

It is created with permissions 0600 (never overwriting a file), and refused when it is
readable or writable by group or others. Rotating makes a new key under a new name and a
new file; the old public key stays pinned by inspectors, so the checkpoints it signed
keep verifying.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)

from adapters.audit.checkpoints import VerifierKey
from dangjian_core.kernel.errors import DangjianError

_HEADER = "# dangjian 检查点签名私钥, 请妥善保管 / checkpoint signing key, keep it secret\n"
_NAME_LINE = re.compile(r"^# name: ([^\s+]{1,100})$", re.MULTILINE)
_KEY_NAME = re.compile(r"[^\s+]{1,100}")


class KeyFileError(DangjianError):
    """密钥文件错误 — a key file that is missing, unsafe, malformed or misnamed."""

    code = "key_file"


def generate(path: Path, name: str) -> VerifierKey:
    """Create a new key file (0600, refusing to overwrite); returns its verifier key."""
    if not _KEY_NAME.fullmatch(name):
        raise KeyFileError(
            f"密钥名称不合规 (不能含空白或 +): {name!r}",
            f"unusable key name (no white space or '+'): {name!r}",
        )
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as error:
        raise KeyFileError(
            f"密钥文件已存在, 不会覆盖: {path}", f"key file exists, not overwritten: {path}"
        ) from error
    except OSError as error:
        raise KeyFileError(f"无法创建密钥文件: {path}", f"cannot create {path}: {error}") from error
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        os.fchmod(file.fileno(), 0o600)  # whatever the umask
        file.write(f"{_HEADER}# name: {name}\n{pem}")
    return verifier_key(name, key)


def load(path: Path, name: str | None = None) -> tuple[str, Ed25519PrivateKey]:
    """The key's name and private key; refuses a file others may read or write, and a
    ``name`` other than the one in the file (a different name is a different verifier key)."""
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KeyFileError(
            f"无法读取密钥文件: {path}", f"cannot read key file {path}: {error}"
        ) from error
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyFileError(
            f"密钥文件权限过宽 ({stat.filemode(mode)}), 请执行 chmod 600 {path}",
            f"key file {path} is accessible by group or others ({stat.filemode(mode)}); "
            f"run chmod 600 {path}",
        )
    found = _NAME_LINE.search(text)
    try:
        key = load_pem_private_key(text.encode(), password=None)
    except (ValueError, TypeError) as error:
        raise KeyFileError(f"密钥文件格式不对: {path}", f"not a PEM private key: {path}") from error
    if not isinstance(key, Ed25519PrivateKey) or found is None:
        raise KeyFileError(
            f"不是 dangjian 的 Ed25519 签名密钥: {path}", f"not a named Ed25519 key file: {path}"
        )
    if name is not None and name != found.group(1):
        raise KeyFileError(
            f"密钥文件中的名称是 {found.group(1)}, 不是 {name}",
            f"the key file names the key {found.group(1)!r}, not {name!r}",
        )
    return found.group(1), key


def verifier_key(name: str, key: Ed25519PrivateKey) -> VerifierKey:
    """The public half, as inspectors pin it (``VerifierKey.text()``)."""
    return VerifierKey(name, key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def rotate(old: Path, new: Path, new_name: str) -> tuple[VerifierKey, VerifierKey]:
    """A new key under a new name and file; the old file is left as it is (retire it once
    a checkpoint signed by both is posted). Returns the old and the new verifier keys."""
    old_name, old_key = load(old)
    if new_name == old_name:
        raise KeyFileError(
            f"新密钥须用新名称 (旧名称 {old_name})",
            f"the new key needs a new name, not {old_name!r}",
        )
    return verifier_key(old_name, old_key), generate(new, new_name)
