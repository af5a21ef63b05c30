"""natural keys and aliases (a row created twice offline is merged)

Revision ID: s0002
Revises: s0001
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = 's0002'
down_revision = 's0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('srv_natkey',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
    sa.Column('entity', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('entity_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('srv_alias',
    sa.Column('entity', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('alias_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('entity_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'alias_id')
    )


def downgrade() -> None:
    op.drop_table('srv_alias')
    op.drop_table('srv_natkey')
