"""网页 — the village's own pages: server-rendered, mobile-first, Chinese."""
