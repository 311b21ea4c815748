"""HTTP 接口 — the front door for pages, group robots and other services (ADR 0013)."""

from __future__ import annotations

from adapters.http.app import create_app, from_env

__all__ = ["create_app", "from_env"]
