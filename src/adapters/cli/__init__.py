"""命令行 — the ``dangjian`` command: parse → build command → handle → render.

Every module here is a thin adapter over :func:`adapters.app.open_app`; refusals are
mapped to exit codes in :mod:`adapters.cli.errors` and nowhere else.

One package per concept (``units``, ``people``, ``calendar``, ``grids``, ``tasks``,
``points``, ``evaluation``, ``ratings``, ``work``, ``development``) holds its
``commands`` (click commands), ``views`` (rendering its reads) and ``sentences`` (one
Chinese sentence per event, merged by :mod:`adapters.cli.messages`). What knows no concept
stays here: ``main``, ``runtime``, ``render``, ``params``, ``clock``, ``errors``,
``progress``, ``export_options``, ``project``, ``wall``, ``trail``, ``roster`` and the
inspector's ``audit*`` commands.
"""
