"""Figures that reach the registry from outside lists rather than from the household card.

``ReportedIncome``: the national system's person-level export carries only 人均纯收入 per year,
not the income items. It is kept apart from ``Income`` (item by item, entered by the task force)
so that an imported total is never disguised as, say, wage income; where both exist for a year,
the item-by-item figure wins.

``RegisterMatch``: a hit from 一比对 (domain.md §4/§7) — a member found in the vehicle, property,
business, public-employee or village-cadre register. The quality checks flag poor households with
an unresolved match (剔除 criteria).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from app.domain.base import Synced


class ReportedIncome(Synced, table=True):
    __tablename__ = "reported_income"
    __table_args__ = (UniqueConstraint("household_id", "year"),)

    household_id: str = Field(foreign_key="household.id", index=True)
    year: int
    per_capita_fen: int
    source: str = Field(default="import", description="where the figure came from")


class RegisterMatch(Synced, table=True):
    __tablename__ = "register_match"

    household_id: str = Field(foreign_key="household.id", index=True)
    member_id: str | None = Field(default=None, foreign_key="member.id")
    kind: str = Field(description="removal_reason code (01 public employee … 05 business)")
    source: str = ""
    detail: str = ""
    found_on: date
    resolved: bool = False
    resolution: str = ""
