"""积分制: a village's optional points scheme, its rules and each household's points ledger.

Villages that run a points scheme (domain.md §8) set their own rules (e.g. +2 for a village
meeting, +5 for an environment clean-up, −10 for a child dropping out). Awards, deductions and
redemptions (积分超市) are append-only ledger entries, so a balance is always a sum that syncs
without conflicts; points earned feed the exit assessment's "attitude changed" mark.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from app.domain.base import Synced


class PointsScheme(Synced, table=True):
    """One per village that runs a points scheme; ``enabled`` False keeps the history but stops awards."""

    __tablename__ = "points_scheme"

    village_id: str = Field(foreign_key="village.id", unique=True, index=True)
    name: str = ""
    enabled: bool = True
    exit_threshold: int = Field(default=0, description="points earned in a year that show a changed attitude")
    note: str = ""


class PointsRule(Synced, table=True):
    """A village rule: what earns (or costs) how many points. ``kind`` links it to a participation kind."""

    __tablename__ = "points_rule"

    village_id: str = Field(foreign_key="village.id", index=True)
    code: str = Field(description="short village-local code, e.g. R01")
    label: str
    kind: str = Field(default="", description="participation_kind code the rule applies to, if any")
    points: int
    active: bool = True


class PointsEntry(Synced, table=True):
    """One ledger line (append-only): award (+), deduction (−) or redemption (−)."""

    __tablename__ = "points_entry"

    household_id: str = Field(foreign_key="household.id", index=True)
    member_id: str | None = None
    village_id: str = Field(foreign_key="village.id", index=True)
    rule_id: str | None = None
    participation_id: str | None = None
    entry_type: str = Field(default="award", description="award|deduct|redeem")
    date: date
    points: int
    note: str = ""
    author: str = ""
