"""The trail needs no docstrings: under ``python -OO`` (which strips them) every event
type still has its Chinese title, and every concept still names its audit subjects."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import json
from dangjian_core.catalog import CONCEPTS, EVENT_TYPES
from dangjian_core.kernel.trail import event_title
assert EVENT_TYPES[next(iter(EVENT_TYPES))].__doc__ is None, "docstrings were not stripped"
untitled = [n for n, t in EVENT_TYPES.items() if event_title(t) in (n, t.__name__, "")]
no_subjects = [c.name for c in CONCEPTS if not c.subjects]
print(json.dumps([len(EVENT_TYPES), untitled, no_subjects]))
"""


def test_every_event_keeps_its_title_and_subjects_under_python_oo() -> None:
    done = subprocess.run(
        [sys.executable, "-OO", "-c", SCRIPT],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )

    count, untitled, no_subjects = json.loads(done.stdout)
    assert count > 50
    assert [] == untitled
    assert [] == no_subjects
