"""Poverty-fund projects (扶贫资金项目) with funding by source and beneficiary households."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from app.domain.base import Synced


class FundProject(Synced, table=True):
    __tablename__ = "fund_project"

    name: str
    project_type: str = ""
    village_id: str | None = Field(default=None, foreign_key="village.id", index=True)
    place: str = ""
    content: str = Field(default="", description="建设任务/规模")
    subsidy_standard: str = ""
    implementer: str = ""
    responsible_person: str = ""
    start_date: date | None = None
    end_date: date | None = None
    performance_targets: str = ""
    benefit_mechanism: str = ""
    household_level: bool = Field(default=False, description="到户项目: has a beneficiary list")
    status: str = "01"


class ProjectFunding(Synced, table=True):
    __tablename__ = "project_funding"

    project_id: str = Field(foreign_key="fund_project.id", index=True)
    source: str
    amount_fen: int


class ProjectBeneficiary(Synced, table=True):
    __tablename__ = "project_beneficiary"

    project_id: str = Field(foreign_key="fund_project.id", index=True)
    household_id: str = Field(foreign_key="household.id", index=True)
    amount_fen: int = 0
