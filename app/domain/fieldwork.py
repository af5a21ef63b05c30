"""Field work: assistance measures, visits, lifecycle requests and events, participation.

Visits, measures, lifecycle events and participation records are append-only facts: they never
conflict during sync and are merged by id.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field

from app.domain.base import Synced


class Measure(Synced, table=True):
    """帮扶措施."""

    __tablename__ = "measure"

    household_id: str = Field(foreign_key="household.id", index=True)
    category: str
    content: str = ""
    amount_fen: int = 0
    funding_source: str = ""
    date: date
    status: str = "01"
    beneficiaries: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    project_id: str | None = Field(default=None, foreign_key="fund_project.id")
    author: str = ""


class Visit(Synced, table=True):
    """入户走访. ``data`` holds the wizard's structured findings (checks, income, problems…)."""

    __tablename__ = "visit"

    household_id: str = Field(foreign_key="household.id", index=True)
    visited_at: datetime
    author: str = ""
    helper_name: str = ""
    summary: str = ""
    satisfaction: str = ""
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    confirmation_sha256: str = ""


class LifecycleRequest(Synced, table=True):
    """An approval request for a status change (identify, exit, return, remove, natural change).

    The household's status changes only when the county approves; ``steps`` carries the evidence
    (民主评议, 公示, the household's confirmation, township review, county approval).
    """

    __tablename__ = "lifecycle_request"

    household_id: str = Field(foreign_key="household.id", index=True)
    kind: str = Field(description="lifecycle_event code")
    year: int
    status: str = Field(default="draft", description="lifecycle_request_status code")
    reason: str = ""
    steps: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    override_reason: str = ""
    author: str = ""


class LifecycleEvent(Synced, table=True):
    """动态管理 event that happened (append-only)."""

    __tablename__ = "lifecycle_event"

    household_id: str = Field(foreign_key="household.id", index=True)
    kind: str
    date: date
    year: int
    request_id: str | None = None
    from_status: str = ""
    to_status: str = ""
    reason: str = ""


class Participation(Synced, table=True):
    """A member's participation (project work, meetings, training, clean-ups) and points earned."""

    __tablename__ = "participation"

    household_id: str = Field(foreign_key="household.id", index=True)
    member_id: str | None = None
    kind: str
    date: date
    note: str = ""
    points: int = 0
