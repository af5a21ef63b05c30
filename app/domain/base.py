"""Shared building blocks of the domain model.

Keys are client-generated UUIDv7 strings so that a laptop can create rows offline and the county
can merge them without collisions; time-ordering keeps B-tree inserts cheap. Timestamps are UTC.
"""

from __future__ import annotations

import os
import threading
import time
from datetime import UTC, datetime

from sqlmodel import Field, SQLModel

_lock = threading.Lock()
_last_ms = 0
_seq = 0


def uuid7(ms: int | None = None, rand: bytes | None = None) -> str:
    """A UUIDv7 (RFC 9562) string.

    Within one millisecond a 12-bit counter keeps the ids of one process strictly increasing,
    which keeps device-local ordering stable. ``ms``/``rand`` let the demo generator be
    deterministic by seed.
    """
    global _last_ms, _seq
    if ms is None:
        with _lock:
            now = time.time_ns() // 1_000_000
            if now <= _last_ms:
                _seq += 1
                if _seq > 0xFFF:
                    _last_ms += 1
                    _seq = 0
                now = _last_ms
            else:
                _seq = 0
            _last_ms = now
            ms, counter = now, _seq
    else:
        counter = None
    rnd = rand if rand is not None else os.urandom(10)
    rand_a = counter if counter is not None else int.from_bytes(rnd[:2], "big") & 0xFFF
    rand_b = int.from_bytes(rnd[2:10], "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    h = f"{value:032x}"  # what str(uuid.UUID(int=value)) gives, at half the cost (bulk demo data)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def utcnow() -> datetime:
    """Aware UTC 'now': every stored datetime is UTC, converted to local time only for display."""
    return datetime.now(UTC)


class Synced(SQLModel):
    """Columns every syncable row carries: its key, server revision, tombstone and update time.

    ``rev`` is the per-row sync state: the server revision this copy is based on (0 = never
    acknowledged by the county). Deletes are soft so that they can sync.
    """

    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    rev: int = Field(default=0)
    deleted: bool = Field(default=False)
    updated_at: datetime = Field(default_factory=utcnow)
