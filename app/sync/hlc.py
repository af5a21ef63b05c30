"""Hybrid logical clock: orders one device's edits even when the laptop clock jumps back.

Format ``<13-digit ms>-<4-digit counter>-<device id>``: sortable as text. The wall clock is
never trusted to resolve conflicts (sync.md); the HLC only orders a device's own edits.
"""

from __future__ import annotations

import time
from typing import Any

from app.domain import SyncMeta


def parse(hlc: str) -> tuple[int, int]:
    ms, counter, _device = hlc.split("-", 2)
    return int(ms), int(counter)


def next_hlc(session: Any, device_id: str, now_ms: int | None = None) -> str:
    now = int(time.time() * 1000) if now_ms is None else now_ms
    row = session.get(SyncMeta, "hlc")
    last_ms, last_counter = parse(row.value) if row else (0, 0)
    if now > last_ms:
        ms, counter = now, 0
    else:
        ms, counter = last_ms, last_counter + 1
    value = f"{ms:013d}-{counter:04d}-{device_id}"
    if row is None:
        session.add(SyncMeta(key="hlc", value=value))
    else:
        row.value = value
        session.add(row)
    return value
