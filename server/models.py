"""County-server tables (SQLModel on their own metadata, separate from the laptop's tables).

The server stores synced records generically — one row per (entity, id) with the current field
values as JSON plus, per field, the server revision and device of its last change — instead of a
copy of every domain table. That is what field-level conflict detection needs, it keeps the server
independent of the client's table layout (feature areas add entities without a server migration),
and it runs unchanged on SQLite and PostgreSQL. Every change takes a number from one county-wide
sequence (``srv_counter``), which is the pull cursor.

The server keeps no state outside these tables, so several instances can serve one database.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, LargeBinary
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from app.domain.base import utcnow, uuid7


class ServerModel(SQLModel, registry=registry()):
    """Base of the server tables: its own metadata, so the laptop schema never mixes in."""


class Counter(ServerModel, table=True):
    """Named counters; ``seq`` is the county-wide server sequence number (pull cursor)."""

    __tablename__ = "srv_counter"

    name: str = Field(primary_key=True, max_length=40)
    value: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))


class Key(ServerModel, table=True):
    """The server's own key pairs for offline bundles (Ed25519 signing, X25519 encryption)."""

    __tablename__ = "srv_key"

    name: str = Field(primary_key=True, max_length=40)
    private: str
    public: str
    created_at: datetime = Field(default_factory=utcnow)


class Enrollment(ServerModel, table=True):
    """A one-time enrollment code (stored as its hash) for a set of villages and a role."""

    __tablename__ = "srv_enrollment"

    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    code_hash: str = Field(unique=True, max_length=64)
    role: str = Field(max_length=20)
    villages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    label: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
    device_id: str | None = None


class Device(ServerModel, table=True):
    """An enrolled laptop: its scope, its token hash and its bundle keys."""

    __tablename__ = "srv_device"

    id: str = Field(primary_key=True, max_length=36)
    name: str = ""
    role: str = Field(max_length=20)
    villages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    token_hash: str = Field(unique=True, max_length=64)
    sign_key: str = ""
    box_key: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    last_seen_at: datetime | None = None


class User(ServerModel, table=True):
    """The task-force roster kept by the county (flows down as reference data)."""

    __tablename__ = "srv_user"

    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    name: str = Field(index=True, max_length=60)
    role: str = Field(max_length=20)
    villages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    unit: str = ""
    phone: str = ""
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class Batch(ServerModel, table=True):
    """A push batch applied once: replays get ``response`` back unchanged."""

    __tablename__ = "srv_batch"

    batch_id: str = Field(primary_key=True, max_length=36)
    device_id: str = Field(index=True, max_length=36)
    content_hash: str = Field(max_length=64)
    op_count: int = 0
    received_at: datetime = Field(default_factory=utcnow)
    response: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class OpLog(ServerModel, table=True):
    """Every op ever received, once (primary key op_id), with its answer."""

    __tablename__ = "srv_op"
    __table_args__ = (Index("ix_srv_op_device_seq", "device_id", "device_seq"),)

    op_id: str = Field(primary_key=True, max_length=36)
    batch_id: str = Field(index=True, max_length=36)
    device_id: str = Field(max_length=36)
    device_seq: int = Field(sa_column=Column(BigInteger, nullable=False))
    entity: str = Field(max_length=40)
    entity_id: str = Field(max_length=36)
    kind: str = Field(max_length=10)
    content_hash: str = Field(max_length=64)
    hlc: str = ""
    author: str = ""
    received_at: datetime = Field(default_factory=utcnow)
    status: str = Field(max_length=10)
    code: str = ""
    rev: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    result: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Record(ServerModel, table=True):
    """The current state of one synced record, with per-field revision and author of its last change."""

    __tablename__ = "srv_record"
    __table_args__ = (
        Index("ix_srv_record_scope_seq", "village_code", "seq"),
        Index("ix_srv_record_household", "household_id"),
    )

    entity: str = Field(primary_key=True, max_length=40)
    entity_id: str = Field(primary_key=True, max_length=36)
    village_code: str = Field(default="", max_length=12)
    household_id: str | None = Field(default=None, max_length=36)
    seq: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    rev: int = Field(sa_column=Column(BigInteger, nullable=False))
    deleted: bool = False
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    field_revs: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    field_by: dict[str, list[str]] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False),
                                           description="field -> [device id, author, ISO time] of its last change")
    author: str = ""
    created_by: str = Field(default="", max_length=36)
    updated_at: datetime = Field(default_factory=utcnow)


class ConflictLog(ServerModel, table=True):
    """A proposal the server did not apply because the field changed since the op's base revision."""

    __tablename__ = "srv_conflict"

    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    op_id: str = Field(index=True, max_length=36)
    device_id: str = Field(max_length=36)
    entity: str = Field(max_length=40)
    entity_id: str = Field(index=True, max_length=36)
    village_code: str = Field(default="", max_length=12)
    field: str
    ours: Any = Field(default=None, sa_column=Column(JSON))
    theirs: Any = Field(default=None, sa_column=Column(JSON))
    their_author: str = ""
    their_at: datetime | None = None
    their_rev: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    author: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    resolved_at: datetime | None = None


class Reference(ServerModel, table=True):
    """Reference data pushed down to every laptop (code lists, poverty lines, settings, roster)."""

    __tablename__ = "srv_reference"

    kind: str = Field(primary_key=True, max_length=20)
    key: str = Field(primary_key=True, max_length=80)
    value: Any = Field(default=None, sa_column=Column(JSON))
    deleted: bool = False
    seq: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    updated_at: datetime = Field(default_factory=utcnow)


class StoredAttachment(ServerModel, table=True):
    """A content-addressed file (photo, signed sheet); its bytes live in ``srv_attachment_chunk``."""

    __tablename__ = "srv_attachment"

    sha256: str = Field(primary_key=True, max_length=64)
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    received: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    complete: bool = False
    device_id: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    completed_at: datetime | None = None


class AttachmentChunk(ServerModel, table=True):
    __tablename__ = "srv_attachment_chunk"

    sha256: str = Field(primary_key=True, max_length=64)
    offset: int = Field(sa_column=Column(BigInteger, primary_key=True))
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class BundleLog(ServerModel, table=True):
    """Offline bundles imported (who, when): the ops inside follow the same exactly-once rules."""

    __tablename__ = "srv_bundle"

    bundle_id: str = Field(primary_key=True, max_length=36)
    device_id: str = Field(max_length=36)
    imported_at: datetime = Field(default_factory=utcnow)
    batches: int = 0
    ops: int = 0


class NaturalKey(ServerModel, table=True):
    """Which record holds a natural key (a village code, a household's income for a year…)."""

    __tablename__ = "srv_natkey"

    key: str = Field(primary_key=True, max_length=400)
    entity: str = Field(max_length=40)
    entity_id: str = Field(max_length=36)


class Alias(ServerModel, table=True):
    """A record created twice offline under two ids: ops and references to the alias go to the first."""

    __tablename__ = "srv_alias"

    entity: str = Field(primary_key=True, max_length=40)
    alias_id: str = Field(primary_key=True, max_length=36)
    entity_id: str = Field(max_length=36)
    created_at: datetime = Field(default_factory=utcnow)


SERVER_TABLES = [m.__table__ for m in (Counter, Key, Enrollment, Device, User, Batch, OpLog, Record, ConflictLog,
                                       Reference, StoredAttachment, AttachmentChunk, BundleLog, NaturalKey, Alias)]
