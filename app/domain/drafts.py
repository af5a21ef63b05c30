"""Unfinished visits (wizard state) kept in the encrypted database so a crash or a closed lid loses nothing.

Drafts are this laptop's working state, not records: they are neither audited nor synced. Only the
finished visit (app.services.visits.record_visit) becomes a record.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.domain.base import utcnow, uuid7


class VisitDraft(SQLModel, table=True):
    __tablename__ = "visit_draft"

    id: str = Field(default_factory=uuid7, primary_key=True)
    household_id: str | None = Field(default=None, index=True)
    user_id: str = Field(default="", index=True)
    step: int = 0
    state: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
