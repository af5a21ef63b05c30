"""Alembic migrations applied on open, on the already-keyed SQLCipher connection."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import Any

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def head_revisions() -> frozenset[str]:
    """Every head: feature branches may each add a migration on top of 0001 (merged later).

    Read from the ``revision`` / ``down_revision`` assignments of the migration files, so that
    opening a database that is already current does not import Alembic (half a second at every
    start); Alembic's own reading is the fallback for anything unusual.
    """
    try:
        return _heads_from_files()
    except (OSError, SyntaxError, ValueError):
        from alembic.script import ScriptDirectory

        return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def _heads_from_files() -> frozenset[str]:
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        if path.name.startswith("_"):
            continue
        values: dict[str, Any] = {}
        for node in ast.parse(path.read_text("utf-8")).body:
            target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else (
                node.target if isinstance(node, ast.AnnAssign) else None)
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision") and node.value is not None:
                values[target.id] = ast.literal_eval(node.value)
        revision = values.get("revision")
        if not isinstance(revision, str):
            raise ValueError(path.name)
        revisions.add(revision)
        down = values.get("down_revision")
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, tuple | list):
            parents.update(d for d in down if isinstance(d, str))
    if not revisions:
        raise ValueError("no migrations")
    return frozenset(revisions - parents)


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

    from alembic import command

    engine = create_engine("sqlite+pysqlite://", creator=creator, module=dbapi)
    try:
        with engine.begin() as connection:
            cfg = alembic_config()
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "heads")
    finally:
        engine.dispose()
