"""Bookkeeping tables: attachments, local users, audit trail, outbox, sync state, conflicts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.domain.base import utcnow, uuid7


class Attachment(SQLModel, table=True):
    """A photo or scanned sheet, content-addressed by sha256 so sync can dedup and resume."""

    __tablename__ = "attachment"

    sha256: str = Field(primary_key=True, min_length=64, max_length=64)
    mime: str
    size: int
    width: int | None = None
    height: int | None = None
    created_at: datetime = Field(default_factory=utcnow)
    uploaded: bool = Field(default=False, description="the county server holds it")
    data: bytes | None = Field(default=None, sa_column=Column(LargeBinary))


class AttachmentLink(SQLModel, table=True):
    """Which record an attachment belongs to (visit photo, signed sheet, posted notice…)."""

    __tablename__ = "attachment_link"

    id: str = Field(default_factory=uuid7, primary_key=True)
    sha256: str = Field(index=True)
    entity: str
    entity_id: str = Field(index=True)
    role: str = "photo"
    caption: str = ""
    rev: int = 0
    deleted: bool = False
    updated_at: datetime = Field(default_factory=utcnow)


class LocalUser(SQLModel, table=True):
    """A member of the task force who signs in on this laptop (key slot kept beside the file)."""

    __tablename__ = "local_user"

    id: str = Field(default_factory=uuid7, primary_key=True)
    name: str = Field(index=True)
    role: str = "village"
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """Append-only, hash-chained record of who changed what, when and on what basis."""

    __tablename__ = "audit_entry"

    seq: int = Field(primary_key=True)
    id: str = Field(default_factory=uuid7, unique=True)
    at: datetime = Field(default_factory=utcnow)
    user_id: str = ""
    user_name: str = ""
    action: str
    entity: str
    entity_id: str
    fields: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    reason: str = ""
    prev_hash: str
    hash: str


class OutboxOp(SQLModel, table=True):
    """A change waiting to reach the county server (sync.md: change capture)."""

    __tablename__ = "outbox_op"

    device_seq: int = Field(primary_key=True)
    op_id: str = Field(default_factory=uuid7, unique=True)
    entity: str
    entity_id: str
    kind: str = Field(description="create|patch|append|delete")
    fields: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    base_rev: int = 0
    hlc: str
    author: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    status: str = Field(default="pending", index=True, description="pending|applied|conflict|rejected")
    batch_id: str | None = None
    result_code: str = ""
    result_rev: int | None = None


class SyncMeta(SQLModel, table=True):
    """Key-value state of this installation: device id, HLC, pull cursor, token, settings."""

    __tablename__ = "sync_meta"

    key: str = Field(primary_key=True)
    value: str


class Conflict(SQLModel, table=True):
    """A field the server kept while this device proposed another value; shown for review."""

    __tablename__ = "conflict"
    __table_args__ = (UniqueConstraint("op_id", "field"),)

    id: str = Field(default_factory=uuid7, primary_key=True)
    op_id: str
    entity: str
    entity_id: str
    field: str
    ours: Any = Field(default=None, sa_column=Column(JSON))
    theirs: Any = Field(default=None, sa_column=Column(JSON))
    their_author: str = ""
    their_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    resolved: bool = False
