"""Go 的 tlog — Go's ``golang.org/x/mod/sumdb/tlog`` and ``note`` as an outside verifier.

The checker (``tests/go_tlog/check.go``) is built in GOPATH mode against Debian's
``golang-golang-x-mod-dev`` (``/usr/share/gocode``). Without Go or that package, the tests
that use it are skipped with :data:`SKIP_REASON`.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

GOPATH = "/usr/share/gocode"
SOURCE = Path(__file__).parent / "go_tlog" / "check.go"
SKIP_REASON = (
    "Go 不可用,已跳过 / no Go with golang.org/x/mod: apt-get install golang-go "
    "golang-golang-x-mod-dev, or run `bash .ci/run`, which installs them"
)


def _env() -> dict[str, str]:
    cache_dir = Path(tempfile.gettempdir()) / "dangjian-gocache"
    return {
        **os.environ,
        "GO111MODULE": "off",
        "GOPATH": GOPATH,
        "GOCACHE": os.environ.get("GOCACHE", str(cache_dir)),
        "GOFLAGS": "",
    }


@cache
def checker() -> str | None:
    """The built checker's path, or None without Go."""
    go = shutil.which("go")
    if go is None or not (Path(GOPATH) / "src/golang.org/x/mod/sumdb/tlog").is_dir():
        return None
    out = Path(tempfile.mkdtemp(prefix="dangjian-go-")) / "check"
    built = subprocess.run(
        [go, "build", "-o", str(out), str(SOURCE)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    return str(out)


def _b64(value: Any) -> Any:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    if isinstance(value, list):
        return [_b64(v) for v in value]
    if isinstance(value, dict):
        return {k: _b64(v) for k, v in value.items()}
    return value


def run(request: dict[str, Any]) -> dict[str, Any]:
    """Send a request (bytes as bytes) to the checker; its answer, hashes as bytes."""
    executable = checker()
    assert executable is not None, SKIP_REASON
    done = subprocess.run(
        [executable],
        input=json.dumps(_b64(request)),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    answer: dict[str, Any] = json.loads(done.stdout)
    answer["roots"] = [base64.b64decode(r) for r in answer.get("roots") or []]
    answer["tiled_root"] = base64.b64decode(answer.get("tiled_root") or "")
    answer["tiled_proof"] = [base64.b64decode(h) for h in answer.get("tiled_proof") or []]
    return answer
