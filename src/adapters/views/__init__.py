"""读模型查询 — the read side: select rows from the materialised views and shape them, one
module per concept (:mod:`.points`, :mod:`.tasks`, :mod:`.units`, :mod:`.people`,
:mod:`.grids`, :mod:`.calendar`, :mod:`.ratings`, :mod:`.evaluation`, :mod:`.work`,
:mod:`.development`, and :mod:`.trail` for audit trails), and :class:`.queries.Queries`
over them for ``app.queries``. Domain rules live in the core's ``queries`` modules; the
write path never imports this package.
"""
