"""Household search for the CLI and the GUI (one function both call)."""

from __future__ import annotations

from app.store import search as index
from app.store.database import Database


def find_households(db: Database, query: str, limit: int = 200) -> list[index.Hit]:
    with db.read() as s:
        raw = s.connection().connection.driver_connection
        return index.search(raw, query, limit)
