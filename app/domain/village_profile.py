"""The 贫困村 profile (domain.md §8), kept as dated snapshots so its history stays visible.

Each save appends a new snapshot (append-only, like visits): what a village had at a date —
registered population, collective income, roads, power, broadband, clinic, cultural room, water
projects, the task-force roster, entrepreneur leaders, returning talent and 贫困村提升工程
projects. The current profile is the latest snapshot; poor households/people are copied from the
registry at save time so that the history shows incidence over the years.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field

from app.domain.base import Synced


class VillageProfile(Synced, table=True):
    __tablename__ = "village_profile"

    village_id: str = Field(foreign_key="village.id", index=True)
    as_of: date
    year: int
    households_total: int = Field(default=0, description="registered rural households (户籍户数)")
    population_total: int = Field(default=0, description="registered rural population (农业户籍人口)")
    poor_households: int = Field(default=0, description="snapshot from the registry at save time")
    poor_population: int = Field(default=0, description="snapshot from the registry at save time")
    collective_income_fen: int = Field(default=0, description="村集体经济收入 for ``year``")
    road_hardened: bool = Field(default=False, description="通硬化路")
    road_hardened_km: float = 0.0
    power: bool = Field(default=False, description="通动力电")
    broadband: bool = Field(default=False, description="通宽带")
    clinic: bool = Field(default=False, description="标准化卫生室")
    cultural_room: bool = Field(default=False, description="综合文化室")
    water_projects: int = Field(default=0, description="饮水安全工程 count")
    safe_water: bool = Field(default=False, description="饮水安全全覆盖")
    task_force: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    leaders: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    returning_talent: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    projects: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    note: str = ""
    author: str = ""
