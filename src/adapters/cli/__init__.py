"""命令行 — the ``dangjian`` command: parse → build command → handle → render.

Every module here is a thin adapter over :func:`adapters.app.open_app`; refusals are
mapped to exit codes in :mod:`adapters.cli.errors` and nowhere else.
"""
