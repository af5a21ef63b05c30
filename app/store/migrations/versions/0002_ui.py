"""desktop list: covering indexes for the household list's columns, filters and sorts

The household list of the desktop app shows, for 100,000 households, each one's last visit, its
current helper and its per-capita income of the newest year, and filters on overdue visits.
Without these indexes every such column is a random read of a large table per household
(seconds); with them it is an index-only lookup.

Revision ID: 0002_ui
Revises: 0001
"""
from alembic import op

revision = "0002_ui"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the default list order and the place tree's counts, read from the index alone
    op.create_index("ix_ui_household_list", "household", ["deleted", "hh_number"])
    op.create_index("ix_ui_household_place", "household", ["deleted", "village_id", "group_no"])
    op.create_index("ix_ui_visit_last", "visit", ["household_id", "deleted", "visited_at"])
    op.create_index("ix_ui_helper_current", "helper_assignment",
                    ["household_id", "end_date", "deleted", "start_date", "visit_every_days", "name"])
    op.create_index("ix_ui_income_year", "income", ["year", "deleted"])


def downgrade() -> None:
    op.drop_index("ix_ui_income_year", "income")
    op.drop_index("ix_ui_helper_current", "helper_assignment")
    op.drop_index("ix_ui_visit_last", "visit")
    op.drop_index("ix_ui_household_place", "household")
    op.drop_index("ix_ui_household_list", "household")
