"""Alembic migrations applied on open, on the already-keyed SQLCipher connection."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: object) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()  # type: ignore[attr-defined]
    except Exception:
        return None
    return row[0] if row else None


def upgrade(path: Path, key: bytes) -> None:
    """Bring the schema to head; a no-op (one query) when it is already current."""
    from sqlalchemy import create_engine

    from app.store.database import _connect, dbapi

    probe = _connect(path, key)
    try:
        if current_revision(probe) == head_revision():
            return
    finally:
        probe.close()

    def creator() -> object:
        conn = _connect(path, key)
        conn.execute("PRAGMA foreign_keys = OFF")
        return conn

    engine = create_engine("sqlite+pysqlite://", creator=creator, module=dbapi)
    try:
        with engine.begin() as connection:
            cfg = alembic_config()
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()
