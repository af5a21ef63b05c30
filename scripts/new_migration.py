"""Autogenerate an Alembic migration: `uv run python scripts/new_migration.py "message"`.

Runs against a throw-away plain SQLite database brought to the current head, so the diff is
exactly what the SQLModel tables add.
"""

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from app.store.migrate import alembic_config

with tempfile.TemporaryDirectory() as tmp:
    engine = create_engine(f"sqlite:///{tmp}/m.db")
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
        command.revision(cfg, message=sys.argv[1], autogenerate=True)
