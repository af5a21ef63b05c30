"""Alembic environment: runs on the connection handed over by app.store.migrate."""

from alembic import context
from sqlmodel import SQLModel

import app.domain  # noqa: F401

target_metadata = SQLModel.metadata
connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through app.store.migrate.upgrade")
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
