"""field work: measure progress, visit drafts, points scheme (积分制) rules and ledger

Revision ID: 0002_fieldwork
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0002_fieldwork"
down_revision = "0001"
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    ]


def _text(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sqlmodel.sql.sqltypes.AutoString(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "measure_update",
        *_synced(),
        _text("measure_id"),
        _text("household_id"),
        _text("status"),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=True),
        _text("note"),
        _text("author"),
        sa.ForeignKeyConstraint(["measure_id"], ["measure.id"]),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_measure_update_measure_id", "measure_update", ["measure_id"])
    op.create_index("ix_measure_update_household_id", "measure_update", ["household_id"])

    op.create_table(
        "visit_draft",
        _text("id"),
        _text("household_id", nullable=True),
        _text("user_id"),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_visit_draft_household_id", "visit_draft", ["household_id"])
    op.create_index("ix_visit_draft_user_id", "visit_draft", ["user_id"])

    op.create_table(
        "points_scheme",
        *_synced(),
        _text("village_id"),
        _text("name"),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("exit_threshold", sa.Integer(), nullable=False),
        _text("note"),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_points_scheme_village_id", "points_scheme", ["village_id"], unique=True)

    op.create_table(
        "points_rule",
        *_synced(),
        _text("village_id"),
        _text("code"),
        _text("label"),
        _text("kind"),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_points_rule_village_id", "points_rule", ["village_id"])

    op.create_table(
        "points_entry",
        *_synced(),
        _text("household_id"),
        _text("member_id", nullable=True),
        _text("village_id"),
        _text("rule_id", nullable=True),
        _text("participation_id", nullable=True),
        _text("entry_type"),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        _text("note"),
        _text("author"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"]),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_points_entry_household_id", "points_entry", ["household_id"])
    op.create_index("ix_points_entry_village_id", "points_entry", ["village_id"])


def downgrade() -> None:
    for table in ("points_entry", "points_rule", "points_scheme", "visit_draft", "measure_update"):
        op.drop_table(table)
