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
def head_revisions() -> frozenset[str]:
    """Every head: feature branches may each add a migration on top of 0001 (merged later)."""
    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(conn: object) -> frozenset[str]:
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()  # type: ignore[attr-defined]
    except Exception:
        return frozenset()
    return frozenset(r[0] for r in rows)


def upgrade(path: Path, key: bytes) -> None:
    """Bring the schema to head; a no-op (one query) when it is already current."""
    from sqlalchemy import create_engine

    from app.store.database import _connect, dbapi

    probe = _connect(path, key)
    try:
        if current_revisions(probe) == head_revisions():
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
            command.upgrade(cfg, "heads")
    finally:
        engine.dispose()
