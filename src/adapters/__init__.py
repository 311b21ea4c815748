"""adapters — everything that touches the world: storage, the CLI, and the library's entry point.

(PyPI has an unrelated package called ``adapters``; this project never depends on it.)
"""
