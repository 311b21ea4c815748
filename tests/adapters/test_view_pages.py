"""A view read page by page (as replay copies the live views) gives every row once, in
key order, whatever the page size and however many columns the key has."""

from __future__ import annotations

import pytest

from adapters.app import Dangjian
from dangjian_core.catalog import ALL_TABLES
from dangjian_core.tasks.commands import ClaimTask
from tests.support import LANZHI, VOLUNTEER, XINGCAN, issue, later


@pytest.mark.parametrize("size", [1, 2, 1000])
def test_pages_give_every_row_once_in_key_order(app: Dangjian, size: int) -> None:
    # given a village with tasks and claims (tables keyed by one and by several columns)
    for n, task in enumerate(["T-a", "T-b"]):
        app.handle(issue(task, slots=3))
        for hour, person in enumerate([XINGCAN, LANZHI, VOLUNTEER], start=1):
            app.handle(ClaimTask(task, person, later(10 * n + hour)))
    app.catch_up()

    with app.store.views() as views:
        dumped = views.dump()
        for table in ALL_TABLES:
            # when a table is read in pages of ``size`` rows
            pages = list(views.pages(table.name, size))

            # then no page is larger, and together they are the table in key order
            assert all(0 < len(page) <= size for page in pages), table.name
            assert [row for page in pages for row in page] == dumped[table.name], table.name
