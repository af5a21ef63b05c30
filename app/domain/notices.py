"""Public notices (公示/公告), objections received, and fund-project status milestones.

A notice is prepared from the registry as a *draft*, then **issued**: issuing freezes its printed
content (``content``, every word that appears on the board) together with the sha256 of that
content. An issued notice is never edited; it can only be withdrawn (with a reason), have photos
of the posted board attached, and collect objections (异议), which are append-only rows.
``content_hash`` lets anyone re-check a printed board against the record (its QR code carries the
id and the hash).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field

from app.domain.base import Synced


class Notice(Synced, table=True):
    __tablename__ = "notice"

    kind: str = Field(index=True, description="notice_kind code")
    village_id: str | None = Field(default=None, foreign_key="village.id", index=True)
    project_id: str | None = Field(default=None, foreign_key="fund_project.id", index=True)
    year: int
    title: str
    status: str = Field(default="draft", index=True, description="notice_status code: draft|issued|withdrawn")
    issued_at: datetime | None = None
    issued_by: str = ""
    period_start: date
    period_end: date
    issuer: str = Field(default="", description="发布单位 (issuing body)")
    local_hotline: str = ""
    content: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    content_hash: str = Field(default="", description="sha256 of the canonical JSON of content (set on issue)")
    pdf_sha256: str = ""
    photo_sha256s: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    withdrawn_reason: str = ""


class NoticeObjection(Synced, table=True):
    """An objection (异议) received about an issued notice, or a follow-up resolving one.

    Append-only: a resolution is a new row whose ``refers_to`` names the objection it answers.
    """

    __tablename__ = "notice_objection"

    notice_id: str = Field(foreign_key="notice.id", index=True)
    received_on: date
    channel: str = Field(default="", description="objection_channel code")
    summary: str = ""
    resolution: str = ""
    refers_to: str | None = Field(default=None, description="id of the objection this row resolves")
    author: str = ""


class ProjectStatusEvent(Synced, table=True):
    """A fund project moved to a new status (开工, 完工, 验收) on a date: append-only."""

    __tablename__ = "project_status_event"

    project_id: str = Field(foreign_key="fund_project.id", index=True)
    from_status: str
    to_status: str
    date: date
    note: str = ""
    author: str = ""
