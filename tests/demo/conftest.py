"""Demo fixtures: one generated county per session (generation is the slow part) and a content hash."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE, USER

#: Tables whose content is not the generator's: random ids and times of the database itself.
NOT_CONTENT = {"audit_entry", "sync_meta", "local_user", "alembic_version"}


def new_db(path: Path) -> Any:
    from app.store.database import create_database

    return create_database(path, USER, PASSPHRASE, kdf=FAST_KDF)


def content_hash(db: Any) -> str:
    """sha256 over every row of every table (in insertion order), except the database's own
    bookkeeping; of sync_meta only the demo keys, of the audit trail only what the entries say."""
    h = hashlib.sha256()
    conn = db.raw()
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_index_%' ORDER BY name")]
        for table in tables:
            if table in NOT_CONTENT:
                continue
            h.update(f"\n#{table}\n".encode())
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                h.update(repr(row).encode())
        for row in conn.execute("SELECT key, value FROM sync_meta WHERE key LIKE 'demo%' ORDER BY key"):
            h.update(repr(row).encode())
        for row in conn.execute("SELECT action, entity, fields FROM audit_entry WHERE action = 'demo.generate'"):
            h.update(repr(row).encode())
    finally:
        conn.close()
    return h.hexdigest()


@pytest.fixture(scope="session")
def demo300(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Any]]:
    """A default-scenario county of 300 households (seed 7) and its summary. Read-only!"""
    from app.demo import generate

    db = new_db(tmp_path_factory.mktemp("demo300") / "demo.db")
    summary = generate(db, 300, 7)
    yield db, summary
    db.close()


@pytest.fixture()
def fresh_db(tmp_path: Path) -> Iterator[Any]:
    db = new_db(tmp_path / "demo.db")
    yield db
    db.close()
