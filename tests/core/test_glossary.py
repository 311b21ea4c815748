"""术语表核对 — docs/glossary.md and the core's public names, checked both ways.

Every public class of the core (events and commands from the catalog, errors, states,
read-model primitives) and every member of its enums must have a glossary row; every code
name in the glossary must resolve to a real object in ``dangjian_core``. So the glossary
can go stale in neither direction.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from enum import Enum
from functools import cache
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import dangjian_core
from dangjian_core import catalog

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"
HEADER = ["中文", "拼音", "English", "code name", "meaning"]
NOT_YET = "—"


@attrs.frozen
class Row:
    """One glossary row: its Chinese term and the code names it documents."""

    zh: str
    code_names: tuple[str, ...]


class Missing(Exception):
    """A code name that does not resolve."""


@cache
def rows() -> tuple[Row, ...]:
    """The glossary's one table, parsed."""
    lines = [line.strip() for line in GLOSSARY.read_text(encoding="utf-8").splitlines()]
    table = [line for line in lines if line.startswith("|")]
    header, separator, *body = (_cells(line) for line in table)
    assert header == HEADER
    assert all(set(cell) <= set("-: ") for cell in separator)
    found = []
    for cells in body:
        assert len(cells) == len(HEADER), cells
        code = cells[3]
        names = tuple(re.findall(r"`([^`]+)`", code))
        assert names or code == NOT_YET, f"code name cell must be `names` or {NOT_YET}: {code}"
        found.append(Row(cells[0], names))
    return tuple(found)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


@cache
def core_modules() -> tuple[ModuleType, ...]:
    """Every module of the core package."""
    names = [
        info.name for info in pkgutil.walk_packages(dangjian_core.__path__, prefix="dangjian_core.")
    ]
    return tuple(importlib.import_module(name) for name in sorted(names))


@cache
def definitions() -> dict[str, list[object]]:
    """Public names defined (not imported) at module level anywhere in the core."""
    found: dict[str, list[object]] = {}
    for module in core_modules():
        tree = ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))
        for node in tree.body:
            for name in _defined_names(node):
                if not name.startswith("_"):
                    found.setdefault(name, []).append(getattr(module, name))
    return found


def _defined_names(node: ast.stmt) -> list[str]:
    if isinstance(node, ast.ClassDef | ast.FunctionDef):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def resolve(code_name: str) -> object:
    """The object a glossary code name names: ``Name.attr`` or ``module.path.Name``."""
    parts = code_name.split(".")
    for split in range(len(parts) - 1, 0, -1):
        module_name = "dangjian_core." + ".".join(parts[:split])
        try:
            module: object = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        return _attributes(module, parts[split:], code_name)
    candidates = definitions().get(parts[0], [])
    distinct = {id(obj): obj for obj in candidates}
    if len(distinct) != 1:
        how = "defined nowhere" if not distinct else "ambiguous: qualify it with its module"
        raise Missing(f"{code_name}: {how}")
    return _attributes(next(iter(distinct.values())), parts[1:], code_name)


def _attributes(obj: object, names: list[str], code_name: str) -> object:
    for name in names:
        if hasattr(obj, name):
            obj = getattr(obj, name)
        elif isinstance(obj, type) and attrs.has(obj) and name in attrs.fields_dict(obj):
            obj = attrs.fields_dict(obj)[name]
        else:
            raise Missing(f"{code_name}: no attribute {name!r}")
    return obj


def documented() -> set[int]:
    """The ids of every object some glossary row names (unresolved names are reported by
    their own test, not here)."""
    found = set()
    for row in rows():
        for name in row.code_names:
            try:
                found.add(id(resolve(name)))
            except Missing:
                continue
    return found


def public_classes() -> list[type]:
    """Every public class defined in the core: events, commands, errors, states, …"""
    return [
        cls
        for module in core_modules()
        for name, cls in inspect.getmembers(module, inspect.isclass)
        if cls.__module__ == module.__name__ and not name.startswith("_")
    ]


def chinese_term(cls: type) -> str | None:
    """The Chinese term a class's docstring begins with (``任务已领办 — …``)."""
    first = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""
    return first.split(" — ")[0].strip() if " — " in first else None


# --- the glossary covers the code -------------------------------------------------


def test_every_event_and_command_in_the_catalog_has_a_glossary_row() -> None:
    wanted = [*catalog.EVENT_TYPES.values()]
    wanted += [command for concept in catalog.CONCEPTS for command in concept.commands]

    missing = [cls.__name__ for cls in wanted if id(cls) not in documented()]

    assert not missing


@pytest.mark.parametrize(
    "module_pattern",
    [
        r"\.events$",
        r"\.commands$",
        r"\.state$",
        r"\.queries$",
        r"^dangjian_core\.kernel\.",
    ],
)
def test_every_public_class_of_the_domain_modules_has_a_glossary_row(
    module_pattern: str,
) -> None:
    classes = [c for c in public_classes() if re.search(module_pattern, c.__module__)]

    missing = [f"{c.__module__}.{c.__name__}" for c in classes if id(c) not in documented()]

    assert classes, f"no module matches {module_pattern}"
    assert not missing


def test_every_public_class_of_the_core_has_a_glossary_row() -> None:
    missing = [
        f"{c.__module__}.{c.__name__}" for c in public_classes() if id(c) not in documented()
    ]

    assert not missing


def test_every_member_of_every_core_enum_has_a_glossary_row() -> None:
    enums = [cls for cls in public_classes() if issubclass(cls, Enum)]

    missing = [f"{e.__name__}.{m.name}" for e in enums for m in e if id(m) not in documented()]

    assert not missing


def test_every_read_model_table_has_a_glossary_row() -> None:
    missing = [table.name for table in catalog.ALL_TABLES if id(table) not in documented()]

    assert not missing


# --- the code backs the glossary --------------------------------------------------


def test_every_code_name_in_the_glossary_resolves_to_an_object_in_the_core() -> None:
    unresolved = []
    for row in rows():
        for name in row.code_names:
            try:
                resolve(name)
            except Missing as error:
                unresolved.append(str(error))

    assert not unresolved


def test_a_class_row_uses_the_chinese_term_of_the_class_docstring() -> None:
    mismatched = []
    for row in rows():
        if not row.code_names:
            continue
        try:
            obj = resolve(row.code_names[0])
        except Missing:
            continue
        term = chinese_term(obj) if isinstance(obj, type) else None
        if term is not None and term not in row.zh:
            mismatched.append(f"{row.code_names[0]}: {row.zh!r} lacks {term!r}")

    assert not mismatched


def test_an_enum_member_row_uses_the_members_chinese_name() -> None:
    mismatched = []
    for row in rows():
        for name in row.code_names:
            try:
                member = resolve(name)
            except Missing:
                continue
            zh = getattr(member, "zh", None) if isinstance(member, Enum) else None
            if isinstance(zh, str) and zh not in row.zh:
                mismatched.append(f"{name}: {row.zh!r} lacks {zh!r}")

    assert not mismatched


def test_the_resolver_refuses_names_that_do_not_exist_or_are_ambiguous() -> None:
    with pytest.raises(Missing):
        resolve("TaskTeleported")
    with pytest.raises(Missing):
        resolve("TaskIssued.colour")
    with pytest.raises(Missing):
        resolve("CONCEPT")  # every concept package exports one
