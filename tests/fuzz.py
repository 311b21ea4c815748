"""恶意输入演练 — hostile CLI invocations and library commands against a real store, counting
tracebacks and stored text outside the text policy (issue 13's fuzz run).

    .venv/bin/python -m tests.fuzz --cli 1000 --library 3000 [--store postgresql://…]

The CLI part runs ``dangjian`` in-process on random command lines built from a village's
real commands with hostile values in their options (controls, NUL, bidi overrides, ANSI
escapes, lookalike ids, formula-leading text, huge text, dates in year 1 and 9999,
unknown ids, wrong types); the library part builds commands of every kind through
``app.build`` (the untrusted path) with the same values and hands them to ``handle``. A
traceback is any exception that is not a typed refusal (an exit code from the CLI, a
:class:`DangjianError` from the library). Afterwards every stored event's text is checked
against the policy (:func:`dangjian_core.kernel.validation.clean`). ``tests/adapters/
test_fuzz.py`` runs a short round of it on every store; figures go in docs/security.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shlex
import tempfile
import traceback
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs
from click.testing import CliRunner

from adapters.app import Dangjian, open_app
from adapters.cli.main import cli
from dangjian_core.kernel.errors import DangjianError
from dangjian_core.kernel.ids import TaskId
from dangjian_core.kernel.validation import clean
from dangjian_core.tasks.commands import ApproveCompletion, ClaimTask, SubmitCompletion
from tests import support

HOSTILE_TEXT = (
    "吕\x00兰枝", "\x1b[31m吕兰枝", "吕\x85兰枝", "\u202e枝兰吕", "吕\u2067兰枝", "吕兰枝\n吕星灿",
    "Ame\u0301lie", "lv-lanzhi\n", "=HYPERLINK(\"http://e.vil\",\"点我\")", "+1+1", "@SUM(A1)",
    "x" * 5000, "", " ", "\t", "😀" * 50, "null", "../../etc/passwd", "<script>alert(1)</script>",
)  # fmt: skip
HOSTILE_TIME = (
    "0001-01-01T00:00",
    "9999-12-31T23:59-12:00",
    "2021-13-40",
    "yesterday",
    "2021-10-08T09:00Z",
)
HOSTILE_NUMBER = ("-1", "0", "99999999999999999999", "1e9", "NaN", "五")
#: Command lines of the village story, each with a slot the fuzzer fills.
LINES = (
    "person register {id} --branch paixilv --name {text} --status 群众 --as lv-zw --at {time}",
    "person rename lv-lanzhi --name {text} --as lv-zw --at {time}",
    "task issue --branch paixilv --title {text} --category {text} --points {number} --slots {number} "
    "--deadline {time} --audience 积极分子 --as lv-zw --at {time}",
    "task claim {id} --as {id} --at {time}",
    "task submit T1 --note {text} --photo {text} --as lv-lanzhi --at {time}",
    "task approve T1 lv-lanzhi --points {number} --reason {text} --as hu-wy --at {time}",
    "points adjust lv-lanzhi --points {number} --reason {text} --as wang-sj --at {time}",
    "unit found {id} --name {text} --parent paixilv --as wang-sj --at {time}",
    "calendar declare-holidays {time} --name {text} --unit paixilv --as wang-sj",
    "wall {id} --cycle {text}",
    "balance {id}",
    "trail {text}",
    "grid found {id} --branch paixilv --name {text} --as wang-sj --at {time}",
)


@attrs.define
class Tally:
    """计数 — what the run saw."""

    runs: int = 0
    outcomes: Counter[str] = attrs.field(factory=Counter)
    tracebacks: list[str] = attrs.field(factory=list)


#: A plausible value per slot: most slots get one, so a hostile value reaches deeper.
PLAIN = {"id": "lv-lanzhi", "text": "打扫文化礼堂", "time": "2021-10-09T09:00", "number": "3"}


def _pick(rng: random.Random) -> dict[str, str]:
    ids = ("lv-lanzhi", "nobody", "T1", "p\x00", "lv-lanzhi\n", "\u202ep1", "x" * 200, "")
    hostile = {
        "id": rng.choice(ids),
        "text": rng.choice(HOSTILE_TEXT),
        "time": rng.choice(HOSTILE_TIME),
        "number": rng.choice(HOSTILE_NUMBER),
    }
    return {slot: hostile[slot] if rng.random() < 0.35 else PLAIN[slot] for slot in PLAIN}


def command_lines(n: int, seed: int) -> Iterator[list[str]]:
    """``n`` hostile argument lists."""
    rng = random.Random(seed)
    for _ in range(n):
        line = rng.choice(LINES)
        parts = shlex.split(line)
        yield [part.format(**_pick(rng)) if "{" in part else part for part in parts]


def fuzz_cli(url: str, n: int, seed: int = 13) -> Tally:
    """Run ``n`` hostile command lines; a traceback is any exception click did not turn
    into an exit code."""
    tally, runner = Tally(), CliRunner()
    for argv in command_lines(n, seed):
        result = runner.invoke(cli, ["--store", url, *argv], catch_exceptions=True)
        tally.runs += 1
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            tally.tracebacks.append("".join(traceback.format_exception(result.exception)))
            tally.outcomes["traceback"] += 1
        else:
            tally.outcomes[f"exit {result.exit_code}"] += 1
    return tally


def _values(rng: random.Random) -> Any:
    choices: list[Any] = [rng.choice(HOSTILE_TEXT), rng.choice(HOSTILE_NUMBER), None, -1, 10**12]
    choices += [support.T0, "lv-lanzhi", support.BRANCH, "T1", (), ("x",), True]
    return rng.choice(choices)


def base_commands() -> list[Any]:
    """Well-formed commands of every concept (the every-concept stories' steps) and of the
    village (claims, completions, reviews of T1), for the fuzzer to spoil."""
    from tests.core.every_concept import STORIES

    village_steps = [
        ClaimTask(TaskId("T1"), support.LANZHI, support.later(1)),
        SubmitCompletion(TaskId("T1"), "已完成", (), support.LANZHI, support.later(2)),
        ApproveCompletion(TaskId("T1"), support.LANZHI, 5, "", support.REVIEWER, support.later(3)),
    ]
    return [*village_steps, *(step for story in STORIES.values() for step in story.steps)]


def fuzz_library(app: Dangjian, n: int, seed: int = 13) -> Tally:
    """Take ``n`` well-formed commands, spoil up to two fields of each with hostile values,
    build them through ``app.build`` and handle those that build; anything but a
    :class:`DangjianError` is a traceback."""
    tally, rng = Tally(), random.Random(seed)
    bases = base_commands()
    for _ in range(n):
        base = rng.choice(bases)
        fields = attrs.asdict(base, recurse=False)
        for name in rng.sample(sorted(fields), k=min(len(fields), rng.randint(0, 2))):
            fields[name] = _values(rng)
        tally.runs += 1
        try:
            app.handle(app.build(type(base), **fields))
            tally.outcomes["recorded"] += 1
        except DangjianError as refused:
            tally.outcomes[refused.code] += 1
        except Exception:
            tally.tracebacks.append(f"{type(base).__name__}: {traceback.format_exc()}")
            tally.outcomes["traceback"] += 1
    return tally


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def stored_outside_policy(app: Dangjian) -> list[str]:
    """Every stored text of the log that the text policy would not admit."""
    bad = []
    for row in app.store.iter_log():
        for text in _texts(json.loads(row.state)):
            if clean(text, lines=True) is not None:
                bad.append(f"{row.position}: {text[:40]!r}")
    return bad


def village(url: str) -> Dangjian:
    """The seed village, on ``url``."""
    app = open_app(url)
    for command in support.setup_commands():
        app.handle(command)
    app.handle(support.issue("T1"))
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", type=int, default=1000)
    parser.add_argument("--library", type=int, default=3000)
    parser.add_argument("--store", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.store or f"sqlite:///{folder}/fuzz.db"
        with village(url) as app:
            library = fuzz_library(app, args.library)
        cli_tally = fuzz_cli(url, args.cli)
        with open_app(url) as app:
            bad = stored_outside_policy(app)
            events = app.store.max_position()
    for name, tally in (("CLI invocations", cli_tally), ("library commands", library)):
        print(f"{name}: {tally.runs}, tracebacks {len(tally.tracebacks)}")
        print("  " + ", ".join(f"{k} {v}" for k, v in tally.outcomes.most_common()))
        for trace in tally.tracebacks[:3]:
            print(trace)
    print(f"stored events {events}, stored texts outside the policy {len(bad)}")
    for line in bad[:10]:
        print("  " + line)


if __name__ == "__main__":
    main()
