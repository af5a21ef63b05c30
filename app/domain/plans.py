"""Annual and rolling exit plans (年度脱贫计划 / 滚动计划, domain.md §8).

A plan row says how many households and people of one village are planned to exit in ``year``.
``kind`` is ``annual`` (the plan adopted for that year) or ``rolling`` (the multi-year plan drawn
up in ``made_year``; each year's revision is a new set of rows, so earlier versions stay
visible). Progress is derived from the registry (app.services.plans), never typed in.
"""

from __future__ import annotations

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from app.domain.base import Synced

PLAN_KINDS: tuple[str, ...] = ("annual", "rolling")


class ExitPlan(Synced, table=True):
    __tablename__ = "exit_plan"
    __table_args__ = (UniqueConstraint("village_id", "kind", "made_year", "year"),)

    village_id: str = Field(foreign_key="village.id", index=True)
    kind: str = Field(default="annual", description="annual | rolling")
    made_year: int = Field(description="year the plan was drawn up (= year for annual plans)")
    year: int = Field(description="year the exits are planned for")
    households: int = 0
    people: int = 0
    note: str = ""
