"""Alembic environment of the county server: runs on the connection handed over by server.db.upgrade."""

from alembic import context

from server.models import ServerModel

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run server migrations through server.db.upgrade")
context.configure(connection=connection, target_metadata=ServerModel.metadata,
                  version_table="srv_alembic_version", render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
