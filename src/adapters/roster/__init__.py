"""花名册 — import and export units, people, roles and grid blocks as CSV or XLSX.

>>> raw = read_roster([Path("花名册.xlsx")])
>>> report = import_roster(app, raw, actor_id="huaining-xianwei", at=now)  # all or nothing
>>> write_roster(Path("导出.xlsx"), tables(snapshot(app.store), now))

The format is in :mod:`adapters.roster.columns` and ``docs/roster.md``.
"""

from adapters.roster.errors import RosterError, Where
from adapters.roster.exporting import Snapshot, Tables, snapshot, tables
from adapters.roster.importing import ImportReport, import_roster
from adapters.roster.reading import RawRoster, read_roster
from adapters.roster.writing import EXAMPLE, blank_tables, write_roster

__all__ = [
    "EXAMPLE",
    "ImportReport",
    "RawRoster",
    "RosterError",
    "Snapshot",
    "Tables",
    "Where",
    "blank_tables",
    "import_roster",
    "read_roster",
    "snapshot",
    "tables",
    "write_roster",
]
