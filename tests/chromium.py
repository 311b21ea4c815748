"""测试用浏览器 — headless Chromium to print the boards' HTML pages, as people will.

The browser comes from ``$DANGJIAN_TEST_CHROMIUM``, else ``chromium`` on the PATH. With
neither, browser tests are skipped with :data:`SKIP_REASON`. The PDF helpers read what
Chromium (Skia) writes: page boxes, the page count and the embedded fonts' names.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

ENV_VAR = "DANGJIAN_TEST_CHROMIUM"
SKIP_REASON = (
    "Chromium 不可用,已跳过 / no Chromium: set DANGJIAN_TEST_CHROMIUM=/usr/bin/chromium "
    "(Debian: apt-get install chromium fonts-noto-cjk), or run `bash .ci/run`, which installs it"
)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--mute-audio")
TIMEOUT = 120


@cache
def browser() -> str | None:
    """The Chromium executable, or None."""
    named = os.environ.get(ENV_VAR)
    if named:
        return named if Path(named).is_file() and os.access(named, os.X_OK) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(page: Path | str, profile: Path, *flags: str) -> str:
    executable = browser()
    assert executable is not None, SKIP_REASON
    target = page if isinstance(page, str) else page.resolve().as_uri()
    argv = [executable, *FLAGS, f"--user-data-dir={profile}", *flags, target]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def print_pdf(page: Path, pdf: Path) -> bytes:
    """Print the page to ``pdf`` as a reader would (no header or footer); its bytes."""
    _run(page, pdf.parent / "profile-pdf", f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    return pdf.read_bytes()


def dump_dom(page: Path) -> str:
    """The page's DOM after Chromium has parsed and laid it out, serialized."""
    return _run(page, page.parent / "profile-dom", "--dump-dom")


def dump_url(url: str, profile: Path) -> str:
    """The DOM of a served page (``http://…``), as Chromium renders it."""
    return _run(url, profile, "--dump-dom")


def media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's MediaBox size (width, height) in points."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", pdf)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


def page_count(pdf: bytes) -> int:
    """How many pages the PDF holds (its ``/Type /Page`` objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def font_names(pdf: bytes) -> set[str]:
    """The embedded fonts' names, without the subset tag (``NotoSerifCJKsc-Regular``)."""
    found = re.findall(rb"/(?:FontName|BaseFont)\s*/(?:[A-Z]{6}\+)?([^\s/<>\[\]()]+)", pdf)
    return {name.decode("latin-1") for name in found}


def font_match(family: str) -> str | None:
    """The font file fontconfig picks for ``family`` (``fc-match``), or None without it."""
    if shutil.which("fc-match") is None:
        return None
    done = subprocess.run(["fc-match", family], capture_output=True, text=True, check=False)
    return done.stdout.strip()
