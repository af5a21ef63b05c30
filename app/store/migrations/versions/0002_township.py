"""township and county work: exit plans, village profiles, reported incomes, register matches

Revision ID: 0002_township
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0002_township"
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


def _text(name: str) -> sa.Column:
    return sa.Column(name, sqlmodel.sql.sqltypes.AutoString(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "exit_plan",
        *_synced(),
        _text("village_id"),
        _text("kind"),
        sa.Column("made_year", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        _text("note"),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("village_id", "kind", "made_year", "year"),
    )
    op.create_index("ix_exit_plan_village_id", "exit_plan", ["village_id"])

    op.create_table(
        "village_profile",
        *_synced(),
        _text("village_id"),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("households_total", sa.Integer(), nullable=False),
        sa.Column("population_total", sa.Integer(), nullable=False),
        sa.Column("poor_households", sa.Integer(), nullable=False),
        sa.Column("poor_population", sa.Integer(), nullable=False),
        sa.Column("collective_income_fen", sa.Integer(), nullable=False),
        sa.Column("road_hardened", sa.Boolean(), nullable=False),
        sa.Column("road_hardened_km", sa.Float(), nullable=False),
        sa.Column("power", sa.Boolean(), nullable=False),
        sa.Column("broadband", sa.Boolean(), nullable=False),
        sa.Column("clinic", sa.Boolean(), nullable=False),
        sa.Column("cultural_room", sa.Boolean(), nullable=False),
        sa.Column("water_projects", sa.Integer(), nullable=False),
        sa.Column("safe_water", sa.Boolean(), nullable=False),
        sa.Column("task_force", sa.JSON(), nullable=False),
        sa.Column("leaders", sa.JSON(), nullable=False),
        sa.Column("returning_talent", sa.JSON(), nullable=False),
        sa.Column("projects", sa.JSON(), nullable=False),
        _text("note"),
        _text("author"),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_village_profile_village_id", "village_profile", ["village_id"])

    op.create_table(
        "reported_income",
        *_synced(),
        _text("household_id"),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("per_capita_fen", sa.Integer(), nullable=False),
        _text("source"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("household_id", "year"),
    )
    op.create_index("ix_reported_income_household_id", "reported_income", ["household_id"])

    op.create_table(
        "register_match",
        *_synced(),
        _text("household_id"),
        sa.Column("member_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        _text("kind"),
        _text("source"),
        _text("detail"),
        sa.Column("found_on", sa.Date(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        _text("resolution"),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"]),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_register_match_household_id", "register_match", ["household_id"])


def downgrade() -> None:
    for table in ("register_match", "reported_income", "village_profile", "exit_plan"):
        op.drop_index(f"ix_{table}_{'village_id' if table in ('exit_plan', 'village_profile') else 'household_id'}",
                      table_name=table)
        op.drop_table(table)
