"""Progress of an assistance measure (planned → under way → done) as append-only facts.

A ``Measure`` is appended once; later status changes are ``MeasureUpdate`` rows, so two laptops
reporting progress on the same measure never conflict. The current status is the latest update
(app.services.assistance.current_status), falling back to the measure's own initial status.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from app.domain.base import Synced


class MeasureUpdate(Synced, table=True):
    __tablename__ = "measure_update"

    measure_id: str = Field(foreign_key="measure.id", index=True)
    household_id: str = Field(foreign_key="household.id", index=True)
    status: str = Field(description="measure_status code")
    date: date
    amount_fen: int | None = Field(default=None, description="actual amount, when it differs from the plan")
    note: str = ""
    author: str = ""
