"""Wire messages of the sync protocol, shared by the laptop client (app.sync) and the county server.

Everything that crosses the network or a USB bundle is one of these pydantic models, so both ends
validate the same shapes and the OpenAPI document of the server describes exactly what the client
sends. Field values inside ops and changes are *wire values*: JSON scalars, lists and objects, with
dates and datetimes as ISO-8601 strings (see ``app.services.tx.wire_value``).

Limits live here too, because the client must respect what the server enforces.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1

#: Client-side batch bounds (sync.md: 500 ops or 256 KiB compressed).
MAX_BATCH_OPS = 500
MAX_BATCH_BYTES = 256 * 1024
#: Server-side request limits (a little above what a well-behaved client sends).
MAX_PUSH_BODY = 1024 * 1024
MAX_DECOMPRESSED = 16 * 1024 * 1024
MAX_JSON_BODY = 256 * 1024
MAX_CHUNK = 1024 * 1024
MAX_ATTACHMENT = 50 * 1024 * 1024
MAX_PULL_LIMIT = 1000
DEFAULT_PULL_LIMIT = 500
MAX_FETCH = 500
#: Clock skew above which the client warns (sync.md: laptop clocks are wrong).
CLOCK_SKEW_WARN_S = 300

SERVER_TIME_HEADER = "X-Server-Time"

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
ENTITY_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"

OpKind = Literal["create", "patch", "append", "delete"]
OpStatus = Literal["applied", "conflict", "rejected"]
Role = Literal["village", "township", "county"]

#: Reason codes a server gives for a rejected op (each has a ``sync.reject.<code>`` message).
REJECT_CODES = (
    "unknown_entity", "bad_kind", "unknown_field", "invalid", "out_of_scope", "missing_parent",
    "not_found", "exists", "deleted", "append_only", "scope_change", "forbidden_role", "op_id_reused",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Op(_Strict):
    """One captured change (sync.md: change capture). ``fields`` holds only changed fields for patch."""

    op_id: str = Field(pattern=UUID_PATTERN)
    device_seq: int = Field(ge=1, le=2**62)
    entity: str = Field(pattern=ENTITY_PATTERN)
    entity_id: str = Field(min_length=1, max_length=36)
    kind: OpKind
    fields: dict[str, Any] = Field(default_factory=dict)
    base_rev: int = Field(default=0, ge=0, le=2**62)
    hlc: str = Field(default="", max_length=80)
    author: str = Field(default="", max_length=60)

    def content_hash(self) -> str:
        """Hash of everything the op says: the same op_id with other content is an explicit error."""
        return sha256_json(self.model_dump(mode="json"))


class PushRequest(_Strict):
    batch_id: str = Field(pattern=UUID_PATTERN)
    device_id: str = Field(pattern=UUID_PATTERN)
    ops: list[Op] = Field(min_length=1, max_length=MAX_BATCH_OPS)

    def content_hash(self) -> str:
        return sha256_json({"batch_id": self.batch_id, "device_id": self.device_id,
                            "ops": [op.content_hash() for op in self.ops]})


class FieldConflict(BaseModel):
    """A field the server kept although this op proposed another value (both sides keep it)."""

    field: str
    ours: Any = None
    theirs: Any = None
    their_author: str = ""
    their_at: datetime | None = None
    their_rev: int = 0


class OpResult(BaseModel):
    op_id: str
    status: OpStatus
    rev: int | None = Field(default=None, description="server revision after the op (applied/conflict)")
    code: str = Field(default="", description="reason code of a rejection (see REJECT_CODES)")
    field: str = Field(default="", description="the field a rejection is about, when there is one")
    conflicts: list[FieldConflict] = Field(default_factory=list)
    merged_into: str = Field(default="", description="a create merged into the existing row with the same "
                                                     "natural key (e.g. the same village code): its id")


class PushResponse(BaseModel):
    batch_id: str
    results: list[OpResult]
    replayed: bool = Field(default=False, description="true when this is the stored answer of an earlier delivery")
    server_time: datetime


class Change(BaseModel):
    """The current state of one record, as of server sequence number ``seq``."""

    seq: int
    entity: str
    entity_id: str
    rev: int
    deleted: bool = False
    fields: dict[str, Any]
    author: str = ""
    at: datetime


class RefItem(BaseModel):
    """Reference data flowing down: a code list, a poverty line, a setting or a roster entry."""

    seq: int
    kind: Literal["code_list", "poverty_line", "setting", "roster"]
    key: str
    value: Any = None
    deleted: bool = False


class PullResponse(BaseModel):
    changes: list[Change]
    reference: list[RefItem] = Field(default_factory=list)
    cursor: int = Field(description="pass as ``since`` for the next page")
    has_more: bool
    count: int = Field(description="len(changes) + len(reference)")
    checksum: str = Field(description="sha256 of the page (see page_checksum)")
    server_time: datetime


class EntityRef(_Strict):
    entity: str = Field(pattern=ENTITY_PATTERN)
    entity_id: str = Field(min_length=1, max_length=36)


class FetchRequest(_Strict):
    items: list[EntityRef] = Field(min_length=1, max_length=MAX_FETCH)


class FetchResponse(BaseModel):
    changes: list[Change]
    missing: list[EntityRef] = Field(default_factory=list)
    server_time: datetime


class EnrollRequest(_Strict):
    code: str = Field(min_length=4, max_length=40)
    device_id: str = Field(pattern=UUID_PATTERN)
    device_name: str = Field(default="", max_length=80)
    sign_key: str = Field(description="device Ed25519 public key, base64", min_length=40, max_length=60)
    box_key: str = Field(description="device X25519 public key, base64", min_length=40, max_length=60)


class EnrollResponse(BaseModel):
    device_id: str
    token: str
    role: Role
    villages: list[str]
    server_sign_key: str
    server_box_key: str
    server_time: datetime


class DeviceStatus(BaseModel):
    device_id: str
    role: Role
    villages: list[str]
    latest_seq: int
    server_time: datetime


class AttachmentStatus(BaseModel):
    sha256: str
    size: int | None = None
    received: int = 0
    complete: bool = False
    server_time: datetime


class Decision(_Strict):
    decision: Literal["approved", "rejected"]
    note: str = Field(default="", max_length=500)
    user: str = Field(default="", max_length=60)


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: int = PROTOCOL_VERSION
    demo: bool = Field(default=False, description="a training-mode demo server (serves training databases only)")
    server_time: datetime


class ErrorBody(BaseModel):
    code: str
    detail: str = ""
    server_time: datetime


# -- helpers ---------------------------------------------------------------------------------
def now() -> datetime:
    return datetime.now(UTC)


def canonical_json(value: Any) -> bytes:
    """Deterministic JSON bytes (sorted keys, no spaces, UTF-8): hashes agree on both sides."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def sha256_json(value: Any) -> str:
    return hashlib.sha256(canonical_json(value)).hexdigest()


def page_checksum(changes: list[Change], reference: list[RefItem]) -> str:
    """Checksum of a pull page over its canonical JSON, checked by the client before applying."""
    return sha256_json({"changes": [c.model_dump(mode="json") for c in changes],
                        "reference": [r.model_dump(mode="json") for r in reference]})


def compress(data: bytes) -> bytes:
    """gzip, level 6: the best ratio/CPU trade-off for JSON on a slow link."""
    return gzip.compress(data, compresslevel=6, mtime=0)


class TooLarge(ValueError):
    """A body that inflates beyond the limit (a gzip bomb or a misbehaving client)."""


def decompress(data: bytes, encoding: str, limit: int = MAX_DECOMPRESSED) -> bytes:
    """Inflate a request body declared with Content-Encoding, refusing to grow past ``limit``."""
    encoding = (encoding or "identity").strip().lower()
    if encoding in ("", "identity"):
        if len(data) > limit:
            raise TooLarge()
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise ValueError(f"unsupported content encoding {encoding!r}")
    wbits = 47 if encoding != "deflate" else 15  # 47 = auto-detect gzip/zlib header
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, limit + 1)
        if len(out) > limit or inflater.unconsumed_tail:
            raise TooLarge()
        out += inflater.flush()
    except zlib.error:
        raise ValueError("corrupt compressed body") from None
    if len(out) > limit:
        raise TooLarge()
    if not inflater.eof:
        raise ValueError("truncated compressed body")
    return out
