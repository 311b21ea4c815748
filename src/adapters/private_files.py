"""私密文件 — files that hold personal data (a roster export, an inspector's bundle) are
created readable by their owner only (0600; their new folders 0700), whatever the umask:
a shared machine's other users must not read a village's ID numbers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) 0700 if it does not exist yet."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode is masked by the umask


def private_open(path: Path, mode: str = "wb", **options: Any) -> IO[Any]:
    """Open ``path`` for writing (truncated), its permissions 0600 before anything is
    written; ``mode`` is ``"wb"`` or ``"w"`` (with ``encoding`` and ``newline`` options)."""
    if mode not in ("w", "wb"):
        raise ValueError(f"private_open writes only: {mode!r}")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # an existing file keeps its mode otherwise
        return os.fdopen(fd, mode, **options)
    except BaseException:
        os.close(fd)
        raise


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as a private file."""
    with private_open(path) as handle:
        handle.write(data)
